"""Every change to groups and memberships. Each action checks permission, keeps the
invariants, writes, and only then tells anyone (after the transaction commits).

Nobody is ever told when someone pauses, leaves or returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from alongside.accounts.models import Person
from alongside.core.live import (
    close_live_sockets,
    posting_facts_changed,
    tell_staff_pages,
)
from alongside.notifications.actions import notify
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import (
    check_create_group,
    check_facilitate_in,
    is_staff,
)
from alongside.supporters.models import Gate
from alongside.supporters.permissions import check_trained_for

from .models import (
    GroupRole,
    JoinPolicy,
    Membership,
    PeerGroup,
    Status,
    Tag,
)
from .permissions import (
    check_join,
    check_leave,
    check_manage_requests,
    check_pause,
    check_rename_self,
    check_return,
)
from .pseudonyms import new_pseudonym

# A group started again under the same name within this time is a double click.
JUST_STARTED = timedelta(minutes=5)


def name_taken_error() -> ValidationError:
    """The one kind message for a display name someone else in the group has."""
    return ValidationError(
        "Someone in this group already uses that name. Please choose another.",
        code="name_taken",
    )


def names_taken_in(group: PeerGroup) -> set[str]:
    """Every display name in the group, casefolded. Reads only."""
    return {
        name.casefold()
        for name in Membership.objects.filter(group=group).values_list(
            "display_name", flat=True
        )
    }


def suggest_display_name(*, group: PeerGroup) -> str:
    """A fresh name for this group, different from anyone else's in it."""
    return new_pseudonym(names_taken_in(group))


def _check_name_free(group: PeerGroup, display_name: str, person: Person) -> None:
    # The database lower-cases both sides, exactly as the unique constraint does;
    # Python's casefold() differs for letters such as "ß".
    clash = (
        Membership.objects.filter(group=group)
        .exclude(person=person)
        .annotate(lower=Lower("display_name"))
        .filter(lower=Lower(Value(display_name, output_field=CharField())))
        .exists()
    )
    if clash:
        raise name_taken_error()


def _set_status(membership: Membership, status: str) -> None:
    membership.status = status
    membership.status_changed_at = timezone.now()
    membership.save(update_fields=["status", "status_changed_at"])


def _mark_joined(membership: Membership) -> None:
    """The person is in the group from now: what was said before is not theirs."""
    membership.joined_at = membership.status_changed_at
    membership.save(update_fields=["joined_at"])


def _facilitators(group: PeerGroup) -> list[Person]:
    """Facilitators who are present; those taking a break are not disturbed."""
    return [
        membership.person
        for membership in Membership.objects.active()
        .filter(group=group, role=GroupRole.FACILITATOR)
        .select_related("person")
    ]


@transaction.atomic
def join_group(*, person: Person, group: PeerGroup, display_name: str) -> Membership:
    """Join an open group, or ask to join one that asks first.

    Raises ValidationError if the display name is taken in the group. Facilitators are
    told that someone asked (never who, in the notification itself).
    """
    check_join(person, group)
    display_name = display_name.strip()
    _check_name_free(group, display_name, person)
    status = (
        Status.REQUESTED if group.join_policy == JoinPolicy.REQUEST else Status.ACTIVE
    )
    now = timezone.now()
    defaults: dict[str, object] = {
        "display_name": display_name,
        "status": status,
        "status_changed_at": now,
    }
    if status == Status.ACTIVE:
        # Coming in from outside (new, declined or left): history starts now.
        defaults["joined_at"] = now
    try:
        with transaction.atomic():
            membership, _ = Membership.objects.update_or_create(
                group=group, person=person, defaults=defaults
            )
    except IntegrityError as error:
        raise name_taken_error() from error
    if status == Status.REQUESTED:
        _tell_staff_on_commit(group)
        link = reverse("peergroups:request-list", args=[group.pk])
        facilitators = _facilitators(group)
        notify(
            people=facilitators,
            message=f"Someone has asked to join {group.name}.",
            link=link,
        )
    return membership


@transaction.atomic
def approve_join_request(*, person: Person, membership: Membership) -> Membership:
    """A facilitator (or admin) welcomes someone who asked to join."""
    check_manage_requests(person, membership.group)
    if membership.status != Status.REQUESTED:
        return membership
    _set_status(membership, Status.ACTIVE)
    _mark_joined(membership)
    group = membership.group
    _tell_staff_on_commit(group)
    newcomer = membership.person
    link = reverse("peergroups:group-detail", args=[group.pk])
    notify(
        people=[newcomer],
        message=f"You are now part of {group.name}. Welcome.",
        link=link,
    )
    return membership


@transaction.atomic
def decline_join_request(*, person: Person, membership: Membership) -> Membership:
    """A facilitator (or admin) says not this time. The person may ask again."""
    check_manage_requests(person, membership.group)
    if membership.status != Status.REQUESTED:
        return membership
    _set_status(membership, Status.DECLINED)
    group = membership.group
    _tell_staff_on_commit(group)
    requester = membership.person
    link = reverse("organisations:help")
    notify(
        people=[requester],
        message=(
            f"{group.name} is not able to take you this time. This is not about "
            "you; the group may be full or for a particular group of people."
        ),
        link=link,
    )
    return membership


@transaction.atomic
def pause_membership(*, person: Person, group: PeerGroup) -> Membership:
    """Take a break: no notifications, hidden from the member list, nothing lost.
    Open live-room sockets in the group close once the break is saved."""
    check_pause(person, group)
    membership = Membership.objects.get(group=group, person=person)
    _set_status(membership, Status.PAUSED)
    _close_live_sockets_on_commit(person, group)
    return membership


@transaction.atomic
def return_to_group(*, person: Person, group: PeerGroup) -> Membership:
    """Come back after a break or after leaving, as often as the person likes.
    Coming back after leaving starts the person's live history afresh; a break does
    not."""
    check_return(person, group)
    membership = Membership.objects.get(group=group, person=person)
    had_left = membership.status == Status.LEFT
    _set_status(membership, Status.ACTIVE)
    if had_left:
        _mark_joined(membership)
    return membership


@transaction.atomic
def leave_group(*, person: Person, group: PeerGroup) -> Membership:
    """Leave, no questions asked. A pending request is simply withdrawn. Open
    live-room sockets in the group close once the leaving is saved."""
    check_leave(person, group)
    membership = Membership.objects.get(group=group, person=person)
    was_waiting = membership.status == Status.REQUESTED
    _set_status(membership, Status.LEFT)
    _close_live_sockets_on_commit(person, group)
    if was_waiting:
        _tell_staff_on_commit(group)
    return membership


def _tell_staff_on_commit(group: PeerGroup) -> None:
    """Join requests show on staff Today pages: open ones look again."""
    organisation_id = group.organisation_id
    transaction.on_commit(lambda: tell_staff_pages(organisation_id=organisation_id))


def _close_live_sockets_on_commit(person: Person, group: PeerGroup) -> None:
    """Someone no longer in the room stops receiving at once."""
    person_id, group_id = person.pk, group.pk
    transaction.on_commit(
        lambda: close_live_sockets(person_id=person_id, group_id=group_id)
    )


@transaction.atomic
def rename_self(*, person: Person, group: PeerGroup, display_name: str) -> Membership:
    """Change one's own name in the group (active or on a break); ValidationError if
    someone else there uses it. Nobody is notified."""
    check_rename_self(person, group)
    display_name = display_name.strip()
    _check_name_free(group, display_name, person)
    membership = Membership.objects.get(group=group, person=person)
    membership.display_name = display_name
    try:
        with transaction.atomic():
            membership.save(update_fields=["display_name"])
    except IntegrityError as error:
        raise name_taken_error() from error
    # Open live sockets write under the new name from the next message.
    person_id, group_id = person.pk, group.pk
    transaction.on_commit(
        lambda: posting_facts_changed(person_id=person_id, group_id=group_id)
    )
    return membership


def _unique_slug(organisation: Organisation, name: str) -> str:
    base = slugify(name)[:70] or "group"
    slug = base
    number = 2
    while PeerGroup.objects.filter(organisation=organisation, slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def create_group(
    *,
    person: Person,
    organisation: Organisation,
    name: str,
    shared_experience: str,
    who_for: str,
    format: str,
    when_and_where: str,
    is_listed: bool,
    join_policy: str,
    tag_names: Iterable[str],
    someone_may_be_watching: bool = False,
) -> PeerGroup:
    """Start a group. Its creator becomes its first facilitator, so they must be
    allowed to facilitate there (staff only, where the organisation asks for that).
    The same name sent again by its creator within a few minutes (a double click)
    gives back the group already started."""
    check_create_group(person, organisation)
    check_facilitate_in(person, organisation)
    check_trained_for(person, organisation, Gate.FACILITATE)
    # Taken in turn, so that two presses at once cannot both start a group.
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    just_started = PeerGroup.objects.filter(
        organisation=organisation,
        name__iexact=name.strip(),
        created_at__gte=timezone.now() - JUST_STARTED,
        memberships__person=person,
        memberships__role=GroupRole.FACILITATOR,
    ).first()
    if just_started is not None:
        return just_started
    group = PeerGroup.objects.create(
        organisation=organisation,
        name=name.strip(),
        slug=_unique_slug(organisation, name),
        shared_experience=shared_experience.strip(),
        who_for=who_for.strip(),
        format=format,
        when_and_where=when_and_where.strip(),
        is_listed=is_listed,
        join_policy=join_policy,
        someone_may_be_watching=someone_may_be_watching,
    )
    group.tags.set(tags_named(tag_names))
    Membership.objects.create(
        group=group,
        person=person,
        display_name=suggest_display_name(group=group),
        status=Status.ACTIVE,
        role=GroupRole.FACILITATOR,
    )
    return group


def tags_named(names: Iterable[str]) -> list[Tag]:
    """The tags for these words, tidied and lower-cased; creates any that are new
    and skips words with no letters or numbers."""
    tags = []
    for raw in names:
        name = " ".join(raw.split()).lower()[:60]
        slug = slugify(name)[:60]
        if not slug:
            continue
        tag, _ = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
        tags.append(tag)
    return tags


def step_down_beyond_role(
    *, person_id: int, organisation_id: int, even_where_peers_facilitate: bool = False
) -> int:
    """A system action, run in the same transaction as a change of the person's
    role in the organisation (alongside.organisations.actions.change_role). Where
    only staff may facilitate (`requires_staff_facilitators`), someone no longer
    staff there stops facilitating its groups now and stays in each as a member;
    the organisation's admins are told of any group left with no facilitator (one
    on a break still counts).
    Elsewhere facilitating is a place in the group, not a staff role, and is kept,
    unless the admin changing the role chose to end it too
    (`even_where_peers_facilitate`). Returns how many groups they stopped
    facilitating."""
    organisation = Organisation.objects.get(pk=organisation_id)
    only_staff = organisation.requires_staff_facilitators
    if not (only_staff or even_where_peers_facilitate) or is_staff(
        Person.objects.get(pk=person_id), organisation
    ):
        return 0
    places = list(
        Membership.objects.filter(
            person_id=person_id,
            group__organisation=organisation,
            role=GroupRole.FACILITATOR,
        ).select_related("group")
    )
    Membership.objects.filter(pk__in=[place.pk for place in places]).update(
        role=GroupRole.MEMBER
    )
    why = (
        "its facilitator is no longer staff, and only staff facilitate groups here."
        if only_staff
        else "its facilitator stepped down from facilitating when their role changed."
    )
    for place in places:
        group_id = place.group_id
        transaction.on_commit(
            partial(posting_facts_changed, person_id=person_id, group_id=group_id)
        )
        if (
            not _facilitators(place.group)
            and not Membership.objects.filter(
                group=place.group, role=GroupRole.FACILITATOR, status=Status.PAUSED
            ).exists()
        ):
            notify(
                people=Person.objects.filter(
                    roles__organisation=organisation, roles__role=Role.ADMIN
                ),
                message=f"The group {place.group.name} has no facilitator now: {why}",
                link=reverse("peergroups:group-detail", kwargs={"group_id": group_id}),
            )
    if places:
        _tell_staff_on_commit(places[0].group)
    return len(places)
