"""Every change for supporters: the training path and completions, who supervises
whom, supervision sessions and their notes, self-care check-ins, caseloads and
breaks, the rota, and "I need help".

Each action checks permission, keeps its invariants, writes, and only after the
transaction commits tells anyone (notifications, live alerts, tasks). Messages are
the system's own words; nothing here logs or sends a supervision note or a
reflection."""

from __future__ import annotations

from alongside.supporters.actions.background import (
    DAILY_AT,
    check_supporters_daily,
    schedule_daily_check,
)
from alongside.supporters.actions.help import acknowledge_help, ask_for_help
from alongside.supporters.actions.rota import (
    LONGEST_SHIFT,
    add_shift,
    ask_for_swap,
    take_shift,
)
from alongside.supporters.actions.selfcare import (
    end_break,
    profile_for,
    record_check_in,
    set_caseload,
    set_registration,
    share_check_in,
    take_break,
)
from alongside.supporters.actions.supervision import (
    assign_supervisor,
    schedule_session,
    tell_supervisors_of_overdue_supervision,
    write_reflection,
    write_session_notes,
)
from alongside.supporters.actions.training import (
    EARLIEST_TRAINING_DAY,
    add_training_module,
    copy_starter_path,
    record_training,
    remind_expiring_training,
    remove_training_module,
    restore_training_module,
)

__all__ = [
    "DAILY_AT",
    "EARLIEST_TRAINING_DAY",
    "LONGEST_SHIFT",
    "acknowledge_help",
    "add_shift",
    "add_training_module",
    "ask_for_help",
    "ask_for_swap",
    "assign_supervisor",
    "check_supporters_daily",
    "copy_starter_path",
    "end_break",
    "profile_for",
    "record_check_in",
    "record_training",
    "remind_expiring_training",
    "remove_training_module",
    "restore_training_module",
    "schedule_daily_check",
    "schedule_session",
    "set_caseload",
    "set_registration",
    "share_check_in",
    "take_break",
    "take_shift",
    "tell_supervisors_of_overdue_supervision",
    "write_reflection",
    "write_session_notes",
]
