"""A one-to-one meeting one side suggests is asked, not on, until the other says
yes. Only the other side says yes or that the time does not work; only the one
who asked withdraws it; never on an ended pair, a withdrawn, turned-down or past
meeting. Only an agreed meeting drives check-in, check-out, the missed check-out
alert and the check after it; a time that passes without a yes lapses and alerts
nobody. Through the actions, the regular check and the pages, against the real
models."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.models import Notification
from alongside.organisations.models import Role, Setting
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.safety import actions as safety_actions
from alongside.safety.models import Escalation
from alongside.supporters.tests.factories import member_of

from .. import actions, tasks
from ..exports import export_matches
from ..models import Match, PairMeeting
from ..permissions import (
    can_answer_meeting_ask,
    can_cancel_meeting,
    can_check_in_or_out,
    can_withdraw_meeting,
    check_answer_meeting_ask,
    check_withdraw_meeting,
    meeting_checks_waiting_for,
    meetings_overseen_by,
)
from .factories import coordinator_of, matched

pytestmark = pytest.mark.django_db(transaction=True)

ASKED = (
    "A one-to-one meeting has been suggested. Please say whether the time works "
    "for you."
)
AGREED = "A one-to-one meeting you suggested is agreed."
DECLINED = (
    "A time you suggested for a one-to-one meeting does not work for the other "
    "person. You could suggest another."
)
WITHDRAWN = "A one-to-one meeting you were asked about has been withdrawn."


def signed_in(person: object) -> Client:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    return client


def asked(match: Match, *, by: str = "supporter", hours: float = 72) -> PairMeeting:
    """An in-person meeting `hours` from now (negative: already begun), asked by
    one side through the action."""
    return actions.plan_meeting(
        person=match.supporter if by == "supporter" else match.peer,
        match=match,
        starts_at=timezone.now() + timedelta(hours=hours),
        minutes=60,
        format="in_person",
    )


def url(name: str, meeting: PairMeeting) -> str:
    return reverse(f"buddying:{name}", args=[meeting.match_id, meeting.pk])


def told(person: Person, message: str) -> int:
    return Notification.objects.filter(person=person, message=message).count()


@pytest.fixture
def match() -> Match:
    return matched(OrganisationFactory.create())


# ---- Asking and answering ---------------------------------------------------------


def test_a_meeting_asked_is_not_on_and_the_other_is_told_in_neutral_words(
    match: Match,
) -> None:
    meeting = asked(match, by="peer")

    assert meeting.planned_by == "peer"
    assert meeting.agreed_at is None and meeting.is_waiting
    assert told(match.supporter, ASKED) == 1
    assert told(match.peer, ASKED) == 0
    note = Notification.objects.get(person=match.supporter, message=ASKED)
    assert note.link == reverse("buddying:match-detail", args=[match.pk])
    for person in (match.peer, match.supporter):
        assert person.shown_name not in note.message
    assert match.organisation.name not in note.message


def test_the_other_side_says_yes_and_the_one_who_asked_is_told(match: Match) -> None:
    meeting = asked(match)

    actions.agree_to_meeting(person=match.peer, meeting=meeting)

    meeting.refresh_from_db()
    assert meeting.is_agreed and not meeting.is_waiting
    assert told(match.supporter, AGREED) == 1
    assert told(match.peer, AGREED) == 0
    # Once agreed, it is on: either may cancel it, the supporter checks in.
    assert can_cancel_meeting(match.peer, meeting)
    assert can_cancel_meeting(match.supporter, meeting)
    assert can_check_in_or_out(match.supporter, meeting)


def test_saying_yes_twice_is_refused_kindly_and_tells_nobody_again(
    match: Match,
) -> None:
    meeting = asked(match)
    actions.agree_to_meeting(person=match.peer, meeting=meeting)

    with pytest.raises(PermissionDenied, match="already agreed"):
        actions.agree_to_meeting(person=match.peer, meeting=meeting)
    with pytest.raises(PermissionDenied, match="already agreed"):
        actions.decline_meeting(person=match.peer, meeting=meeting)
    with pytest.raises(PermissionDenied, match="already agreed"):
        actions.withdraw_meeting(person=match.supporter, meeting=meeting)
    assert told(match.supporter, AGREED) == 1


def test_the_other_side_says_the_time_does_not_work(match: Match) -> None:
    meeting = asked(match, by="peer")

    actions.decline_meeting(person=match.supporter, meeting=meeting)

    meeting.refresh_from_db()
    assert meeting.is_declined and not meeting.is_agreed and not meeting.is_waiting
    assert told(match.peer, DECLINED) == 1
    with pytest.raises(PermissionDenied, match="already said"):
        actions.decline_meeting(person=match.supporter, meeting=meeting)
    with pytest.raises(PermissionDenied, match="already said"):
        actions.agree_to_meeting(person=match.supporter, meeting=meeting)
    with pytest.raises(PermissionDenied, match="does not work"):
        actions.withdraw_meeting(person=match.peer, meeting=meeting)
    assert told(match.peer, DECLINED) == 1
    # The same time may be asked again, as a new meeting.
    again = actions.plan_meeting(
        person=match.peer,
        match=match,
        starts_at=meeting.starts_at,
        minutes=60,
        format="in_person",
    )
    assert again.pk != meeting.pk and again.is_waiting


def test_only_the_other_side_answers_never_the_one_who_asked(match: Match) -> None:
    meeting = asked(match)

    assert not can_answer_meeting_ask(match.supporter, meeting)
    assert can_answer_meeting_ask(match.peer, meeting)
    with pytest.raises(PermissionDenied, match="waits for the other person"):
        actions.agree_to_meeting(person=match.supporter, meeting=meeting)
    with pytest.raises(PermissionDenied, match="waits for the other person"):
        actions.decline_meeting(person=match.supporter, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.is_waiting
    assert told(match.peer, AGREED) == told(match.supporter, AGREED) == 0


def test_only_the_one_who_asked_withdraws_and_the_other_is_told(
    match: Match,
) -> None:
    meeting = asked(match)

    assert not can_withdraw_meeting(match.peer, meeting)
    with pytest.raises(PermissionDenied, match="Only the one who asked"):
        actions.withdraw_meeting(person=match.peer, meeting=meeting)
    actions.withdraw_meeting(person=match.supporter, meeting=meeting)

    meeting.refresh_from_db()
    assert meeting.is_withdrawn and meeting.is_cancelled and not meeting.is_agreed
    assert told(match.peer, WITHDRAWN) == 1
    for act in (actions.agree_to_meeting, actions.decline_meeting):
        with pytest.raises(PermissionDenied, match="withdrawn"):
            act(person=match.peer, meeting=meeting)
    with pytest.raises(PermissionDenied, match="withdrawn"):
        actions.withdraw_meeting(person=match.supporter, meeting=meeting)
    with pytest.raises(PermissionDenied, match="withdrawn"):
        actions.cancel_meeting(person=match.supporter, meeting=meeting)
    assert told(match.peer, WITHDRAWN) == 1


def test_nobody_outside_the_pair_answers_or_withdraws(match: Match) -> None:
    meeting = asked(match)
    coordinator = coordinator_of(match.organisation)

    assert not can_answer_meeting_ask(coordinator, meeting)
    assert not can_withdraw_meeting(coordinator, meeting)
    # Told plainly that only the two answer, never what state the meeting is in
    # nor "you asked for it".
    with pytest.raises(PermissionDenied, match="Only the two"):
        check_answer_meeting_ask(coordinator, meeting)
    with pytest.raises(PermissionDenied, match="Only the two"):
        check_withdraw_meeting(coordinator, meeting)
    actions.agree_to_meeting(person=match.peer, meeting=meeting)
    with pytest.raises(PermissionDenied, match="Only the two"):
        actions.agree_to_meeting(person=coordinator, meeting=meeting)


def test_a_meeting_with_no_one_recorded_as_asking_is_answered_by_neither(
    match: Match,
) -> None:
    """Only meetings from before asking have no asker, and those are agreed; one
    without a yes and without an asker is never taken as asked of both."""
    meeting = asked(match)
    PairMeeting.objects.filter(pk=meeting.pk).update(planned_by="")
    meeting.refresh_from_db()

    assert not can_answer_meeting_ask(match.peer, meeting)
    assert not can_answer_meeting_ask(match.supporter, meeting)
    assert not can_withdraw_meeting(match.peer, meeting)
    assert not can_withdraw_meeting(match.supporter, meeting)


def test_nothing_is_answered_or_withdrawn_once_the_pair_has_ended(
    match: Match,
) -> None:
    meeting = asked(match)
    actions.end_support(person=match.peer, match=match)
    meeting.refresh_from_db()

    for person, act in (
        (match.peer, actions.agree_to_meeting),
        (match.peer, actions.decline_meeting),
        (match.supporter, actions.withdraw_meeting),
    ):
        with pytest.raises(PermissionDenied, match="support has ended"):
            act(person=person, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.agreed_at is None and meeting.declined_at is None


def test_a_time_passed_without_a_yes_lapses_and_cannot_be_answered(
    match: Match,
) -> None:
    meeting = asked(match, hours=-0.25)

    assert meeting.has_lapsed and not meeting.is_waiting
    for person, act in (
        (match.peer, actions.agree_to_meeting),
        (match.peer, actions.decline_meeting),
        (match.supporter, actions.withdraw_meeting),
    ):
        with pytest.raises(PermissionDenied, match="passed without a yes"):
            act(person=person, meeting=meeting)


def test_a_meeting_still_asked_is_not_cancelled_or_checked_into(
    match: Match,
) -> None:
    meeting = asked(match)

    assert not can_cancel_meeting(match.peer, meeting)
    with pytest.raises(PermissionDenied, match="never agreed"):
        actions.cancel_meeting(person=match.peer, meeting=meeting)
    assert not can_check_in_or_out(match.supporter, meeting)
    with pytest.raises(PermissionDenied, match="not agreed"):
        actions.check_in(person=match.supporter, meeting=meeting)


# ---- What follows a meeting ------------------------------------------------------


def test_an_asked_meeting_never_alerts_and_offers_no_check(match: Match) -> None:
    on_duty = member_of(match.organisation, Role.FACILITATOR)
    safety_actions.go_on_duty(person=on_duty, organisation=match.organisation)
    lapsed = asked(match, hours=-3)
    turned_down = asked(match, by="peer", hours=1)
    actions.decline_meeting(person=match.supporter, meeting=turned_down)
    PairMeeting.objects.filter(pk=turned_down.pk).update(
        starts_at=lapsed.starts_at, ends_at=lapsed.ends_at
    )
    before = Notification.objects.count()

    tasks.check_offers.call()
    later = timezone.now() + timedelta(days=1)

    assert actions.alert_missed_check_outs(now=later) == 0
    assert actions.offer_checks_after_meetings(now=later) == 0
    assert not Escalation.objects.exists()
    assert Notification.objects.count() == before
    assert not meeting_checks_waiting_for(match.peer, match).exists()
    for meeting in (lapsed, turned_down):
        meeting.refresh_from_db()
        assert meeting.alerted_at is None and meeting.check_offered_at is None


def test_an_agreed_meeting_still_alerts_when_nobody_checks_out(match: Match) -> None:
    meeting = asked(match, hours=1)
    actions.agree_to_meeting(person=match.peer, meeting=meeting)
    safety_actions.go_on_duty(
        person=member_of(match.organisation, Role.FACILITATOR),
        organisation=match.organisation,
    )

    after = meeting.ends_at + timedelta(minutes=31)

    assert actions.alert_missed_check_outs(now=after) == 1
    assert actions.offer_checks_after_meetings(now=after) == 1


def test_the_team_oversees_only_agreed_meetings() -> None:
    organisation = OrganisationFactory.create(setting=Setting.SECURE)
    coordinator = coordinator_of(organisation)
    pair = matched(organisation)
    meeting = asked(pair)

    assert not meetings_overseen_by(coordinator, organisation).exists()
    actions.agree_to_meeting(person=pair.peer, meeting=meeting)
    assert list(meetings_overseen_by(coordinator, organisation)) == [meeting]


def test_the_download_says_who_suggested_and_when_it_was_agreed(
    match: Match,
) -> None:
    meeting = asked(match)
    actions.agree_to_meeting(person=match.peer, meeting=meeting)

    supporters = export_matches(match.supporter)[0]["meetings"]
    peers = export_matches(match.peer)[0]["meetings"]

    assert supporters[0]["suggested_by"] == "you"
    assert peers[0]["suggested_by"] == "the other person"
    assert peers[0]["agreed_at"]
    assert peers[0]["withdrawn_at"] is peers[0]["cancelled_at"] is None


def test_the_download_tells_a_withdrawn_suggestion_from_a_cancelled_meeting(
    match: Match,
) -> None:
    withdrawn = asked(match, hours=48)
    actions.withdraw_meeting(person=match.supporter, meeting=withdrawn)
    cancelled = asked(match, hours=72)
    actions.agree_to_meeting(person=match.peer, meeting=cancelled)
    actions.cancel_meeting(person=match.peer, meeting=cancelled)

    first, second = export_matches(match.peer)[0]["meetings"]

    assert first["withdrawn_at"] and first["cancelled_at"] is None
    assert not first["agreed_at"]
    assert second["cancelled_at"] and second["withdrawn_at"] is None
    assert second["agreed_at"]


# ---- The pages -------------------------------------------------------------------


def test_the_other_side_sees_it_plainly_with_yes_and_no(match: Match) -> None:
    meeting = asked(match)

    theirs = signed_in(match.peer).get(
        reverse("buddying:match-detail", args=[match.pk])
    )
    mine = signed_in(match.supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )

    page = theirs.content.decode()
    assert "A meeting time waits for your answer" in page
    assert f"{match.supporter.shown_name} suggested this time" in page
    assert url("meeting-agree", meeting) in page
    assert url("meeting-decline", meeting) in page
    assert "Yes, that works" in page and "That time doesn't work" in page
    assert url("meeting-withdraw", meeting) not in page
    assert url("meeting-cancel", meeting) not in page
    own = mine.content.decode()
    assert "waits for your answer" not in own
    assert url("meeting-agree", meeting) not in own
    assert url("meeting-withdraw", meeting) in own
    assert "(waiting for a yes)" in own


def test_saying_yes_on_the_page_and_again_from_an_old_tab(match: Match) -> None:
    meeting = asked(match)
    peer = signed_in(match.peer)

    first = peer.post(url("meeting-agree", meeting), follow=True)
    second = peer.post(url("meeting-agree", meeting), follow=True)
    declined_late = peer.post(url("meeting-decline", meeting), follow=True)

    assert first.status_code == 200
    assert "The meeting is agreed" in first.content.decode()
    assert "Agreed by you both" in first.content.decode()
    assert "already agreed" in second.content.decode()
    assert "already agreed" in declined_late.content.decode()
    meeting.refresh_from_db()
    assert meeting.is_agreed and not meeting.is_declined
    assert told(match.supporter, AGREED) == 1


def test_saying_the_time_does_not_work_on_the_page(match: Match) -> None:
    meeting = asked(match)

    page = signed_in(match.peer).post(url("meeting-decline", meeting), follow=True)
    asker = signed_in(match.supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )

    assert "they can suggest another" in page.content.decode()
    assert "You said this time does not work" in page.content.decode()
    assert "said this time does not work. You could suggest another" in (
        asker.content.decode()
    )
    assert told(match.supporter, DECLINED) == 1


def test_withdrawing_on_the_page_and_stale_pages_are_told_kindly(
    match: Match,
) -> None:
    meeting = asked(match)
    supporter = signed_in(match.supporter)
    peer = signed_in(match.peer)

    refused = peer.post(url("meeting-withdraw", meeting), follow=True)
    own_yes = supporter.post(url("meeting-agree", meeting), follow=True)
    done = supporter.post(url("meeting-withdraw", meeting), follow=True)
    stale = peer.post(url("meeting-agree", meeting), follow=True)

    assert "Only the one who asked" in refused.content.decode()
    assert "waits for the other person" in own_yes.content.decode()
    assert "The meeting is withdrawn" in done.content.decode()
    assert "(withdrawn)" in done.content.decode()
    assert "withdrawn by the one who asked" in stale.content.decode()
    meeting.refresh_from_db()
    assert meeting.is_withdrawn
    assert told(match.peer, WITHDRAWN) == 1


def test_an_ended_pair_or_a_lapsed_time_is_told_kindly_never_a_500(
    match: Match,
) -> None:
    lapsed = asked(match, hours=-0.25)
    waiting = asked(match)
    peer = signed_in(match.peer)

    late = peer.post(url("meeting-agree", lapsed), follow=True)
    shown = peer.get(reverse("buddying:match-detail", args=[match.pk]))
    actions.end_support(person=match.supporter, match=match)
    ended = peer.post(url("meeting-agree", waiting), follow=True)

    assert late.status_code == ended.status_code == 200
    assert "passed without a yes" in late.content.decode()
    assert "(not agreed)" in shown.content.decode()
    assert url("meeting-agree", lapsed) not in shown.content.decode()
    assert "support has ended" in ended.content.decode()
    # After the end the page still says who suggested it, as not agreed, with
    # nothing to press and no call to say yes.
    after = ended.content.decode()
    assert f"{match.supporter.shown_name} suggested this time" in after
    assert "The support ended before it was agreed" in after
    assert url("meeting-agree", waiting) not in after
    assert "waits for your answer" not in after
    assert "waiting for a yes" not in after
    assert "once you say yes" not in after
    mine = signed_in(match.supporter).get(
        reverse("buddying:match-detail", args=[match.pk])
    )
    assert "You suggested this time. The support ended" in mine.content.decode()
    assert url("meeting-withdraw", waiting) not in mine.content.decode()


def test_nobody_outside_the_pair_finds_the_buttons_and_get_is_refused(
    match: Match,
) -> None:
    meeting = asked(match)
    outsider = signed_in(coordinator_of(match.organisation))

    for name in ("meeting-agree", "meeting-decline", "meeting-withdraw"):
        assert outsider.post(url(name, meeting)).status_code == 404
        assert signed_in(match.peer).get(url(name, meeting)).status_code == 405
    other_match = matched(match.organisation)
    wrong = reverse("buddying:meeting-agree", args=[other_match.pk, meeting.pk])
    assert signed_in(other_match.peer).post(wrong).status_code == 404
    meeting.refresh_from_db()
    assert meeting.is_waiting


def test_a_post_from_another_site_is_refused_and_changes_nothing(
    match: Match,
) -> None:
    meeting = asked(match)
    peer = Client(enforce_csrf_checks=True)
    peer.force_login(match.peer)
    supporter = Client(enforce_csrf_checks=True)
    supporter.force_login(match.supporter)

    assert peer.post(url("meeting-agree", meeting)).status_code == 403
    assert peer.post(url("meeting-decline", meeting)).status_code == 403
    assert supporter.post(url("meeting-withdraw", meeting)).status_code == 403
    meeting.refresh_from_db()
    assert meeting.is_waiting
    assert told(match.supporter, AGREED) == told(match.supporter, DECLINED) == 0


def test_bad_input_when_asking_is_told_kindly_and_nothing_is_kept(
    match: Match,
) -> None:
    page = signed_in(match.peer).post(
        reverse("buddying:meeting-create", args=[match.pk]),
        {"starts_on": "not a day", "start_time": "18:00", "minutes": "60"},
    )

    assert page.status_code == 400
    assert not match.meetings.exists()
    assert told(match.supporter, ASKED) == 0


def test_asking_on_the_page_says_it_waits_for_a_yes(match: Match) -> None:
    page = signed_in(match.peer).post(
        reverse("buddying:meeting-create", args=[match.pk]),
        {
            "starts_on": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "start_time": "18:00",
            "minutes": "60",
            "format": "in_person",
        },
        follow=True,
    )

    assert "It is on once the other person says yes" in page.content.decode()
    meeting = match.meetings.get()
    assert meeting.planned_by == "peer" and meeting.is_waiting
    assert told(match.supporter, ASKED) == 1


def test_asking_for_the_time_the_other_already_asked_for_is_a_yes(
    match: Match,
) -> None:
    meeting = asked(match, by="supporter")

    again = actions.plan_meeting(
        person=match.peer,
        match=match,
        starts_at=meeting.starts_at,
        minutes=60,
        format="in_person",
    )

    assert again.pk == meeting.pk and again.is_agreed
    assert match.meetings.count() == 1
    assert told(match.supporter, AGREED) == 1
    assert told(match.supporter, ASKED) == 0
    # Asked once more (a double click): still one meeting, nobody told again.
    actions.plan_meeting(
        person=match.peer,
        match=match,
        starts_at=meeting.starts_at,
        minutes=60,
        format="in_person",
    )
    assert match.meetings.count() == 1
    assert told(match.supporter, AGREED) == 1


def test_asking_on_the_page_for_the_time_already_asked_says_it_is_agreed(
    match: Match,
) -> None:
    when = timezone.localtime().replace(
        hour=18, minute=0, second=0, microsecond=0
    ) + timedelta(days=5)
    meeting = actions.plan_meeting(
        person=match.supporter,
        match=match,
        starts_at=when,
        minutes=60,
        format="in_person",
    )

    page = signed_in(match.peer).post(
        reverse("buddying:meeting-create", args=[match.pk]),
        {
            "starts_on": when.date().isoformat(),
            "start_time": when.strftime("%H:%M"),
            "minutes": "60",
            "format": "in_person",
        },
        follow=True,
    )

    assert "That time is agreed by you both." in page.content.decode()
    meeting.refresh_from_db()
    assert meeting.is_agreed and match.meetings.count() == 1


def test_the_check_after_a_meeting_never_agreed_is_told_kindly(
    match: Match,
) -> None:
    meeting = asked(match, hours=-2)

    page = signed_in(match.peer).get(url("meeting-check", meeting), follow=True)

    assert page.status_code == 200
    assert "was not agreed, or was cancelled, so there is nothing to ask" in (
        page.content.decode()
    )
    assert not meeting.checks.exists()


def test_checking_into_a_meeting_still_asked_is_told_kindly(match: Match) -> None:
    meeting = asked(match, hours=-0.25)
    supporter = signed_in(match.supporter)

    page = supporter.post(url("meeting-check-in", meeting), follow=True)
    out = supporter.post(url("meeting-check-out", meeting), follow=True)

    assert page.status_code == out.status_code == 200
    assert "was not agreed, so there is nothing to check in or out of" in (
        page.content.decode()
    )
    assert url("meeting-check-in", meeting) not in page.content.decode()
    meeting.refresh_from_db()
    assert meeting.checked_in_at is None and meeting.checked_out_at is None
