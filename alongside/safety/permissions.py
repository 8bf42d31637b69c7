"""Who may see and do what in safety: phrase rules, reports, the moderation queue,
being on duty, escalations and incidents. The only place that decides.

- Organisation-wide rules belong to the organisation's admins. A group's own rules can
  also be edited by that group's facilitators (phrase_permissions.py, imported here).
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
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from alongside.accounts.models import Person
from alongside.conversations.models import Post, PostStatus
from alongside.conversations.permissions import (
    can_post_in,
    can_read_group_conversations,
    posts_visible_to,
)
from alongside.organisations.models import (
    STAFF_ROLES,
    Organisation,
    OrganisationRole,
    Role,
)
from alongside.organisations.permissions import is_staff, role_in
from alongside.peergroups.models import GroupRole, Membership, PeerGroup, Status
from alongside.peergroups.permissions import is_facilitator_of
from alongside.supporters.models import Gate
from alongside.supporters.permissions import check_trained_for, is_trained_for

from .models import (
    Escalation,
    EscalationStatus,
    Incident,
    ModerationDecision,
)

# Phrase rules have their own module; their rules are part of this policy.
from .phrase_permissions import (
    can_edit_phrase_rules,
    can_open_phrase_rules,
    check_edit_phrase_rules,
    check_open_phrase_rules,
    get_phrase_rule_for,
    phrase_rule_groups_for,
    phrase_rules_visible_to,
)
from .queue import waiting_for_decision

# The phrase rules' part of this policy lives in its own module and is offered here.
__all__ = [
    "can_edit_phrase_rules",
    "can_open_phrase_rules",
    "check_edit_phrase_rules",
    "check_open_phrase_rules",
    "get_phrase_rule_for",
    "phrase_rule_groups_for",
    "phrase_rules_visible_to",
]


# ---- Reports ----


def can_report(person: Person, post: Post) -> bool:
    """Someone who can read a shared post, and did not write it, may report it."""
    return (
        post.author_id != person.pk
        and post.status == PostStatus.PUBLISHED
        and not post.is_deleted
        and posts_visible_to(person, post.group).filter(pk=post.pk).exists()
    )


def check_report(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_report. No side effects."""
    if not can_report(person, post):
        raise PermissionDenied


def get_readable_post_for(person: Person, group: PeerGroup, post_id: int) -> Post:
    """A post the person may read in the group; 404 otherwise, also when missing."""
    try:
        return posts_visible_to(person, group).get(pk=post_id)
    except Post.DoesNotExist:
        raise Http404 from None


# ---- An author's own held post -------------------------------------------------------


def can_redact_own_post(person: Person, post: Post) -> bool:
    """The author removes personal details in one click, when they may write."""
    return (
        post.author_id == person.pk
        and not post.is_deleted
        and post.status == PostStatus.HELD
        and can_post_in(person, post.group)
    )


def check_redact_own_post(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_redact_own_post. No side effects."""
    if not can_redact_own_post(person, post):
        raise PermissionDenied


def can_appeal(person: Person, post: Post) -> bool:
    """The author asks for another look at a held or hidden post."""
    return (
        post.author_id == person.pk
        and not post.is_deleted
        and post.status in (PostStatus.HELD, PostStatus.HIDDEN)
        and can_read_group_conversations(person, post.group)
    )


def check_appeal(person: Person, post: Post) -> None:
    """Raise PermissionDenied unless can_appeal. No side effects."""
    if not can_appeal(person, post):
        raise PermissionDenied


# ---- The moderation queue ----


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


def can_reply_to_decision(person: Person, decision: ModerationDecision) -> bool:
    """The person concerned (the post's author) replies once, briefly."""
    return decision.post.author_id == person.pk and not decision.replied_at


def check_reply_to_decision(person: Person, decision: ModerationDecision) -> None:
    """Raise PermissionDenied unless can_reply_to_decision. No side
    effects."""
    if not can_reply_to_decision(person, decision):
        raise PermissionDenied


# ---- Being on duty, and the escalation chain ----


def duty_organisations_of(person: Person) -> models.QuerySet[Organisation]:
    """Organisations where the person is staff, and so may go on duty."""
    if not person.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        roles__person=person, roles__role__in=STAFF_ROLES
    ).distinct()


def can_go_on_duty(person: Person, organisation: Organisation) -> bool:
    """Staff whose training allows duty: the modules the organisation marks as
    needed for going on duty (alongside.supporters)."""
    return is_staff(person, organisation) and is_trained_for(
        person, organisation, Gate.ON_DUTY
    )


def check_go_on_duty(person: Person, organisation: Organisation) -> None:
    """404 for anyone not staff; NotTrained (a 403 that says which training is
    missing, in plain words) for staff whose training does not allow it yet."""
    if not is_staff(person, organisation):
        raise Http404
    check_trained_for(person, organisation, Gate.ON_DUTY)


def can_go_off_duty(person: Person, organisation: Organisation) -> bool:
    """Staff may always go off duty, whatever their training."""
    return is_staff(person, organisation)


def check_go_off_duty(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_go_off_duty. No side effects."""
    if not can_go_off_duty(person, organisation):
        raise Http404


def can_edit_escalation_chain(person: Person, organisation: Organisation) -> bool:
    """Only the organisation's admins choose who an alert reaches
    next. Reads only."""
    return role_in(person, organisation) == Role.ADMIN


def check_edit_escalation_chain(person: Person, organisation: Organisation) -> None:
    """Raise Http404 unless can_edit_escalation_chain. No side
    effects."""
    if not can_edit_escalation_chain(person, organisation):
        raise Http404


def escalations_visible_to(person: Person) -> models.QuerySet[Escalation]:
    """Escalations that reached the person while staff, and those in groups they
    facilitate."""
    if not person.is_authenticated:
        return Escalation.objects.none()
    facilitated = Membership.objects.filter(
        person=person, role=GroupRole.FACILITATOR
    ).current()
    # An alert that reached someone stays theirs while they are staff there; once
    # they leave the team, it is the team's.
    return Escalation.objects.filter(
        Q(alerted=person, organisation__in=duty_organisations_of(person))
        | Q(group__in=facilitated.values("group"))
    ).distinct()


def get_escalation_for(person: Person, escalation_id: int) -> Escalation:
    """An escalation the person may see (escalations_visible_to); 404
    otherwise, also when missing."""
    try:
        return escalations_visible_to(person).get(pk=escalation_id)
    except Escalation.DoesNotExist:
        raise Http404 from None


def can_acknowledge(person: Person, escalation: Escalation) -> bool:
    """Someone the alert reached, or a facilitator of the group; never the person
    at risk, whose acknowledging would stop the alert reaching anyone else."""
    return (
        escalation.is_open
        and escalation.person_at_risk_id != person.pk
        and escalations_visible_to(person).filter(pk=escalation.pk).exists()
    )


def check_acknowledge(person: Person, escalation: Escalation) -> None:
    """Raise PermissionDenied unless can_acknowledge. No side effects."""
    if not can_acknowledge(person, escalation):
        raise PermissionDenied


def can_message_from_alert(person: Person, escalation: Escalation) -> bool:
    """Staff the alert reached (group members or not), and the group's facilitators
    who are staff, message the person privately, while the alert is open and after;
    never the person at risk themselves."""
    return (
        escalation.person_at_risk_id != person.pk
        and is_staff(person, escalation.organisation)
        and escalations_visible_to(person).filter(pk=escalation.pk).exists()
    )


def check_message_from_alert(person: Person, escalation: Escalation) -> None:
    """Raise PermissionDenied unless can_message_from_alert. No side effects."""
    if not can_message_from_alert(person, escalation):
        raise PermissionDenied


# ---- Incidents ----


def _is_about(person: Person, source: Escalation | ModerationDecision | None) -> bool:
    """An alert about the person, or a decision about their own post."""
    if isinstance(source, Escalation):
        return source.person_at_risk_id == person.pk
    if isinstance(source, ModerationDecision):
        return source.post.author_id == person.pk
    return False


def can_record_incident(
    person: Person,
    organisation: Organisation,
    group: PeerGroup | None = None,
    *,
    about: Escalation | ModerationDecision | None = None,
) -> bool:
    """Admins and supervisors for the organisation; facilitators for their groups.
    Never from an alert about themselves or a decision about their own post: that
    record is for someone else on the team."""
    if about is not None and _is_about(person, about):
        return False
    role = role_in(person, organisation)
    if role in (Role.ADMIN, Role.SUPERVISOR):
        return group is None or group.organisation_id == organisation.pk
    if role != Role.FACILITATOR:
        return False
    if group is None:
        return True  # they choose one of their own groups on the form
    return group.organisation_id == organisation.pk and is_facilitator_of(person, group)


def check_record_incident(
    person: Person,
    organisation: Organisation,
    group: PeerGroup | None = None,
    *,
    about: Escalation | ModerationDecision | None = None,
) -> None:
    """Raise Http404 unless can_record_incident. No side effects."""
    if not can_record_incident(person, organisation, group, about=about):
        raise Http404


def incidents_visible_to(
    person: Person, organisation: Organisation
) -> models.QuerySet[Incident]:
    """The organisation's incidents the person reads: all of them for its
    admins and supervisors; for facilitators, those in the groups they facilitate
    and those they recorded; none for anyone else."""
    role = role_in(person, organisation)
    incidents = Incident.objects.filter(organisation=organisation)
    if role in (Role.ADMIN, Role.SUPERVISOR):
        return incidents
    if role != Role.FACILITATOR:
        return Incident.objects.none()
    facilitated = Membership.objects.facilitating().filter(person=person)
    return incidents.filter(
        Q(recorded_by=person) | Q(group__in=facilitated.values("group"))
    )


def get_incident_for(
    person: Person, organisation: Organisation, incident_id: int
) -> Incident:
    """An incident the person may read (incidents_visible_to); 404 otherwise,
    also when missing."""
    try:
        return incidents_visible_to(person, organisation).get(pk=incident_id)
    except Incident.DoesNotExist:
        raise Http404 from None


def can_update_incident(person: Person, incident: Incident) -> bool:
    """Whoever may read an incident may write what happened next, unless it is
    about them (from an alert about them, or a decision about their post)."""
    if _is_about(person, incident.escalation) or _is_about(person, incident.decision):
        return False
    return (
        incidents_visible_to(person, incident.organisation)
        .filter(pk=incident.pk)
        .exists()
    )


def check_update_incident(person: Person, incident: Incident) -> None:
    """Raise Http404 unless can_update_incident. No side effects."""
    if not can_update_incident(person, incident):
        raise Http404


# ---- Across all of a person's groups at once (the staff Today page) ----------------
#
# Set forms of the rules above, for a page that gathers a person's work from every
# group in a few queries however many groups they have. tests/test_permissions.py
# checks that each answers exactly as its rule does, in every state.


def queue_groups_visible_to(person: Person) -> models.QuerySet[PeerGroup]:
    """The groups whose moderation queue the person may see (`can_see_queue`): those
    they facilitate, and every group of an organisation they are an admin of."""
    if not person.is_authenticated:
        return PeerGroup.objects.none()
    facilitated = Membership.objects.facilitating().filter(person=person)
    admin_of = OrganisationRole.objects.filter(person=person, role=Role.ADMIN)
    return PeerGroup.objects.filter(
        Q(pk__in=facilitated.values("group"))
        | Q(organisation__in=admin_of.values("organisation"))
    )


def incidents_visible_anywhere_to(person: Person) -> models.QuerySet[Incident]:
    """`incidents_visible_to` across every organisation the person is in."""
    if not person.is_authenticated:
        return Incident.objects.none()
    roles = OrganisationRole.objects.filter(person=person)
    oversees = roles.filter(role__in=(Role.ADMIN, Role.SUPERVISOR))
    facilitates = roles.filter(role=Role.FACILITATOR)
    facilitated = Membership.objects.facilitating().filter(person=person)
    return Incident.objects.filter(
        Q(organisation__in=oversees.values("organisation"))
        | (
            Q(organisation__in=facilitates.values("organisation"))
            & (Q(recorded_by=person) | Q(group__in=facilitated.values("group")))
        )
    )


def escalations_to_acknowledge_by(person: Person) -> models.QuerySet[Escalation]:
    """Open alerts the person may acknowledge (`can_acknowledge`): those visible to
    them, still waiting, and not about themselves."""
    if not person.is_authenticated:
        return Escalation.objects.none()
    return (
        escalations_visible_to(person)
        .filter(status=EscalationStatus.ALERTING)
        .exclude(person_at_risk=person)
    )
