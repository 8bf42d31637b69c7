"""Every change in one-to-one support: asking, offers and matches, working
together (the agreement, notes, meetings and checks), the end and referrals on,
and the organisation's settings. The single writer of every buddying model.

Each action checks permission, keeps the invariants, writes, and only after the
commit tells anyone (`notify` waits for it). Notices are in the system's own words
and never carry what anyone wrote.

The actions live in one module per concern; import them from here.
"""

from __future__ import annotations

from alongside.buddying.actions.ending import (
    KEEP_SURVEYS_FOR,
    REMINDERS,
    answer_ending_survey,
    delete_conversation,
    forget_old_surveys,
    remind_of_endings,
)
from alongside.buddying.actions.matches import (
    ask_for_change,
    end_support,
    end_supporting_before_erasure,
)
from alongside.buddying.actions.meeting_checks import (
    OFFERED_WITHIN,
    answer_meeting_check,
    offer_checks_after_meetings,
)
from alongside.buddying.actions.offers import (
    FULL,
    NOT_SUGGESTABLE,
    OFFER_OPEN_FOR,
    accept_offer,
    decline_offer,
    lapse_expired_offers,
    offer_request,
)
from alongside.buddying.actions.pair_settings import (
    MOST_TEAMS,
    TEAM_LENGTH,
    save_pair_settings,
    tidy_teams,
)
from alongside.buddying.actions.referrals import (
    NOT_IN_DIRECTORY,
    NOTHING_TICKED,
    countersign_referral,
    give_consent,
    record_referral,
)
from alongside.buddying.actions.requests import (
    DOUBLE_CLICK,
    NOT_A_TEAM,
    ask_for_support,
    save_support_profile,
    withdraw_request,
)
from alongside.buddying.actions.working_together import (
    CHECK_OUT_GRACE,
    IN_PERSON_ONLY,
    agree_to_agreement,
    agree_to_meeting,
    alert_missed_check_outs,
    answer_check,
    ask_coordinators_to_offer_change,
    cancel_meeting,
    check_in,
    check_out,
    decline_meeting,
    plan_meeting,
    propose_agreement,
    withdraw_meeting,
    write_meeting_note,
)

__all__ = [
    "CHECK_OUT_GRACE",
    "DOUBLE_CLICK",
    "FULL",
    "IN_PERSON_ONLY",
    "KEEP_SURVEYS_FOR",
    "MOST_TEAMS",
    "NOTHING_TICKED",
    "NOT_A_TEAM",
    "NOT_IN_DIRECTORY",
    "NOT_SUGGESTABLE",
    "OFFERED_WITHIN",
    "OFFER_OPEN_FOR",
    "REMINDERS",
    "TEAM_LENGTH",
    "accept_offer",
    "agree_to_agreement",
    "agree_to_meeting",
    "alert_missed_check_outs",
    "answer_check",
    "answer_ending_survey",
    "answer_meeting_check",
    "ask_coordinators_to_offer_change",
    "ask_for_change",
    "ask_for_support",
    "cancel_meeting",
    "check_in",
    "check_out",
    "countersign_referral",
    "decline_meeting",
    "decline_offer",
    "delete_conversation",
    "end_support",
    "end_supporting_before_erasure",
    "forget_old_surveys",
    "give_consent",
    "lapse_expired_offers",
    "offer_checks_after_meetings",
    "offer_request",
    "plan_meeting",
    "propose_agreement",
    "record_referral",
    "remind_of_endings",
    "save_pair_settings",
    "save_support_profile",
    "tidy_teams",
    "withdraw_meeting",
    "withdraw_request",
    "write_meeting_note",
]
