"""The moderation queue and decisions: who sees the queue and what of it, who
decides about which post (never their own), and who reads and replies to a
decision."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from alongside.accounts.models import Person
from alongside.conversations.models import Post
from alongside.conversations.permissions import can_read_group_conversations
from alongside.organisations.models import OrganisationRole, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import Membership, PeerGroup, Status
from alongside.peergroups.permissions import is_facilitator_of

from ..models import ModerationDecision
from ..queue import waiting_for_decision


def can_see_queue(person: Person, group: PeerGroup) -> bool:
    """The group's facilitators, and the organisation's admins (labels only)."""
    return is_facilitator_of(person, group) or (
        role_in(person, group.organisation) == Role.ADMIN
    )


def check_see_queue(person: Person, group: PeerGroup) -> None:
    """Raise PermissionDenied unless can_see_queue. No side effects."""
    if not can_see_queue(person, group):
        raise PermissionDenied


def can_moderate(person: Person, group: PeerGroup) -> bool:
    """Deciding about a post means reading it: the group's facilitators only."""
    return is_facilitator_of(person, group)


def check_moderate(person: Person, group: PeerGroup) -> None:
    """Raise PermissionDenied unless can_moderate. No side effects."""
    if not can_moderate(person, group):
        raise PermissionDenied


def can_read_queue_words(person: Person, group: PeerGroup) -> bool:
    """Whether the queue shows this person the posts' words and authors' names (the
    group's facilitators who read its conversations, and the read is recorded), or
    only what is waiting and why (labels, reasons, urgency: an organisation
    admin)."""
    return can_moderate(person, group) and can_read_group_conversations(person, group)


def can_see_reports_on(person: Person, post: Post) -> bool:
    """Whether the queue shows the reasons people reported the post: to those who
    see the queue, except its author, even as a facilitator (someone else on the
    team looks at it)."""
    return post.author_id != person.pk and can_see_queue(person, post.group)


def _facilitator_ids(group_id: int) -> set[int]:
    """Who facilitates the group (active or on a break)."""
    return set(
        Membership.objects.facilitating()
        .filter(group_id=group_id)
        .values_list("person_id", flat=True)
    )


def _author_facilitates_alone(post: Post, facilitator_ids: set[int]) -> bool:
    """The post's author is the group's only facilitator, so nobody in the group may
    decide about it."""
    return post.author_id is not None and facilitator_ids == {post.author_id}


def _may_decide_about(person: Person, group: PeerGroup, posts: list[Post]) -> set[int]:
    """Which of these posts the person is the right one to decide about, whatever
    their state: never their own; the group's other facilitators; the organisation's
    admins when the author is the group's only facilitator."""
    if not person.is_authenticated:
        return set()
    facilitator_ids = _facilitator_ids(group.pk)
    facilitates = is_facilitator_of(person, group)
    is_admin = not facilitates and role_in(person, group.organisation) == Role.ADMIN
    return {
        post.pk
        for post in posts
        if post.author_id != person.pk
        and not post.is_deleted
        and (
            facilitates
            or (is_admin and _author_facilitates_alone(post, facilitator_ids))
        )
    }


def posts_decidable_by(person: Person, group: PeerGroup, posts: list[Post]) -> set[int]:
    """Which of these posts in the group the person may decide about. Only a post
    waiting for a decision (reported, held, flagged or appealed: `queue.
    waiting_for_decision`) may be decided about, as deciding means reading it.
    Nobody decides about their own post, or the check would mean nothing. The
    group's other facilitators decide; when its author is the group's only
    facilitator, the organisation's admins do, so it never waits for nobody. A few
    queries, however many posts."""
    candidates = _may_decide_about(person, group, posts)
    if not candidates:
        return set()
    return set(
        waiting_for_decision(group)
        .filter(pk__in=candidates)
        .values_list("pk", flat=True)
    )


def can_decide_on(person: Person, post: Post) -> bool:
    """Whether the person may decide about this post (see posts_decidable_by):
    never its author. Reads only."""
    return post.pk in posts_decidable_by(person, post.group, [post])


def check_decide_on(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_decide_on. No side effects."""
    if not can_decide_on(person, post):
        raise PermissionDenied


def can_read_report_notes(person: Person, group: PeerGroup) -> bool:
    """The notes people add to reports are the group's facilitators' to read; an
    organisation admin deciding for the group sees why (labels), not the words."""
    return is_facilitator_of(person, group)


def people_who_may_decide_on(post: Post) -> list[Person]:
    """Whom to tell that a post waits for a decision: never its author."""
    memberships = Membership.objects.facilitating().filter(
        group_id=post.group_id, status=Status.ACTIVE
    )
    if post.author_id is not None:
        memberships = memberships.exclude(person_id=post.author_id)
    facilitators = [m.person for m in memberships.select_related("person")]
    if facilitators or not _author_facilitates_alone(
        post, _facilitator_ids(post.group_id)
    ):
        return facilitators
    return [
        row.person
        for row in OrganisationRole.objects.filter(
            organisation_id=post.group.organisation_id, role=Role.ADMIN
        ).select_related("person")
    ]


def get_post_to_moderate(person: Person, group: PeerGroup, post_id: int) -> Post:
    """A post in the group waiting for a decision, for someone who may decide about
    it, or for a facilitator who wrote it, to see that someone else will. 403 for
    anyone else who can see the group; 404 for a post that is missing or is not
    waiting for a decision (nothing justifies staff reading it there)."""
    check_see_queue(person, group)
    try:
        post = waiting_for_decision(group).get(pk=post_id)
    except Post.DoesNotExist:
        raise Http404 from None
    is_own = post.author_id == person.pk and can_moderate(person, group)
    if not (is_own or can_decide_on(person, post)):
        raise PermissionDenied
    return post


def get_post_decided_meanwhile(person: Person, group: PeerGroup, post_id: int) -> Post:
    """A post someone has decided about since it last waited, for a person who was
    the right one to decide too, whose own decision arrived late: they are told so,
    and given back what they wrote, never shown the post's words. 404 otherwise."""
    check_see_queue(person, group)
    try:
        post = (
            Post.objects.filter(
                group=group, deleted_at__isnull=True, decisions__isnull=False
            )
            .distinct()
            .get(pk=post_id)
        )
    except Post.DoesNotExist:
        raise Http404 from None
    if post.pk not in _may_decide_about(person, group, [post]):
        raise Http404
    return post


def decisions_visible_to(person: Person) -> models.QuerySet[ModerationDecision]:
    """Decisions about the person's own posts, and those in groups they facilitate."""
    if not person.is_authenticated:
        return ModerationDecision.objects.none()
    facilitated = Membership.objects.facilitating().filter(person=person)
    return ModerationDecision.objects.filter(
        Q(post__author=person) | Q(group__in=facilitated.values("group"))
    )


def get_decision_for(person: Person, decision_id: int) -> ModerationDecision:
    """A decision the person may read (decisions_visible_to); 404 otherwise,
    also when missing."""
    try:
        return (
            decisions_visible_to(person)
            .select_related("post", "group")
            .get(pk=decision_id)
        )
    except ModerationDecision.DoesNotExist:
        raise Http404 from None


def reads_decision_as_staff(person: Person, decision: ModerationDecision) -> bool:
    """Whether the person opens a decision as staff, not as the author of its post:
    a staff page, behind the second step, and reading the author's reply is
    recorded for them. Asked of someone who may see the decision."""
    return person.is_authenticated and decision.post.author_id != person.pk


def can_reply_to_decision(person: Person, decision: ModerationDecision) -> bool:
    """The person concerned (the post's author) replies once, briefly."""
    return decision.post.author_id == person.pk and not decision.replied_at


def check_reply_to_decision(person: Person, decision: ModerationDecision) -> None:
    """Raise PermissionDenied unless can_reply_to_decision. No side
    effects."""
    if not can_reply_to_decision(person, decision):
        raise PermissionDenied
