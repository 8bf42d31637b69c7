"""Organisation pages: about, limits of confidentiality, help, and the admin pages."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from django.test import Client
from django.urls import reverse

from alongside.organisations.models import Invitation, Organisation, SupportService
from alongside.organisations.support_defaults import UK_SUPPORT_SERVICES

from .factories import InvitationFactory, OrganisationFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db


def test_help_is_open_to_visitors_who_are_not_signed_in(client: Client) -> None:
    response = client.get(reverse("organisations:help"))

    page = response.content.decode()
    assert response.status_code == 200
    assert UK_SUPPORT_SERVICES[0]["name"] in page


def test_help_shows_ones_own_organisations_directory(
    peer_client: Client, organisation: Organisation
) -> None:
    SupportServiceFactory.create(organisation=organisation, name="Our own line")
    SupportServiceFactory.create(name="Someone else's line")

    page = peer_client.get(reverse("organisations:help")).content.decode()

    assert "Our own line" in page
    assert "Someone else&#x27;s line" not in page
    assert "Someone else's line" not in page


def _heading_levels(page: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", page)]


@pytest.mark.parametrize("signed_in", [False, True])
def test_help_headings_go_down_one_level_at_a_time(
    client: Client, peer_client: Client, organisation: Organisation, signed_in: bool
) -> None:
    """A screen reader lists the page by its headings: none may skip a level."""
    SupportServiceFactory.create(organisation=organisation, name="Our own line")
    page = (peer_client if signed_in else client).get(reverse("organisations:help"))

    levels = _heading_levels(page.content.decode())

    assert levels[0] == 1
    assert all(after <= before + 1 for before, after in pairwise(levels))


def test_organisation_page_states_its_policy_to_peers(
    peer_client: Client, organisation: Organisation
) -> None:
    response = peer_client.get(
        reverse("organisations:organisation-detail", args=[organisation.slug])
    )

    assert response.status_code == 200
    assert organisation.name in response.content.decode()


def test_confidentiality_statement_is_shown_to_its_people(
    peer_client: Client, organisation: Organisation
) -> None:
    response = peer_client.get(
        reverse("organisations:confidentiality", args=[organisation.slug])
    )

    assert organisation.confidentiality_statement in response.content.decode()


@pytest.mark.parametrize(
    "url_name", ["organisation-detail", "confidentiality", "settings-edit"]
)
def test_organisation_pages_are_not_found_for_other_organisations(
    outsider_client: Client, organisation: Organisation, url_name: str
) -> None:
    response = outsider_client.get(
        reverse(f"organisations:{url_name}", args=[organisation.slug])
    )

    assert response.status_code == 404


def test_a_missing_organisation_looks_the_same_as_a_hidden_one(
    peer_client: Client,
) -> None:
    response = peer_client.get(
        reverse("organisations:organisation-detail", args=["no-such-service"])
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    "client_name", ["peer_client", "facilitator_client", "supervisor_client"]
)
def test_admin_pages_are_hidden_from_everyone_but_admins(
    request: pytest.FixtureRequest, organisation: Organisation, client_name: str
) -> None:
    client: Client = request.getfixturevalue(client_name)

    for url_name in ["settings-edit", "invitation-list", "directory-manage"]:
        response = client.get(
            reverse(f"organisations:{url_name}", args=[organisation.slug])
        )
        assert response.status_code == 404, url_name


SETTINGS_FORM = {
    "name": "A renamed service",
    "about": "About us.",
    "confidentiality_statement": "What is shared here stays here.",
    "allows_links": "on",
    "group_creation": "anyone",
}


def test_admin_changes_the_policy_and_the_statement(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        SETTINGS_FORM,
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "A renamed service"
    assert organisation.group_creation == "anyone"
    assert organisation.peers_may_message_team is False


def test_a_settings_mistake_keeps_what_was_typed_but_not_in_the_heading(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        {
            **SETTINGS_FORM,
            "name": "Half typed",
            "confidentiality_statement": "Our staff cannot read group conversations.",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Half typed"' in page
    assert "cannot say something it does not" in page
    assert "Our staff cannot read group conversations." in page
    assert response.context["organisation"].name == organisation.name
    organisation.refresh_from_db()
    assert organisation.name != "Half typed"


def test_admin_creates_an_invitation_and_sees_its_code(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:invitation-list", args=[organisation.slug]),
        {
            "label": "For a colleague",
            "role": "peer",
            "max_uses": "5",
            "valid_for_days": "7",
        },
        follow=True,
    )

    invitation = Invitation.objects.get(organisation=organisation)
    assert invitation.max_uses == 5
    assert invitation.expires_at is not None
    assert invitation.code in response.content.decode()


def test_an_invitation_mistake_keeps_what_was_typed(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:invitation-list", args=[organisation.slug]),
        {
            "label": "For a colleague",
            "role": "peer",
            "max_uses": "5000",
            "valid_for_days": "7",
        },
    )

    page = response.content.decode()
    assert "from 1 to 1,000" in page
    assert 'value="For a colleague"' in page
    assert not Invitation.objects.exists()


def test_admin_revokes_an_invitation(
    admin_client: Client, organisation: Organisation
) -> None:
    invitation = InvitationFactory.create(organisation=organisation)

    response = admin_client.post(
        reverse(
            "organisations:invitation-revoke", args=[organisation.slug, invitation.pk]
        )
    )

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_an_invitation_of_another_organisation_cannot_be_revoked_through_ours(
    admin_client: Client, organisation: Organisation
) -> None:
    elsewhere = InvitationFactory.create(organisation=OrganisationFactory.create())

    response = admin_client.post(
        reverse(
            "organisations:invitation-revoke", args=[organisation.slug, elsewhere.pk]
        )
    )

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.revoked_at is None


def test_admin_adds_edits_and_removes_a_help_entry(
    admin_client: Client, organisation: Organisation
) -> None:
    admin_client.post(
        reverse("organisations:directory-manage", args=[organisation.slug]),
        {"name": "A listening line", "purpose": "Someone to talk to.", "position": "1"},
    )
    service = SupportService.objects.get(organisation=organisation)
    admin_client.post(
        reverse("organisations:directory-edit", args=[organisation.slug, service.pk]),
        {"name": "A listening line", "purpose": "Talk any time.", "position": "1"},
    )
    service.refresh_from_db()
    assert service.purpose == "Talk any time."

    response = admin_client.post(
        reverse("organisations:directory-remove", args=[organisation.slug, service.pk])
    )

    assert response.status_code == 302
    assert not SupportService.objects.filter(pk=service.pk).exists()


def test_a_help_entry_mistake_keeps_what_was_typed(
    admin_client: Client, organisation: Organisation
) -> None:
    service = SupportServiceFactory.create(organisation=organisation, name="Line")

    response = admin_client.post(
        reverse("organisations:directory-edit", args=[organisation.slug, service.pk]),
        {
            "name": "Changed line",
            "purpose": "",
            "website": "not a web address",
            "position": "1",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Changed line"' in page
    assert 'value="not a web address"' in page
    service.refresh_from_db()
    assert service.name == "Line"


def test_a_help_entry_of_another_organisation_is_not_found(
    admin_client: Client, organisation: Organisation
) -> None:
    elsewhere = SupportServiceFactory.create()

    response = admin_client.post(
        reverse(
            "organisations:directory-remove", args=[organisation.slug, elsewhere.pk]
        )
    )

    assert response.status_code == 404
    assert SupportService.objects.filter(pk=elsewhere.pk).exists()


def test_admin_sets_retention_and_staff_only_facilitators(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        {
            **SETTINGS_FORM,
            "live_message_retention_days": "90",
            "thread_retention_days": "365",
            "requires_staff_facilitators": "on",
        },
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.live_message_retention_days == 90
    assert organisation.thread_retention_days == 365
    assert organisation.requires_staff_facilitators is True


def test_a_retention_period_not_in_the_list_is_refused_kindly_keeping_the_rest(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        {
            **SETTINGS_FORM,
            "about": "Typed with care.",
            "live_message_retention_days": "7",
            "thread_retention_days": "forever",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("Please choose one of the periods in the list.") == 2
    assert "Typed with care." in page
    assert 'value="A renamed service"' in page
    organisation.refresh_from_db()
    assert organisation.live_message_retention_days == 0
    assert organisation.about != "Typed with care."


def test_a_settings_post_without_retention_keeps_the_saved_periods(
    admin_client: Client, organisation: Organisation
) -> None:
    organisation.live_message_retention_days = 30
    organisation.save()

    admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        SETTINGS_FORM,
    )

    organisation.refresh_from_db()
    assert organisation.live_message_retention_days == 30


def test_the_confidentiality_page_states_retention_and_the_secure_policy(
    peer_client: Client, organisation: Organisation
) -> None:
    organisation.live_message_retention_days = 90
    organisation.thread_retention_days = 730
    organisation.allows_links = False
    organisation.requires_staff_facilitators = True
    organisation.save()

    page = peer_client.get(
        reverse("organisations:confidentiality", args=[organisation.slug])
    ).content.decode()

    assert "Live-session messages are kept for 90 days" in page
    assert "kept for 2 years after their last reply" in page
    assert "open safety concern" in page
    assert "Links are switched off here" in page
    assert "only staff facilitate groups" in page
    assert "pictures" not in page.lower()
    assert "direct message" not in page.lower()
    assert "has agreed" not in page


def test_the_service_page_says_its_kind_and_its_statement(
    peer_client: Client, organisation: Organisation
) -> None:
    organisation.setting = "workplace"
    organisation.save()

    page = peer_client.get(
        reverse("organisations:organisation-detail", args=[organisation.slug])
    ).content.decode()

    assert "is a workplace scheme" in page
    assert "What your employer can and cannot see" in page
    assert organisation.confidentiality_statement in page


def test_admin_chooses_a_kind_and_every_switch_takes_its_default(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:kind-edit", args=[organisation.slug]),
        {"setting": "secure"},
        follow=True,
    )

    page = response.content.decode()
    organisation.refresh_from_db()
    assert organisation.setting == "secure"
    assert organisation.allows_links is False
    assert organisation.requires_staff_facilitators is True
    assert "The kind of service is now “Secure service”" in page
    assert "Every setting is the default for “Secure service”" in page


def test_a_switch_changed_after_choosing_a_kind_is_named_on_the_settings_page(
    admin_client: Client, organisation: Organisation
) -> None:
    admin_client.post(
        reverse("organisations:kind-edit", args=[organisation.slug]),
        {"setting": "secure"},
    )
    organisation.refresh_from_db()
    organisation.allows_links = True
    organisation.save()

    page = admin_client.get(
        reverse("organisations:settings-edit", args=[organisation.slug])
    ).content.decode()

    assert "Changed from the defaults for “Secure service”: links in posts" in page


def test_an_unknown_kind_is_refused_kindly(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:kind-edit", args=[organisation.slug]),
        {"setting": "prison"},
    )

    assert response.status_code == 200
    assert "Please choose one of the three kinds of service." in (
        response.content.decode()
    )
    organisation.refresh_from_db()
    assert organisation.setting == "community"


@pytest.mark.parametrize("client_name", ["peer_client", "facilitator_client"])
def test_only_admins_choose_the_kind(
    request: pytest.FixtureRequest, organisation: Organisation, client_name: str
) -> None:
    client: Client = request.getfixturevalue(client_name)

    response = client.post(
        reverse("organisations:kind-edit", args=[organisation.slug]),
        {"setting": "secure"},
    )

    assert response.status_code == 404
    organisation.refresh_from_db()
    assert organisation.setting == "community"


def test_a_retention_period_set_outside_the_list_is_still_said_plainly() -> None:
    from alongside.organisations.models import retention_phrase

    assert retention_phrase(45) == "for 45 days"
    assert retention_phrase(1) == "for 1 day"
    assert retention_phrase(0) == "until the group is closed"


def test_admin_forms_say_plainly_what_needs_changing(
    admin_client: Client, organisation: Organisation
) -> None:
    invitation = admin_client.post(
        reverse("organisations:invitation-list", args=[organisation.slug]),
        {"label": "For a colleague", "role": "", "max_uses": "", "valid_for_days": "0"},
    ).content.decode()
    directory = admin_client.post(
        reverse("organisations:directory-manage", args=[organisation.slug]),
        {
            "name": "",
            "purpose": "",
            "website": "not a web address",
            "position": "99999999999999999999",
        },
    ).content.decode()

    assert "Please choose a number of days from 1 to 365." in invitation
    assert "Please choose the role it gives." in invitation
    assert "Please give the service&#x27;s name." in directory
    assert "Please give a web address" in directory
    assert "Please give a whole number from 0 to 1,000." in directory
    for page in (invitation, directory):
        assert "This field is required" not in page
        assert "Ensure this value" not in page
        assert "Enter a valid URL" not in page


def test_an_admin_adds_words_people_might_search_with(
    admin_client: Client, organisation: Organisation
) -> None:
    response = admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        {**SETTINGS_FORM, "search_words": "nan: grandmother, bereavement"},
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.search_words == "nan: grandmother, bereavement"


def test_search_words_that_do_not_fit_are_named_and_kept(
    admin_client: Client, organisation: Organisation
) -> None:
    typed = "nan: grandmother\njust some words"
    response = admin_client.post(
        reverse("organisations:settings-edit", args=[organisation.slug]),
        {**SETTINGS_FORM, "search_words": typed},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Please check: just some words" in page
    assert "just some words</textarea>" in page
    organisation.refresh_from_db()
    assert organisation.search_words == ""


def test_own_words_saved_before_the_check_are_hidden_until_changed(
    admin_client: Client, peer_client: Client, organisation: Organisation
) -> None:
    organisation.confidentiality_statement = "Our staff cannot read group posts."
    organisation.save()

    for name in ("organisation-detail", "confidentiality"):
        page = peer_client.get(
            reverse(f"organisations:{name}", args=[organisation.slug])
        ).content.decode()
        assert "Our staff cannot read" not in page
        assert "Who reads what you write in a group" in page
    settings_page = admin_client.get(
        reverse("organisations:settings-edit", args=[organisation.slug])
    ).content.decode()
    assert "Your own words are not shown to anyone at the moment" in settings_page


def test_each_switch_says_its_default_for_the_kind(
    admin_client: Client, organisation: Organisation
) -> None:
    organisation.setting = "secure"
    organisation.save()

    page = admin_client.get(
        reverse("organisations:settings-edit", args=[organisation.slug])
    ).content.decode()

    assert "The default for “Secure service” is off." in page
    assert "The default for “Secure service” is 30 days." in page
    assert (
        "The default for “Secure service” is only the organisation&#x27;s admins."
        in (page)
    )
