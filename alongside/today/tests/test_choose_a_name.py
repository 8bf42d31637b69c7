"""Staff without a chosen name are asked, kindly, to choose the name others see;
once they have, Today stops asking."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alongside.organisations.models import Role
from alongside.organisations.tests.factories import OrganisationFactory
from conftest import client_for, person_with_role

pytestmark = pytest.mark.django_db

TODAY = reverse("today:page")


def test_staff_without_a_name_are_asked_to_choose_one() -> None:
    organisation = OrganisationFactory.create()
    staff = person_with_role(organisation, Role.FACILITATOR, second_factor=True)

    page = client_for(staff).get(TODAY).content.decode()

    assert 'id="choose-a-name"' in page
    assert f"they see you as “{staff.shown_name}”" in page
    assert staff.username not in page


def test_staff_with_a_name_are_not_asked() -> None:
    organisation = OrganisationFactory.create()
    staff = person_with_role(organisation, Role.FACILITATOR, second_factor=True)
    staff.known_as = "Fran (facilitator)"
    staff.save(update_fields=["known_as"])

    page = client_for(staff).get(TODAY).content.decode()

    assert 'id="choose-a-name"' not in page
