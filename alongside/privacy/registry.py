"""The one list of every model that refers to a person: how each is exported and how
each is erased, or why it is left out of the download.

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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import partial
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from alongside.access.models import StaffRead
from alongside.accounts.models import Person
from alongside.agreements.models import (
    Comment,
    Proposal,
    ProposalChange,
    ProposalStatus,
    Reading,
)
from alongside.agreements.models import Response as AgreementResponse
from alongside.buddying import actions as buddying_actions
from alongside.buddying import exports as buddying_exports
from alongside.conversations import live
from alongside.conversations.actions import erased_post_fields
from alongside.conversations.models import (
    Participation,
    Post,
    PostStatus,
    Thread,
    TopicFilter,
)
from alongside.conversations.models import Response as PostResponse
from alongside.meetings.models import (
    CalendarFeed,
    Meeting,
    MeetingChoice,
    Rsvp,
    Venue,
    VenueCheckTurn,
)
from alongside.notifications.models import Notification
from alongside.organisations.models import Invitation, OrganisationRole
from alongside.peergroups.models import Membership
from alongside.privateconversations import data_rights as private_data
from alongside.safety.models import (
    DutyPeriod,
    Escalation,
    EscalationEvent,
    EscalationStep,
    HoldAppeal,
    Incident,
    ModerationDecision,
    PhraseRuleVersion,
    Report,
)
from alongside.safetyplans.export import export_plan, export_plans_shared_with
from alongside.supporters import exports as supporter_exports

Row = dict[str, Any]


class Erasure(StrEnum):
    DELETE = "deleted"
    DETACH = "kept without your name"


@dataclass(frozen=True)
class Entry:
    """One link from a model to the person."""

    model: str  # "app_label.ModelName", as in Model._meta.label
    field: str  # the field that refers to the person
    title: str  # a heading in the download
    erasure: Erasure
    what_erasure_does: str  # plain words, shown in docs and tests
    export: Callable[[Person], list[Row]] | None = None
    not_exported_because: str = ""
    # Runs before the account row is deleted; the bool is "keep my posts".
    prepare: Callable[[Person, bool], None] | None = None

    @property
    def key(self) -> str:
        return f"{self.model}.{self.field}"


def _when(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _group_names(person: Person) -> dict[int, str]:
    """Group names the person can rightly see: groups they have or had a place in."""
    return dict(
        Membership.objects.filter(person=person).values_list("group_id", "group__name")
    )


# ---- Exports ------------------------------------------------------------------------


def export_django_groups(person: Person) -> list[Row]:
    return [{"name": name} for name in person.groups.values_list("name", flat=True)]


def export_django_permissions(person: Person) -> list[Row]:
    return [
        {"codename": codename}
        for codename in person.user_permissions.values_list("codename", flat=True)
    ]


def export_email_addresses(person: Person) -> list[Row]:
    return [
        {"email": e.email, "verified": e.verified, "primary": e.primary}
        for e in EmailAddress.objects.filter(user=person)
    ]


def export_second_factor(person: Person) -> list[Row]:
    # Which kinds are set up and when: never the secret or the codes.
    return [
        {
            "kind": a.get_type_display(),
            "set_up_at": _when(a.created_at),
            "last_used_at": _when(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=person)
    ]


def export_roles(person: Person) -> list[Row]:
    return [
        {
            "organisation": r.organisation.name,
            "role": r.get_role_display(),
            "since": _when(r.created_at),
        }
        for r in OrganisationRole.objects.filter(person=person).select_related(
            "organisation"
        )
    ]


def export_invitations(person: Person) -> list[Row]:
    # The code itself is left out: a download can be shared by mistake, and a code
    # still in use would let someone in.
    return [
        {
            "organisation": i.organisation.name,
            "label": i.label,
            "role": i.get_role_display(),
            "uses": i.use_count,
            "max_uses": i.max_uses,
            "created_at": _when(i.created_at),
            "expires_at": _when(i.expires_at),
            "revoked_at": _when(i.revoked_at),
        }
        for i in Invitation.objects.filter(created_by=person).select_related(
            "organisation"
        )
    ]


def export_memberships(person: Person) -> list[Row]:
    return [
        {
            "group": m.group.name,
            "display_name": m.display_name,
            "status": m.get_status_display(),
            "role": m.get_role_display(),
            "asked_or_joined_at": _when(m.created_at),
            "joined_at": _when(m.joined_at),
        }
        for m in Membership.objects.filter(person=person).select_related("group")
    ]


def export_notifications(person: Person) -> list[Row]:
    # Notifications are written by the system, never by another peer.
    return [
        {
            "message": n.message,
            "created_at": _when(n.created_at),
            "read_at": _when(n.read_at),
        }
        for n in Notification.objects.filter(person=person)
    ]


def export_proposals(person: Person) -> list[Row]:
    names = _group_names(person)
    proposals = Proposal.objects.filter(proposed_by=person).select_related("agreement")
    return [
        {
            "group": names.get(p.agreement.group_id, ""),
            "kind": p.get_kind_display(),
            "status": p.get_status_display(),
            "why": p.reason,
            "changes": [
                {"change": c.get_action_display(), "text": c.text, "why": c.why}
                for c in p.changes.all()
            ],
            "created_at": _when(p.created_at),
        }
        for p in proposals.prefetch_related("changes")
    ]


def export_agreement_responses(person: Person) -> list[Row]:
    return [
        {
            "proposal": r.proposal_id,
            "choice": r.get_choice_display(),
            "reason": r.reason,
            "name_shown": r.shows_name,
            "updated_at": _when(r.updated_at),
        }
        for r in AgreementResponse.objects.filter(person=person)
    ]


def export_comments(person: Person) -> list[Row]:
    return [
        {"proposal": c.proposal_id, "text": c.text, "created_at": _when(c.created_at)}
        for c in Comment.objects.filter(person=person)
    ]


def export_readings(person: Person) -> list[Row]:
    names = _group_names(person)
    return [
        {
            "group": names.get(r.version.agreement.group_id, ""),
            "version": r.version.number,
            "choice": r.get_choice_display(),
            "created_at": _when(r.created_at),
        }
        for r in Reading.objects.filter(person=person).select_related(
            "version__agreement"
        )
    ]


def export_threads(person: Person) -> list[Row]:
    names = _group_names(person)
    return [
        {
            "thread": t.pk,
            "group": names.get(t.group_id, ""),
            "title": t.title,
            "status": t.get_status_display(),
            "created_at": _when(t.created_at),
        }
        for t in Thread.objects.filter(author=person)
    ]


def export_posts(person: Person) -> list[Row]:
    """The person's posts, with their own appeal notes and replies to decisions.
    A reply is linked to its thread by number only: the thread's title may be someone
    else's words."""
    names = _group_names(person)
    posts = Post.objects.filter(author=person).prefetch_related("appeals")
    # A post can have more than one decision, each with its own reply.
    replies: dict[int, list[str]] = {}
    for post_id, reply in (
        ModerationDecision.objects.filter(post__author=person)
        .exclude(author_reply="")
        .order_by("created_at", "pk")
        .values_list("post_id", "author_reply")
    ):
        replies.setdefault(post_id, []).append(reply)
    return [
        {
            "group": names.get(p.group_id, ""),
            "where": f"conversation {p.thread_id}" if p.thread_id else "live room",
            "kind": p.get_kind_display(),
            "text": p.body,
            "content_warning": p.warning_label,
            "status": p.get_status_display(),
            "created_at": _when(p.created_at),
            "edited_at": _when(p.edited_at),
            "deleted_at": _when(p.deleted_at),
            "your_notes_asking_for_another_look": [
                a.note for a in p.appeals.all() if a.note
            ],
            "your_replies_to_decisions": replies.get(p.pk, []),
        }
        for p in posts
    ]


def export_post_responses(person: Person) -> list[Row]:
    return [
        {
            "to_post": r.post_id,
            "response": r.get_kind_display(),
            "created_at": _when(r.created_at),
        }
        for r in PostResponse.objects.filter(person=person)
    ]


def export_topic_filters(person: Person) -> list[Row]:
    return [
        {"topic": f.get_topic_display(), "choice": f.get_choice_display()}
        for f in TopicFilter.objects.filter(person=person)
    ]


def export_participation(person: Person) -> list[Row]:
    names = _group_names(person)
    return [
        {
            "group": names.get(p.group_id, ""),
            "just_listening": p.is_just_listening,
            "name_shown_in_live_room": p.is_named_when_here,
            "posting_paused_until": _when(p.posting_paused_until),
        }
        for p in Participation.objects.filter(person=person)
    ]


def export_phrase_rule_changes(person: Person) -> list[Row]:
    return [
        {"rule": v.rule_id, "changed_at": _when(v.changed_at)}
        for v in PhraseRuleVersion.objects.filter(changed_by=person)
    ]


def export_reports(person: Person) -> list[Row]:
    # The reporter's own words and choices; never the reported post's words or
    # who wrote it.
    names = _group_names(person)
    return [
        {
            "group": names.get(r.group_id, ""),
            "reason": r.get_reason_display(),
            "your_note": r.note,
            "agreement_item": r.agreement_item_reference,
            "created_at": _when(r.created_at),
            "looked_at": _when(r.resolved_at),
        }
        for r in Report.objects.filter(reporter=person)
    ]


def export_decisions_made(person: Person) -> list[Row]:
    return [
        {
            "action": d.get_action_display(),
            "reason": d.reason,
            "your_note_to_the_author": d.note_to_author,
            "created_at": _when(d.created_at),
        }
        for d in ModerationDecision.objects.filter(decided_by=person)
    ]


def export_duty_periods(person: Person) -> list[Row]:
    return [
        {
            "organisation": d.organisation.name,
            "started_at": _when(d.started_at),
            "ended_at": _when(d.ended_at),
        }
        for d in DutyPeriod.objects.filter(person=person).select_related("organisation")
    ]


def export_escalation_steps(person: Person) -> list[Row]:
    return [
        {"organisation": s.chain.organisation.name, "step": s.position}
        for s in EscalationStep.objects.filter(person=person).select_related(
            "chain__organisation"
        )
    ]


def export_alerts_about_you(person: Person) -> list[Row]:
    return [
        {
            "organisation": e.organisation.name,
            "status": e.get_status_display(),
            "created_at": _when(e.created_at),
            "acknowledged_at": _when(e.acknowledged_at),
        }
        for e in Escalation.objects.filter(person_at_risk=person).select_related(
            "organisation"
        )
    ]


def export_alerts_acknowledged(person: Person) -> list[Row]:
    # When, and where: not about whom.
    return [
        {
            "organisation": e.organisation.name,
            "acknowledged_at": _when(e.acknowledged_at),
        }
        for e in Escalation.objects.filter(acknowledged_by=person).select_related(
            "organisation"
        )
    ]


def export_alerts_received(person: Person) -> list[Row]:
    return [
        {"organisation": e.organisation.name, "created_at": _when(e.created_at)}
        for e in person.escalations_received.select_related("organisation")
    ]


def export_escalation_events(person: Person) -> list[Row]:
    return [
        {"what": e.get_kind_display(), "at": _when(e.created_at)}
        for e in EscalationEvent.objects.filter(person=person)
    ]


def export_incidents_recorded(person: Person) -> list[Row]:
    return [
        {
            "organisation": i.organisation.name,
            "category": i.get_category_display(),
            "severity": i.get_severity_display(),
            "recorded_at": _when(i.created_at),
        }
        for i in Incident.objects.filter(recorded_by=person).select_related(
            "organisation"
        )
    ]


def export_staff_reads_of_yours(person: Person) -> list[Row]:
    # The role, never the staff member's name: the same as the account page shows.
    return [
        {
            "who": r.get_reader_role_display(),
            "organisation": r.organisation.name,
            "what": r.get_item_display(),
            "why": r.get_reason_display(),
            "when": _when(r.read_at),
        }
        for r in StaffRead.objects.about(person).select_related("organisation")
    ]


def export_staff_reads_you_made(person: Person) -> list[Row]:
    # What you looked at and why, never whose words they were.
    return [
        {
            "organisation": r.organisation.name,
            "what": r.get_item_display(),
            "why": r.get_reason_display(),
            "when": _when(r.read_at),
        }
        for r in StaffRead.objects.filter(reader=person).select_related("organisation")
    ]


# ---- Erasure of words that stay as rows ----------------------------------------------


def erase_posts(person: Person, keep_posts: bool) -> None:
    """Erase the words of the person's posts, as deleting a post does, so replies
    still make sense. Words never shared (held or hidden) always go; shared words go
    unless the person chose to leave them as "former member". Their own notes asking
    for another look and replies to decisions go either way."""
    posts = Post.objects.filter(author=person)
    erased = posts.exclude(status=PostStatus.PUBLISHED) if keep_posts else posts
    erased_ids = list(erased.values_list("pk", flat=True))
    room_post_ids = list(erased.filter(room__isnull=False).values_list("pk", flat=True))
    Post.objects.filter(pk__in=erased_ids).update(
        **erased_post_fields(),
        deleted_at=Coalesce(F("deleted_at"), timezone.now()),
    )
    PostResponse.objects.filter(post_id__in=erased_ids).delete()
    threads = Thread.objects.filter(author=person)
    if keep_posts:
        threads = threads.exclude(status=PostStatus.PUBLISHED)
    threads.update(title="")
    HoldAppeal.objects.filter(post__author=person).delete()
    ModerationDecision.objects.filter(post__author=person).update(author_reply="")
    for post_id in room_post_ids:
        transaction.on_commit(partial(live.broadcast_post, post_id))


def erase_agreement_words(person: Person, keep_posts: bool) -> None:
    """Suggestions stay with the group's agreement history; the person's reasons go
    when they chose to remove their words, and their open suggestions are withdrawn."""
    if keep_posts:
        return
    proposals = Proposal.objects.filter(proposed_by=person)
    proposals.filter(status=ProposalStatus.OPEN).update(
        status=ProposalStatus.WITHDRAWN, closed_at=timezone.now()
    )
    proposals.update(reason="")
    ProposalChange.objects.filter(Q(proposal__proposed_by=person), ~Q(why="")).update(
        why=""
    )


def erase_comments(person: Person, keep_posts: bool) -> None:
    if not keep_posts:
        Comment.objects.filter(person=person).delete()


# ---- Meetings -----------------------------------------------------------------------


def export_calendar_feed(person: Person) -> list[Row]:
    # Never the private address itself: a download may be kept somewhere less safe.
    return [
        {
            "address_made_at": _when(feed.token_created_at),
            "quiet_from": feed.quiet_from.isoformat(),
            "quiet_until": feed.quiet_until.isoformat(),
        }
        for feed in CalendarFeed.objects.filter(person=person)
    ]


def export_meeting_choices(person: Person) -> list[Row]:
    names = _group_names(person)
    return [
        {
            "group": names.get(choice.group_id, "a group you have left"),
            "reminder_minutes_before": choice.reminder_minutes,
            "calendar_names_group": choice.calendar_names_group,
        }
        for choice in MeetingChoice.objects.filter(person=person)
    ]


def export_rsvps(person: Person) -> list[Row]:
    names = _group_names(person)
    return [
        {
            "group": names.get(rsvp.occurrence.meeting.group_id, "a group"),
            "meeting_starts_at": _when(rsvp.occurrence.starts_at),
            "on_waiting_list": rsvp.is_waiting,
            "said_at": _when(rsvp.created_at),
        }
        for rsvp in Rsvp.objects.filter(person=person).select_related(
            "occurrence__meeting"
        )
    ]


def export_meetings_created(person: Person) -> list[Row]:
    names = _group_names(person)
    return [
        {
            "group": names.get(meeting.group_id, "a group"),
            "first_date": _when(meeting.starts_on),
            "how_often": meeting.get_frequency_display(),
            "created_at": _when(meeting.created_at),
        }
        for meeting in Meeting.objects.filter(created_by=person)
    ]


def export_venue_check_turns(person: Person) -> list[Row]:
    # Only when they may be asked again: their answers carry no link to them.
    return [
        {"venue": turn.venue.name, "may_be_asked_again_from": _when(turn.next_from)}
        for turn in VenueCheckTurn.objects.filter(person=person).select_related("venue")
    ]


def export_checklists_waived(person: Person) -> list[Row]:
    return [
        {
            "venue": venue.name,
            "decided_at": _when(venue.checklist_waived_at),
            "until": _when(venue.checklist_waived_until),
        }
        for venue in Venue.objects.filter(checklist_waived_by=person)
    ]


# ---- The registry -------------------------------------------------------------------

_DELETED = "Deleted with your account."

REGISTRY: tuple[Entry, ...] = (
    Entry(
        "accounts.Person_groups",
        "person",
        "Staff-site groups",
        Erasure.DELETE,
        _DELETED,
        export=export_django_groups,
    ),
    Entry(
        "accounts.Person_user_permissions",
        "person",
        "Staff-site permissions",
        Erasure.DELETE,
        _DELETED,
        export=export_django_permissions,
    ),
    Entry(
        "account.EmailAddress",
        "user",
        "Email addresses",
        Erasure.DELETE,
        _DELETED,
        export=export_email_addresses,
    ),
    Entry(
        "mfa.Authenticator",
        "user",
        "Two-step sign-in",
        Erasure.DELETE,
        "Deleted with your account, secrets and recovery codes included.",
        export=export_second_factor,
    ),
    Entry(
        "organisations.OrganisationRole",
        "person",
        "Your roles in organisations",
        Erasure.DELETE,
        _DELETED,
        export=export_roles,
    ),
    Entry(
        "organisations.Invitation",
        "created_by",
        "Invitations you created",
        Erasure.DETACH,
        "Stay with the organisation so that codes already given out keep working.",
        export=export_invitations,
    ),
    Entry(
        "peergroups.Membership",
        "person",
        "Your groups and display names",
        Erasure.DELETE,
        _DELETED,
        export=export_memberships,
    ),
    Entry(
        "notifications.Notification",
        "person",
        "Notifications",
        Erasure.DELETE,
        _DELETED,
        export=export_notifications,
    ),
    Entry(
        "agreements.Proposal",
        "proposed_by",
        "Your suggestions for group agreements",
        Erasure.DETACH,
        "Stay in the group's agreement history without your name. If you remove "
        "your words, your reasons are erased and open suggestions are withdrawn.",
        export=export_proposals,
        prepare=erase_agreement_words,
    ),
    Entry(
        "agreements.Response",
        "person",
        "Your answers in consent rounds",
        Erasure.DELETE,
        _DELETED,
        export=export_agreement_responses,
    ),
    Entry(
        "agreements.Comment",
        "person",
        "Your comments on agreement suggestions",
        Erasure.DETACH,
        'Deleted if you remove your words; otherwise kept as "former member".',
        export=export_comments,
        prepare=erase_comments,
    ),
    Entry(
        "agreements.Reading",
        "person",
        "Agreements you have read",
        Erasure.DELETE,
        _DELETED,
        export=export_readings,
    ),
    Entry(
        "conversations.Thread",
        "author",
        "Conversations you started",
        Erasure.DETACH,
        "Titles are erased if you remove your words; otherwise kept as "
        '"former member". Other people\'s replies stay.',
        export=export_threads,
        prepare=None,  # titles are handled with the posts, below
    ),
    Entry(
        "conversations.Post",
        "author",
        "Your posts and live messages",
        Erasure.DETACH,
        "Words erased (a quiet note keeps replies making sense), or, if you choose, "
        'shared posts kept as "former member". Held or hidden posts always go.',
        export=export_posts,
        prepare=erase_posts,
    ),
    Entry(
        "conversations.Response",
        "person",
        "Your supportive responses",
        Erasure.DELETE,
        _DELETED,
        export=export_post_responses,
    ),
    Entry(
        "conversations.TopicFilter",
        "person",
        "Your topic filters",
        Erasure.DELETE,
        _DELETED,
        export=export_topic_filters,
    ),
    Entry(
        "conversations.Participation",
        "person",
        'How you take part ("just listening")',
        Erasure.DELETE,
        _DELETED,
        export=export_participation,
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
        export=export_phrase_rule_changes,
    ),
    Entry(
        "safety.Report",
        "reporter",
        "Reports you made",
        Erasure.DELETE,
        _DELETED,
        export=export_reports,
    ),
    Entry(
        "safety.ModerationDecision",
        "decided_by",
        "Moderation decisions you made",
        Erasure.DETACH,
        "The group's record of decisions stays without your name.",
        export=export_decisions_made,
    ),
    Entry(
        "safety.DutyPeriod",
        "person",
        "Your time on duty",
        Erasure.DELETE,
        _DELETED,
        export=export_duty_periods,
    ),
    Entry(
        "safety.EscalationStep",
        "person",
        "Your place in an escalation chain",
        Erasure.DELETE,
        _DELETED,
        export=export_escalation_steps,
    ),
    Entry(
        "safety.Escalation",
        "person_at_risk",
        "Alerts raised because you might have been at risk",
        Erasure.DELETE,
        _DELETED,
        export=export_alerts_about_you,
    ),
    Entry(
        "safety.Escalation",
        "acknowledged_by",
        "Alerts you acknowledged",
        Erasure.DETACH,
        "The organisation's record stays without your name.",
        export=export_alerts_acknowledged,
    ),
    Entry(
        "safety.Escalation_alerted",
        "person",
        "Alerts sent to you",
        Erasure.DELETE,
        _DELETED,
        export=export_alerts_received,
    ),
    Entry(
        "safety.EscalationEvent",
        "person",
        "Your steps in handling alerts",
        Erasure.DETACH,
        "The organisation's record stays without your name.",
        export=export_escalation_events,
    ),
    Entry(
        "safety.Incident",
        "recorded_by",
        "Incidents you recorded",
        Erasure.DETACH,
        "The organisation's incident log stays without your name.",
        export=export_incidents_recorded,
    ),
    Entry(
        "access.StaffRead",
        "author",
        "Times staff read your words",
        Erasure.DELETE,
        _DELETED,
        export=export_staff_reads_of_yours,
    ),
    Entry(
        "access.StaffRead",
        "reader",
        "Times you read a peer's words as staff",
        Erasure.DETACH,
        "The organisation's record of staff reads stays without your name.",
        export=export_staff_reads_you_made,
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
        export=export_calendar_feed,
    ),
    Entry(
        "meetings.MeetingChoice",
        "person",
        "Your reminders and calendar choices for groups",
        Erasure.DELETE,
        _DELETED,
        export=export_meeting_choices,
    ),
    Entry(
        "meetings.Rsvp",
        "person",
        "Meetings you said you would come to",
        Erasure.DELETE,
        _DELETED,
        export=export_rsvps,
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
        export=export_venue_check_turns,
    ),
    Entry(
        "meetings.Meeting",
        "created_by",
        "Meetings you added",
        Erasure.DETACH,
        "The group's meetings stay without your name.",
        export=export_meetings_created,
    ),
    Entry(
        "meetings.Venue",
        "checklist_waived_by",
        "Venue checklists you let wait",
        Erasure.DETACH,
        "The organisation's record of the decision stays without your name.",
        export=export_checklists_waived,
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
