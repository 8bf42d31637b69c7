"""A group is not deleted while a safety concern in it is still open: the words a
facilitator or the person on duty needs to keep someone safe stay until it closes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alongside.conversations.models import PostStatus
from alongside.conversations.tests.factories import thread_with_post
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.tests.states import person_in_state
from alongside.retention.actions import SafetyItemsOpen, delete_group
from alongside.safety.models import Escalation, Report
from alongside.sealing.tests.test_sealing import admin_client_for

pytestmark = pytest.mark.django_db


def test_a_held_post_keeps_the_group_until_it_is_checked(group: PeerGroup) -> None:
    client = admin_client_for(group)
    thread = thread_with_post(group, person_in_state("active", group))
    thread.posts.update(status=PostStatus.HELD)
    url = reverse("retention:group-delete", args=[group.pk])

    page = client.get(url).content.decode()
    assert "a safety concern is still open" in page
    assert "Delete the group and everything in it" not in page

    response = client.post(url, {"name": group.name})
    assert response.status_code == 200
    assert "a safety concern is still open" in response.content.decode()
    assert PeerGroup.objects.filter(pk=group.pk).exists()


def test_an_unresolved_report_keeps_the_group(group: PeerGroup) -> None:
    admin = person_in_state("org admin", group)
    author = person_in_state("active", group)
    post = thread_with_post(group, author).posts.get()
    Report.objects.create(
        post=post,
        group=group,
        reporter=person_in_state("active", group),
        reason="other",
    )

    with pytest.raises(SafetyItemsOpen):
        delete_group(person=admin, group=group)
    assert PeerGroup.objects.filter(pk=group.pk).exists()


def test_an_alert_waiting_for_someone_keeps_the_group(group: PeerGroup) -> None:
    admin = person_in_state("org admin", group)
    author = person_in_state("active", group)
    post = thread_with_post(group, author).posts.get()
    Escalation.objects.create(
        organisation=group.organisation, group=group, post=post, person_at_risk=author
    )

    with pytest.raises(SafetyItemsOpen):
        delete_group(person=admin, group=group)


def test_once_the_concern_is_closed_the_group_can_go(group: PeerGroup) -> None:
    client = admin_client_for(group)
    thread = thread_with_post(group, person_in_state("active", group))
    thread.posts.update(status=PostStatus.HELD)
    thread.posts.update(status=PostStatus.PUBLISHED)

    response = client.post(
        reverse("retention:group-delete", args=[group.pk]), {"name": group.name}
    )

    assert response.status_code == 302
    assert not PeerGroup.objects.filter(pk=group.pk).exists()
