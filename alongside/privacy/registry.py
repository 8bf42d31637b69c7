"""The one list of every model that refers to a person: how each is exported and how
each is erased, or why it is left out of the download.

Each app's part lives beside the app (`<app>/exports.py` for the download, its
actions for erasing words); the shape of an entry is in `entries.py`.

`test_registry.py` walks every installed model (allauth's and Django's included) and
fails when a foreign key, one-to-one or many-to-many link to the person model has no
entry here. A new model that refers to a person therefore needs a decision before the
tests pass again.

Exports hold only the person's own words and data: never another peer's words, never
who reported whom, never a secret (second-step keys, invitation codes).

Erasure: DELETE rows go with the account (the link is `on_delete=CASCADE`); DETACH
rows stay for the group or the organisation without any link to the person
(`on_delete=SET_NULL`). An entry's `prepare` runs first, inside the same transaction,
for words that must go even when the row stays.
"""

from __future__ import annotations

from alongside.access import exports as access_exports
from alongside.accounts import exports as account_exports
from alongside.agreements import actions as agreement_actions
from alongside.agreements import exports as agreement_exports
from alongside.buddying import actions as buddying_actions
from alongside.buddying import exports as buddying_exports
from alongside.conversations import exports as conversation_exports
from alongside.insights import exports as insights_exports
from alongside.meetings import exports as meeting_exports
from alongside.notifications import exports as notification_exports
from alongside.organisations import exports as organisation_exports
from alongside.peergroups import exports as group_exports
from alongside.privateconversations import data_rights as private_data
from alongside.safety import erasure as safety_erasure
from alongside.safety import exports as safety_exports
from alongside.safetyplans.export import export_plan, export_plans_shared_with
from alongside.supporters import exports as supporter_exports

from .entries import Entry, Erasure, Row

__all__ = ["REGISTRY", "Entry", "Erasure", "Row", "entries_by_key"]


# ---- The registry -------------------------------------------------------------------

_DELETED = "Deleted with your account."

REGISTRY: tuple[Entry, ...] = (
    Entry(
        "accounts.Person_groups",
        "person",
        "Staff-site groups",
        Erasure.DELETE,
        _DELETED,
        export=account_exports.export_django_groups,
    ),
    Entry(
        "accounts.Person_user_permissions",
        "person",
        "Staff-site permissions",
        Erasure.DELETE,
        _DELETED,
        export=account_exports.export_django_permissions,
    ),
    Entry(
        "account.EmailAddress",
        "user",
        "Email addresses",
        Erasure.DELETE,
        _DELETED,
        export=account_exports.export_email_addresses,
    ),
    Entry(
        "mfa.Authenticator",
        "user",
        "Two-step sign-in",
        Erasure.DELETE,
        "Deleted with your account, secrets and recovery codes included.",
        export=account_exports.export_second_factor,
    ),
    Entry(
        "organisations.OrganisationRole",
        "person",
        "Your roles in organisations",
        Erasure.DELETE,
        _DELETED,
        export=organisation_exports.export_roles,
    ),
    Entry(
        "organisations.Invitation",
        "created_by",
        "Invitations you created",
        Erasure.DETACH,
        "Stay with the organisation so that codes already given out keep working.",
        export=organisation_exports.export_invitations,
    ),
    Entry(
        "peergroups.Membership",
        "person",
        "Your groups and display names",
        Erasure.DELETE,
        _DELETED,
        export=group_exports.export_memberships,
    ),
    Entry(
        "notifications.Notification",
        "person",
        "Notifications",
        Erasure.DELETE,
        _DELETED,
        export=notification_exports.export_notifications,
    ),
    Entry(
        "agreements.Proposal",
        "proposed_by",
        "Your suggestions for group agreements",
        Erasure.DETACH,
        "Stay in the group's agreement history without your name. If you remove "
        "your words, your reasons are erased and open suggestions are withdrawn.",
        export=agreement_exports.export_proposals,
        prepare=agreement_actions.erase_agreement_words,
    ),
    Entry(
        "agreements.Response",
        "person",
        "Your answers in consent rounds",
        Erasure.DELETE,
        _DELETED,
        export=agreement_exports.export_agreement_responses,
    ),
    Entry(
        "agreements.Comment",
        "person",
        "Your comments on agreement suggestions",
        Erasure.DETACH,
        'Deleted if you remove your words; otherwise kept as "former member".',
        export=agreement_exports.export_comments,
        prepare=agreement_actions.erase_comments,
    ),
    Entry(
        "agreements.Reading",
        "person",
        "Agreements you have read",
        Erasure.DELETE,
        _DELETED,
        export=agreement_exports.export_readings,
    ),
    Entry(
        "conversations.Thread",
        "author",
        "Conversations you started",
        Erasure.DETACH,
        "Titles are erased if you remove your words; otherwise kept as "
        '"former member". Other people\'s replies stay.',
        export=conversation_exports.export_threads,
        prepare=None,  # titles are handled with the posts, below
    ),
    Entry(
        "conversations.Post",
        "author",
        "Your posts and live messages",
        Erasure.DETACH,
        "Words erased (a quiet note keeps replies making sense), or, if you choose, "
        'shared posts kept as "former member". Held or hidden posts always go.',
        export=safety_exports.export_posts,
        prepare=safety_erasure.erase_posts_and_notes,
    ),
    Entry(
        "conversations.Response",
        "person",
        "Your supportive responses",
        Erasure.DELETE,
        _DELETED,
        export=conversation_exports.export_post_responses,
    ),
    Entry(
        "conversations.TopicFilter",
        "person",
        "Your topic filters",
        Erasure.DELETE,
        _DELETED,
        export=conversation_exports.export_topic_filters,
    ),
    Entry(
        "conversations.Participation",
        "person",
        'How you take part ("just listening")',
        Erasure.DELETE,
        _DELETED,
        export=conversation_exports.export_participation,
    ),
    Entry(
        "conversations.LiveConnection",
        "person",
        "Open live-room connections",
        Erasure.DELETE,
        "Your open sockets are closed and their rows deleted.",
        not_exported_because="It only records a live-room window open right now; "
        "it holds nothing you wrote or chose and is gone when you close it.",
    ),
    Entry(
        "safety.PhraseRuleVersion",
        "changed_by",
        "Screening rules you changed",
        Erasure.DETACH,
        "The organisation's rule history stays without your name.",
        export=safety_exports.export_phrase_rule_changes,
    ),
    Entry(
        "safety.Report",
        "reporter",
        "Reports you made",
        Erasure.DELETE,
        _DELETED,
        export=safety_exports.export_reports,
    ),
    Entry(
        "safety.ModerationDecision",
        "decided_by",
        "Moderation decisions you made",
        Erasure.DETACH,
        "The group's record of decisions stays without your name.",
        export=safety_exports.export_decisions_made,
    ),
    Entry(
        "safety.DutyPeriod",
        "person",
        "Your time on duty",
        Erasure.DELETE,
        _DELETED,
        export=safety_exports.export_duty_periods,
    ),
    Entry(
        "safety.EscalationStep",
        "person",
        "Your place in an escalation chain",
        Erasure.DELETE,
        _DELETED,
        export=safety_exports.export_escalation_steps,
    ),
    Entry(
        "safety.Escalation",
        "person_at_risk",
        "Alerts raised because you might have been at risk",
        Erasure.DELETE,
        _DELETED,
        export=safety_exports.export_alerts_about_you,
    ),
    Entry(
        "safety.Escalation",
        "acknowledged_by",
        "Alerts you acknowledged",
        Erasure.DETACH,
        "The organisation's record stays without your name.",
        export=safety_exports.export_alerts_acknowledged,
    ),
    Entry(
        "safety.Escalation_alerted",
        "person",
        "Alerts sent to you",
        Erasure.DELETE,
        _DELETED,
        export=safety_exports.export_alerts_received,
    ),
    Entry(
        "safety.EscalationEvent",
        "person",
        "Your steps in handling alerts",
        Erasure.DETACH,
        "The organisation's record stays without your name.",
        export=safety_exports.export_escalation_events,
    ),
    Entry(
        "safety.Incident",
        "recorded_by",
        "Incidents you recorded",
        Erasure.DETACH,
        "The organisation's incident log stays without your name.",
        export=safety_exports.export_incidents_recorded,
    ),
    Entry(
        "access.StaffRead",
        "author",
        "Times staff read your words",
        Erasure.DELETE,
        _DELETED,
        export=access_exports.export_staff_reads_of_yours,
    ),
    Entry(
        "access.StaffRead",
        "reader",
        "Times you read a peer's words as staff",
        Erasure.DETACH,
        "The organisation's record of staff reads stays without your name.",
        export=access_exports.export_staff_reads_you_made,
    ),
    # ---- Supporters (alongside/supporters/exports.py) ----
    Entry(
        "supporters.TrainingRecord",
        "person",
        "Your training",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_training,
    ),
    Entry(
        "supporters.TrainingRecord",
        "recorded_by",
        "Training you recorded for others",
        Erasure.DETACH,
        "Their training records stay without your name.",
        export=supporter_exports.export_training_recorded,
    ),
    Entry(
        "supporters.Supervision",
        "supporter",
        "Who supervised you",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_supervised_by,
    ),
    Entry(
        "supporters.Supervision",
        "supervisor",
        "When you supervised people",
        Erasure.DELETE,
        "Deleted with your account; the people you supervised are shown as without "
        "a supervisor.",
        export=supporter_exports.export_supervising,
    ),
    Entry(
        "supporters.SupervisionSession",
        "supervisee",
        "Your supervision sessions, notes and reflections",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_my_supervision_sessions,
    ),
    Entry(
        "supporters.SupervisionSession",
        "supervisor",
        "Supervision sessions you held",
        Erasure.DETACH,
        "Stay in the supervisee's own record without your name.",
        export=supporter_exports.export_sessions_held,
    ),
    Entry(
        "supporters.CheckIn",
        "person",
        "Your self-care check-ins",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_check_ins,
    ),
    Entry(
        "supporters.SupporterProfile",
        "person",
        "Your caseload and breaks",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_supporter_profiles,
    ),
    Entry(
        "supporters.Shift",
        "person",
        "Your shifts on the rota",
        Erasure.DETACH,
        "The rota keeps the shift as a gap to fill, without your name.",
        export=supporter_exports.export_shifts,
    ),
    Entry(
        "supporters.HelpRequest",
        "person",
        "Times you asked for help",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_help_asked,
    ),
    Entry(
        "supporters.HelpRequest",
        "acknowledged_by",
        "Requests for help you answered",
        Erasure.DETACH,
        "The organisation's record stays without your name.",
        export=supporter_exports.export_help_answered,
    ),
    Entry(
        "supporters.HelpRequest_alerted",
        "person",
        "Requests for help that reached you",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_help_received,
    ),
    Entry(
        "supporters.FollowUp",
        "person",
        "Follow-ups offered to you after a crisis you handled",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_follow_ups,
    ),
    Entry(
        "supporters.FacilitatedMeeting",
        "person",
        "Meetings you facilitated, and your debriefs after them",
        Erasure.DELETE,
        _DELETED,
        export=supporter_exports.export_facilitated_meetings,
    ),
    Entry(
        "supporters.FacilitatedMeeting",
        "recorded_by",
        "Times you said who facilitated a meeting",
        Erasure.DETACH,
        "The facilitators' records stay without your name.",
        export=supporter_exports.export_facilitators_recorded,
    ),
    Entry(
        "supporters.MeetingDebrief",
        "supervisor",
        "Debriefs sent to you as a supervisor",
        Erasure.DETACH,
        "Stay in the writer's own record without your name.",
        export=supporter_exports.export_debriefs_received,
    ),
    Entry(
        "privateconversations.Conversation",
        "person",
        "Your private conversations with a team",
        Erasure.DELETE,
        "Deleted with your account, with the key to their words, for everyone in them.",
        export=private_data.export_conversations,
    ),
    Entry(
        "privateconversations.Participant",
        "person",
        "Your places in private conversations",
        Erasure.DELETE,
        _DELETED,
        export=private_data.export_places,
    ),
    Entry(
        "privateconversations.Message",
        "author",
        "Your messages in private conversations",
        Erasure.DETACH,
        "Your words in someone else's conversation stay for them without your "
        "name, unless you choose to remove your words.",
        export=private_data.export_messages,
        prepare=private_data.erase_messages,
    ),
    Entry(
        "meetings.CalendarFeed",
        "person",
        "Your calendar address and quiet hours",
        Erasure.DELETE,
        "Deleted with your account; the private calendar address stops working.",
        export=meeting_exports.export_calendar_feed,
    ),
    Entry(
        "meetings.MeetingChoice",
        "person",
        "Your reminders and calendar choices for groups",
        Erasure.DELETE,
        _DELETED,
        export=meeting_exports.export_meeting_choices,
    ),
    Entry(
        "meetings.Rsvp",
        "person",
        "Meetings you said you would come to",
        Erasure.DELETE,
        _DELETED,
        export=meeting_exports.export_rsvps,
    ),
    Entry(
        "meetings.SentReminder",
        "person",
        "Reminders already sent to you",
        Erasure.DELETE,
        _DELETED,
        not_exported_because="It only records that a reminder went, so that it "
        "is not sent twice; the reminder itself is among your notifications.",
    ),
    Entry(
        "meetings.VenueCheckTurn",
        "person",
        "When you may next be asked about a venue",
        Erasure.DELETE,
        "Deleted with your account. Your answers about venues were never linked "
        "to you, so they stay, as they cannot be found.",
        export=meeting_exports.export_venue_check_turns,
    ),
    Entry(
        "meetings.Meeting",
        "created_by",
        "Meetings you added",
        Erasure.DETACH,
        "The group's meetings stay without your name.",
        export=meeting_exports.export_meetings_created,
    ),
    Entry(
        "meetings.Venue",
        "checklist_waived_by",
        "Venue checklists you let wait",
        Erasure.DETACH,
        "The organisation's record of the decision stays without your name.",
        export=meeting_exports.export_checklists_waived,
    ),
    Entry(
        "safetyplans.SafetyPlan",
        "owner",
        "My plan: every version, and who you shared it with",
        Erasure.DELETE,
        "Deleted with your account, with every version and share; your own key "
        "is destroyed too, so no copy of it can be read again.",
        export=export_plan,
    ),
    Entry(
        "safetyplans.PlanShare",
        "recipient",
        "Plans other people shared with you (when, never their words)",
        Erasure.DETACH,
        "The owner keeps their own record of the share, without your name; you "
        "can no longer open it.",
        export=export_plans_shared_with,
    ),
    Entry(
        "insights.Answered",
        "person",
        "Meetings and weeks you gave anonymous feedback about",
        Erasure.DELETE,
        "Deleted with your account. Your answers themselves were never linked to "
        "you, so they stay, as they cannot be found.",
        export=insights_exports.export_answered,
    ),
    Entry(
        "insights.FeltSafetyPrompt",
        "person",
        "Whether and when you are asked how meetings felt",
        Erasure.DELETE,
        _DELETED,
        export=insights_exports.export_prompt,
    ),
    Entry(
        "insights.OwnScore",
        "person",
        "Your own copy of how meetings felt",
        Erasure.DELETE,
        _DELETED,
        export=insights_exports.export_own_scores,
    ),
    Entry(
        "insights.Change",
        "made_by",
        '"You said, we did" notes you wrote for a group',
        Erasure.DETACH,
        "The group's notes stay without your name.",
        export=insights_exports.export_changes,
    ),
    Entry(
        "insights.Report",
        "requested_by",
        "Commissioner's reports you asked for",
        Erasure.DETACH,
        "The organisation's reports stay without your name.",
        export=insights_exports.export_reports,
    ),
    # One-to-one support (alongside/buddying/exports.py).
    Entry(
        "buddying.SupportRequest",
        "peer",
        "Your requests for a one-to-one supporter",
        Erasure.DELETE,
        _DELETED,
        export=buddying_exports.export_requests,
    ),
    Entry(
        "buddying.SupportProfile",
        "person",
        "What you share for one-to-one matching",
        Erasure.DELETE,
        _DELETED,
        export=buddying_exports.export_support_profiles,
    ),
    Entry(
        "buddying.Offer",
        "supporter",
        "One-to-one requests you were asked to take",
        Erasure.DELETE,
        _DELETED,
        export=buddying_exports.export_offers_received,
    ),
    Entry(
        "buddying.Offer",
        "offered_by",
        "One-to-one requests you offered to supporters",
        Erasure.DETACH,
        "The offer stays for the people in it, without your name.",
        export=buddying_exports.export_offers_made,
    ),
    Entry(
        "buddying.ConflictFlag",
        "supporter",
        "People you said you know, so you are never matched",
        Erasure.DELETE,
        _DELETED,
        export=buddying_exports.export_known_people,
    ),
    Entry(
        "buddying.ConflictFlag",
        "peer",
        "A supporter said they know you",
        Erasure.DELETE,
        _DELETED,
        not_exported_because="It belongs to the supporter who said it, and only "
        "keeps the two of you from being matched.",
    ),
    Entry(
        "buddying.Match",
        "peer",
        "Your one-to-one support, with every version of its agreement",
        Erasure.DELETE,
        "Deleted with your account, with its agreement; your private conversation "
        "with your supporter goes too.",
        export=buddying_exports.export_matches,
    ),
    Entry(
        "buddying.Match",
        "supporter",
        "One-to-one support you gave",
        Erasure.DELETE,
        "Deleted with your account; the conversation with the person you supported "
        "is closed first, and stays theirs to read.",
        not_exported_because="It is in the entry above, with your part in it.",
        prepare=buddying_actions.end_supporting_before_erasure,
    ),
    Entry(
        "buddying.AgreementVersion",
        "proposed_by",
        "Versions of a support agreement you wrote",
        Erasure.DETACH,
        "The version stays for the other person, without your name.",
        export=buddying_exports.export_versions_proposed,
    ),
    Entry(
        "buddying.MeetingNote",
        "author",
        "Notes you wrote after one-to-one meetings",
        Erasure.DETACH,
        "The note stays for the person you supported, without your name.",
        export=buddying_exports.export_notes_written,
    ),
)


def entries_by_key() -> dict[str, Entry]:
    return {entry.key: entry for entry in REGISTRY}
