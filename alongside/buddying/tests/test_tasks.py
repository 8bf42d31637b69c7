"""The check for unanswered offers lapses them and never queues itself twice."""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from alongside.organisations.tests.factories import OrganisationFactory

from .. import tasks
from ..models import Offer, OfferStatus
from .factories import coordinator_of, offered, peer_of, ready_supporter, request_from

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_task_queue(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_check_is_queued_once() -> None:
    assert tasks.schedule_offer_check()
    assert not tasks.schedule_offer_check()
    assert DBTaskResult.objects.count() == 1


def test_a_run_lapses_expired_offers_and_queues_the_next() -> None:
    organisation = OrganisationFactory.create()
    offer = offered(
        request_from(peer_of(organisation), organisation),
        ready_supporter(organisation),
        coordinator_of(organisation),
    )
    Offer.objects.filter(pk=offer.pk).update(expires_at=offer.created_at)

    assert tasks.check_offers.call() == 1

    offer.refresh_from_db()
    assert offer.status == OfferStatus.LAPSED
    assert DBTaskResult.objects.count() == 1
