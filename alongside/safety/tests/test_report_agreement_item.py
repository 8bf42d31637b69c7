"""A report names the part of the group agreement it is about by picking the item
from the agreement, and the facilitators see that item's words in the queue."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from alongside.accounts.models import Person
from alongside.agreements.tests.factories import AgreementItemFactory
from alongside.conversations import actions as conversation_actions
from alongside.conversations.models import Post
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.safety.models import Report

pytestmark = pytest.mark.django_db


def _someone_elses_post(group: PeerGroup) -> Post:
    author = person_in_state("active", group)
    thread = conversation_actions.start_thread(
        person=author,
        group=group,
        title="A hard week",
        kind="sharing",
        body="It has been a hard week.",
        content_warning="",
        content_warning_text="",
        client_id=uuid.uuid4(),
    )
    return thread.posts.get()


def test_the_reporter_picks_the_item_and_the_facilitator_reads_its_words(
    peer_client: Client,
    facilitator_client: Client,
    group: PeerGroup,
) -> None:
    post = _someone_elses_post(group)
    first = AgreementItemFactory.create(version__agreement__group=group, position=1)
    AgreementItemFactory.create(
        version=first.version, position=2, text="We keep names out of what we share."
    )
    url = reverse("safety:post-report", args=[group.pk, post.pk])

    form = peer_client.get(url).content.decode()
    refused = peer_client.post(
        url, {"reason": "agreement", "agreement_item_reference": "9", "note": "kept"}
    )
    sent = peer_client.post(
        url, {"reason": "agreement", "agreement_item_reference": "2"}
    )
    queue = facilitator_client.get(reverse("safety:queue", args=[group.pk]))

    assert 'type="radio" name="agreement_item_reference" value="2"' in form
    assert "2. We keep names out of what we share." in form
    assert "None in particular" in form
    assert refused.status_code == 400
    assert "Please choose an item from the list." in refused.content.decode()
    assert "kept" in refused.content.decode()
    assert sent.status_code == 302
    assert Report.objects.get().agreement_item_reference == "2"
    assert (
        "item 2 of the group agreement, “We keep names out of what we share.”"
        in queue.content.decode()
    )


def test_a_group_with_no_agreement_asks_for_no_item(
    peer_client: Client, group: PeerGroup
) -> None:
    post = _someone_elses_post(group)
    url = reverse("safety:post-report", args=[group.pk, post.pk])

    form = peer_client.get(url).content.decode()
    sent = peer_client.post(
        url, {"reason": "agreement", "agreement_item_reference": "anything"}
    )

    assert "Which part of the group agreement?" not in form
    assert sent.status_code == 302
    assert Report.objects.get().agreement_item_reference == ""


def test_queue_labels_are_read_apart(
    facilitator_client: Client, group: PeerGroup, peer: Person
) -> None:
    post = _someone_elses_post(group)
    Report.objects.create(post=post, group=group, reporter=peer, reason="other")

    page = facilitator_client.get(reverse("safety:queue", args=[group.pk]))

    assert (
        '</span><span class="visually-hidden">:</span> Post in a conversation'
        in page.content.decode()
    )
