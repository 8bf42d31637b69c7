"""Supporters' pages: my support work, training, the team, supervision sessions,
check-ins, caseload, the rota and "I need help". Views translate; permissions
decide; actions write."""

from __future__ import annotations

from alongside.supporters.views.my_pages import help_ask, help_detail, index, mine
from alongside.supporters.views.rota_pages import (
    GAPS_AHEAD,
    RotaRow,
    rota,
    shift_swap,
    shift_take,
)
from alongside.supporters.views.selfcare_pages import caseload, check_in, check_in_share
from alongside.supporters.views.team_pages import (
    registration,
    session_create,
    session_detail,
    team,
)
from alongside.supporters.views.training_pages import (
    module_remove,
    module_restore,
    training,
    training_record,
)

__all__ = [
    "GAPS_AHEAD",
    "RotaRow",
    "caseload",
    "check_in",
    "check_in_share",
    "help_ask",
    "help_detail",
    "index",
    "mine",
    "module_remove",
    "module_restore",
    "registration",
    "rota",
    "session_create",
    "session_detail",
    "shift_swap",
    "shift_take",
    "team",
    "training",
    "training_record",
]
