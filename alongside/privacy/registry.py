"""The one list of every model that refers to a person: how each is exported and how
each is erased, or why it is left out of the download.

Each app's part lives beside the app (`<app>/exports.py` for the download, its
actions for erasing words); the shape of an entry is in `entries.py`. The entries
for support beyond a group's words (supporters, private conversations, meetings,
plans, insights and one-to-one support) are in `support_entries.py`.

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
from alongside.conversations import exports as conversation_exports
from alongside.notifications import exports as notification_exports
from alongside.organisations import exports as organisation_exports
from alongside.peergroups import exports as group_exports
from alongside.safety import erasure as safety_erasure
from alongside.safety import exports as safety_exports

from .check_entries import CHECK_ENTRIES
from .entries import DELETED, Entry, Erasure, Row
from .one_to_one_entries import ONE_TO_ONE_ENDING_ENTRIES
from .support_entries import SUPPORT_ENTRIES

__all__ = ["REGISTRY", "Entry", "Erasure", "Row", "entries_by_key"]


# ---- The registry -------------------------------------------------------------------


REGISTRY: tuple[Entry, ...] = (
    Entry(
        "accounts.Person_groups",
        "person",
        "Staff-site groups",
        Erasure.DELETE,
        DELETED,
        export=account_exports.export_django_groups,
    ),
    Entry(
        "accounts.Person_user_permissions",
        "person",
        "Staff-site permissions",
        Erasure.DELETE,
        DELETED,
        export=account_exports.export_django_permissions,
    ),
    Entry(
        "account.EmailAddress",
        "user",
        "Email addresses",
        Erasure.DELETE,
        DELETED,
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
        DELETED,
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
        DELETED,
        export=group_exports.export_memberships,
    ),
    Entry(
        "notifications.Notification",
        "person",
        "Notifications",
        Erasure.DELETE,
        DELETED,
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
        DELETED,
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
        DELETED,
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
        DELETED,
        export=conversation_exports.export_post_responses,
    ),
    Entry(
        "conversations.TopicFilter",
        "person",
        "Your topic filters",
        Erasure.DELETE,
        DELETED,
        export=conversation_exports.export_topic_filters,
    ),
    Entry(
        "conversations.Participation",
        "person",
        'How you take part ("just listening")',
        Erasure.DELETE,
        DELETED,
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
        DELETED,
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
        DELETED,
        export=safety_exports.export_duty_periods,
    ),
    Entry(
        "safety.EscalationStep",
        "person",
        "Your place in an escalation chain",
        Erasure.DELETE,
        DELETED,
        export=safety_exports.export_escalation_steps,
    ),
    Entry(
        "safety.Escalation",
        "person_at_risk",
        "Alerts raised because you might have been at risk",
        Erasure.DELETE,
        DELETED,
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
        DELETED,
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
        DELETED,
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
    *SUPPORT_ENTRIES,
    *CHECK_ENTRIES,
    *ONE_TO_ONE_ENDING_ENTRIES,
)


def entries_by_key() -> dict[str, Entry]:
    return {entry.key: entry for entry in REGISTRY}
