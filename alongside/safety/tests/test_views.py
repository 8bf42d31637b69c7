"""Safety pages as staff use them: odd input, stale forms and what is kept."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post, PostStatus
from alongside.notifications.models import Notification
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationRoleFactory
from alongside.peergroups.models import GroupRole, PeerGroup
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety import actions
from alongside.safety.holds import open_safety_items_in
from alongside.safety.models import (
    DecisionAction,
    Incident,
    ModerationDecision,
    Report,
)


@pytest.mark.django_db
@pytest.mark.parametrize("source", ["escalation", "decision"])
@pytest.mark.parametrize(
    ("value", "page", "sent"),
    [
        ("²", 200, 400),
        ("١٢٣٤٥", 404, 404),
        ("99999999999999999999999", 404, 404),
    ],
)
def test_incident_form_copes_with_an_odd_alert_or_decision_number(
    admin_client: Client,
    organisation: Organisation,
    source: str,
    value: str,
    page: int,
    sent: int,
) -> None:
    url = reverse("safety:incident-create", args=[organisation.slug])
    assert admin_client.get(url, {source: value}).status_code == page
    response = admin_client.post(url, {source: value, "what_happened": "kept words"})
    assert response.status_code == sent


def _held_post(person: Person, group: PeerGroup) -> Post:
    thread = conversation_actions.start_thread(
        person=person,
        group=group,
        title="Tonight",
        kind="sharing",
        body="Text me any time on 07700 900123 if you want to talk.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return thread.posts.get()


def _hide(person: Person, post: Post) -> ModerationDecision:
    """A facilitator hides a held post, with a note to its author."""
    return actions.decide_on_post(
        person=person,
        post=post,
        action=DecisionAction.HIDE,
        reason="Phone number shared.",
        note_to_author="I've hidden this for now; your number was in it.",
    )


@pytest.mark.django_db
def test_a_decision_made_meanwhile_by_someone_else_is_not_overturned_unseen(
    facilitator_client: Client,
    facilitator: Person,
    group: PeerGroup,
    peer: Person,
) -> None:
    post = _held_post(peer, group)
    other = MembershipFactory.create(
        group=group, role=GroupRole.FACILITATOR, person=PersonFactory.create()
    ).person
    url = reverse("safety:queue-decide", args=[group.pk, post.pk])
    page = facilitator_client.get(url)
    seen = page.context["form"]["seen"].value()
    _hide(other, post)
    response = facilitator_client.post(
        url,
        {
            "seen": seen,
            "action": DecisionAction.PUBLISH,
            "reason": "my kept reason",
        },
    )
    # The post no longer waits, so nothing justifies showing its words again: the
    # facilitator is told, and given back what they wrote.
    assert response.status_code == 409
    text = response.content.decode()
    assert "someone else on the team decided" in text
    assert "my kept reason" in text
    assert post.body not in text
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert ModerationDecision.objects.filter(post=post).count() == 1
    assert facilitator_client.get(url).status_code == 404


@pytest.mark.django_db
def test_sending_a_decision_twice_records_it_once(
    facilitator_client: Client,
    group: PeerGroup,
    peer: Person,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    post = _held_post(peer, group)
    url = reverse("safety:queue-decide", args=[group.pk, post.pk])
    seen = facilitator_client.get(url).context["form"]["seen"].value()
    data = {
        "seen": seen,
        "action": DecisionAction.HIDE,
        "reason": "Phone number shared.",
        "note_to_author": "I've hidden this for now; your number was in it.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert facilitator_client.post(url, data).status_code == 302
        assert facilitator_client.post(url, data).status_code == 409
    assert ModerationDecision.objects.filter(post=post).count() == 1
    assert (
        Notification.objects.filter(person=peer, link__contains="decisions").count()
        == 1
    )


@pytest.mark.django_db
def test_sending_a_reply_to_a_decision_twice_keeps_the_first_and_says_so(
    facilitator: Person, group: PeerGroup, peer: Person, peer_client: Client
) -> None:
    decision = _hide(facilitator, _held_post(peer, group))
    url = reverse("safety:decision-detail", args=[decision.pk])
    assert peer_client.post(url, {"reply": "Thank you."}).status_code == 302

    response = peer_client.post(url, {"reply": "Thank you."}, follow=True)

    assert response.status_code == 200
    assert "already with the facilitator" in response.content.decode()
    decision.refresh_from_db()
    assert decision.author_reply == "Thank you."


@pytest.mark.django_db
def test_a_facilitator_cannot_reply_in_the_authors_place(
    facilitator: Person, facilitator_client: Client, group: PeerGroup, peer: Person
) -> None:
    decision = _hide(facilitator, _held_post(peer, group))
    url = reverse("safety:decision-detail", args=[decision.pk])

    assert facilitator_client.post(url, {"reply": "Not mine."}).status_code == 403


@pytest.mark.django_db
def test_staff_safety_forms_say_plainly_what_needs_changing(
    admin_client: Client,
    facilitator_client: Client,
    organisation: Organisation,
    group: PeerGroup,
    peer: Person,
) -> None:
    incident = admin_client.post(
        reverse("safety:incident-create", args=[organisation.slug]),
        {"outcome": "kept outcome"},
    ).content.decode()
    chain = admin_client.post(
        reverse("safety:chain-edit", args=[organisation.slug]),
        {"minutes_before_moving_up": "0", "step_1": "person:999999"},
    ).content.decode()
    decision = facilitator_client.post(
        reverse("safety:queue-decide", args=[group.pk, _held_post(peer, group).pk]),
        {"action": DecisionAction.PAUSE_POSTING, "reason": "", "pause_days": "0"},
    ).content.decode()

    assert "Please say briefly what happened" in incident
    assert "Please choose how serious it was." in incident
    assert "kept outcome" in incident
    assert "(optional) <span" not in incident
    assert "Please choose between 1 and 240 minutes." in chain
    assert "no longer staff here" in chain
    assert "person:999999" not in chain
    assert "Please choose between 1 and 30 days." in decision
    for page in (incident, chain, decision):
        assert "This field is required" not in page
        assert "Ensure this value" not in page


@pytest.mark.django_db
def test_organisation_admins_see_a_reports_reason_but_not_the_reporters_words(
    admin_client: Client,
    facilitator_client: Client,
    facilitator: Person,
    group: PeerGroup,
    peer: Person,
) -> None:
    # Written by another member: an author who facilitates sees no report reasons.
    author = MembershipFactory.create(group=group, person=PersonFactory.create()).person
    thread = conversation_actions.start_thread(
        person=author,
        group=group,
        title="A quiet week",
        kind="sharing",
        body="A quiet week, thank you all.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    actions.report_post(
        person=peer,
        post=thread.posts.get(),
        reason="agreement",
        agreement_item_reference="reporter's own words",
    )
    url = reverse("safety:queue", args=[group.pk])

    admin_page = admin_client.get(url).content.decode()
    facilitator_page = facilitator_client.get(url).content.decode()

    assert "It goes against our group agreement" in admin_page
    assert "reporter&#x27;s own words" not in admin_page
    assert "reporter&#x27;s own words" in facilitator_page


@pytest.mark.django_db
def test_asking_for_another_look_twice_tells_the_facilitators_once(
    facilitator: Person,
    group: PeerGroup,
    peer: Person,
    peer_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    post = _held_post(peer, group)
    url = reverse("safety:post-appeal", args=[group.pk, post.pk])

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            peer_client.post(url, {"note": "It is my own number."}).status_code == 302
        )
        assert (
            peer_client.post(url, {"note": "It is my own number."}).status_code == 302
        )
        assert peer_client.post(url, {"note": "A second thought."}).status_code == 302

    assert [a.note for a in post.appeals.order_by("pk")] == [
        "It is my own number.",
        "A second thought.",
    ]
    asked = Notification.objects.filter(person=facilitator, message__contains="look")
    assert asked.count() == 1

    _hide(facilitator, post)
    # The facilitator has read the first note (an unread one would just move up).
    asked.update(read_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            peer_client.post(url, {"note": "It is my own number."}).status_code == 302
        )
    assert post.appeals.count() == 3
    assert asked.count() == 2


@pytest.mark.django_db
def test_writing_an_incidents_outcome_later_lets_its_group_be_deleted(
    admin_client: Client,
    facilitator: Person,
    facilitator_client: Client,
    organisation: Organisation,
    group: PeerGroup,
    peer: Person,
) -> None:
    decision = _hide(facilitator, _held_post(peer, group))
    incident = actions.record_incident(
        person=facilitator,
        organisation=organisation,
        group=group,
        category="confidentiality",
        severity="low",
        what_happened="A phone number was shared and hidden.",
        decision=decision,
    )
    assert open_safety_items_in(group) == 1
    detail = reverse("safety:incident-detail", args=[organisation.slug, incident.pk])
    url = reverse("safety:incident-update", args=[organisation.slug, incident.pk])
    assert url in facilitator_client.get(detail).content.decode()

    mistake = facilitator_client.post(
        url, {"outcome": "kept outcome", "follow_up_by": "not a date"}
    )
    assert mistake.status_code == 400
    assert "kept outcome" in mistake.content.decode()
    assert "Please give a date, or leave it empty." in mistake.content.decode()

    response = facilitator_client.post(
        url, {"actions_taken": "Talked it through.", "outcome": "They are all right."}
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.outcome == "They are all right."
    assert incident.what_happened == "A phone number was shared and hidden."
    assert open_safety_items_in(group) == 0
    delete = admin_client.get(reverse("retention:group-delete", args=[group.pk]))
    assert "Not yet" not in delete.content.decode()


@pytest.mark.django_db
def test_reporting_a_post_twice_tells_the_facilitators_once(
    facilitator: Person,
    group: PeerGroup,
    peer: Person,
    peer_client: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    other = MembershipFactory.create(group=group, person=PersonFactory.create()).person
    thread = conversation_actions.start_thread(
        person=other,
        group=group,
        title="A quiet week",
        kind="sharing",
        body="A quiet week, thank you all.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    post = thread.posts.get()
    url = reverse("safety:post-report", args=[group.pk, post.pk])

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            peer_client.post(url, {"reason": "other", "note": "A note."}).status_code
            == 302
        )
        assert (
            peer_client.post(url, {"reason": "other", "note": "A note."}).status_code
            == 302
        )
        assert peer_client.post(url, {"reason": "hurtful"}).status_code == 302

    assert [r.reason for r in Report.objects.order_by("pk")] == ["other", "hurtful"]
    told = Notification.objects.filter(person=facilitator, message__contains="reported")
    assert told.count() == 1


@pytest.mark.django_db
def test_the_incident_form_offers_only_groups_the_facilitator_still_holds(
    facilitator: Person,
    facilitator_client: Client,
    organisation: Organisation,
    group: PeerGroup,
) -> None:
    former = PeerGroupFactory.create(organisation=organisation, name="Former circle")
    MembershipFactory.create(
        group=former, person=facilitator, role=GroupRole.FACILITATOR, status="left"
    )
    url = reverse("safety:incident-create", args=[organisation.slug])

    page = facilitator_client.get(url).content.decode()
    response = facilitator_client.post(
        url,
        {
            "group": former.pk,
            "category": "other",
            "severity": "low",
            "what_happened": "kept words",
        },
    )

    assert "Former circle" not in page
    assert group.name in page
    assert response.status_code == 400
    assert "kept words" in response.content.decode()


@pytest.mark.django_db
def test_recording_an_incident_twice_by_a_double_click_keeps_one(
    admin_client: Client, organisation: Organisation, group: PeerGroup
) -> None:
    url = reverse("safety:incident-create", args=[organisation.slug])
    data = {
        "group": group.pk,
        "category": "other",
        "severity": "low",
        "what_happened": "A hard evening, talked through together.",
    }

    first = admin_client.post(url, data)
    second = admin_client.post(url, data)

    assert Incident.objects.count() == 1
    assert first["Location"] == second["Location"]
    data["what_happened"] = "Another evening, another talk."
    assert admin_client.post(url, data).status_code == 302
    assert Incident.objects.count() == 2


@pytest.mark.django_db
def test_asking_for_another_look_at_a_post_already_shared_says_so(
    facilitator: Person, group: PeerGroup, peer: Person, peer_client: Client
) -> None:
    post = _held_post(peer, group)
    url = reverse("safety:post-appeal", args=[group.pk, post.pk])
    assert peer_client.get(url).status_code == 200
    actions.decide_on_post(
        person=facilitator,
        post=post,
        action=DecisionAction.PUBLISH,
        reason="The number is a helpline's.",
    )

    response = peer_client.post(url, {"note": "It is a helpline."}, follow=True)

    assert response.status_code == 200
    assert "already looked at it" in response.content.decode()
    assert not post.appeals.exists()


@pytest.mark.django_db
def test_a_facilitator_reads_a_decision_and_its_reply_only_after_the_second_step(
    facilitator: Person, group: PeerGroup, peer: Person, peer_client: Client
) -> None:
    decision = _hide(facilitator, _held_post(peer, group))
    actions.reply_to_decision(person=peer, decision=decision, reply="Their own words.")
    newcomer = MembershipFactory.create(
        group=group, role=GroupRole.FACILITATOR, person=PersonFactory.create()
    ).person
    client = Client()
    client.force_login(newcomer)
    url = reverse("safety:decision-detail", args=[decision.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert peer_client.get(url).status_code == 200


def _decide_data(client: Client, url: str) -> dict[str, str]:
    return {
        "seen": client.get(url).context["form"]["seen"].value(),
        "action": DecisionAction.PUBLISH,
        "reason": "It is fine.",
    }


@pytest.mark.django_db
def test_a_facilitator_sees_their_own_held_post_waiting_for_someone_else(
    facilitator_client: Client, facilitator: Person, group: PeerGroup, peer: Person
) -> None:
    post = _held_post(facilitator, group)
    # Someone else in the group who may decide, so the page is not yet theirs alone.
    other = MembershipFactory.create(
        group=group, role=GroupRole.FACILITATOR, person=PersonFactory.create()
    ).person
    decide_url = reverse("safety:queue-decide", args=[group.pk, post.pk])

    queue_page = facilitator_client.get(reverse("safety:queue", args=[group.pk]))
    assert queue_page.status_code == 200
    text = queue_page.content.decode()
    assert "Someone else on the team will look at this, as it is yours." in text
    assert decide_url not in text

    page = facilitator_client.get(decide_url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Someone else on the team will look at this, as it is yours." in text
    assert "Save the decision" not in text

    forged = facilitator_client.post(
        decide_url, {"action": DecisionAction.PUBLISH, "reason": "Mine is fine."}
    )
    assert forged.status_code == 403
    assert "That is not open to you just now" in forged.content.decode()
    post.refresh_from_db()
    assert post.status == PostStatus.HELD
    assert not ModerationDecision.objects.filter(post=post).exists()
    with pytest.raises(PermissionDenied):
        actions.decide_on_post(
            person=facilitator, post=post, action="publish", reason="Mine is fine."
        )

    # The other facilitator decides as usual.
    _hide(other, post)
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN


@pytest.mark.django_db
def test_when_the_author_facilitates_alone_an_admin_decides_and_is_told(
    facilitator_client: Client,
    facilitator: Person,
    org_admin: Person,
    admin_client: Client,
    group: PeerGroup,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    post = _held_post(facilitator, group)
    decide_url = reverse("safety:queue-decide", args=[group.pk, post.pk])
    appeal_url = reverse("safety:post-appeal", args=[group.pk, post.pk])

    with django_capture_on_commit_callbacks(execute=True):
        assert facilitator_client.post(appeal_url, {"note": ""}).status_code == 302
    # Those who may decide are told, and never the author.
    assert Notification.objects.filter(
        person=org_admin, message__contains="another look"
    ).exists()
    assert not Notification.objects.filter(
        person=facilitator, message__contains="another look"
    ).exists()

    queue_text = admin_client.get(reverse("safety:queue", args=[group.pk])).content
    assert decide_url in queue_text.decode()
    assert (
        admin_client.post(
            decide_url, _decide_data(admin_client, decide_url)
        ).status_code
        == 302
    )
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert ModerationDecision.objects.get(post=post).decided_by == org_admin


@pytest.mark.django_db
def test_an_admin_does_not_decide_while_the_group_has_another_facilitator(
    facilitator: Person, admin_client: Client, group: PeerGroup, peer: Person
) -> None:
    post = _held_post(peer, group)
    decide_url = reverse("safety:queue-decide", args=[group.pk, post.pk])
    assert admin_client.get(decide_url).status_code == 403
    queue_text = admin_client.get(reverse("safety:queue", args=[group.pk])).content
    assert decide_url not in queue_text.decode()


@pytest.mark.django_db
def test_the_chain_page_shows_a_step_whose_person_left_the_team(
    admin_client: Client,
    org_admin: Person,
    supervisor: Person,
    organisation: Organisation,
) -> None:
    former = PersonFactory.create(username="former-supervisor", known_as="Kit")
    OrganisationRoleFactory.create(
        organisation=organisation, person=former, role=Role.SUPERVISOR
    )
    actions.set_escalation_chain(
        person=org_admin,
        organisation=organisation,
        minutes_before_moving_up=10,
        steps=[
            actions.StepChoice(person=former),
            actions.StepChoice(person=supervisor),
        ],
    )
    OrganisationRole.objects.filter(person=former).update(role=Role.PEER)
    url = reverse("safety:chain-edit", args=[organisation.slug])

    page = admin_client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kit (no longer on the team)" in text
    assert "former-supervisor" not in text
    assert "alerts skip this step" in text
    assert page.context["form"]["step_1"].value() == f"person:{former.pk}"

    # Saving it unchanged asks to choose again, and keeps the chain as it was.
    kept = {"minutes_before_moving_up": "10", "step_1": f"person:{former.pk}"}
    refused = admin_client.post(url, kept | {"step_2": f"person:{supervisor.pk}"})
    assert refused.status_code == 400
    assert "Kit is no longer on the team" in refused.content.decode()

    fixed = {"minutes_before_moving_up": "10", "step_1": f"person:{supervisor.pk}"}
    assert admin_client.post(url, fixed).status_code == 302
    assert "no longer on the team" not in admin_client.get(url).content.decode()


@pytest.mark.django_db
def test_someone_no_longer_staff_somewhere_is_not_shown_on_duty_for_it(
    supervisor: Person, organisation: Organisation, other_organisation: Organisation
) -> None:
    from django.test import RequestFactory

    from alongside.safety.context_processors import duty

    # Staff in two organisations, on duty in the other one; then that role ends.
    OrganisationRoleFactory.create(
        organisation=other_organisation, person=supervisor, role=Role.SUPERVISOR
    )
    actions.go_on_duty(person=supervisor, organisation=other_organisation)
    request = RequestFactory().get("/")
    request.user = supervisor
    assert duty(request)["is_on_duty"] is True

    OrganisationRole.objects.filter(
        person=supervisor, organisation=other_organisation
    ).update(role=Role.PEER)
    assert duty(request)["is_on_duty"] is False
    assert actions.on_duty_in(other_organisation) == []


@pytest.mark.django_db
def test_a_facilitator_is_not_shown_why_their_own_post_was_reported(
    facilitator_client: Client, facilitator: Person, group: PeerGroup, peer: Person
) -> None:
    post = conversation_actions.start_thread(
        person=facilitator,
        group=group,
        title="A quiet week",
        kind="sharing",
        body="A quiet week, thank you all.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    ).posts.get()
    actions.report_post(
        person=peer,
        post=post,
        reason="agreement",
        note="the reporter's note",
        agreement_item_reference="reporter's own words",
    )
    queue_page = facilitator_client.get(reverse("safety:queue", args=[group.pk]))
    decide_page = facilitator_client.get(
        reverse("safety:queue-decide", args=[group.pk, post.pk])
    )
    for page in (queue_page.content.decode(), decide_page.content.decode()):
        assert "Someone else on the team will look at this, as it is yours." in page
        assert "It goes against our group agreement" not in page
        assert "reporter&#x27;s" not in page
