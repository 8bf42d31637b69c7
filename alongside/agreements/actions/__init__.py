"""Every change to group agreements. Each action checks permission, keeps the
invariants, writes, and only then tells anyone (after the transaction commits).

Notifications are always the system's own words and go only to people who are
active in the group: nobody taking a break is chased.

The actions live in one module per concern (proposals, adoption, reading,
organisation_items, reminders, erasure); import them from here.
"""

from __future__ import annotations

from .adoption import adopt_proposal, update_agreement_settings
from .erasure import erase_agreement_words, erase_comments
from .organisation_items import (
    remove_organisation_item,
    restore_organisation_item,
    save_organisation_item,
)
from .proposals import (
    Change,
    add_months,
    amend_proposal,
    comment_on_proposal,
    propose_changes,
    respond_to_proposal,
    start_review,
    withdraw_objection,
    withdraw_proposal,
)
from .reading import ask_to_talk_first, confirm_agreement
from .reminders import send_review_reminders

__all__ = [
    "Change",
    "add_months",
    "adopt_proposal",
    "amend_proposal",
    "ask_to_talk_first",
    "comment_on_proposal",
    "confirm_agreement",
    "erase_agreement_words",
    "erase_comments",
    "propose_changes",
    "remove_organisation_item",
    "respond_to_proposal",
    "restore_organisation_item",
    "save_organisation_item",
    "send_review_reminders",
    "start_review",
    "update_agreement_settings",
    "withdraw_objection",
    "withdraw_proposal",
]
