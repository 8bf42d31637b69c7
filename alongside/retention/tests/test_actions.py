"""Retention: what goes when it is past the organisation's limits, what stays, and
that nothing an open safety concern needs is ever deleted."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from alongside.conversations.models import Post, PostStatus, Response, Thread
from alongside.conversations.tests.factories import (
    PeerGroupFactory,
    live_post,
    person_in,
    thread_with_post,
)
from alongside.organisations.models import Retention
from alongside.peergroups.models import PeerGroup
from alongside.retention.actions import enforce_retention
from alongside.safety.models import (
    Escalation,
    EscalationStatus,
    Incident,
    ModerationDecision,
    Report,
)

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2031, 3, 1, 3, 0))
OLD = NOW - timedelta(days=91)
RECENT = NOW - timedelta(days=89)


@pytest.fixture
def group() -> PeerGroup:
    group: PeerGroup = PeerGroupFactory.create()
    group.organisation.live_message_retention_days = Retention.DAYS_90
    group.organisation.thread_retention_days = Retention.DAYS_90
    group.organisation.save()
    return group


def _old_live(group: PeerGroup, status: str = PostStatus.PUBLISHED) -> Post:
    return live_post(group, person_in(group), "hello", created_at=OLD, status=status)


def _old_thread(group: PeerGroup) -> Thread:
    thread = thread_with_post(group, person_in(group), created_at=OLD)
    Thread.objects.filter(pk=thread.pk).update(last_posted_at=OLD, created_at=OLD)
    return thread


def test_live_messages_past_the_limit_go_and_newer_ones_stay(group: PeerGroup) -> None:
    old = _old_live(group)
    Response.objects.create(post=old, person=person_in(group), kind="hear_you")
    recent = live_post(group, person_in(group), created_at=RECENT)

    counts = enforce_retention(now=NOW)

    assert not Post.objects.filter(pk=old.pk).exists()
    assert Post.objects.filter(pk=recent.pk).exists()
    assert Response.objects.count() == 0
    assert counts.live_messages == 1
    assert counts.responses == 1


def test_threads_go_whole_when_their_last_activity_is_past_the_limit(
    group: PeerGroup,
) -> None:
    old = _old_thread(group)
    lively = _old_thread(group)
    Thread.objects.filter(pk=lively.pk).update(last_posted_at=RECENT)

    counts = enforce_retention(now=NOW)

    assert not Thread.objects.filter(pk=old.pk).exists()
    assert not Post.objects.filter(thread_id=old.pk).exists()
    assert Thread.objects.filter(pk=lively.pk).exists()
    assert Post.objects.filter(thread=lively).count() == 1
    assert (counts.threads, counts.thread_posts) == (1, 1)


def test_nothing_goes_where_the_organisation_keeps_words_with_the_group() -> None:
    group = PeerGroupFactory.create()
    _old_live(group)
    _old_thread(group)

    counts = enforce_retention(now=NOW)

    assert Post.objects.count() == 2
    assert counts.organisations == 0


def test_each_organisation_has_its_own_limits(group: PeerGroup) -> None:
    keeps_threads = PeerGroupFactory.create()
    keeps_threads.organisation.live_message_retention_days = Retention.DAYS_30
    keeps_threads.organisation.save()
    thread = _old_thread(keeps_threads)
    message = _old_live(keeps_threads)
    _old_thread(group)

    enforce_retention(now=NOW)

    assert Thread.objects.filter(pk=thread.pk).exists()
    assert not Post.objects.filter(pk=message.pk).exists()
    assert Thread.objects.filter(group=group).count() == 0


def test_a_held_message_is_kept_until_it_has_been_checked(group: PeerGroup) -> None:
    held = _old_live(group, status=PostStatus.HELD)

    assert enforce_retention(now=NOW).kept_for_safety == 1
    assert Post.objects.filter(pk=held.pk).exists()

    Post.objects.filter(pk=held.pk).update(status=PostStatus.PUBLISHED)
    enforce_retention(now=NOW)
    assert not Post.objects.filter(pk=held.pk).exists()


def test_a_reported_message_is_kept_until_the_report_is_resolved(
    group: PeerGroup,
) -> None:
    post = _old_live(group)
    report = Report.objects.create(
        post=post, group=group, reporter=person_in(group), reason="hurtful"
    )

    enforce_retention(now=NOW)
    assert Post.objects.filter(pk=post.pk).exists()

    Report.objects.filter(pk=report.pk).update(resolved_at=NOW)
    enforce_retention(now=NOW)
    assert not Post.objects.filter(pk=post.pk).exists()


def test_a_thread_with_an_open_alert_is_kept_whole_until_it_is_acknowledged(
    group: PeerGroup,
) -> None:
    thread = _old_thread(group)
    post = thread.posts.get()
    assert post.author is not None
    escalation = Escalation.objects.create(
        organisation=group.organisation,
        group=group,
        post=post,
        person_at_risk=post.author,
    )

    counts = enforce_retention(now=NOW)
    assert Thread.objects.filter(pk=thread.pk).exists()
    assert counts.kept_for_safety == 1

    Escalation.objects.filter(pk=escalation.pk).update(
        status=EscalationStatus.ACKNOWLEDGED
    )
    enforce_retention(now=NOW)
    assert not Thread.objects.filter(pk=thread.pk).exists()
    assert Escalation.objects.filter(pk=escalation.pk, post__isnull=True).exists()


def test_a_message_in_an_open_incident_is_kept_until_the_incident_is_closed(
    group: PeerGroup,
) -> None:
    post = _old_live(group)
    facilitator = person_in(group)
    decision = ModerationDecision.objects.create(
        post=post, group=group, decided_by=facilitator, action="hide", reason="x"
    )
    incident = Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="other",
        severity="low",
        what_happened="Recorded in the recorder's words.",
        decision=decision,
        recorded_by=facilitator,
        follow_up_by=NOW.date() + timedelta(days=400),
        outcome="Talked it through.",
    )

    enforce_retention(now=NOW)
    assert Post.objects.filter(pk=post.pk).exists()

    Incident.objects.filter(pk=incident.pk).update(follow_up_by=None)
    enforce_retention(now=NOW)
    assert not Post.objects.filter(pk=post.pk).exists()
    assert Incident.objects.filter(pk=incident.pk, decision__isnull=True).exists()


def test_an_incident_without_an_outcome_still_keeps_its_message(
    group: PeerGroup,
) -> None:
    post = _old_live(group)
    assert post.author is not None
    escalation = Escalation.objects.create(
        organisation=group.organisation,
        group=group,
        post=post,
        person_at_risk=post.author,
        status=EscalationStatus.ACKNOWLEDGED,
    )
    Incident.objects.create(
        organisation=group.organisation,
        group=group,
        category="risk_to_life",
        severity="high",
        what_happened="Recorded in the recorder's words.",
        escalation=escalation,
        recorded_by=post.author,
    )

    enforce_retention(now=NOW)

    assert Post.objects.filter(pk=post.pk).exists()


def test_the_log_has_counts_and_never_words(
    group: PeerGroup, caplog: pytest.LogCaptureFixture
) -> None:
    live_post(group, person_in(group), body="zq-canary-words", created_at=OLD)

    with caplog.at_level(logging.INFO, logger="alongside.retention"):
        enforce_retention(now=NOW)

    assert "deleted 1 live messages" in caplog.text
    assert "zq-canary" not in caplog.text
    assert group.name not in caplog.text
