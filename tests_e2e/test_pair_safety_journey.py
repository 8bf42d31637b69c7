"""Safety in one-to-one support, in a real browser: jo misses the check-out of an
in-person meeting with sam and fran, on duty, finds the alert on her Today page and
acknowledges it; sam answers the check after a meeting, privately; fran reads how
one-to-one support works at Hollybank (in person only, as a secure service) and at
Northgate (teams kept apart). axe checks every page at 1280 and at 320 px wide.
Afterwards the demo is put back as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pyotp
import pytest
from playwright.sync_api import Page, expect

from .accessibility import check_both_widths
from .conftest import DEMO_PASSWORD, sign_in_with_second_step

pytestmark = pytest.mark.browser


# An in-person meeting of sam and jo that ended an hour ago with no check-out,
# fran on duty, and the regular check run. Prints whether fran was on duty
# before, then the meeting's and the alert's ids.
MISS_A_CHECK_OUT = """
from datetime import timedelta
from django.utils import timezone
from alongside.accounts.models import Person
from alongside.buddying import actions
from alongside.buddying.demo import agreed_back_then
from alongside.buddying.models import Match
from alongside.organisations.models import Organisation
from alongside.safety import actions as safety_actions
from alongside.safety.models import DutyPeriod
riverside = Organisation.objects.get(slug="riverside")
fran = Person.objects.get(username="fran")
was_on_duty = DutyPeriod.objects.filter(
    organisation=riverside, person=fran, ended_at__isnull=True
).exists()
safety_actions.go_on_duty(person=fran, organisation=riverside)
match = Match.objects.active().get(peer__username="sam", supporter__username="jo")
# Suggested by jo and agreed by sam before it began (only an agreed meeting alerts).
meeting = agreed_back_then(actions.plan_meeting(
    person=match.supporter,
    match=match,
    starts_at=timezone.now() - timedelta(hours=2),
    minutes=60,
    format="in_person",
))
actions.alert_missed_check_outs(now=timezone.now())
meeting.refresh_from_db()
print(was_on_duty)
print(meeting.pk)
print(meeting.escalation_id)
"""

PUT_BACK_THE_ALERT = """
from alongside.accounts.models import Person
from alongside.buddying.models import PairMeeting
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation
from alongside.safety import actions as safety_actions
from alongside.safety.models import Escalation
PairMeeting.objects.filter(pk={meeting_id}).delete()
Notification.objects.filter(link__contains="/help/{escalation_id}/").delete()
Notification.objects.filter(link__contains="/alerts/{escalation_id}/").delete()
Notification.objects.filter(
    person__username="jo", message__contains="checking you are safe"
).delete()
Escalation.objects.filter(pk={escalation_id}).delete()
if not {was_on_duty}:
    safety_actions.go_off_duty(
        person=Person.objects.get(username="fran"),
        organisation=Organisation.objects.get(slug="riverside"),
    )
"""

# The demo's check waiting for sam (the latest, if two wait): which match and
# meeting.
CHECK_WAITING = """
from alongside.buddying.models import Match
from alongside.buddying.permissions import meeting_checks_waiting_for
match = Match.objects.active().get(peer__username="sam", supporter__username="jo")
print(match.pk)
print(meeting_checks_waiting_for(match.peer, match).order_by("-starts_at")[0].pk)
"""

PUT_BACK_THE_CHECK = """
from alongside.buddying.models import SupportCheck
SupportCheck.objects.filter(meeting_id={meeting_id}).delete()
"""

FRAN_AT_HOLLYBANK = """
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
OrganisationRole.objects.{verb}(
    organisation=Organisation.objects.get(slug="hollybank"),
    person=Person.objects.get(username="fran"),
    role="facilitator",
)
"""


@pytest.fixture
def missed_check_out(django_shell: Callable[[str], str]) -> Iterator[str]:
    was_on_duty, meeting_id, escalation_id = django_shell(
        MISS_A_CHECK_OUT
    ).splitlines()[-3:]
    try:
        yield escalation_id
    finally:
        django_shell(
            PUT_BACK_THE_ALERT.format(
                meeting_id=meeting_id,
                escalation_id=escalation_id,
                was_on_duty=was_on_duty,
            )
        )


def test_a_missed_check_out_reaches_fran_on_today_and_she_acknowledges_it(
    new_page: Callable[..., Page],
    fran_totp: pyotp.TOTP,
    missed_check_out: str,
) -> None:
    fran = new_page()
    sign_in_with_second_step(fran, "fran", fran_totp)
    fran.goto("/today/")
    check_both_widths(fran)

    item = fran.locator(f"#today-alert-{missed_check_out}")
    expect(item).to_have_text("A supporter has not checked out of a meeting")
    expect(fran.locator("#today-sections")).not_to_contain_text("sam")
    item.click()
    fran.wait_for_url(f"**/safety/help/{missed_check_out}/")
    expect(fran.get_by_role("heading", level=1)).to_have_text(
        "A supporter has not checked out"
    )
    expect(fran.locator("#help-who")).to_contain_text(
        "Jo (peer supporter) met someone in person"
    )
    expect(fran.locator("main")).not_to_contain_text("sam")
    check_both_widths(fran)

    fran.get_by_role("button", name="I have seen this and will be in touch").click()
    expect(fran.locator("main")).to_contain_text("Answered by Fran (facilitator)")
    check_both_widths(fran)


def test_sam_answers_the_check_after_a_meeting_privately(
    new_page: Callable[..., Page], django_shell: Callable[[str], str]
) -> None:
    match_id, meeting_id = django_shell(CHECK_WAITING).splitlines()[-2:]
    sam = new_page()
    sam.goto("/account/login/")
    sam.get_by_label("Your sign-in name").fill("sam")
    sam.locator("#id_password").fill(DEMO_PASSWORD)
    sam.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(sam.get_by_role("button", name="Sign out")).to_be_visible()
    try:
        sam.goto(f"/one-to-one/matches/{match_id}/")
        after = sam.get_by_role("region", name="After your meeting")
        expect(after).to_contain_text("Only you see your answers")
        check_both_widths(sam)
        after.locator(f"a[href$='/meetings/{meeting_id}/check/']").click()
        sam.wait_for_url(f"**/meetings/{meeting_id}/check/")
        check_both_widths(sam)

        sam.get_by_role(
            "group", name=re.compile("This meeting was helpful")
        ).get_by_label("4").check()
        sam.get_by_role("group", name=re.compile("I felt safe")).get_by_label(
            "5"
        ).check()
        sam.get_by_role("button", name="Save my answers").click()

        sam.wait_for_url(f"**/one-to-one/matches/{match_id}/")
        expect(sam.locator("main")).to_contain_text("Thank you. Only you see this.")
        expect(sam.locator("main")).to_contain_text("helpful 4 of 5, felt safe 5 of 5")
        expect(sam.locator(f"a[href$='/meetings/{meeting_id}/check/']")).to_have_count(
            0
        )
        check_both_widths(sam)
    finally:
        django_shell(PUT_BACK_THE_CHECK.format(meeting_id=meeting_id))


def test_fran_reads_that_a_secure_service_meets_in_person_only(
    new_page: Callable[..., Page],
    fran_totp: pyotp.TOTP,
    django_shell: Callable[[str], str],
) -> None:
    django_shell(FRAN_AT_HOLLYBANK.format(verb="get_or_create"))
    try:
        fran = new_page()
        sign_in_with_second_step(fran, "fran", fran_totp)
        fran.goto("/one-to-one/settings/hollybank/")
        now = fran.locator("#pair-policy-now")
        expect(now).to_contain_text("Pairs meet in person only")
        expect(now).to_contain_text("always so in a secure service")
        expect(fran.get_by_label("Pairs meet in person only")).to_have_count(0)
        check_both_widths(fran)

        fran.goto("/one-to-one/settings/northgate-staff/")
        expect(fran.locator("#pair-policy-now")).to_contain_text(
            "Nobody is matched with a supporter from their own team"
        )
        expect(fran.get_by_label("Your teams or departments")).to_contain_text(
            "Pharmacy"
        )
        check_both_widths(fran)
    finally:
        django_shell(FRAN_AT_HOLLYBANK.format(verb="filter").rstrip() + ".delete()\n")
