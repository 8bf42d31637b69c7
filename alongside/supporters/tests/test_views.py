"""Supporters' pages, as people use them: recording training, asking for help and
answering, supervision notes for two people only, check-ins, caseload and the
rota. Bad input comes back with a kind message and what was typed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.tests.factories import OrganisationFactory
from alongside.supporters.models import (
    CheckIn,
    HelpRequest,
    Shift,
    ShiftKind,
    TrainingModule,
    TrainingRecord,
)
from conftest import client_for

from .factories import (
    ShiftFactory,
    SupervisionFactory,
    SupervisionSessionFactory,
    TrainingModuleFactory,
    member_of,
    trained,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory.create()


def test_a_supervisor_records_a_module_and_the_supporter_sees_it(
    organisation: Organisation,
) -> None:
    supervisor = member_of(organisation, Role.SUPERVISOR)
    supporter = member_of(organisation)
    module = TrainingModuleFactory.create(
        organisation=organisation, name="Listening well", refresh_months=12
    )

    response = client_for(supervisor).post(
        reverse("supporters:training-record", args=[organisation.slug]),
        {
            "supporter": supporter.pk,
            "module": module.pk,
            "completed_on": timezone.localdate().isoformat(),
        },
    )

    assert response.status_code == 302
    page = client_for(supporter).get(
        reverse("supporters:mine", args=[organisation.slug])
    )
    text = page.content.decode()
    assert "Listening well" in text and "Done" in text and "refresh by" in text


def test_junk_in_the_training_form_keeps_what_was_typed(
    organisation: Organisation,
) -> None:
    supervisor = member_of(organisation, Role.SUPERVISOR)

    response = client_for(supervisor).post(
        reverse("supporters:training-record", args=[organisation.slug]),
        {"supporter": "9999999", "module": "'; drop", "completed_on": "31/02/2026"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Please choose one of the supporters listed." in text
    assert "Please give a day, like 2026-03-14." in text
    assert "31/02/2026" in text
    assert not TrainingRecord.objects.exists()


def test_an_admin_builds_a_path_from_the_starter_and_adds_one(
    organisation: Organisation,
) -> None:
    admin = member_of(organisation, Role.ADMIN)
    client = client_for(admin)
    url = reverse("supporters:training", args=[organisation.slug])

    client.post(url, {"starter": "1"})
    client.post(url, {"starter": "1"})
    bad = client.post(
        url,
        {
            "name": "Our own module",
            "hours": "lots",
            "evidence": "attended",
            "refresh_months": "0",
        },
    )
    good = client.post(
        url,
        {
            "name": "Our own module",
            "hours": "1.5",
            "evidence": "attended",
            "refresh_months": "0",
        },
    )

    assert "Please give the hours as a number" in bad.content.decode()
    assert 'value="Our own module"' in bad.content.decode()
    assert good.status_code == 302
    names = list(
        TrainingModule.objects.filter(organisation=organisation).values_list(
            "name", flat=True
        )
    )
    assert len(names) == 12 and "Our own module" in names
    page = client.get(url).content.decode()
    assert "Knowing your limits in a crisis" in page


def test_help_soon_reaches_the_supervisor_who_answers_it(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    supporter_client, supervisor_client = client_for(supporter), client_for(supervisor)

    asked = supporter_client.post(
        reverse("supporters:help-ask", args=[organisation.slug]), {"urgency": "soon"}
    )
    again = supporter_client.post(
        reverse("supporters:help-ask", args=[organisation.slug]), {"urgency": "soon"}
    )

    assert asked["Location"] == again["Location"]
    help_request = HelpRequest.objects.get()
    team = supervisor_client.get(reverse("supporters:team", args=[organisation.slug]))
    assert reverse("supporters:help-detail", args=[help_request.pk]) in (
        team.content.decode()
    )
    answer = supervisor_client.post(
        reverse("supporters:help-detail", args=[help_request.pk])
    )
    assert answer.status_code == 302
    mine = supporter_client.get(asked["Location"]).content.decode()
    assert "has seen it and will be in touch" in mine


def test_help_no_longer_shows_to_someone_it_reached_who_has_left(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    client_for(supporter).post(
        reverse("supporters:help-ask", args=[organisation.slug]), {"urgency": "soon"}
    )
    url = reverse("supporters:help-detail", args=[HelpRequest.objects.get().pk])
    OrganisationRole.objects.filter(person=supervisor).delete()

    assert client_for(supervisor).get(url).status_code == 404
    assert client_for(supervisor).post(url).status_code == 404
    assert HelpRequest.objects.get().acknowledged_at is None
    assert client_for(supporter).get(url).status_code == 200


def test_a_made_up_urgency_is_refused_kindly(organisation: Organisation) -> None:
    supporter = member_of(organisation)

    response = client_for(supporter).post(
        reverse("supporters:help-ask", args=[organisation.slug]),
        {"urgency": "yesterday"},
        follow=True,
    )

    assert "Please choose now or soon" in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_supervision_notes_are_read_by_their_two_people_and_an_admin_sees_dates(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    admin = member_of(organisation, Role.ADMIN)
    session = SupervisionSessionFactory.create(
        organisation=organisation, supervisor=supervisor, supervisee=supporter
    )
    url = reverse("supporters:session-detail", args=[session.pk])

    client_for(supervisor).post(
        url, {"status": "happened", "notes": "We talked about endings."}
    )
    client_for(supporter).post(url, {"reflection": "I felt heard."})

    for person in (supporter, supervisor):
        text = client_for(person).get(url).content.decode()
        assert "We talked about endings." in text and "I felt heard." in text
    assert client_for(admin).get(url).status_code == 404
    team = client_for(admin).get(reverse("supporters:team", args=[organisation.slug]))
    text = team.content.decode()
    assert "60 minutes, happened" in text
    assert "We talked about endings." not in text


def test_a_supervisor_who_no_longer_supervises_there_cannot_read_or_write_notes(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    session = SupervisionSessionFactory.create(
        organisation=organisation, supervisor=supervisor, supervisee=supporter
    )
    url = reverse("supporters:session-detail", args=[session.pk])
    client_for(supporter).post(url, {"reflection": "I felt heard."})
    OrganisationRole.objects.filter(person=supervisor).update(role=Role.PEER)

    assert client_for(supervisor).get(url).status_code == 404
    assert client_for(supervisor).post(url, {"notes": "Changed."}).status_code == 404
    session.refresh_from_db()
    assert session.notes == ""
    assert "I felt heard." in client_for(supporter).get(url).content.decode()


def test_a_check_in_is_private_until_shared(organisation: Organisation) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    client = client_for(supporter)
    client.post(
        reverse("supporters:check-in", args=[organisation.slug]),
        {"feeling": "2", "load": "too_much", "would_like_to_talk": "on"},
    )
    check_in = CheckIn.objects.get()
    team_url = reverse("supporters:team", args=[organisation.slug])

    assert (
        "Too much".lower() not in client_for(supervisor).get(team_url).content.decode()
    )
    client.post(reverse("supporters:check-in-share", args=[check_in.pk]))

    assert "load too much" in client_for(supervisor).get(team_url).content.decode()
    other = member_of(organisation)
    refused = client_for(other).post(
        reverse("supporters:check-in-share", args=[check_in.pk])
    )
    assert refused.status_code == 404


def test_a_caseload_out_of_range_is_refused_kindly(organisation: Organisation) -> None:
    supporter = member_of(organisation)

    response = client_for(supporter).post(
        reverse("supporters:caseload", args=[organisation.slug]),
        {"max_matches": "7"},
        follow=True,
    )

    assert "Please choose a number from 0 to 3." in response.content.decode()


def test_the_rota_shows_admins_a_gap_in_the_next_three_days(
    organisation: Organisation,
) -> None:
    admin = member_of(organisation, Role.ADMIN)
    facilitator = member_of(organisation, Role.FACILITATOR)
    soon = timezone.now() + timedelta(hours=30)
    ShiftFactory.create(
        organisation=organisation,
        kind=ShiftKind.LIVE_ROOMS,
        starts_at=soon,
        ends_at=soon + timedelta(hours=3),
    )
    url = reverse("supporters:rota", args=[organisation.slug])

    admin_page = client_for(admin).get(url).content.decode()
    supporter_page = client_for(facilitator).get(url).content.decode()

    assert "Gaps in the next 72 hours" in admin_page
    assert "Gaps in the next 72 hours" not in supporter_page
    assert "Nobody yet" in supporter_page


def test_a_shift_that_ends_before_it_starts_keeps_what_was_typed(
    organisation: Organisation,
) -> None:
    admin = member_of(organisation, Role.ADMIN)

    response = client_for(admin).post(
        reverse("supporters:rota", args=[organisation.slug]),
        {
            "kind": "crisis",
            "starts_at": "2030-03-30T09:00",
            "ends_at": "2030-03-30T08:00",
        },
    )

    assert "Please end the shift after it starts." in response.content.decode()
    assert "2030-03-30T09:00" in response.content.decode()
    assert not Shift.objects.exists()


def test_the_team_page_reads_a_bounded_number_of_queries(
    organisation: Organisation, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    admin = member_of(organisation, Role.ADMIN)
    modules = [
        TrainingModuleFactory.create(organisation=organisation) for _ in range(4)
    ]
    for _ in range(6):
        person = member_of(organisation)
        for module in modules:
            trained(person, module)
    client = client_for(admin)
    url = reverse("supporters:team", args=[organisation.slug])

    with django_assert_max_num_queries(60):
        response = client.get(url)
    assert response.status_code == 200


def test_help_waiting_shows_on_every_staff_page_until_answered(
    organisation: Organisation,
) -> None:
    from alongside.supporters import actions

    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    help_request = actions.ask_for_help(
        person=supporter, organisation=organisation, urgency="soon"
    )
    client = client_for(supervisor)
    alert = f'id="alert-help-{help_request.pk}"'

    assert alert in client.get(reverse("notifications:inbox")).content.decode()
    actions.acknowledge_help(person=supervisor, help_request=help_request)
    assert alert not in client.get(reverse("notifications:inbox")).content.decode()


def test_a_peer_supporter_finds_their_support_work_from_home(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    peer = member_of(organisation, Role.PEER)
    link = reverse("supporters:index")

    assert link in client_for(supporter).get("/").content.decode()
    assert link not in client_for(peer).get("/").content.decode()


def test_the_completion_day_starts_as_today_in_a_form_browsers_accept(
    organisation: Organisation,
) -> None:
    supervisor = member_of(organisation, Role.SUPERVISOR)

    page = client_for(supervisor).get(
        reverse("supporters:training-record", args=[organisation.slug])
    )

    assert f'value="{timezone.localdate().isoformat()}"' in page.content.decode()


def test_a_time_the_clocks_skip_is_refused_kindly(organisation: Organisation) -> None:
    admin = member_of(organisation, Role.ADMIN)

    # Clocks in London go forward at 1am on 31 March 2030: 1.30am never happens.
    response = client_for(admin).post(
        reverse("supporters:rota", args=[organisation.slug]),
        {
            "kind": "crisis",
            "starts_at": "2030-03-31T01:30",
            "ends_at": "2030-03-31T09:00",
        },
    )

    assert response.status_code == 200
    assert "Europe/London" in response.content.decode()
    assert not Shift.objects.exists()


def test_a_shift_whose_person_may_no_longer_take_it_shows_as_a_gap(
    organisation: Organisation,
) -> None:
    from alongside.supporters.models import Gate

    from .factories import required_module

    admin = member_of(organisation, Role.ADMIN)
    module = required_module(organisation, Gate.ON_DUTY)
    facilitator = member_of(organisation, Role.FACILITATOR)
    record = trained(facilitator, module)
    soon = timezone.now() + timedelta(hours=10)
    ShiftFactory.create(
        organisation=organisation,
        person=facilitator,
        starts_at=soon,
        ends_at=soon + timedelta(hours=4),
    )
    url = reverse("supporters:rota", args=[organisation.slug])
    assert (
        "Gaps in the next 72 hours" not in client_for(admin).get(url).content.decode()
    )

    record.expires_on = timezone.localdate()
    record.save()

    page = client_for(admin).get(url).content.decode()
    assert "Gaps in the next 72 hours" in page
    assert f"{facilitator.shown_name}</li>" not in page


def test_a_supervisors_registration_is_shown_to_the_people_they_supervise(
    organisation: Organisation,
) -> None:
    supporter = member_of(organisation)
    supervisor = member_of(organisation, Role.SUPERVISOR)
    SupervisionFactory.create(
        organisation=organisation, supporter=supporter, supervisor=supervisor
    )
    client = client_for(supervisor)
    url = reverse("supporters:registration", args=[organisation.slug])

    refused = client.post(url, {"register_number": "12345"}, follow=True)
    saved = client.post(
        url,
        {
            "profession": "Mental health nurse",
            "register": "nmc",
            "register_number": "12A",
        },
    )

    assert "Please choose the register for this number." in refused.content.decode()
    assert saved.status_code == 302
    page = client_for(supporter).get(
        reverse("supporters:mine", args=[organisation.slug])
    )
    assert "Mental health nurse, NMC 12A" in page.content.decode()
    assert client_for(supporter).post(url, {"profession": "Made up"}).status_code == 404


def test_a_workplace_scheme_says_what_the_employer_never_sees() -> None:
    from alongside.organisations.models import Setting

    workplace = OrganisationFactory.create(setting=Setting.WORKPLACE)
    community = OrganisationFactory.create()
    url = "supporters:mine"

    at_work = client_for(member_of(workplace)).get(reverse(url, args=[workplace.slug]))
    elsewhere = client_for(member_of(community)).get(
        reverse(url, args=[community.slug])
    )

    assert "never shown to your managers" in at_work.content.decode()
    assert "never shown to your managers" not in elsewhere.content.decode()


def test_a_supporter_fills_a_gap_from_the_rota(organisation: Organisation) -> None:
    supporter = member_of(organisation)
    start = timezone.now() + timedelta(hours=20)
    gap = ShiftFactory.create(
        organisation=organisation,
        kind=ShiftKind.LIVE_ROOMS,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    client = client_for(supporter)
    rota = reverse("supporters:rota", args=[organisation.slug])
    take = reverse("supporters:shift-take", args=[gap.pk])

    assert f'action="{take}"' in client.get(rota).content.decode()
    response = client.post(take, follow=True)
    again = client.post(take, follow=True)

    gap.refresh_from_db()
    assert gap.person == supporter
    assert "The shift is yours." in response.content.decode()
    assert "This shift is already yours." in again.content.decode()
    assert f'action="{take}"' not in again.content.decode()


def test_taking_a_module_off_the_path_asks_first_and_can_be_undone(
    organisation: Organisation,
) -> None:
    admin = member_of(organisation, Role.ADMIN)
    module = TrainingModuleFactory.create(organisation=organisation, name="Endings")
    client = client_for(admin)
    remove = reverse("supporters:module-remove", args=[organisation.slug, module.pk])
    training = reverse("supporters:training", args=[organisation.slug])

    asked = client.get(remove)
    assert asked.status_code == 200
    assert "Take “Endings” off the training path?" in asked.text
    module.refresh_from_db()
    assert module.removed_at is None

    client.post(remove)
    module.refresh_from_db()
    assert module.removed_at is not None
    assert "Taken off a moment ago" in client.get(training).text

    client.post(
        reverse("supporters:module-restore", args=[organisation.slug, module.pk])
    )
    module.refresh_from_db()
    assert module.removed_at is None
    assert "Taken off a moment ago" not in client.get(training).text


def test_a_module_taken_off_long_ago_is_not_put_back(
    organisation: Organisation,
) -> None:
    admin = member_of(organisation, Role.ADMIN)
    module = TrainingModuleFactory.create(
        organisation=organisation,
        removed_at=timezone.now() - timedelta(hours=1),
    )
    response = client_for(admin).post(
        reverse("supporters:module-restore", args=[organisation.slug, module.pk]),
        follow=True,
    )
    assert "too late to put that back" in response.text
    module.refresh_from_db()
    assert module.removed_at is not None
