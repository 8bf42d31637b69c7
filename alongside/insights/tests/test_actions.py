"""Giving feedback and answering how a meeting felt: nothing ties an answer to its
writer, double answers are refused, and the prompt keeps its promises."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.insights import actions
from alongside.insights.models import Answer, Answered, FeltSafetyPrompt, OwnScore
from alongside.insights.permissions import felt_safety_blocker, meeting_to_ask_about
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state

from .factories import past_meeting


def test_feedback_is_kept_with_the_day_and_no_person(
    member: Person, group: PeerGroup
) -> None:
    actions.give_feedback(person=member, group=group, text="Made-up words.")

    answer = Answer.objects.get()
    assert answer.text == "Made-up words."
    assert answer.answered_on == timezone.localdate()
    assert Answered.objects.filter(person=member, group=group).count() == 1


def test_feedback_twice_in_a_week_is_refused_kindly(
    member: Person, group: PeerGroup
) -> None:
    actions.give_feedback(person=member, group=group, text="Made-up words.")

    with pytest.raises(ValidationError, match="already sent feedback"):
        actions.give_feedback(person=member, group=group, text="More made-up words.")
    assert Answer.objects.count() == 1


@pytest.mark.parametrize("state", ["none", "requested", "left", "org admin"])
def test_only_members_give_feedback(group: PeerGroup, state: str) -> None:
    person = person_in_state(state, group)

    with pytest.raises(PermissionDenied):
        actions.give_feedback(person=person, group=group, text="Made-up words.")
    assert not Answer.objects.exists()


def test_empty_feedback_is_refused(member: Person, group: PeerGroup) -> None:
    with pytest.raises(ValidationError):
        actions.give_feedback(person=member, group=group, text="   ")
    assert not Answered.objects.exists()


def test_felt_safety_keeps_an_anonymous_answer_and_the_persons_own_copy(
    member: Person, group: PeerGroup
) -> None:
    occurrence = past_meeting(group)

    actions.answer_felt_safety(
        person=member, occurrence=occurrence, felt_safe=2, could_say=5
    )

    answer = Answer.objects.get()
    assert (answer.felt_safe, answer.could_say) == (2, 5)
    assert answer.meeting_id == occurrence.meeting_id
    own = OwnScore.objects.get(person=member)
    assert own.month == timezone.localdate().replace(day=1)
    assert (own.felt_safe, own.could_say) == (2, 5)


def test_a_person_is_asked_at_most_once_a_week_however_many_meetings(
    member: Person, group: PeerGroup
) -> None:
    first, second = past_meeting(group, hours_ago=5), past_meeting(group)
    actions.answer_felt_safety(
        person=member, occurrence=first, felt_safe=4, could_say=4
    )

    assert meeting_to_ask_about(member, group) is None
    assert "once a week" in felt_safety_blocker(member, second)
    with pytest.raises(ValidationError):
        actions.answer_felt_safety(
            person=member, occurrence=second, felt_safe=4, could_say=4
        )
    later = timezone.now() + timedelta(days=7, hours=1)
    assert felt_safety_blocker(member, second, later) != ""  # over three days ago


def test_the_prompt_comes_back_after_a_week(member: Person, group: PeerGroup) -> None:
    actions.answer_felt_safety(
        person=member, occurrence=past_meeting(group), felt_safe=4, could_say=4
    )
    FeltSafetyPrompt.objects.filter(person=member).update(
        next_from=timezone.now() - timedelta(minutes=1)
    )

    assert meeting_to_ask_about(member, group) is None  # that meeting is answered
    newer = past_meeting(group, hours_ago=2)
    assert meeting_to_ask_about(member, group) == newer


def test_dismissing_the_prompt_stops_it_for_good(
    member: Person, group: PeerGroup
) -> None:
    occurrence = past_meeting(group)
    assert meeting_to_ask_about(member, group) == occurrence

    actions.dismiss_felt_safety_prompt(person=member)

    assert meeting_to_ask_about(member, group) is None
    assert "not to be asked" in felt_safety_blocker(member, occurrence)
    actions.restore_felt_safety_prompt(person=member)
    assert meeting_to_ask_about(member, group) == occurrence


def test_a_meeting_not_yet_over_is_not_asked_about(
    member: Person, group: PeerGroup
) -> None:
    occurrence = past_meeting(group, hours_ago=1)  # 90 minutes long: still on

    assert "once it is over" in felt_safety_blocker(member, occurrence)
    with pytest.raises(ValidationError):
        actions.answer_felt_safety(
            person=member, occurrence=occurrence, felt_safe=3, could_say=3
        )


def test_scores_outside_one_to_five_are_refused(
    member: Person, group: PeerGroup
) -> None:
    with pytest.raises(ValidationError):
        actions.answer_felt_safety(
            person=member, occurrence=past_meeting(group), felt_safe=9, could_say=3
        )
    assert not Answer.objects.exists()
    assert not Answered.objects.exists()


def test_only_active_facilitators_record_what_changed(
    member: Person, facilitator: Person, group: PeerGroup
) -> None:
    with pytest.raises(PermissionDenied):
        actions.record_change(
            person=member, group=group, you_said="Made up.", we_did="Made up."
        )

    change = actions.record_change(
        person=facilitator, group=group, you_said="Made up.", we_did="Made up too."
    )
    assert change.we_did == "Made up too."


def test_the_nightly_tidy_up_forgets_old_records_and_very_old_answers(
    member: Person, group: PeerGroup
) -> None:
    from .factories import AnswerFactory

    old_meeting = past_meeting(group, hours_ago=24 * 9)
    Answered.objects.create(person=member, group=group, occurrence=old_meeting)
    recent = past_meeting(group)
    Answered.objects.create(person=member, group=group, occurrence=recent)
    AnswerFactory.create(
        group=group, answered_on=timezone.localdate() - timedelta(days=4 * 365)
    )
    AnswerFactory.create(group=group)

    assert actions.forget_old_records() == 2

    assert list(Answered.objects.values_list("occurrence", flat=True)) == [recent.pk]
    assert Answer.objects.count() == 1


def test_erasing_an_account_after_answering_leaves_the_answers_and_no_trace(
    member: Person, group: PeerGroup
) -> None:
    from alongside.privacy.actions import erase_account

    actions.give_feedback(person=member, group=group, text="Made-up words.")
    actions.answer_felt_safety(
        person=member, occurrence=past_meeting(group), felt_safe=3, could_say=3
    )

    erase_account(person=member, keep_posts=False)

    assert Answer.objects.count() == 2
    assert not Answered.objects.exists()
    assert not OwnScore.objects.exists()
    assert not FeltSafetyPrompt.objects.exists()
