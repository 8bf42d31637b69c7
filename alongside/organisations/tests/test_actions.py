"""Organisations: placing newcomers, roles, invitations, policy and help directory."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.accounts.tests.factories import PersonFactory
from alongside.organisations import actions
from alongside.organisations.kinds import (
    POLICY_SWITCHES,
    changed_from_defaults,
    defaults_for,
)
from alongside.organisations.models import (
    Invitation,
    Organisation,
    OrganisationRole,
    Role,
    Setting,
    SupportService,
)
from alongside.organisations.support_defaults import UK_SUPPORT_SERVICES

from .factories import (
    InvitationFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    SupportServiceFactory,
)

pytestmark = pytest.mark.django_db


def roles_of(person: Person) -> dict[str, str]:
    return dict(
        OrganisationRole.objects.filter(person=person).values_list(
            "organisation__slug", "role"
        )
    )


def test_a_new_organisation_starts_with_the_uk_help_directory() -> None:
    organisation = actions.create_organisation(
        name="Test service",
        slug="test-service",
        setting=Setting.COMMUNITY,
        confidentiality_statement="What is shared here stays here.",
    )

    assert organisation.support_services.count() == len(UK_SUPPORT_SERVICES)
    assert organisation.support_services.filter(is_urgent=True).exists()


@pytest.mark.parametrize("kind", list(Setting))
def test_a_new_organisation_takes_its_kinds_defaults(kind: Setting) -> None:
    organisation = actions.create_organisation(
        name="Test service", slug="test-service", setting=kind
    )

    assert changed_from_defaults(organisation) == []
    assert {name: getattr(organisation, name) for name in POLICY_SWITCHES} == (
        defaults_for(kind)
    )


def test_a_switch_given_when_creating_wins_over_the_kinds_default() -> None:
    organisation = actions.create_organisation(
        name="Test service",
        slug="test-service",
        setting=Setting.SECURE,
        allows_links=True,
    )

    assert organisation.allows_links is True
    assert changed_from_defaults(organisation) == ["allows_links"]


def test_choosing_a_kind_puts_every_switch_to_its_defaults() -> None:
    organisation = actions.create_organisation(
        name="Test service", slug="test-service", setting=Setting.COMMUNITY
    )

    changed = actions.choose_organisation_kind(
        person=admin_of(organisation), organisation=organisation, kind="secure"
    )

    organisation.refresh_from_db()
    assert organisation.setting == Setting.SECURE
    assert changed_from_defaults(organisation) == []
    assert set(changed) == set(POLICY_SWITCHES)


@pytest.mark.parametrize("role", [Role.PEER, Role.FACILITATOR, Role.SUPERVISOR])
def test_only_admins_choose_the_kind_of_service(role: str) -> None:
    organisation = OrganisationFactory.create()
    person = OrganisationRoleFactory.create(organisation=organisation, role=role).person

    with pytest.raises(Http404):
        actions.choose_organisation_kind(
            person=person, organisation=organisation, kind="secure"
        )

    organisation.refresh_from_db()
    assert organisation.setting == Setting.COMMUNITY


def test_welcome_without_invitation_joins_every_open_organisation_as_a_peer() -> None:
    first = OrganisationFactory.create(is_open_for_signup=True)
    second = OrganisationFactory.create(is_open_for_signup=True)
    OrganisationFactory.create(is_open_for_signup=False)
    person = PersonFactory.create()

    actions.welcome_new_person(person=person, invitation=None)

    assert roles_of(person) == {first.slug: Role.PEER, second.slug: Role.PEER}


def test_welcome_with_invitation_joins_its_organisation_in_its_role_only() -> None:
    OrganisationFactory.create(is_open_for_signup=True)
    invitation = InvitationFactory.create(role=Role.FACILITATOR, max_uses=2)
    person = PersonFactory.create()

    actions.welcome_new_person(person=person, invitation=invitation)

    assert roles_of(person) == {invitation.organisation.slug: Role.FACILITATOR}
    invitation.refresh_from_db()
    assert invitation.use_count == 1
    assert invitation.is_usable is True


def test_an_invitation_is_used_up_after_its_last_use() -> None:
    invitation = InvitationFactory.create(max_uses=1)

    actions.welcome_new_person(person=PersonFactory.create(), invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.use_count == 1
    assert invitation.is_usable is False
    assert not Invitation.objects.usable().filter(pk=invitation.pk).exists()


def test_an_invitation_used_up_meanwhile_falls_back_to_open_organisations() -> None:
    open_organisation = OrganisationFactory.create(is_open_for_signup=True)
    invitation = InvitationFactory.create(max_uses=1, use_count=1)
    person = PersonFactory.create()

    actions.welcome_new_person(person=person, invitation=invitation)

    assert roles_of(person) == {open_organisation.slug: Role.PEER}
    invitation.refresh_from_db()
    assert invitation.use_count == 1


@pytest.mark.parametrize(
    "spoiled",
    [
        {"expires_at": timezone.now() - timedelta(seconds=1)},
        {"revoked_at": timezone.now()},
        {"max_uses": 3, "use_count": 3},
    ],
    ids=["expired", "revoked", "used up"],
)
def test_spoiled_invitations_are_not_usable(spoiled: dict[str, object]) -> None:
    invitation = InvitationFactory.create(**spoiled)

    assert invitation.is_usable is False
    assert not Invitation.objects.usable().filter(pk=invitation.pk).exists()


def test_an_invitation_with_a_future_expiry_is_usable() -> None:
    invitation = InvitationFactory.create(expires_at=timezone.now() + timedelta(days=1))

    assert invitation.is_usable is True
    assert Invitation.objects.usable().filter(pk=invitation.pk).exists()


def test_invitation_codes_are_easy_to_read_aloud() -> None:
    codes = {InvitationFactory.create().code for _ in range(20)}

    assert len(codes) == 20
    for code in codes:
        assert len(code) == 11
        assert code[5] == "-"
        assert not set(code) & set("01ILO")


def test_granting_a_role_keeps_a_higher_role_already_held() -> None:
    role = OrganisationRoleFactory.create(role=Role.SUPERVISOR)

    actions.grant_role(person=role.person, organisation=role.organisation, role="peer")

    role.refresh_from_db()
    assert role.role == Role.SUPERVISOR


def test_granting_a_higher_role_raises_the_role() -> None:
    role = OrganisationRoleFactory.create(role=Role.PEER)

    actions.grant_role(
        person=role.person, organisation=role.organisation, role=Role.ADMIN
    )

    role.refresh_from_db()
    assert role.role == Role.ADMIN


def admin_of(organisation: Organisation) -> Person:
    role: OrganisationRole = OrganisationRoleFactory.create(
        organisation=organisation, role=Role.ADMIN
    )
    return role.person


def test_admin_changes_the_organisation_policy() -> None:
    organisation = OrganisationFactory.create(allows_links=True)

    actions.update_organisation(
        person=admin_of(organisation),
        organisation=organisation,
        allows_links=False,
    )

    organisation.refresh_from_db()
    assert organisation.allows_links is False


@pytest.mark.parametrize("role", [Role.PEER, Role.FACILITATOR, Role.SUPERVISOR])
def test_only_admins_change_an_organisation(role: str) -> None:
    organisation = OrganisationFactory.create(allows_links=True)
    person = OrganisationRoleFactory.create(organisation=organisation, role=role).person
    service = SupportServiceFactory.create(organisation=organisation)
    invitation = InvitationFactory.create(organisation=organisation)

    with pytest.raises(Http404):
        actions.update_organisation(
            person=person, organisation=organisation, allows_links=False
        )
    with pytest.raises(Http404):
        actions.create_invitation(person=person, organisation=organisation)
    with pytest.raises(Http404):
        actions.revoke_invitation(person=person, invitation=invitation)
    with pytest.raises(Http404):
        actions.save_support_service(person=person, service=service, name="Changed")
    with pytest.raises(Http404):
        actions.remove_support_service(person=person, service=service)

    organisation.refresh_from_db()
    assert organisation.allows_links is True
    assert SupportService.objects.filter(pk=service.pk).exists()


def test_an_admin_of_another_organisation_cannot_change_this_one() -> None:
    organisation = OrganisationFactory.create()
    stranger = admin_of(OrganisationFactory.create())

    with pytest.raises(Http404):
        actions.update_organisation(
            person=stranger,
            organisation=organisation,
            name="Taken over",
        )


def test_admin_creates_and_revokes_an_invitation() -> None:
    organisation = OrganisationFactory.create()
    admin = admin_of(organisation)

    invitation = actions.create_invitation(
        person=admin,
        organisation=organisation,
        label="For a colleague",
        role=Role.PEER,
        max_uses=5,
    )
    actions.revoke_invitation(person=admin, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.created_by == admin
    assert invitation.revoked_at is not None
    assert invitation.is_usable is False


def test_revoking_twice_keeps_the_first_time() -> None:
    organisation = OrganisationFactory.create()
    admin = admin_of(organisation)
    first_time = timezone.now() - timedelta(days=2)
    invitation = InvitationFactory.create(
        organisation=organisation, revoked_at=first_time
    )

    actions.revoke_invitation(person=admin, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.revoked_at == first_time


def test_admin_adds_changes_and_removes_a_help_directory_entry() -> None:
    organisation = OrganisationFactory.create()
    admin = admin_of(organisation)

    service = actions.save_support_service(
        person=admin,
        service=SupportService(organisation=organisation),
        name="A listening line",
        purpose="Someone to talk to.",
    )
    actions.save_support_service(
        person=admin,
        service=service,
        hours="Every day",
    )
    service.refresh_from_db()
    assert service.hours == "Every day"

    actions.remove_support_service(person=admin, service=service)

    assert not SupportService.objects.filter(pk=service.pk).exists()


def test_adding_the_same_help_entry_twice_keeps_one() -> None:
    organisation = OrganisationFactory.create()
    admin = admin_of(organisation)
    entry = {"name": "A listening line", "purpose": "Someone to talk to."}

    first = actions.save_support_service(
        person=admin,
        service=SupportService(organisation=organisation),
        phone="0800 111 222",
        **entry,
    )
    again = actions.save_support_service(
        person=admin,
        service=SupportService(organisation=organisation),
        phone="0800 111 222",
        **entry | {"name": "a listening line"},
    )
    other_number = actions.save_support_service(
        person=admin,
        service=SupportService(organisation=organisation),
        phone="0800 333 444",
        **entry,
    )

    assert again == first
    assert other_number != first
    assert (
        organisation.support_services.filter(name__iexact="a listening line").count()
        == 2
    )


def test_phone_link_keeps_only_what_a_phone_can_dial() -> None:
    service = SupportServiceFactory.create(phone="+44 (0)800 111 222")

    assert service.phone_link == "+440800111222"


def test_phone_link_reads_digits_typed_in_another_script() -> None:
    # Arabic-Indic 0800 111 and superscript 222.
    service = SupportServiceFactory.create(
        phone="\u0660\u0668\u0660\u0660 \u0661\u0661\u0661 \u00b2\u00b2\u00b2"
    )

    assert service.phone_link == "0800111222"
