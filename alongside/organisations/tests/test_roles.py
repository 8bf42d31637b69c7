"""Changing someone's role: who may, the last admin, what ends with a staff role
(duty, shifts, supervision, the team's places), the person being told, and the
People and roles pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.buddying.models import Match, MatchStatus, SupportRequest
from alongside.buddying.tests.factories import matched
from alongside.notifications.models import Notification
from alongside.organisations import actions
from alongside.organisations.models import Organisation, OrganisationRole, Role
from alongside.organisations.permissions import people_visible_to
from alongside.organisations.role_changes import takes_away, what_they_stop
from alongside.peergroups.models import GroupRole, Membership, Status
from alongside.peergroups.tests.factories import MembershipFactory, PeerGroupFactory
from alongside.safety.models import DutyPeriod
from alongside.supporters.models import Shift, ShiftKind, Supervision
from alongside.supporters.tests.factories import ShiftFactory, SupervisionFactory
from conftest import client_for, gave_password_again, person_with_role

from .factories import OrganisationRoleFactory

pytestmark = pytest.mark.django_db


def place_of(person: Person, organisation: Organisation) -> OrganisationRole:
    return OrganisationRole.objects.get(person=person, organisation=organisation)


# The action and its rules -------------------------------------------------------


def test_an_admin_changes_a_role_and_the_person_is_told(
    organisation: Organisation,
    org_admin: Person,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)

    with django_capture_on_commit_callbacks(execute=True):
        actions.change_role(
            person=org_admin, place=place_of(fran, organisation), role=Role.PEER
        )

    assert place_of(fran, organisation).role == Role.PEER
    note = Notification.objects.get(person=fran)
    assert organisation.name in note.message
    assert "Peer" in note.message


def test_giving_the_role_already_held_changes_nothing_and_tells_nobody(
    organisation: Organisation,
    org_admin: Person,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)

    with django_capture_on_commit_callbacks(execute=True):
        actions.change_role(
            person=org_admin, place=place_of(fran, organisation), role=Role.FACILITATOR
        )

    assert not Notification.objects.filter(person=fran).exists()


@pytest.mark.parametrize("role", [Role.PEER, Role.FACILITATOR, Role.SUPERVISOR])
def test_only_the_organisations_admins_change_roles(
    organisation: Organisation, role: str
) -> None:
    someone = person_with_role(organisation, role)
    target = person_with_role(organisation, Role.PEER)

    with pytest.raises(Http404):
        actions.change_role(
            person=someone, place=place_of(target, organisation), role=Role.ADMIN
        )
    assert place_of(target, organisation).role == Role.PEER


def test_an_admin_of_another_organisation_cannot_change_a_role_here(
    organisation: Organisation, other_organisation: Organisation
) -> None:
    elsewhere = person_with_role(other_organisation, Role.ADMIN)
    fran = person_with_role(organisation, Role.FACILITATOR)

    with pytest.raises(Http404):
        actions.change_role(
            person=elsewhere, place=place_of(fran, organisation), role=Role.PEER
        )


def test_the_last_admin_cannot_step_down(
    organisation: Organisation, org_admin: Person
) -> None:
    with pytest.raises(PermissionDenied, match="only admin"):
        actions.change_role(
            person=org_admin, place=place_of(org_admin, organisation), role=Role.PEER
        )
    assert place_of(org_admin, organisation).role == Role.ADMIN


def test_an_admin_steps_down_while_another_admin_remains(
    organisation: Organisation, org_admin: Person
) -> None:
    other = person_with_role(organisation, Role.ADMIN)

    actions.change_role(
        person=org_admin,
        place=place_of(org_admin, organisation),
        role=Role.SUPERVISOR,
    )

    assert place_of(org_admin, organisation).role == Role.SUPERVISOR
    # And now the other is the last: nobody can take them away, themselves included.
    with pytest.raises(PermissionDenied):
        actions.change_role(
            person=other, place=place_of(other, organisation), role=Role.PEER
        )


def test_admins_taking_each_other_away_leave_one_admin(
    organisation: Organisation, org_admin: Person
) -> None:
    other = person_with_role(organisation, Role.ADMIN)
    actions.change_role(
        person=org_admin, place=place_of(other, organisation), role=Role.PEER
    )

    with pytest.raises(Http404):
        # `other` is no longer an admin, so cannot take anyone away.
        actions.change_role(
            person=other, place=place_of(org_admin, organisation), role=Role.PEER
        )
    assert (
        OrganisationRole.objects.filter(
            organisation=organisation, role=Role.ADMIN
        ).count()
        == 1
    )


def test_taking_a_staff_role_away_ends_duty_shifts_and_supervision(
    organisation: Organisation, org_admin: Person
) -> None:
    fran = person_with_role(organisation, Role.SUPERVISOR)
    supporter = person_with_role(organisation, Role.PEER_SUPPORTER)
    DutyPeriod.objects.create(person=fran, organisation=organisation)
    crisis = ShiftFactory.create(organisation=organisation, person=fran)
    past = ShiftFactory.create(
        organisation=organisation,
        person=fran,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=1),
    )
    live_rooms = ShiftFactory.create(
        organisation=organisation, person=fran, kind=ShiftKind.LIVE_ROOMS
    )
    supervising = SupervisionFactory.create(
        organisation=organisation, supervisor=fran, supporter=supporter
    )

    actions.change_role(
        person=org_admin,
        place=place_of(fran, organisation),
        role=Role.PEER_SUPPORTER,
    )

    assert not DutyPeriod.objects.filter(person=fran, ended_at__isnull=True).exists()
    # The crisis shift under way stays theirs up to now; the rest is a gap.
    assert Shift.objects.get(pk=crisis.pk).ends_at <= timezone.now()
    assert Shift.objects.filter(
        kind=ShiftKind.CRISIS, person=None, ends_at=crisis.ends_at
    ).exists()
    assert Shift.objects.get(pk=past.pk).person == fran
    # A peer supporter may still cover live rooms.
    assert Shift.objects.get(pk=live_rooms.pk).person == fran
    assert Supervision.objects.get(pk=supervising.pk).ended_at is not None


def test_a_peer_supporter_made_a_peer_leaves_the_rota_and_their_supervision(
    organisation: Organisation, org_admin: Person
) -> None:
    jo = person_with_role(organisation, Role.PEER_SUPPORTER)
    shift = ShiftFactory.create(
        organisation=organisation, person=jo, kind=ShiftKind.LIVE_ROOMS
    )
    supervised = SupervisionFactory.create(organisation=organisation, supporter=jo)

    actions.change_role(person=org_admin, place=place_of(jo, organisation), role="peer")

    assert Shift.objects.get(pk=shift.pk).ends_at <= timezone.now()
    assert Shift.objects.filter(person=None, ends_at=shift.ends_at).exists()
    assert Supervision.objects.get(pk=supervised.pk).ended_at is not None


def test_a_role_change_elsewhere_leaves_duty_here_alone(
    organisation: Organisation, other_organisation: Organisation
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)
    OrganisationRoleFactory.create(
        organisation=other_organisation, person=fran, role=Role.FACILITATOR
    )
    admin_there = person_with_role(other_organisation, Role.ADMIN)
    DutyPeriod.objects.create(person=fran, organisation=organisation)

    actions.change_role(
        person=admin_there, place=place_of(fran, other_organisation), role=Role.PEER
    )

    assert DutyPeriod.objects.filter(
        person=fran, organisation=organisation, ended_at__isnull=True
    ).exists()


def test_the_confirming_words_say_what_a_staff_member_stops_seeing() -> None:
    assert takes_away(Role.FACILITATOR, Role.PEER)
    assert not takes_away(Role.PEER, Role.FACILITATOR)
    lost = " ".join(what_they_stop(Role.FACILITATOR, Role.PEER))
    assert "private conversations" in lost
    assert "off duty" in lost
    assert what_they_stop(Role.PEER, Role.ADMIN) == []
    assert "admin pages" in " ".join(what_they_stop(Role.ADMIN, Role.SUPERVISOR))


@pytest.mark.parametrize("is_self", [True, False])
def test_the_confirming_words_speak_to_an_admin_stepping_down(is_self: bool) -> None:
    lost = " ".join(
        what_they_stop(
            Role.ADMIN, Role.PEER, only_staff_facilitate=True, is_self=is_self
        )
    )

    if is_self:
        assert "The private conversations you are in" in lost
        assert "You leave each one straight away, even one open on your screen" in lost
        assert "your crisis cover shifts" in lost
        assert "Supervision you give. The supporters you supervise" in lost
        assert "your training record" in lost
        assert "the admins are told of a group left with no facilitator" in lost
        assert not {"they", "their", "them"} & set(re.findall(r"\w+", lost.lower()))
    else:
        assert "The private conversations they are in" in lost
        assert "They leave each one straight away, even one open on their screen" in (
            lost
        )
        assert "their crisis cover shifts" in lost
        assert "Supervision they give" in lost
        assert "you are told of a group left with no facilitator" in lost
        assert " your " not in lost


# The pages ------------------------------------------------------------------------


def people_url(organisation: Organisation, **query: str) -> str:
    url = reverse("organisations:people", kwargs={"slug": organisation.slug})
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def change_url(place: OrganisationRole) -> str:
    return reverse(
        "organisations:role-change",
        kwargs={"slug": place.organisation.slug, "role_id": place.pk},
    )


def test_the_organisation_page_links_admins_to_people_and_roles(
    admin_client: Client, organisation: Organisation
) -> None:
    page = admin_client.get(
        reverse("organisations:organisation-detail", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert people_url(organisation) in page


def test_people_are_listed_admins_first_and_can_be_found_by_name(
    admin_client: Client, organisation: Organisation, org_admin: Person
) -> None:
    for name, role in [("Zed", Role.PEER), ("Amy", Role.FACILITATOR)]:
        OrganisationRoleFactory.create(
            organisation=organisation,
            person=PersonFactory.create(known_as=name),
            role=role,
        )

    page = admin_client.get(people_url(organisation)).content.decode()
    found = admin_client.get(people_url(organisation, q="ze")).content.decode()

    assert page.index(org_admin.shown_name) < page.index("Amy") < page.index("Zed")
    assert "Zed" in found and "Amy" not in found


def test_the_people_page_asks_the_same_number_of_queries_however_many(
    admin_client: Client, organisation: Organisation
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(people_url(organisation)).status_code == 200
        return len(captured)

    make: Callable[[], OrganisationRole] = lambda: OrganisationRoleFactory.create(  # noqa: E731
        organisation=organisation
    )
    make()
    few = queries()
    for _ in range(30):
        make()
    assert queries() == few


def test_the_people_page_goes_a_page_at_a_time(
    admin_client: Client, organisation: Organisation
) -> None:
    OrganisationRoleFactory.create_batch(55, organisation=organisation)

    page = admin_client.get(people_url(organisation)).content.decode()

    assert "page 1 of 2" in page
    assert "Next page" in page


def test_people_of_another_organisation_are_not_shown(
    organisation: Organisation, org_admin: Person, other_organisation: Organisation
) -> None:
    OrganisationRoleFactory.create(organisation=other_organisation)

    assert set(people_visible_to(org_admin, organisation)) == set(
        OrganisationRole.objects.filter(organisation=organisation)
    )
    assert not people_visible_to(org_admin, other_organisation).exists()


def test_changing_a_role_asks_for_the_password_again(
    admin_client: Client, organisation: Organisation
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)

    response = admin_client.get(change_url(place_of(fran, organisation)))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_the_change_page_of_someone_elsewhere_is_not_found(
    admin_client: Client, other_organisation: Organisation, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    there = OrganisationRoleFactory.create(organisation=other_organisation)
    url = reverse(
        "organisations:role-change",
        kwargs={"slug": organisation.slug, "role_id": there.pk},
    )

    assert admin_client.get(url).status_code == 404
    assert admin_client.post(url, {"role": "admin"}).status_code == 404


def test_taking_a_role_away_is_confirmed_first_in_plain_words(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    fran = person_with_role(organisation, Role.FACILITATOR)
    place = place_of(fran, organisation)

    asked = admin_client.post(change_url(place), {"role": "peer"})

    assert asked.status_code == 200
    assert "private conversations" in asked.content.decode()
    assert place_of(fran, organisation).role == Role.FACILITATOR

    done = admin_client.post(
        change_url(place),
        {"role": "peer", "confirmed": "on", "from_role": "facilitator"},
    )

    assert done.status_code == 302
    assert done["Location"] == people_url(organisation)
    assert place_of(fran, organisation).role == Role.PEER


def test_giving_a_higher_role_needs_no_confirming(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    jo = person_with_role(organisation, Role.PEER)

    response = admin_client.post(
        change_url(place_of(jo, organisation)), {"role": "facilitator"}
    )

    assert response.status_code == 302
    assert place_of(jo, organisation).role == Role.FACILITATOR


def test_the_last_admin_is_told_why_they_cannot_step_down(
    admin_client: Client, organisation: Organisation, org_admin: Person
) -> None:
    gave_password_again(admin_client)

    response = admin_client.post(
        change_url(place_of(org_admin, organisation)),
        {"role": "peer", "confirmed": "on", "from_role": "admin"},
    )

    assert response.status_code == 200
    assert "only admin" in response.content.decode()
    assert place_of(org_admin, organisation).role == Role.ADMIN


def test_an_admin_who_steps_down_is_taken_to_the_organisation_page(
    admin_client: Client, organisation: Organisation, org_admin: Person
) -> None:
    gave_password_again(admin_client)
    person_with_role(organisation, Role.ADMIN)

    response = admin_client.post(
        change_url(place_of(org_admin, organisation)),
        {"role": "supervisor", "confirmed": "on", "from_role": "admin"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organisations:organisation-detail", kwargs={"slug": organisation.slug}
    )
    assert admin_client.get(people_url(organisation)).status_code == 404


def test_staff_who_are_not_admins_do_not_see_the_pages(
    organisation: Organisation, supervisor: Person
) -> None:
    client = client_for(supervisor)
    fran = person_with_role(organisation, Role.FACILITATOR)

    assert client.get(people_url(organisation)).status_code == 404
    assert client.get(change_url(place_of(fran, organisation))).status_code == 404


@pytest.mark.parametrize("only_staff", [True, False])
def test_where_only_staff_facilitate_an_ex_staff_facilitator_stops_facilitating(
    organisation: Organisation,
    org_admin: Person,
    only_staff: bool,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    organisation.requires_staff_facilitators = only_staff
    organisation.save()
    fran = person_with_role(organisation, Role.FACILITATOR)
    group = PeerGroupFactory.create(organisation=organisation, name="Evenings")
    MembershipFactory.create(group=group, person=fran, role=GroupRole.FACILITATOR)

    with django_capture_on_commit_callbacks(execute=True):
        actions.change_role(
            person=org_admin, place=place_of(fran, organisation), role=Role.PEER
        )

    membership = Membership.objects.get(group=group, person=fran)
    told = Notification.objects.filter(person=org_admin, message__contains="Evenings")
    if only_staff:
        assert membership.role == GroupRole.MEMBER
        assert membership.status == Status.ACTIVE
        assert told.exists()
    else:
        assert membership.role == GroupRole.FACILITATOR
        assert not told.exists()
    words = " ".join(
        what_they_stop(Role.FACILITATOR, Role.PEER, only_staff_facilitate=only_staff)
    )
    assert ("Facilitating groups" in words) is only_staff


def test_where_peers_facilitate_the_confirming_page_names_the_groups_kept(
    admin_client: Client, organisation: Organisation
) -> None:
    organisation.requires_staff_facilitators = False
    organisation.save()
    gave_password_again(admin_client)
    fran = person_with_role(organisation, Role.FACILITATOR)
    group = PeerGroupFactory.create(organisation=organisation, name="Evenings")
    MembershipFactory.create(group=group, person=fran, role=GroupRole.FACILITATOR)

    asked = admin_client.post(
        change_url(place_of(fran, organisation)), {"role": "peer"}
    )

    page = asked.content.decode()
    assert "Evenings" in page
    assert "still facilitate" in page
    assert 'name="step_down_from_groups"' in page
    assert 'name="step_down_from_groups" id="step-down-from-groups" value="on">' in page


@pytest.mark.parametrize("step_down", [True, False])
def test_where_peers_facilitate_the_admin_chooses_whether_they_step_down(
    admin_client: Client,
    organisation: Organisation,
    step_down: bool,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    organisation.requires_staff_facilitators = False
    organisation.save()
    gave_password_again(admin_client)
    fran = person_with_role(organisation, Role.FACILITATOR)
    group = PeerGroupFactory.create(organisation=organisation, name="Evenings")
    MembershipFactory.create(group=group, person=fran, role=GroupRole.FACILITATOR)
    data = {"role": "peer", "confirmed": "on", "from_role": "facilitator"}
    if step_down:
        data["step_down_from_groups"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(change_url(place_of(fran, organisation)), data)

    assert done.status_code == 302
    membership = Membership.objects.get(group=group, person=fran)
    assert membership.status == Status.ACTIVE
    expected = GroupRole.MEMBER if step_down else GroupRole.FACILITATOR
    assert membership.role == expected


def test_the_confirming_page_carries_the_role_it_described(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    fran = person_with_role(organisation, Role.FACILITATOR)

    asked = admin_client.post(
        change_url(place_of(fran, organisation)), {"role": "peer"}
    )

    assert '<input type="hidden" name="from_role" value="facilitator">' in (
        asked.content.decode()
    )


def test_a_confirmation_made_stale_by_another_admin_is_shown_again_not_applied(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    fran = person_with_role(organisation, Role.FACILITATOR)
    other_admin = person_with_role(organisation, Role.ADMIN)
    url = change_url(place_of(fran, organisation))
    admin_client.post(url, {"role": "peer"})
    actions.change_role(
        person=other_admin, place=place_of(fran, organisation), role=Role.ADMIN
    )

    again = admin_client.post(
        url, {"role": "peer", "confirmed": "on", "from_role": "facilitator"}
    )

    assert again.status_code == 200
    page = again.content.decode()
    assert "changed since you last looked" in page
    assert "an organisation admin now" in page
    assert "admin pages" in page
    assert '<input type="hidden" name="from_role" value="admin">' in page
    assert place_of(fran, organisation).role == Role.ADMIN


def test_a_confirmation_that_does_not_say_what_it_described_is_not_applied(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    fran = person_with_role(organisation, Role.FACILITATOR)

    again = admin_client.post(
        change_url(place_of(fran, organisation)), {"role": "peer", "confirmed": "on"}
    )

    assert again.status_code == 200
    assert place_of(fran, organisation).role == Role.FACILITATOR


def test_a_raise_chosen_before_the_role_changed_is_asked_again(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    jo = person_with_role(organisation, Role.PEER_SUPPORTER)
    other_admin = person_with_role(organisation, Role.ADMIN)
    actions.change_role(
        person=other_admin, place=place_of(jo, organisation), role=Role.PEER
    )

    again = admin_client.post(
        change_url(place_of(jo, organisation)),
        {"role": "facilitator", "from_role": "peer_supporter"},
    )

    assert again.status_code == 200
    assert "Please choose again" in again.content.decode()
    assert place_of(jo, organisation).role == Role.PEER


def test_change_role_says_whether_anything_changed(
    organisation: Organisation, org_admin: Person
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)
    place = place_of(fran, organisation)

    assert actions.change_role(person=org_admin, place=place, role=Role.PEER)
    assert not actions.change_role(person=org_admin, place=place, role=Role.PEER)


def test_a_role_for_someone_who_left_changes_nothing_and_tells_nobody(
    organisation: Organisation, org_admin: Person
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)
    place = place_of(fran, organisation)
    OrganisationRole.objects.filter(pk=place.pk).delete()

    assert not actions.change_role(person=org_admin, place=place, role=Role.PEER)
    assert not Notification.objects.filter(person=fran).exists()


def meanwhile(monkeypatch: pytest.MonkeyPatch, happens: Callable[[], object]) -> None:
    """Something another admin does between the page's check and the change."""

    def check_then_race(*args: object) -> str:
        happens()
        return ""

    monkeypatch.setattr(
        "alongside.organisations.role_views.role_change_refusal", check_then_race
    )


def test_the_last_admin_refused_at_the_last_moment_is_told_why_kindly(
    organisation: Organisation, org_admin: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    bea = person_with_role(organisation, Role.ADMIN, second_factor=True)
    client = gave_password_again(client_for(bea))
    meanwhile(
        monkeypatch,
        lambda: actions.change_role(
            person=org_admin, place=place_of(org_admin, organisation), role=Role.PEER
        ),
    )

    response = client.post(
        change_url(place_of(bea, organisation)),
        {"role": "peer", "confirmed": "on", "from_role": "admin"},
    )

    assert response.status_code == 200
    assert "only admin" in response.content.decode()
    assert place_of(bea, organisation).role == Role.ADMIN


def test_an_admin_whose_own_role_went_meanwhile_is_told_kindly(
    admin_client: Client,
    organisation: Organisation,
    org_admin: Person,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gave_password_again(admin_client)
    other_admin = person_with_role(organisation, Role.ADMIN)
    jo = person_with_role(organisation, Role.PEER)
    meanwhile(
        monkeypatch,
        lambda: actions.change_role(
            person=other_admin, place=place_of(org_admin, organisation), role=Role.PEER
        ),
    )

    response = admin_client.post(
        change_url(place_of(jo, organisation)),
        {"role": "facilitator", "from_role": "peer"},
        follow=True,
    )

    assert response.status_code == 200
    assert "no longer an admin here" in response.content.decode()
    assert place_of(jo, organisation).role == Role.PEER


def test_someone_who_left_meanwhile_is_not_said_to_have_been_told(
    admin_client: Client, organisation: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    gave_password_again(admin_client)
    jo = person_with_role(organisation, Role.PEER)
    place = place_of(jo, organisation)
    meanwhile(
        monkeypatch, lambda: OrganisationRole.objects.filter(pk=place.pk).delete()
    )

    response = admin_client.post(
        change_url(place), {"role": "facilitator", "from_role": "peer"}, follow=True
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "no longer in" in page
    assert "have been told" not in page


def test_the_confirming_page_says_how_many_people_they_support_one_to_one(
    admin_client: Client, organisation: Organisation
) -> None:
    gave_password_again(admin_client)
    match = matched(organisation)

    asked = admin_client.post(
        change_url(place_of(match.supporter, organisation)), {"role": "peer"}
    )

    page = asked.content.decode()
    assert "They support 1 person one to one here" in page
    assert "plan those endings" in page
    assert (
        reverse("buddying:coordinate", kwargs={"organisation_slug": organisation.slug})
        in page
    )
    match.refresh_from_db()
    assert match.is_active


def test_an_admin_stepping_down_reads_what_they_keep_said_to_them(
    admin_client: Client, organisation: Organisation, org_admin: Person
) -> None:
    organisation.requires_staff_facilitators = False
    organisation.save()
    gave_password_again(admin_client)
    person_with_role(organisation, Role.ADMIN)
    group = PeerGroupFactory.create(organisation=organisation, name="Evenings")
    MembershipFactory.create(group=group, person=org_admin, role=GroupRole.FACILITATOR)
    peer = person_with_role(organisation, Role.PEER)
    Match.objects.create(
        organisation=organisation,
        request=SupportRequest.objects.create(
            organisation=organisation, peer=peer, words="", status="matched"
        ),
        peer=peer,
        supporter=org_admin,
        status=MatchStatus.ACTIVE,
    )

    asked = admin_client.post(
        change_url(place_of(org_admin, organisation)), {"role": "peer"}
    )

    page = asked.content.decode()
    assert "You still facilitate these groups" in page
    assert "Unless you step down from them too, you go on facilitating them" in page
    assert "You support 1 person one to one here, and changing your role" in page
    assert "plan those endings with a coordinator" in page
    assert "The private conversations you are in" in page
    for about_someone_else in (
        "They still",
        "They support",
        "their role",
        "They leave",
    ):
        assert about_someone_else not in page


def test_a_shift_under_way_keeps_who_covered_it_and_releases_the_rest(
    organisation: Organisation, org_admin: Person
) -> None:
    fran = person_with_role(organisation, Role.FACILITATOR)
    started = timezone.now() - timedelta(hours=1)
    ends = timezone.now() + timedelta(hours=1)
    shift = ShiftFactory.create(
        organisation=organisation, person=fran, starts_at=started, ends_at=ends
    )

    actions.change_role(
        person=org_admin, place=place_of(fran, organisation), role=Role.PEER
    )

    covered = Shift.objects.get(pk=shift.pk)
    assert covered.person == fran
    assert covered.starts_at == started
    assert started < covered.ends_at <= timezone.now()
    gap = Shift.objects.exclude(pk=shift.pk).get(organisation=organisation)
    assert gap.person is None
    assert gap.kind == covered.kind
    assert (gap.starts_at, gap.ends_at) == (covered.ends_at, ends)


def test_the_confirming_words_do_not_promise_someone_else_carries_on() -> None:
    words = " ".join(what_they_stop(Role.FACILITATOR, Role.PEER))

    assert "will carry it on" not in words
    assert "waiting list" in words
