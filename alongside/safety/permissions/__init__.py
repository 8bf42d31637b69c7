"""Who may see and do what in safety: phrase rules, reports, the moderation queue,
being on duty, escalations and incidents. The only place that decides.

- Organisation-wide rules belong to the organisation's admins. A group's own rules can
  also be edited by that group's facilitators.
- Anyone who can read a post (a current member) may report someone else's shared post.
- Authors act on their own held posts: remove details in one click, appeal.
- The moderation queue is the group's facilitators'. Organisation admins see that the
  queue exists and how urgent it is (labels only); they do not read group content.
- Deciding about a post means reading it, so only a post waiting for a decision
  (reported, held, flagged for risk to life, or hidden and appealed) may be opened
  to decide about; any other post answers 404, as if it did not exist.
- Nobody decides about their own post: a facilitator sees theirs waiting for someone
  else. When the author is the group's only facilitator, an organisation admin
  decides about that post (and reading it is recorded).
- Supervisors and admins read one post only when an escalation about it reached them,
  and that reading is logged (EscalationEvent "viewed").
- Staff (facilitator, supervisor, admin) go on and off duty for their organisation.
- Incidents are recorded by staff; admins and supervisors read the organisation's log,
  facilitators the incidents of their own groups and those they recorded.

Refusals about a group the person can see are 403; anything else they may not see is
404, as is anything missing (existence is never leaked).

The rules live in one module per concern (phrase_rules, reports, held_posts,
moderation, duty, incidents, everywhere); import them from here.
"""

from __future__ import annotations

from .duty import (
    can_acknowledge,
    can_edit_escalation_chain,
    can_go_off_duty,
    can_go_on_duty,
    can_message_from_alert,
    can_open_post_from_alert,
    check_acknowledge,
    check_edit_escalation_chain,
    check_go_off_duty,
    check_go_on_duty,
    check_message_from_alert,
    duty_organisations_of,
    escalations_visible_to,
    get_escalation_for,
    reads_post_only_through_alert,
)
from .everywhere import (
    escalations_to_acknowledge_by,
    incidents_visible_anywhere_to,
    queue_groups_visible_to,
)
from .held_posts import (
    can_appeal,
    can_redact_own_post,
    check_appeal,
    check_redact_own_post,
)
from .incidents import (
    can_record_incident,
    can_see_all_incidents,
    can_update_incident,
    check_record_incident,
    check_update_incident,
    get_incident_for,
    incidents_visible_to,
)
from .moderation import (
    can_decide_on,
    can_moderate,
    can_read_queue_words,
    can_read_report_notes,
    can_reply_to_decision,
    can_see_queue,
    can_see_reports_on,
    check_decide_on,
    check_moderate,
    check_reply_to_decision,
    check_see_queue,
    decisions_visible_to,
    get_decision_for,
    get_post_decided_meanwhile,
    get_post_to_moderate,
    people_who_may_decide_on,
    posts_decidable_by,
    reads_decision_as_staff,
)
from .phrase_rules import (
    can_edit_phrase_rules,
    can_open_phrase_rules,
    check_edit_phrase_rules,
    check_open_phrase_rules,
    get_phrase_rule_for,
    phrase_rule_groups_for,
    phrase_rules_visible_to,
)
from .reports import can_report, check_report, get_readable_post_for

__all__ = [
    "can_acknowledge",
    "can_appeal",
    "can_decide_on",
    "can_edit_escalation_chain",
    "can_edit_phrase_rules",
    "can_go_off_duty",
    "can_go_on_duty",
    "can_message_from_alert",
    "can_moderate",
    "can_open_phrase_rules",
    "can_open_post_from_alert",
    "can_read_queue_words",
    "can_read_report_notes",
    "can_record_incident",
    "can_redact_own_post",
    "can_reply_to_decision",
    "can_report",
    "can_see_all_incidents",
    "can_see_queue",
    "can_see_reports_on",
    "can_update_incident",
    "check_acknowledge",
    "check_appeal",
    "check_decide_on",
    "check_edit_escalation_chain",
    "check_edit_phrase_rules",
    "check_go_off_duty",
    "check_go_on_duty",
    "check_message_from_alert",
    "check_moderate",
    "check_open_phrase_rules",
    "check_record_incident",
    "check_redact_own_post",
    "check_reply_to_decision",
    "check_report",
    "check_see_queue",
    "check_update_incident",
    "decisions_visible_to",
    "duty_organisations_of",
    "escalations_to_acknowledge_by",
    "escalations_visible_to",
    "get_decision_for",
    "get_escalation_for",
    "get_incident_for",
    "get_phrase_rule_for",
    "get_post_decided_meanwhile",
    "get_post_to_moderate",
    "get_readable_post_for",
    "incidents_visible_anywhere_to",
    "incidents_visible_to",
    "people_who_may_decide_on",
    "phrase_rule_groups_for",
    "phrase_rules_visible_to",
    "posts_decidable_by",
    "queue_groups_visible_to",
    "reads_decision_as_staff",
    "reads_post_only_through_alert",
]
