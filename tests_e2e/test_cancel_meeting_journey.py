"""Asking for a one-to-one meeting and cancelling it, in a real browser: jo suggests
an in-person meeting; sam finds it waiting on their match page and says "Yes, that
works" with the keyboard, and jo is told only that it is agreed. Then sam's plans
change, so sam cancels it, after a page that says what will and will not happen;
the meeting stays listed as cancelled, with nothing to check in or out of, and jo
is told only that a meeting was cancelled. axe checks each page at 1280 and at
320 px wide. Afterwards the demo is put back as it was.
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
ASKED = (
    "A one-to-one meeting has been suggested. Please say whether the time works "
    "for you."
)
AGREED = "A one-to-one meeting you suggested is agreed."
# Who is told what: jo (the supporter) of the yes and the cancelling, sam of the
# suggestion.
NOTICES = (("supporter", TOLD), ("peer", ASKED), ("supporter", AGREED))

# An in-person meeting of sam and jo ten days ahead, suggested by jo and waiting
# for sam's yes. Prints the match's and the meeting's ids, then for each notice
# whether its person already had it unread (the demo leaves some: a second is not
# added, it is renewed).
ADD_A_MEETING = (
    f"NOTICES = {NOTICES!r}"
    + """
from datetime import timedelta
from django.utils import timezone
from alongside.buddying import actions
from alongside.buddying.models import Match
from alongside.notifications.models import Notification
match = Match.objects.active().get(peer__username="sam", supporter__username="jo")
had = [
    int(Notification.objects.filter(
        person=getattr(match, side), message=message, read_at__isnull=True
    ).exists())
    for side, message in NOTICES
]
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
print(" ".join(str(flag) for flag in had))
"""
)

# Prints how many unread notices of this message jo has that were made or renewed
# since the meeting was suggested, and whether the meeting is agreed.
TOLD_SINCE = """
from alongside.buddying.models import PairMeeting
from alongside.notifications.models import Notification
meeting = PairMeeting.objects.get(pk={meeting})
print(Notification.objects.filter(
    person=meeting.match.supporter, message={told!r}, read_at__isnull=True,
    created_at__gte=meeting.created_at,
).count())
print(int(meeting.is_agreed))
"""

PUT_BACK = (
    f"NOTICES = {NOTICES!r}"
    + """
from alongside.buddying.models import PairMeeting
from alongside.notifications.models import Notification
meeting = PairMeeting.objects.filter(pk={meeting}).first()
if meeting is not None:
    for (side, message), had in zip(NOTICES, {had}):
        if not had:
            Notification.objects.filter(
                person=getattr(meeting.match, side), message=message,
                created_at__gte=meeting.created_at,
            ).delete()
    meeting.delete()
"""
)


@pytest.fixture
def meeting(django_shell: Callable[[str], str]) -> Iterator[tuple[int, int]]:
    lines = django_shell(ADD_A_MEETING).strip().splitlines()
    match_id, meeting_id = int(lines[-3]), int(lines[-2])
    had = [int(flag) for flag in lines[-1].split()]
    try:
        yield match_id, meeting_id
    finally:
        django_shell(
            PUT_BACK.replace("{meeting}", str(meeting_id)).replace("{had}", repr(had))
        )


def test_sam_cancels_a_meeting_and_jo_is_told_only_that(
    new_page: Callable[..., Page],
    meeting: tuple[int, int],
    django_shell: Callable[[str], str],
) -> None:
    match_id, meeting_id = meeting
    cancel_url = f"/one-to-one/matches/{match_id}/meetings/{meeting_id}/cancel/"
    agree_url = f"/one-to-one/matches/{match_id}/meetings/{meeting_id}/agree/"

    told_since = TOLD_SINCE.format(meeting=meeting_id, told=TOLD)
    agreed_since = TOLD_SINCE.format(meeting=meeting_id, told=AGREED)
    assert django_shell(told_since).split()[-2:] == ["0", "0"]

    sam = new_page()
    sign_in(sam, "sam")
    sam.goto(f"/one-to-one/matches/{match_id}/")
    # jo's suggestion waits for sam, plainly, with nothing to cancel yet.
    waiting = sam.get_by_role("link", name=re.compile("waits? for your answer"))
    expect(waiting).to_be_visible()
    card = sam.locator(f"#meeting-{meeting_id}")
    expect(card).to_contain_text("(waiting for a yes)")
    expect(card).to_contain_text("suggested this time")
    expect(card.get_by_role("button", name="That time doesn't work")).to_be_visible()
    expect(sam.locator(f'a[href="{cancel_url}"]')).to_have_count(0)
    check_both_widths(sam)
    # With the keyboard: to the meetings from the notice, then "Yes, that works".
    waiting.focus()
    sam.keyboard.press("Enter")
    expect(sam).to_have_url(re.compile(r"#meetings$"))
    yes = card.get_by_role("button", name=re.compile("^Yes, that works"))
    yes.focus()
    expect(yes).to_be_focused()
    sam.keyboard.press("Enter")
    expect(sam.get_by_text("The meeting is agreed")).to_be_visible()
    expect(card).to_contain_text("Agreed by you both.")
    expect(sam.locator(f'form[action="{agree_url}"]')).to_have_count(0)
    check_both_widths(sam)
    assert django_shell(agreed_since).split()[-2:] == ["1", "1"]

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

    assert django_shell(told_since).split()[-2] == "1"
    jo = new_page()
    sign_in(jo, "jo")
    jo.goto("/notifications/")
    expect(jo.get_by_text(TOLD)).to_be_visible()
    expect(jo.get_by_text(AGREED)).to_be_visible()
