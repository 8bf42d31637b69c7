"""`{% after_screening %}` renders its template only when it shows something: the
quick answer (`says_something`) agrees with the template for every kind of post and
viewer, and what it renders is the template's own rendering."""

from __future__ import annotations

import itertools

import pytest
from django.template import Context, Template
from django.template.loader import get_template
from django.utils import timezone

from alongside.conversations.models import PostStatus
from alongside.conversations.tests.factories import live_post, person_in
from alongside.peergroups.models import PeerGroup

from ..templatetags.safety_tags import (
    AFTER_SCREENING,
    _after_screening,
    says_something,
)

pytestmark = pytest.mark.django_db

REASONS = [
    [],
    ["responding_safely"],
    ["concern_for_someone"],
    ["self_harm_now"],
    ["personal_details"],
]


def test_it_renders_exactly_when_the_template_shows_something(
    group: PeerGroup,
) -> None:
    author = person_in(group)
    post = live_post(group, author, "hello")
    tag = Template("{% load safety_tags %}{% after_screening post viewer_id %}")
    for status, crisis, reasons, deleted, is_author in itertools.product(
        PostStatus.values, (False, True), REASONS, (False, True), (False, True)
    ):
        post.status = status
        post.shows_crisis_support = crisis
        post.screening_reasons = reasons
        post.deleted_at = timezone.now() if deleted else None
        case = (status, crisis, reasons, deleted, is_author)
        whole = get_template(AFTER_SCREENING).render(
            _after_screening(post, is_author=is_author)
        )
        assert says_something(post, is_author=is_author) == bool(whole.strip()), case
        shown = tag.render(
            Context({"post": post, "viewer_id": author.pk if is_author else None})
        )
        assert shown == (whole if whole.strip() else ""), case
