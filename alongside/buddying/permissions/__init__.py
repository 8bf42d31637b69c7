"""Who may see and do what in one-to-one support. The only place that decides.

- A peer asks for a supporter in an organisation they belong to, one request at a
  time, and sees and withdraws only their own.
- The organisation's matching coordinators (its facilitators, supervisors and
  admins) see the requests waiting there, never their own. Supporters see a request
  only once it is offered to them, and only while that offer is theirs.
- A supporter answers an offer made to them while it is open and within 72 hours.
- A match, and its support agreement, is seen by its two people only. Either may
  propose a version of the agreement, agree to the latest, or ask for a different
  match while it is active. Their messages are in a private conversation whose own
  rules (`alongside.privateconversations.permissions`) decide who reads it.
- At the end, the peer answers an optional survey that only the coordinators read,
  and may delete the conversation; referrals on are seen by their two people and,
  under the limits of confidentiality, counter-signed by a supervisor.

Anything a person may not see is 404, as is anything missing.

The rules live in one module per concern (requests and offers, matches, the
ending, referrals); import them from here.
"""

from __future__ import annotations

from alongside.buddying.permissions.ending import (
    can_answer_survey,
    can_delete_conversation,
    can_read_surveys,
    check_answer_survey,
    check_delete_conversation,
    surveys_visible_to,
)
from alongside.buddying.permissions.matches import (
    can_agree,
    can_answer_check,
    can_answer_meeting_check,
    can_ask_for_change,
    can_cancel_meeting,
    can_change_pair_settings,
    can_check_in_or_out,
    can_end,
    can_plan_meeting,
    can_propose_agreement,
    can_read_note_words,
    can_write_note,
    check_agree,
    check_answer_check,
    check_answer_meeting_check,
    check_ask_for_change,
    check_cancel_meeting,
    check_change_pair_settings,
    check_check_in_or_out,
    check_end,
    check_plan_meeting,
    check_propose_agreement,
    check_write_note,
    get_match_for,
    matches_visible_to,
    meeting_checks_waiting_for,
    meetings_overseen_by,
    notes_visible_to,
    side_in,
    work_role_shown_to,
)
from alongside.buddying.permissions.referrals import (
    can_countersign,
    can_give_consent,
    can_refer,
    can_sign_referrals,
    check_countersign,
    check_give_consent,
    check_refer,
    get_referral_for,
    referral_side,
    referrals_to_sign_for,
    referrals_visible_to,
)
from alongside.buddying.permissions.requests import (
    LAPSED,
    NOT_OPEN,
    can_ask,
    can_offer,
    can_see_offered_request,
    can_withdraw,
    check_answer,
    check_ask,
    check_offer,
    check_withdraw,
    coordinated_organisations,
    get_offer_for,
    get_own_request_for,
    get_request_to_match_for,
    is_coordinator,
    offers_visible_to,
    open_offers_for,
    own_requests,
    requests_to_match_for,
)

__all__ = [
    "LAPSED",
    "NOT_OPEN",
    "can_agree",
    "can_answer_check",
    "can_answer_meeting_check",
    "can_answer_survey",
    "can_ask",
    "can_ask_for_change",
    "can_cancel_meeting",
    "can_change_pair_settings",
    "can_check_in_or_out",
    "can_countersign",
    "can_delete_conversation",
    "can_end",
    "can_give_consent",
    "can_offer",
    "can_plan_meeting",
    "can_propose_agreement",
    "can_read_note_words",
    "can_read_surveys",
    "can_refer",
    "can_see_offered_request",
    "can_sign_referrals",
    "can_withdraw",
    "can_write_note",
    "check_agree",
    "check_answer",
    "check_answer_check",
    "check_answer_meeting_check",
    "check_answer_survey",
    "check_ask",
    "check_ask_for_change",
    "check_cancel_meeting",
    "check_change_pair_settings",
    "check_check_in_or_out",
    "check_countersign",
    "check_delete_conversation",
    "check_end",
    "check_give_consent",
    "check_offer",
    "check_plan_meeting",
    "check_propose_agreement",
    "check_refer",
    "check_withdraw",
    "check_write_note",
    "coordinated_organisations",
    "get_match_for",
    "get_offer_for",
    "get_own_request_for",
    "get_referral_for",
    "get_request_to_match_for",
    "is_coordinator",
    "matches_visible_to",
    "meeting_checks_waiting_for",
    "meetings_overseen_by",
    "notes_visible_to",
    "offers_visible_to",
    "open_offers_for",
    "own_requests",
    "referral_side",
    "referrals_to_sign_for",
    "referrals_visible_to",
    "requests_to_match_for",
    "side_in",
    "surveys_visible_to",
    "work_role_shown_to",
]
