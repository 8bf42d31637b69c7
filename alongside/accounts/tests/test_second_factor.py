"""Staff pages need a second sign-in step; nobody else is asked for one."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from alongside.accounts.second_factor import RETURN_SESSION_KEY
from alongside.accounts.tests.factories import PASSWORD, give_second_factor
from alongside.organisations.models import GroupCreation
from alongside.peergroups.models import PeerGroup, Status
from alongside.peergroups.tests.factories import MembershipFactory
from alongside.peergroups.tests.states import person_in_state

pytestmark = pytest.mark.django_db


def staff_without_second_factor(state: str, group: PeerGroup) -> Client:
    person = person_in_state(state, group)
    Authenticator.objects.filter(user=person).delete()
    client = Client()
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    ("state", "url_name"),
    [
        ("facilitator", "peergroups:request-list"),
        ("org admin", "peergroups:request-list"),
        ("org admin", "organisations:settings-edit"),
        ("org admin", "organisations:invitation-list"),
        ("org admin", "organisations:directory-manage"),
    ],
)
def test_staff_without_a_second_factor_are_sent_to_set_one_up(
    group: PeerGroup, state: str, url_name: str
) -> None:
    client = staff_without_second_factor(state, group)
    kwargs: dict[str, object] = (
        {"group_id": group.pk}
        if url_name.startswith("peergroups")
        else {"slug": group.organisation.slug}
    )
    url = reverse(url_name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("mfa_activate_totp")
    assert client.session[RETURN_SESSION_KEY] == url


def test_after_setting_up_the_second_factor_staff_carry_on_where_they_were(
    group: PeerGroup,
) -> None:
    client = staff_without_second_factor("facilitator", group)
    url = reverse("peergroups:request-list", kwargs={"group_id": group.pk})
    client.get(url)

    response = client.get(reverse("accounts:second-factor-continue"))

    assert response.status_code == 302
    assert response.headers["Location"] == url


def test_a_form_sent_before_the_second_step_returns_to_the_page_it_came_from(
    group: PeerGroup,
) -> None:
    client = staff_without_second_factor("org admin", group)
    page = reverse("peergroups:request-list", kwargs={"group_id": group.pk})
    waiting = MembershipFactory.create(group=group, status=Status.REQUESTED)
    approve = reverse(
        "peergroups:request-approve",
        kwargs={"group_id": group.pk, "membership_id": waiting.pk},
    )
    client.post(approve, headers={"Referer": f"http://testserver{page}"})

    response = client.get(reverse("accounts:second-factor-continue"))

    assert response.headers["Location"] == f"http://testserver{page}"
    assert client.get(response.headers["Location"]).status_code != 405


@pytest.mark.parametrize("referrer", ["", "https://elsewhere.example/page/"])
def test_a_form_sent_from_elsewhere_before_the_second_step_returns_home(
    group: PeerGroup, referrer: str
) -> None:
    client = staff_without_second_factor("org admin", group)
    waiting = MembershipFactory.create(group=group, status=Status.REQUESTED)
    approve = reverse(
        "peergroups:request-approve",
        kwargs={"group_id": group.pk, "membership_id": waiting.pk},
    )
    client.post(approve, headers={"Referer": referrer} if referrer else {})

    response = client.get(reverse("accounts:second-factor-continue"))

    assert response.headers["Location"] == reverse("core:home")


def test_carrying_on_never_leaves_the_site(group: PeerGroup) -> None:
    client = staff_without_second_factor("facilitator", group)
    session = client.session
    session[RETURN_SESSION_KEY] = "https://elsewhere.example/"
    session.save()

    response = client.get(reverse("accounts:second-factor-continue"))

    assert response.headers["Location"] == "/"


def test_htmx_requests_are_redirected_in_the_browser(group: PeerGroup) -> None:
    client = staff_without_second_factor("org admin", group)

    response = client.get(
        reverse("peergroups:request-list", kwargs={"group_id": group.pk}),
        headers={"HX-Request": "true"},
    )

    assert response.headers["HX-Redirect"] == reverse("mfa_activate_totp")


def test_the_setup_page_opens_for_staff_without_a_second_factor(
    group: PeerGroup,
) -> None:
    person = person_in_state("org admin", group)
    Authenticator.objects.filter(user=person).delete()
    client = Client()
    client.force_login(person)
    # allauth asks for the password again before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.get(reverse("mfa_activate_totp"))

    assert response.status_code == 200


def test_staff_with_a_second_factor_reach_staff_pages(group: PeerGroup) -> None:
    person = person_in_state("org admin", group)
    client = Client()
    client.force_login(person)

    response = client.get(
        reverse("organisations:settings-edit", kwargs={"slug": group.organisation.slug})
    )

    assert response.status_code == 200


def test_a_peer_without_a_second_factor_is_not_asked_for_one(
    group: PeerGroup,
) -> None:
    client = staff_without_second_factor("active", group)

    response = client.get(reverse("peergroups:group-detail", args=[group.pk]))

    assert response.status_code == 200


def test_people_who_may_not_open_a_staff_page_get_403_not_the_setup_page(
    group: PeerGroup,
) -> None:
    client = staff_without_second_factor("supervisor", group)

    response = client.get(reverse("peergroups:request-list", args=[group.pk]))

    assert response.status_code == 403


def test_a_second_factor_set_up_by_a_peer_changes_nothing_for_them(
    group: PeerGroup,
) -> None:
    person = person_in_state("active", group)
    give_second_factor(person)
    client = Client()
    client.force_login(person)

    response = client.get(reverse("peergroups:group-detail", args=[group.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("state", ["facilitator", "supervisor", "org admin"])
def test_starting_a_group_where_only_staff_may_needs_the_second_factor(
    group: PeerGroup, state: str
) -> None:
    client = staff_without_second_factor(state, group)

    response = client.get(
        reverse("peergroups:group-create", args=[group.organisation.slug])
    )

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("mfa_activate_totp")


def test_starting_a_group_where_anyone_may_needs_no_second_factor_for_peers(
    group: PeerGroup,
) -> None:
    group.organisation.group_creation = GroupCreation.ANYONE
    group.organisation.save()
    client = staff_without_second_factor("active", group)

    response = client.get(
        reverse("peergroups:group-create", args=[group.organisation.slug])
    )

    assert response.status_code == 200
