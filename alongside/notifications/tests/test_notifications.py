"""The inbox, marking notes read, and the optional email copy."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django import (
    DjangoAssertNumQueries,
    DjangoCaptureOnCommitCallbacks,
    Settings,
)

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.insights import actions as insights_actions
from alongside.notifications.actions import mark_all_read, notify
from alongside.notifications.models import Notification
from alongside.notifications.tasks import email_notification
from alongside.peergroups import actions as group_actions
from alongside.peergroups.models import GroupRole, JoinPolicy
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.peergroups.tests.states import person_in_state

from .factories import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def email_in_memory(settings: Settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def signed_in(person: Person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_inbox_lists_only_ones_own_notifications() -> None:
    person = PersonFactory.create()
    NotificationFactory.create(person=person, message="A note for me.")
    NotificationFactory.create(message="A note for someone else.")

    response = signed_in(person).get(reverse("notifications:inbox"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "A note for me." in page
    assert "A note for someone else." not in page


def test_an_empty_inbox_says_so_gently() -> None:
    response = signed_in(PersonFactory.create()).get(reverse("notifications:inbox"))

    assert "Nothing new" in response.content.decode()


def test_inbox_shows_at_most_one_hundred_notes_in_few_queries(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    person = PersonFactory.create()
    NotificationFactory.create_batch(105, person=person)
    client = signed_in(person)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("notifications:inbox"))

    assert len(response.context["notifications"]) == 100


def test_marking_read_changes_only_ones_own_notes() -> None:
    person = PersonFactory.create()
    mine = NotificationFactory.create(person=person)
    theirs = NotificationFactory.create()

    response = signed_in(person).post(reverse("notifications:inbox-read"))

    assert response.status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None
    assert theirs.read_at is None


def test_mark_all_read_counts_what_it_changed() -> None:
    person = PersonFactory.create()
    NotificationFactory.create_batch(3, person=person)

    assert mark_all_read(person=person) == 3
    assert mark_all_read(person=person) == 0


def test_unread_count_appears_on_every_page() -> None:
    person = PersonFactory.create()
    NotificationFactory.create_batch(2, person=person)

    response = signed_in(person).get(reverse("core:home"))

    assert response.context["unread_notification_count"] == 2


def test_email_goes_only_to_people_with_an_address_who_asked(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    wants = PersonFactory.create(
        email="wants@example.org", wants_email_notifications=True
    )
    declines = PersonFactory.create(email="declines@example.org")
    no_address = PersonFactory.create(wants_email_notifications=True)

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            people=[wants, declines, no_address],
            message="Something new for you.",
            link="/",
        )

    assert Notification.objects.count() == 3
    assert [message.to for message in mail.outbox] == [["wants@example.org"]]


def test_a_caller_with_its_own_email_leaves_the_note_without_a_copy(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    wants = PersonFactory.create(
        email="wants@example.org", wants_email_notifications=True
    )

    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[wants], message="Something new for you.", email_copy=False)

    assert Notification.objects.filter(person=wants).count() == 1
    assert mail.outbox == []


def test_no_email_is_sent_before_the_change_is_saved(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    person = PersonFactory.create(email="a@example.org", wants_email_notifications=True)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(people=[person], message="Something new for you.")

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_email_task_checks_the_choice_again_when_it_runs() -> None:
    person = PersonFactory.create(email="a@example.org", wants_email_notifications=True)
    person.wants_email_notifications = False
    person.save()

    email_notification.call(person.pk)

    assert mail.outbox == []


def test_email_task_for_someone_who_has_gone_sends_nothing() -> None:
    email_notification.call(123456)

    assert mail.outbox == []


def test_join_request_email_carries_no_words_a_peer_wrote(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    group = PeerGroupFactory.create(join_policy=JoinPolicy.REQUEST)
    facilitator = person_in_state("none", group)
    facilitator.email = "facilitator@example.org"
    facilitator.wants_email_notifications = True
    facilitator.save()
    MembershipFactory.create(
        group=group, person=facilitator, role=GroupRole.FACILITATOR
    )
    requester = person_in_state("none", group)

    with django_capture_on_commit_callbacks(execute=True):
        group_actions.join_group(
            person=requester, group=group, display_name="Words Chosen By Peer"
        )

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["facilitator@example.org"]
    assert "Words Chosen By Peer" not in email.body
    assert "Words Chosen By Peer" not in email.subject
    assert requester.username not in email.body
    assert "Sign in to read it" in email.body


def _wants_email(person: Person, address: str) -> Person:
    person.email = address
    person.wants_email_notifications = True
    person.save()
    return person


def test_no_email_names_the_group_or_repeats_the_note(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    group = PeerGroupFactory.create(
        name="Unusual Group Name", join_policy=JoinPolicy.REQUEST
    )
    facilitator = _wants_email(person_in_state("none", group), "fac@example.org")
    MembershipFactory.create(
        group=group, person=facilitator, role=GroupRole.FACILITATOR
    )
    welcomed = _wants_email(person_in_state("none", group), "new@example.org")
    declined = _wants_email(person_in_state("none", group), "not@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        group_actions.approve_join_request(
            person=facilitator,
            membership=group_actions.join_group(
                person=welcomed, group=group, display_name="Welcomed Peer"
            ),
        )
        group_actions.decline_join_request(
            person=facilitator,
            membership=group_actions.join_group(
                person=declined, group=group, display_name="Declined Peer"
            ),
        )

    notes = list(Notification.objects.values_list("message", flat=True))
    # The facilitator's second "Someone has asked to join" is the same note, still
    # unread: it is not given twice (one notice, however many ask).
    assert len(notes) == 3
    assert all("Unusual Group Name" in note for note in notes)
    assert len(mail.outbox) == 3
    for email in mail.outbox:
        assert "Unusual Group Name" not in email.subject
        assert "Unusual Group Name" not in email.body
        assert all(note not in email.body for note in notes)
        assert "You have a new note on Alongside. Sign in to read it." in email.body
        assert "stop these emails" in email.body


def test_the_duty_alert_email_names_no_group() -> None:
    from alongside.safety.models import Escalation
    from alongside.safety.tasks import email_duty_alert
    from alongside.safety.tests.policy_world import safety_objects

    group = PeerGroupFactory.create(name="Unusual Group Name")
    on_duty = PersonFactory.create(email="duty@example.org")
    escalation = Escalation.objects.get(pk=safety_objects(group)["escalation_id"])

    email_duty_alert.call(on_duty.pk, escalation.pk)

    assert len(mail.outbox) == 1
    assert "Unusual Group Name" not in mail.outbox[0].subject
    assert "Unusual Group Name" not in mail.outbox[0].body
    assert "walk" not in mail.outbox[0].body  # the post's words (see policy_world)


def test_a_parting_note_is_never_sent_to_anyone(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    group = PeerGroupFactory.create()
    facilitator = person_in_state("none", group)
    facilitator.email = "facilitator@example.org"
    facilitator.wants_email_notifications = True
    facilitator.save()
    MembershipFactory.create(
        group=group, person=facilitator, role=GroupRole.FACILITATOR
    )
    leaver = person_in_state("left", group)

    with django_capture_on_commit_callbacks(execute=True):
        insights_actions.leave_parting_note(
            person=leaver, group=group, text="A made-up parting note."
        )

    assert Notification.objects.count() == 0
    assert mail.outbox == []


# ---- Opening a note, one notice per event, and the count in the site's header ----


def test_opening_a_note_marks_it_read_and_goes_where_it_points() -> None:
    person = PersonFactory.create()
    note = NotificationFactory.create(person=person, link="/groups/")
    other = NotificationFactory.create(person=person, link="/groups/")

    response = signed_in(person).get(
        reverse("notifications:notification-open", args=[note.pk])
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/groups/"
    note.refresh_from_db()
    other.refresh_from_db()
    assert note.read_at is not None
    assert other.read_at is None


def test_opening_a_note_twice_keeps_when_it_was_first_read() -> None:
    person = PersonFactory.create()
    note = NotificationFactory.create(person=person)
    client = signed_in(person)
    url = reverse("notifications:notification-open", args=[note.pk])

    client.get(url)
    note.refresh_from_db()
    first = note.read_at
    client.get(url)
    note.refresh_from_db()

    assert note.read_at == first


def test_someone_elses_note_is_not_found_and_stays_unread() -> None:
    note = NotificationFactory.create()

    response = signed_in(PersonFactory.create()).get(
        reverse("notifications:notification-open", args=[note.pk])
    )

    assert response.status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_a_missing_note_is_not_found() -> None:
    response = signed_in(PersonFactory.create()).get(
        reverse("notifications:notification-open", args=[987654])
    )

    assert response.status_code == 404


def test_a_note_pointing_off_the_site_goes_back_to_the_inbox() -> None:
    person = PersonFactory.create()
    note = NotificationFactory.create(person=person, link="//example.org/")

    response = signed_in(person).get(
        reverse("notifications:notification-open", args=[note.pk])
    )

    assert response.headers["Location"] == reverse("notifications:inbox")


def test_the_inbox_links_each_note_through_opening_it() -> None:
    person = PersonFactory.create()
    note = NotificationFactory.create(person=person, link="/groups/")

    page = signed_in(person).get(reverse("notifications:inbox")).content.decode()

    assert reverse("notifications:notification-open", args=[note.pk]) in page


def test_a_note_with_nothing_to_open_is_read_once_shown_in_the_inbox() -> None:
    person = PersonFactory.create()
    plain = NotificationFactory.create(person=person, link="")
    linked = NotificationFactory.create(person=person, link="/groups/")
    client = signed_in(person)

    first = client.get(reverse("notifications:inbox")).content.decode()

    assert first.count(">New</span>") == 2  # shown as new the first time
    plain.refresh_from_db()
    linked.refresh_from_db()
    assert plain.read_at is not None
    assert linked.read_at is None


def test_the_same_note_unread_is_not_given_twice(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    person = PersonFactory.create()
    message = "Something in a group was reported."

    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[person], message=message, link="/q/")
    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[person], message=message, link="/q/")
    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[person, person], message=message)

    assert Notification.objects.filter(person=person).count() == 2


def test_once_read_the_same_note_arrives_as_new_again(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    person = PersonFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[person], message="Something new.", link="/q/")
    mark_all_read(person=person)

    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[person], message="Something new.", link="/q/")

    assert Notification.objects.unread_for(person).count() == 1
    assert Notification.objects.filter(person=person).count() == 2


def test_a_repeated_note_sends_no_second_email(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    person = _wants_email(PersonFactory.create(), "a@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        notify(people=[person], message="Something new.", link="/q/")
        notify(people=[person], message="Something new.", link="/q/")

    assert len(mail.outbox) == 1


def test_three_reports_of_one_post_leave_the_facilitator_one_notice(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from alongside.safety.actions import report_post
    from alongside.today.tests.worlds import member_of, post_in

    group = PeerGroupFactory.create()
    facilitator = person_in_state("facilitator", group)
    post = post_in(group, member_of(group), "placeholder words")

    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            report_post(person=member_of(group), post=post, reason="other")

    notes = Notification.objects.filter(person=facilitator)
    assert [note.message for note in notes] == [
        f"Something in {group.name} has been reported and is in the queue."
    ]


def test_the_header_count_reads_as_unread_notifications() -> None:
    person = PersonFactory.create()
    NotificationFactory.create_batch(2, person=person)

    page = signed_in(person).get(reverse("notifications:inbox")).content.decode()

    assert (
        '<span class="count-badge">2<span class="visually-hidden"> unread '
        "notifications</span></span>"
    ) in page


def test_one_unread_note_is_counted_in_the_singular() -> None:
    person = PersonFactory.create()
    NotificationFactory.create(person=person)

    page = signed_in(person).get(reverse("notifications:inbox")).content.decode()

    assert '1<span class="visually-hidden"> unread notification</span>' in page


def test_marking_someone_elses_note_read_is_refused_and_changes_nothing() -> None:
    from django.http import Http404

    from alongside.notifications.actions import mark_read

    note = NotificationFactory.create()

    with pytest.raises(Http404):
        mark_read(person=PersonFactory.create(), notification=note)
    note.refresh_from_db()
    assert note.read_at is None
