"""Recording staff reads. The single entrance: safety's staff pages call
`record_staff_reads` with every item they show with a peer's words.

A person reading their own words is not recorded. The same person reading the same
item for the same reason again within an hour (the queue page, then the decision
page, then the page again after saving) is one read, so that the author's list shows
each time someone looked, not each page load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import is_facilitator_of

from .models import Item, ReaderRole, Reason, StaffRead

SAME_READ_WITHIN = timedelta(hours=1)

_ROLE_OF: dict[str, ReaderRole] = {
    Role.ADMIN.value: ReaderRole.ADMIN,
    Role.SUPERVISOR.value: ReaderRole.SUPERVISOR,
    Role.FACILITATOR.value: ReaderRole.FACILITATOR,
}


@dataclass(frozen=True)
class Seen:
    """One item shown with a peer's words: whose, what, which one and why."""

    author_id: int | None
    item: Item
    object_id: int
    reason: Reason
    post_id: int | None = None


def reader_role_of(
    reader: Person, group: PeerGroup, *, on_duty: bool = False
) -> ReaderRole:
    """The role in which the reader read: on duty, the group's facilitator, or
    their role in the organisation (a peer supporter counts as a facilitator)."""
    if on_duty:
        return ReaderRole.ON_DUTY
    if is_facilitator_of(reader, group):
        return ReaderRole.FACILITATOR
    role = role_in(reader, group.organisation)
    return _ROLE_OF.get(role or "", ReaderRole.FACILITATOR)


def record_staff_reads(
    *,
    reader: Person,
    group: PeerGroup,
    seen: Iterable[Seen],
    on_duty: bool = False,
) -> list[StaffRead]:
    """Record that the reader, acting as staff, was shown each item.

    Preconditions: the caller has already checked that the reader may see them.
    Skips the reader's own words, items with no author left, and repeats within
    SAME_READ_WITHIN. Returns the rows written.
    """
    wanted = [
        (entry.author_id, entry)
        for entry in dict.fromkeys(seen)
        if entry.author_id is not None and entry.author_id != reader.pk
    ]
    if not wanted:
        return []
    now = timezone.now()
    recent = set(
        StaffRead.objects.filter(
            reader=reader,
            read_at__gte=now - SAME_READ_WITHIN,
            object_id__in=[entry.object_id for _, entry in wanted],
        ).values_list("item", "object_id", "reason")
    )
    role = reader_role_of(reader, group, on_duty=on_duty)
    rows = [
        StaffRead(
            reader=reader,
            reader_role=role,
            organisation_id=group.organisation_id,
            group=group,
            author_id=author_id,
            item=entry.item,
            post_id=entry.post_id,
            object_id=entry.object_id,
            reason=entry.reason,
            read_at=now,
        )
        for author_id, entry in wanted
        if (entry.item, entry.object_id, entry.reason) not in recent
    ]
    return StaffRead.objects.bulk_create(rows)


def record_organisation_reads(
    *, reader: Person, organisation: Organisation, seen: Iterable[Seen]
) -> list[StaffRead]:
    """As `record_staff_reads`, for words that belong to no group (a private
    conversation with the team): the reader's role is their role in the
    organisation."""
    wanted = [
        (entry.author_id, entry)
        for entry in dict.fromkeys(seen)
        if entry.author_id is not None and entry.author_id != reader.pk
    ]
    if not wanted:
        return []
    now = timezone.now()
    recent = set(
        StaffRead.objects.filter(
            reader=reader,
            read_at__gte=now - SAME_READ_WITHIN,
            object_id__in=[entry.object_id for _, entry in wanted],
        ).values_list("item", "object_id", "reason")
    )
    role = _ROLE_OF.get(role_in(reader, organisation) or "", ReaderRole.FACILITATOR)
    rows = [
        StaffRead(
            reader=reader,
            reader_role=role,
            organisation=organisation,
            group=None,
            author_id=author_id,
            item=entry.item,
            post_id=entry.post_id,
            object_id=entry.object_id,
            reason=entry.reason,
            read_at=now,
        )
        for author_id, entry in wanted
        if (entry.item, entry.object_id, entry.reason) not in recent
    ]
    return StaffRead.objects.bulk_create(rows)
