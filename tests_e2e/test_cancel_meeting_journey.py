"""Cancelling a one-to-one meeting, in a real browser: sam's plans change, so sam
cancels an in-person meeting with jo from their match page, after a page that says
what will and will not happen; the meeting stays listed as cancelled, with nothing
to check in or out of, and jo is told only that a meeting was cancelled. axe checks
both pages at 1280 and at 320 px wide. Afterwards the demo is put back as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_both_widths
from .conftest import sign_in

pytestmark = pytest.mark.browser


TOLD = "A one-to-one meeting has been cancelled."

# An in-person meeting of sam and jo ten days ahead, added by jo. Prints the
# match's and the meeting's ids, and whether jo already had the notice unread (the
# demo's own cancelled meeting leaves one: a second is not added, it is renewed).
ADD_A_MEETING = (
    f"TOLD = {TOLD!r}"
    + """
from datetime import timedelta
from django.utils import timezone
from alongside.buddying import actions
from alongside.buddying.models import Match
from alongside.notifications.models import Notification
match = Match.objects.active().get(peer__username="sam", supporter__username="jo")
meeting = actions.plan_meeting(
    person=match.supporter,
    match=match,
    starts_at=(timezone.now() + timedelta(days=10)).replace(
        hour=15, minute=30, second=0, microsecond=0
    ),
    minutes=60,
    format="in_person",
)
print(match.pk)
print(meeting.pk)
print(int(Notification.objects.filter(
    person=match.supporter, message=TOLD, read_at__isnull=True
).exists()))
"""
)

# Prints how many unread notices jo has that were made or renewed since the meeting
# was added.
TOLD_SINCE = """
from alongside.buddying.models import PairMeeting
from alongside.notifications.models import Notification
meeting = PairMeeting.objects.get(pk={meeting})
print(Notification.objects.filter(
    person=meeting.match.supporter, message={told!r}, read_at__isnull=True,
    created_at__gte=meeting.created_at,
).count())
"""

PUT_BACK = """
from alongside.buddying.models import PairMeeting
from alongside.notifications.models import Notification
meeting = PairMeeting.objects.filter(pk={meeting}).first()
if meeting is not None:
    if not {had_notice}:
        Notification.objects.filter(
            person=meeting.match.supporter, message={told!r},
            created_at__gte=meeting.created_at,
        ).delete()
    meeting.delete()
"""


@pytest.fixture
def meeting(django_shell: Callable[[str], str]) -> Iterator[tuple[int, int]]:
    match_id, meeting_id, had_notice = (
        int(line) for line in django_shell(ADD_A_MEETING).split()
    )
    try:
        yield match_id, meeting_id
    finally:
        django_shell(
            PUT_BACK.format(meeting=meeting_id, had_notice=had_notice, told=TOLD)
        )


def test_sam_cancels_a_meeting_and_jo_is_told_only_that(
    new_page: Callable[..., Page],
    meeting: tuple[int, int],
    django_shell: Callable[[str], str],
) -> None:
    match_id, meeting_id = meeting
    cancel_url = f"/one-to-one/matches/{match_id}/meetings/{meeting_id}/cancel/"

    told_since = TOLD_SINCE.format(meeting=meeting_id, told=TOLD)
    assert django_shell(told_since).strip() == "0"

    sam = new_page()
    sign_in(sam, "sam")
    sam.goto(f"/one-to-one/matches/{match_id}/")
    cancelled = sam.locator("li.card").filter(has_text="(cancelled)")
    cancelled_before = cancelled.count()
    sam.locator(f'a[href="{cancel_url}"]').click()
    expect(sam.get_by_role("heading", name="Cancel this meeting?")).to_be_visible()
    expect(sam.get_by_text("You do not need to give a reason.")).to_be_visible()
    check_both_widths(sam)
    sam.get_by_role("main").get_by_role("button", name="Cancel this meeting").click()

    expect(sam).to_have_url(re.compile(rf"/one-to-one/matches/{match_id}/$"))
    expect(cancelled).to_have_count(cancelled_before + 1)
    expect(cancelled.last).to_contain_text("Nobody needs to go, check in or check out.")
    expect(sam.locator(f'a[href="{cancel_url}"]')).to_have_count(0)
    check_both_widths(sam)

    assert django_shell(told_since).strip() == "1"
    jo = new_page()
    sign_in(jo, "jo")
    jo.goto("/notifications/")
    expect(jo.get_by_text(TOLD)).to_be_visible()
