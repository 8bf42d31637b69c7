"""The sections of a staff member's Today page.

Each section is one small function taking the person and the time, reading only
through the owning app's permissions, and returning labels, counts and links: never
a peer's words, nor who wrote anything. Each reads in one query, however many
groups, organisations or items there are, so the page's cost stays the same as a
service grows.

To add a section, write one more function of the same shape and put it in SECTIONS,
in the order it should show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.agreements.models import REVIEW_REMINDER_DAYS, ProposalKind
from alongside.agreements.models import Proposal as AgreementProposal
from alongside.agreements.permissions import agreements_facilitated_by
from alongside.peergroups.models import Membership, Status
from alongside.peergroups.permissions import join_requests_visible_to
from alongside.privateconversations.models import Message as PrivateMessage
from alongside.privateconversations.models import Participant, Side
from alongside.privateconversations.permissions import (
    conversations_visible_to,
    waiting_conversations_for,
)
from alongside.safety.escalation_kinds import headline
from alongside.safety.holds import open_incidents as open_incident_filter
from alongside.safety.models import DutyPeriod
from alongside.safety.permissions import (
    duty_organisations_of,
    escalations_to_acknowledge_by,
    incidents_visible_anywhere_to,
    queue_groups_visible_to,
)
from alongside.safety.queue import waiting_by_group

# More than this in one section is a day for the whole team, not for one list.
MOST_SHOWN = 50


@dataclass(frozen=True)
class Item:
    """One thing to look at: what it is, where it is dealt with, and since when."""

    key: str  # stable across refreshes, so that keyboard focus stays where it was
    label: str
    link: str
    detail: str = ""
    since: datetime | None = None
    since_words: str = "Waiting"  # read before how long: "Waiting 3 hours"
    is_urgent: bool = False


@dataclass(frozen=True)
class Section:
    name: str  # the id of its heading: "today-<name>"
    title: str
    empty: str  # what to say when nothing waits
    items: list[Item] = field(default_factory=list)


def _count(number: int, thing: str, things: str | None = None) -> str:
    return f"{number} {thing if number == 1 else (things or thing + 's')}"


def open_alerts(person: Person, now: datetime) -> Section:
    """Alerts that someone may be at risk, still waiting for someone to
    acknowledge them, oldest first."""
    escalations = escalations_to_acknowledge_by(person).select_related("group")
    items = [
        Item(
            key=f"alert-{escalation.pk}",
            label=headline(escalation),
            link=reverse(
                "safety:escalation-detail", kwargs={"escalation_id": escalation.pk}
            ),
            detail="Nobody has acknowledged this alert yet.",
            since=escalation.created_at,
            is_urgent=True,
        )
        for escalation in escalations.order_by("created_at", "pk")[:MOST_SHOWN]
    ]
    return Section(
        name="alerts",
        title="Open alerts",
        empty="No open alerts.",
        items=items,
    )


def replies_waiting(person: Person, now: datetime) -> Section:
    """Private conversations the person is in for the team where the other person
    wrote last and the person has not read it yet, oldest first. Where, and since
    when: never who, nor what they wrote."""
    mine = Participant.objects.filter(
        person=person, conversation=OuterRef("pk"), side=Side.TEAM
    )
    newest_from_them = PrivateMessage.objects.filter(
        conversation=OuterRef("pk"), author_side=Side.PERSON
    ).order_by("-pk")
    conversations = (
        conversations_visible_to(person)
        .annotate(
            read_up_to=Subquery(mine.values("last_read_message_id")[:1]),
            newest_id=Subquery(newest_from_them.values("pk")[:1]),
            newest_at=Subquery(newest_from_them.values("created_at")[:1]),
        )
        .filter(read_up_to__isnull=False, newest_id__gt=Coalesce("read_up_to", 0))
        .order_by("newest_at")
        .values("pk", "group__name", "organisation__name", "newest_at")[:MOST_SHOWN]
    )
    items = [
        Item(
            key=f"reply-{conversation['pk']}",
            label="A private conversation"
            + (
                f" from {conversation['group__name']}"
                if conversation["group__name"]
                else ""
            ),
            link=reverse(
                "privateconversations:conversation-detail",
                kwargs={"conversation_id": conversation["pk"]},
            ),
            detail="New words for you to read, in "
            f"{conversation['organisation__name']}.",
            since=conversation["newest_at"],
        )
        for conversation in conversations
    ]
    return Section(
        name="replies",
        title="Conversations waiting for your reply",
        empty="Nobody is waiting for a reply from you.",
        items=items,
    )


def conversations_needing_someone(person: Person, now: datetime) -> Section:
    """Private conversations waiting for someone from the team to take them up, in
    the organisations where the person is staff. Labels only: nobody reads them
    before joining."""
    conversations = (
        waiting_conversations_for(person)
        .select_related("organisation")
        .order_by("needs_someone_since")[:MOST_SHOWN]
    )
    items = [
        Item(
            key=f"needs-someone-{conversation.pk}",
            label=f"Someone in {conversation.organisation.name} would like to talk",
            link=reverse(
                "privateconversations:waiting-detail",
                kwargs={"conversation_id": conversation.pk},
            ),
            detail="Nobody from the team is in this conversation now.",
            since=conversation.needs_someone_since,
        )
        for conversation in conversations
    ]
    return Section(
        name="needs-someone",
        title="Waiting for someone from the team",
        empty="No conversation is waiting for someone from the team.",
        items=items,
    )


def decisions_waiting(person: Person, now: datetime) -> Section:
    """Held, reported, appealed and risk-to-life posts waiting in the moderation
    queues the person sees, by group, with how long the longest has waited."""
    items = []
    for waiting in waiting_by_group(queue_groups_visible_to(person))[:MOST_SHOWN]:
        parts = []
        if waiting.held:
            parts.append(_count(waiting.held, "held post"))
        if waiting.reported:
            parts.append(_count(waiting.reported, "reported post"))
        if waiting.appealed:
            parts.append(
                _count(
                    waiting.appealed,
                    "post asking for another look",
                    "posts asking for another look",
                )
            )
        if waiting.at_risk:
            parts.append(
                _count(
                    waiting.at_risk,
                    "post showing a risk to life",
                    "posts showing a risk to life",
                )
            )
        items.append(
            Item(
                key=f"queue-{waiting.group_id}",
                label=waiting.group_name,
                link=reverse("safety:queue", kwargs={"group_id": waiting.group_id}),
                detail=", ".join(parts) + " waiting for a decision.",
                since=waiting.since,
                is_urgent=bool(waiting.at_risk),
            )
        )
    return Section(
        name="queues",
        title="Waiting for a decision",
        empty="Nothing is waiting in your groups' queues.",
        items=items,
    )


def join_requests_waiting(person: Person, now: datetime) -> Section:
    """People waiting for an answer to their request to join, by group."""
    rows = (
        join_requests_visible_to(person)
        .values("group_id", "group__name")
        .annotate(count=Count("pk"), since=Min("status_changed_at"))
        .order_by("group__name", "group_id")[:MOST_SHOWN]
    )
    items = [
        Item(
            key=f"requests-{row['group_id']}",
            label=row["group__name"],
            link=reverse(
                "peergroups:request-list", kwargs={"group_id": row["group_id"]}
            ),
            detail=_count(row["count"], "person", "people")
            + " waiting to hear if they can join.",
            since=row["since"],
        )
        for row in rows
    ]
    return Section(
        name="requests",
        title="Asking to join",
        empty="Nobody is waiting to join your groups.",
        items=items,
    )


def incidents_open(person: Person, now: datetime) -> Section:
    """Incidents without an outcome, or with a follow-up still to come, by
    organisation."""
    rows = (
        incidents_visible_anywhere_to(person)
        .filter(open_incident_filter())
        .values("organisation__slug", "organisation__name")
        .annotate(count=Count("pk"), since=Min("occurred_at"))
        .order_by("organisation__name", "organisation__slug")[:MOST_SHOWN]
    )
    items = [
        Item(
            key=f"incidents-{row['organisation__slug']}",
            label=row["organisation__name"],
            link=reverse(
                "safety:incident-list",
                kwargs={"organisation_slug": row["organisation__slug"]},
            ),
            detail=_count(row["count"], "open incident") + " in the log.",
            since=row["since"],
            since_words="The oldest open for",
        )
        for row in rows
    ]
    return Section(
        name="incidents",
        title="Open incidents",
        empty="No open incidents.",
        items=items,
    )


def agreement_reviews_due(person: Person, now: datetime) -> Section:
    """Group agreements whose review falls due soon (when the reminder goes out)
    or has passed, with no review started yet, in groups the person facilitates."""
    today = timezone.localdate(now)
    review_open = AgreementProposal.objects.open().filter(
        agreement=OuterRef("pk"), kind=ProposalKind.REVIEW
    )
    agreements = (
        agreements_facilitated_by(person)
        .filter(review_due_on__lte=today + timedelta(days=REVIEW_REMINDER_DAYS))
        .exclude(Exists(review_open))
        .select_related("group")
        .order_by("review_due_on", "pk")[:MOST_SHOWN]
    )
    items = []
    for agreement in agreements:
        due = agreement.review_due_on
        if due is None:  # excluded by the filter; for the type checker
            continue
        when = f"{due.day} {due:%B %Y}"
        items.append(
            Item(
                key=f"review-{agreement.group_id}",
                label=agreement.group.name,
                link=reverse(
                    "agreements:review-start", kwargs={"group_id": agreement.group_id}
                ),
                detail=(
                    f"The group agreement was due for review on {when}."
                    if due < today
                    else f"The group agreement is due for review on {when}."
                ),
            )
        )
    return Section(
        name="reviews",
        title="Agreement reviews due",
        empty="No group agreement is due for review.",
        items=items,
    )


def crisis_cover(person: Person, now: datetime) -> Section:
    """For each organisation where the person is staff: is anyone on duty now to
    receive an alert?"""
    covering = DutyPeriod.objects.covering_now().filter(organisation=OuterRef("pk"))
    how_many = (
        covering.order_by()
        .values("organisation")
        .annotate(number=Count("pk"))
        .values("number")
    )
    organisations = (
        duty_organisations_of(person)
        .annotate(
            on_duty=Coalesce(Subquery(how_many), 0),
            is_mine=Exists(covering.filter(person=person)),
        )
        .order_by("name", "pk")[:MOST_SHOWN]
    )
    items = []
    for organisation in organisations:
        number, is_mine = organisation.on_duty, organisation.is_mine
        if is_mine and number > 1:
            detail = f"You are on duty, with {_count(number - 1, 'other')}."
        elif is_mine:
            detail = "You are on duty."
        elif number:
            detail = f"{_count(number, 'person', 'people')} on duty now."
        else:
            detail = "Nobody is on duty now, so alerts go to the escalation chain."
        items.append(
            Item(
                key=f"cover-{organisation.slug}",
                label=organisation.name,
                link=reverse("safety:duty"),
                detail=detail,
                is_urgent=not number,
            )
        )
    return Section(
        name="cover",
        title="On duty now",
        empty="You are not staff of any service.",
        items=items,
    )


def your_groups(person: Person, now: datetime) -> Section:
    """The groups the person is in themselves, to reach them as a member."""
    memberships = (
        Membership.objects.current()
        .filter(person=person)
        .select_related("group")
        .order_by("group__name", "group_id")
    )
    items = [
        Item(
            key=f"group-{membership.group_id}",
            label=membership.group.name,
            link=reverse(
                "peergroups:group-detail", kwargs={"group_id": membership.group_id}
            ),
            detail=f"You are known here as {membership.display_name}."
            + (
                " You are taking a break." if membership.status == Status.PAUSED else ""
            ),
        )
        for membership in memberships
    ]
    return Section(
        name="groups",
        title="Your groups",
        empty="You are not in a group yourself.",
        items=items,
    )


# The page's order: alerts first, then people waiting to hear from the team.
SECTIONS: tuple[Callable[[Person, datetime], Section], ...] = (
    open_alerts,
    replies_waiting,
    conversations_needing_someone,
    decisions_waiting,
    join_requests_waiting,
    incidents_open,
    agreement_reviews_due,
    crisis_cover,
    your_groups,
)


def sections_for(person: Person, now: datetime | None = None) -> list[Section]:
    now = now or timezone.now()
    return [section(person, now) for section in SECTIONS]
