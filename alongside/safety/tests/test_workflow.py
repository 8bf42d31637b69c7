"""After screening: held posts, crisis support, reports, decisions and escalations.
Post texts are written here, non-graphic, in our own words."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from itertools import pairwise
from typing import Any

import pytest
from django.core import mail
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import PostStatus, Thread
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety import actions
from alongside.safety.holds import open_safety_items_in
from alongside.safety.models import (
    DecisionAction,
    EscalationEvent,
    EscalationStatus,
    EventKind,
    Report,
)
from alongside.safety.permissions import can_acknowledge, escalations_visible_to
from alongside.safety.queue import queue_for
from alongside.safety.rates import incident_rates
from conftest import person_with_role

METHOD_TEXT = "I have 40 tablets saved up and I'm going to take them all."
RISK_TEXT = "I want to end my life tonight. I have written my goodbye letters."
DETAILS_TEXT = "Text me any time on 07700 900123 if you want to talk."
ORDINARY_TEXT = "An ordinary week, and I wanted to say hello."
DETAILS_TITLE = "Text me on 07700 900461 any time"


def _thread(
    person: Person, group: PeerGroup, body: str, *, title: str = "Tonight"
) -> Thread:
    return conversation_actions.start_thread(
        person=person,
        group=group,
        title=title,
        kind="sharing",
        body=body,
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )


@pytest.mark.django_db(transaction=True)
def test_method_detail_is_held_with_a_kind_message_and_can_be_edited_to_post(
    peer: Person, group: PeerGroup
) -> None:
    thread = _thread(peer, group, METHOD_TEXT)
    post = thread.posts.get()
    assert post.status == PostStatus.HELD
    assert "method" in post.screening_reasons
    assert post.author_notes
    conversation_actions.edit_post(
        person=peer,
        post=post,
        body="Things have been very hard and I wanted to say so here.",
        content_warning="",
        content_warning_text="",
    )
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


@pytest.mark.django_db(transaction=True)
def test_personal_details_are_removed_in_one_click(
    peer: Person, group: PeerGroup
) -> None:
    post = _thread(peer, group, DETAILS_TEXT).posts.get()
    assert post.status == PostStatus.HELD
    post = actions.redact_own_post(person=peer, post=post)
    assert "07700" not in post.body
    assert post.status == PostStatus.PUBLISHED


@pytest.mark.django_db(transaction=True)
def test_editing_the_words_of_an_opening_keeps_details_in_its_title_held(
    peer: Person, group: PeerGroup
) -> None:
    thread = _thread(peer, group, ORDINARY_TEXT, title=DETAILS_TITLE)
    post = thread.posts.get()
    assert post.status == PostStatus.HELD
    conversation_actions.edit_post(
        person=peer,
        post=post,
        body="An ordinary week, and I wanted to say hello to you all.",
        content_warning="",
        content_warning_text="",
    )
    post.refresh_from_db()
    thread.refresh_from_db()
    assert post.status == PostStatus.HELD
    assert thread.status == PostStatus.HELD


@pytest.mark.django_db(transaction=True)
def test_removing_details_in_one_click_clears_them_from_the_title_too(
    peer: Person, group: PeerGroup
) -> None:
    thread = _thread(peer, group, ORDINARY_TEXT, title=DETAILS_TITLE)
    post = actions.redact_own_post(person=peer, post=thread.posts.get())
    thread.refresh_from_db()
    assert "07700" not in thread.title
    assert post.status == PostStatus.PUBLISHED
    assert thread.status == PostStatus.PUBLISHED


@pytest.mark.django_db(transaction=True)
def test_the_duty_alert_email_links_to_the_alert(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    organisation: Organisation,
    settings: Any,
) -> None:
    settings.ALONGSIDE_SITE_URL = "https://support.example.org"
    facilitator.email = "duty@example.org"
    facilitator.save()
    actions.go_on_duty(person=facilitator, organisation=organisation)
    escalation = _thread(peer, group, RISK_TEXT).posts.get().escalations.get()
    path = reverse("safety:escalation-detail", args=[escalation.pk])
    assert f"https://support.example.org{path}" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_risk_to_life_is_shared_alerts_the_person_on_duty_and_moves_up(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    facilitator.email = "duty@example.org"
    facilitator.save()
    actions.go_on_duty(person=facilitator, organisation=organisation)
    org_admin = Person.objects.create(username="chain-admin")
    from alongside.organisations.tests.factories import OrganisationRoleFactory

    OrganisationRoleFactory.create(
        organisation=organisation, person=org_admin, role=Role.ADMIN
    )
    actions.set_escalation_chain(
        person=org_admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[
            actions.StepChoice(person=facilitator),
            actions.StepChoice(person=supervisor),
        ],
    )
    post = _thread(peer, group, RISK_TEXT).posts.get()
    assert post.status == PostStatus.PUBLISHED
    assert post.shows_crisis_support
    escalation = post.escalations.get()
    assert list(escalation.alerted.all()) == [facilitator]
    assert Notification.objects.filter(person=facilitator).exists()
    assert len(mail.outbox) == 1
    assert "tonight" not in mail.outbox[0].body.lower()

    # Nothing moves before the time is up; then the supervisor is alerted.
    assert actions.move_up_due_escalations(now=timezone.now()) == 0
    later = timezone.now() + timedelta(minutes=11)
    assert actions.move_up_due_escalations(now=later) == 1
    escalation.refresh_from_db()
    assert set(escalation.alerted.all()) == {facilitator, supervisor}
    assert escalation.events.filter(kind=EventKind.MOVED_UP).exists()

    actions.acknowledge_escalation(person=supervisor, escalation=escalation)
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ACKNOWLEDGED
    assert Notification.objects.filter(
        person=peer, message__contains="will message you"
    ).exists()
    assert actions.move_up_due_escalations(now=later + timedelta(hours=1)) == 0
    for note in Notification.objects.all():
        assert "tonight" not in note.message.lower()
    assert EscalationEvent.objects.filter(kind=EventKind.ACKNOWLEDGED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_report_reaches_the_queue_and_the_reporter_is_told(
    peer: Person, group: PeerGroup, facilitator: Person
) -> None:
    post = _thread(facilitator, group, "A quiet week, thank you all.").posts.get()
    other = _thread(peer, group, "Some days are better than others.").posts.get()
    actions.report_post(
        person=facilitator,
        post=other,
        reason="agreement",
        agreement_item_reference="3",
    )
    entries = queue_for(group)
    assert [entry.post.pk for entry in entries] == [other.pk]
    assert post.pk not in [entry.post.pk for entry in entries]
    actions.decide_on_post(
        person=facilitator,
        post=other,
        action=DecisionAction.REACH_OUT,
        reason="A gentle check-in.",
        note_to_author="Just checking you're doing all right.",
    )
    assert queue_for(group) == []
    assert Report.objects.get().resolved_at is not None
    assert Notification.objects.filter(
        person=facilitator, message__contains="has looked at it"
    ).exists()


@pytest.mark.django_db
def test_report_page_hides_the_reporter_and_keeps_text_on_error(
    peer_client: Client, group: PeerGroup, facilitator: Person
) -> None:
    post = _thread(facilitator, group, "A quiet week, thank you all.").posts.get()
    url = reverse("safety:post-report", args=[group.pk, post.pk])
    assert peer_client.get(url).status_code == 200
    response = peer_client.post(url, {"note": "kept words"})
    assert response.status_code == 400
    assert "kept words" in response.content.decode()


@pytest.mark.django_db
def test_outsiders_and_admins_do_not_read_the_queue_words(
    admin_client: Client,
    outsider_client: Client,
    facilitator_client: Client,
    peer_client: Client,
    group: PeerGroup,
    peer: Person,
) -> None:
    _thread(peer, group, METHOD_TEXT)
    url = reverse("safety:queue", args=[group.pk])
    assert outsider_client.get(url).status_code == 404
    assert peer_client.get(url).status_code == 403
    admin_page = admin_client.get(url)
    assert admin_page.status_code == 200
    assert "40 tablets" not in admin_page.content.decode()
    assert "40 tablets" in facilitator_client.get(url).content.decode()


@pytest.mark.django_db
def test_incident_rates_per_posts_and_sessions(
    org_admin: Person, organisation: Organisation, group: PeerGroup, peer: Person
) -> None:
    _thread(peer, group, "Some days are better than others.")
    actions.record_incident(
        person=org_admin,
        organisation=organisation,
        group=group,
        category="other",
        severity="low",
        what_happened="Recorded for the test.",
    )
    rates = incident_rates(organisation=organisation)
    assert rates.incidents == 1
    assert rates.per_1000_posts == 1000.0
    assert rates.per_100_meetings is None


@pytest.mark.django_db(transaction=True)
def test_staff_at_risk_are_never_alerted_about_themselves_nor_acknowledge_it(
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
) -> None:
    # Staff support each other too; the chain passes over the person at risk.
    actions.set_escalation_chain(
        person=org_admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[
            actions.StepChoice(person=facilitator),
            actions.StepChoice(role=Role.SUPERVISOR),
        ],
    )
    post = _thread(facilitator, group, RISK_TEXT).posts.get()
    escalation = post.escalations.get()
    assert list(escalation.alerted.all()) == [supervisor]
    assert not Notification.objects.filter(
        person=facilitator, message__contains="may need support"
    ).exists()
    assert not can_acknowledge(facilitator, escalation)
    assert can_acknowledge(supervisor, escalation)


@pytest.mark.django_db(transaction=True)
def test_two_people_acknowledging_at_once_tell_the_person_at_risk_once(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    actions.go_on_duty(person=supervisor, organisation=organisation)
    post = _thread(peer, group, RISK_TEXT).posts.get()
    # Both pages were opened, and both buttons pressed, before either was saved.
    first, second = post.escalations.get(), post.escalations.get()

    actions.acknowledge_escalation(person=facilitator, escalation=first)
    kept = actions.acknowledge_escalation(person=supervisor, escalation=second)

    assert kept.acknowledged_by == facilitator
    escalation = post.escalations.get()
    assert escalation.acknowledged_by == facilitator
    assert EscalationEvent.objects.filter(kind=EventKind.ACKNOWLEDGED).count() == 1
    assert (
        Notification.objects.filter(
            person=peer, message__contains="will message you"
        ).count()
        == 1
    )


@pytest.mark.django_db(transaction=True)
def test_a_held_post_decided_about_no_longer_keeps_its_group_from_being_deleted(
    peer: Person, group: PeerGroup, facilitator: Person
) -> None:
    post = _thread(peer, group, DETAILS_TEXT).posts.get()
    assert open_safety_items_in(group) == 1

    actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.ASK_TO_EDIT,
        reason="Phone number shared.",
        note_to_author="Could you take your number out? Then it can go up.",
    )
    post.refresh_from_db()
    assert post.status == PostStatus.HELD
    assert queue_for(group) == []
    assert open_safety_items_in(group) == 0

    # Asking for another look opens it again, in the queue and for deletion.
    actions.appeal_hold(person=peer, post=post, note="It is a helpline number.")
    assert [entry.post.pk for entry in queue_for(group)] == [post.pk]
    assert open_safety_items_in(group) == 1


@pytest.mark.django_db(transaction=True)
def test_acknowledging_after_signing_in_again_comes_back_to_the_alert(
    peer: Person, group: PeerGroup, facilitator: Person, organisation: Organisation
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    escalation = _thread(peer, group, RISK_TEXT).posts.get().escalations.get()
    url = reverse("safety:escalation-acknowledge", args=[escalation.pk])
    client = Client()
    signed_out = client.post(url)
    assert signed_out.status_code == 302
    assert "next=" in signed_out["Location"]

    client.force_login(facilitator)
    response = client.get(url, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "safety:escalation-detail", args=[escalation.pk]
    )
    assert "press the button once more" in response.content.decode()
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ALERTING


@pytest.mark.django_db(transaction=True)
def test_the_author_is_not_promised_a_message_when_nobody_could_be_alerted(
    peer: Person, peer_client: Client, group: PeerGroup
) -> None:
    # Nobody is on duty and the organisation has no escalation chain yet.
    thread = _thread(peer, group, RISK_TEXT)
    escalation = thread.posts.get().escalations.get()
    assert not escalation.alerted.exists()

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "A facilitator has been told" not in page
    assert "may not see this straight away" in page


@pytest.mark.django_db(transaction=True)
def test_with_nobody_on_duty_and_no_chain_the_groups_facilitators_are_alerted(
    peer: Person, peer_client: Client, group: PeerGroup, facilitator: Person
) -> None:
    # Nobody is on duty and the organisation has no escalation chain yet.
    thread = _thread(peer, group, RISK_TEXT)
    escalation = thread.posts.get().escalations.get()
    assert list(escalation.alerted.all()) == [facilitator]

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "A facilitator has been told" in page


@pytest.mark.django_db(transaction=True)
def test_when_the_chain_runs_out_the_groups_facilitators_are_told_last(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=supervisor, organisation=organisation)
    escalation = _thread(peer, group, RISK_TEXT).posts.get().escalations.get()
    assert list(escalation.alerted.all()) == [supervisor]

    later = timezone.now() + timedelta(minutes=30)
    assert actions.move_up_due_escalations(now=later) == 1
    assert set(escalation.alerted.all()) == {supervisor, facilitator}
    # Everyone has been told: nothing further to move up to.
    assert actions.move_up_due_escalations(now=later + timedelta(hours=1)) == 0


@pytest.mark.django_db(transaction=True)
def test_the_author_is_told_a_facilitator_knows_when_someone_was_alerted(
    peer: Person,
    peer_client: Client,
    group: PeerGroup,
    facilitator: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=facilitator, organisation=organisation)
    thread = _thread(peer, group, RISK_TEXT)

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "A facilitator has been told and will message you." in page


@pytest.mark.django_db(transaction=True)
def test_an_author_whose_shared_post_is_left_as_it_is_is_told_it_stays_shared(
    peer: Person, group: PeerGroup, facilitator: Person
) -> None:
    post = _thread(peer, group, "Some days are better than others.").posts.get()
    actions.report_post(person=facilitator, post=post, reason="other")

    actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.PUBLISH,
        reason="Nothing against the agreement.",
    )

    note = Notification.objects.get(person=peer, link__contains="decisions")
    assert "stays shared" in note.message
    assert "now shared" not in note.message


@pytest.mark.django_db(transaction=True)
def test_an_author_whose_shared_post_gets_a_warning_is_told_one_was_added(
    peer: Person, group: PeerGroup, facilitator: Person
) -> None:
    post = _thread(peer, group, "Some days are better than others.").posts.get()
    # A shared post is decided about once someone reports it.
    actions.report_post(
        person=person_in_state("active", group),
        post=post,
        reason="other",
    )

    actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.PUBLISH_WITH_WARNING,
        reason="Others may want to choose.",
        content_warning="bereavement",
    )

    note = Notification.objects.get(person=peer, link__contains="decisions")
    assert "added a content warning" in note.message


@pytest.mark.django_db(transaction=True)
def test_the_crisis_card_heading_fits_the_page_outline(
    peer: Person, peer_client: Client, group: PeerGroup
) -> None:
    """A screen reader lists the thread by its headings: the card skips no level."""
    thread = _thread(peer, group, RISK_TEXT)

    page = peer_client.get(
        reverse("conversations:thread-detail", args=[group.pk, thread.pk])
    ).content.decode()

    assert "crisis-card-heading" in page
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", page)]
    assert levels[0] == 1
    assert all(after <= before + 1 for before, after in pairwise(levels))


def _leaves_the_team(person: Person, organisation: Organisation, how: str) -> None:
    """Their staff role ends: made a peer again, or gone from the organisation."""
    roles = OrganisationRole.objects.filter(person=person, organisation=organisation)
    if how == "role removed":
        roles.update(role=Role.PEER)
    else:
        roles.delete()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("how", ["role removed", "left"])
def test_former_staff_are_skipped_in_the_chain_and_not_on_duty(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    supervisor: Person,
    org_admin: Person,
    organisation: Organisation,
    how: str,
) -> None:
    former = person_with_role(organisation, Role.SUPERVISOR)
    actions.go_on_duty(person=former, organisation=organisation)
    actions.set_escalation_chain(
        person=org_admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[
            actions.StepChoice(person=former),
            actions.StepChoice(person=supervisor),
        ],
    )
    _leaves_the_team(former, organisation, how)

    # Still "on duty" from before, but no longer counted.
    assert actions.on_duty_in(organisation) == []
    escalation = _thread(peer, group, RISK_TEXT).posts.get().escalations.get()
    # Step 1 names nobody on the team now, so the alert goes on to step 2.
    assert list(escalation.alerted.all()) == [supervisor]
    assert escalation.level == 2

    later = timezone.now() + timedelta(minutes=11)
    assert actions.move_up_due_escalations(now=later) == 1
    assert set(escalation.alerted.all()) == {supervisor, facilitator}
    assert actions.move_up_due_escalations(now=later + timedelta(hours=1)) == 0
    assert former not in escalation.alerted.all()
    assert not Notification.objects.filter(person=former).exists()


@pytest.mark.django_db(transaction=True)
def test_an_alert_that_reached_someone_before_they_left_is_no_longer_theirs(
    peer: Person,
    group: PeerGroup,
    facilitator: Person,
    organisation: Organisation,
) -> None:
    former = person_with_role(organisation, Role.SUPERVISOR)
    actions.go_on_duty(person=former, organisation=organisation)
    escalation = _thread(peer, group, RISK_TEXT).posts.get().escalations.get()
    assert list(escalation.alerted.all()) == [former]
    _leaves_the_team(former, organisation, "role removed")

    assert not can_acknowledge(former, escalation)
    assert not escalations_visible_to(former).filter(pk=escalation.pk).exists()
    # The alert still moves up to someone on the team.
    later = timezone.now() + timedelta(minutes=11)
    assert actions.move_up_due_escalations(now=later) == 1
    assert facilitator in escalation.alerted.all()


@pytest.mark.django_db(transaction=True)
def test_staff_at_risk_see_the_alert_about_them_is_for_someone_else(
    group: PeerGroup,
    facilitator: Person,
    facilitator_client: Client,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=supervisor, organisation=organisation)
    escalation = _thread(facilitator, group, RISK_TEXT).posts.get().escalations.get()

    page = facilitator_client.get(
        reverse("safety:escalation-detail", args=[escalation.pk])
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "someone else on the team will take it on" in text
    assert "acknowledge</button>" not in text

    forged = facilitator_client.post(
        reverse("safety:escalation-acknowledge", args=[escalation.pk])
    )
    assert forged.status_code == 403
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ALERTING


@pytest.mark.django_db(transaction=True)
def test_staff_do_not_record_or_close_an_incident_about_themselves(
    group: PeerGroup,
    facilitator: Person,
    facilitator_client: Client,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    actions.go_on_duty(person=supervisor, organisation=organisation)
    escalation = _thread(facilitator, group, RISK_TEXT).posts.get().escalations.get()
    create_url = reverse("safety:incident-create", args=[organisation.slug])

    alert_page = facilitator_client.get(
        reverse("safety:escalation-detail", args=[escalation.pk])
    ).content.decode()
    assert f"?escalation={escalation.pk}" not in alert_page
    assert (
        facilitator_client.get(create_url, {"escalation": escalation.pk}).status_code
        == 404
    )
    sent = facilitator_client.post(
        create_url,
        {
            "escalation": escalation.pk,
            "category": "other",
            "severity": "low",
            "what_happened": "Written for the test.",
        },
    )
    assert sent.status_code == 404
    with pytest.raises(Http404):
        actions.record_incident(
            person=facilitator,
            organisation=organisation,
            group=group,
            category="other",
            severity="low",
            what_happened="Written for the test.",
            escalation=escalation,
        )

    incident = actions.record_incident(
        person=supervisor,
        organisation=organisation,
        group=group,
        category="risk_to_life",
        severity="high",
        what_happened="Written for the test.",
        escalation=escalation,
    )
    detail = facilitator_client.get(
        reverse("safety:incident-detail", args=[organisation.slug, incident.pk])
    )
    assert detail.status_code == 200
    assert (
        "someone else on the team writes what happens next" in detail.content.decode()
    )
    update_url = reverse(
        "safety:incident-update", args=[organisation.slug, incident.pk]
    )
    assert facilitator_client.get(update_url).status_code == 404
    assert (
        facilitator_client.post(update_url, {"outcome": "Closed by me."}).status_code
        == 404
    )
    incident.refresh_from_db()
    assert incident.outcome == ""
