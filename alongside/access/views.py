"""The peer's own page: "Who else has seen my words"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from alongside.conversations.permissions import can_read_group_conversations
from alongside.core.requests import AuthenticatedRequest

from .models import Item, ReaderRole, StaffRead
from .permissions import staff_reads_visible_to

SHOWN = 200


@dataclass
class ReadRow:
    who: str
    what: str
    link: str
    why: str
    read_at: datetime


def _who(read: StaffRead) -> str:
    organisation = read.organisation.name
    if read.reader_role == ReaderRole.FACILITATOR and read.group is not None:
        return f"A facilitator of {read.group.name}, at {organisation}"
    return f"{read.get_reader_role_display()} at {organisation}"


def _what(read: StaffRead) -> str:
    label = read.get_item_display()
    if read.group is not None and read.item != Item.DECISION_REPLY:
        return f"{label}, in {read.group.name}"
    return label


def _link(read: StaffRead, readable: set[int]) -> str:
    if read.item == Item.PRIVATE_MESSAGE:
        return reverse("privateconversations:inbox")
    if read.item == Item.DECISION_REPLY:
        return reverse("safety:decision-detail", args=[read.object_id])
    post = read.post
    if post is None or post.is_deleted or post.group_id not in readable:
        return ""
    if post.thread_id is not None:
        place = reverse(
            "conversations:thread-detail",
            kwargs={"group_id": post.group_id, "thread_id": post.thread_id},
        )
        # ?post= opens the page of a long conversation that holds the post.
        return f"{place}?post={post.pk}#post-{post.pk}"
    return reverse("conversations:live-room", kwargs={"group_id": post.group_id})


@login_required
@require_GET
def staff_reads(request: AuthenticatedRequest) -> HttpResponse:
    reads = list(
        staff_reads_visible_to(request.user).select_related(
            "organisation", "group__organisation", "post"
        )[:SHOWN]
    )
    groups = {read.group.pk: read.group for read in reads if read.group is not None}
    readable = {
        pk
        for pk, group in groups.items()
        if can_read_group_conversations(request.user, group)
    }
    rows = [
        ReadRow(
            who=_who(read),
            what=_what(read),
            link=_link(read, readable),
            why=read.get_reason_display(),
            read_at=read.read_at,
        )
        for read in reads
    ]
    return render(request, "access/staff_reads.html", {"rows": rows})
