"""Threads, live rooms and the posts in them; content warnings, personal topic filters,
supportive responses, and each person's way of taking part in a group."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.utils import timezone

from alongside.peergroups.models import Membership, PeerGroup
from alongside.sealing.fields import SealedTextField

if TYPE_CHECKING:
    from alongside.accounts.models import Person


class Topic(models.TextChoices):
    SELF_HARM = "self_harm", "self-harm"
    SUICIDE = "suicide", "suicide"
    ABUSE = "abuse", "abuse"
    EATING = "eating", "eating"
    SUBSTANCES = "substances", "alcohol or drugs"
    BEREAVEMENT = "bereavement", "bereavement"
    VIOLENCE = "violence", "violence"
    OTHER = "other", "something else"


class Kind(models.TextChoices):
    SHARING = "sharing", "Sharing"
    ASKING = "asking", "Asking for support"
    OFFERING = "offering", "Offering support or ideas"


class PostStatus(models.TextChoices):
    PUBLISHED = "published", "Shared with the group"
    HELD = "held", "Waiting for a quick check"
    HIDDEN = "hidden", "Hidden by a facilitator"


class ResponseKind(models.TextChoices):
    HEAR_YOU = "hear_you", "I hear you"
    THANK_YOU = "thank_you", "Thank you"
    ME_TOO = "me_too", "Me too"


class FilterChoice(models.TextChoices):
    COLLAPSE = "collapse", "Fold it away behind the warning"
    HIDE = "hide", "Do not show it to me at all"


FORMER_MEMBER = "former member"


def _author_name() -> Case:
    """The author's display name in the group, or "former member" when the author
    erased their account and left their words in place."""
    return Case(
        When(author__isnull=True, then=Value(FORMER_MEMBER)),
        default=Subquery(
            Membership.objects.filter(
                group=OuterRef("group"), person=OuterRef("author")
            ).values("display_name")[:1]
        ),
    )


class ThreadQuerySet(models.QuerySet["Thread"]):
    def with_author_name(self) -> ThreadQuerySet:
        return self.annotate(author_name=_author_name())


class Thread(models.Model):
    """A conversation that people reply to in their own time."""

    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="threads"
    )
    # Empty once the author has erased their account and kept their words in the
    # group: shown as "former member".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="threads",
    )
    title = SealedTextField(max_length=150, group_path="group")
    # Mirrors the opening post: a held opening is seen by its author only.
    status = models.CharField(
        max_length=10, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_posted_at = models.DateTimeField(default=timezone.now)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_posted_at", "-pk"]
        indexes = [models.Index(fields=["group", "-last_posted_at"])]

    def __str__(self) -> str:
        return f"Thread {self.pk}"


class LiveRoom(models.Model):
    """A group's real-time room. Made the first time a facilitator opens it."""

    group = models.OneToOneField(
        PeerGroup, on_delete=models.CASCADE, related_name="live_room"
    )
    is_always_open = models.BooleanField(
        "keep the room open all the time",
        default=False,
    )
    is_open = models.BooleanField(default=False)
    opened_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Live room {self.pk}"

    @property
    def is_open_now(self) -> bool:
        return self.is_always_open or self.is_open


class PostQuerySet(models.QuerySet["Post"]):
    def with_author_name(self) -> PostQuerySet:
        return self.annotate(author_name=_author_name())

    def seen_by(self, person: Person) -> PostQuerySet:
        """Published posts, and the person's own held ones."""
        return self.filter(Q(status=PostStatus.PUBLISHED) | Q(author=person))

    def without_hidden_topics(self, topics: set[str]) -> PostQuerySet:
        return self.exclude(content_warning__in=topics) if topics else self

    def in_thread_order(self, thread: Any) -> PostQuerySet:
        """The posts of a thread (a Thread, its id, or an OuterRef to one) in the order
        they were written: the first is the opening, which goes with the title."""
        return self.filter(thread=thread).order_by("pk")


class Post(models.Model):
    """Something a person wrote, in a thread or in a live room (exactly one of them)."""

    group = models.ForeignKey(PeerGroup, on_delete=models.CASCADE, related_name="posts")
    thread = models.ForeignKey(
        Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="posts"
    )
    room = models.ForeignKey(
        LiveRoom, null=True, blank=True, on_delete=models.CASCADE, related_name="posts"
    )
    # Empty once the author has erased their account and kept their words in the
    # group: shown as "former member".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, blank=True)
    body = SealedTextField(max_length=5000, group_path="group")
    content_warning = models.CharField(max_length=12, choices=Topic.choices, blank=True)
    content_warning_text = SealedTextField(
        max_length=80, blank=True, group_path="group"
    )
    status = models.CharField(
        max_length=10, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    screening_reasons = models.JSONField(default=list, blank=True)
    suggested_warning = models.CharField(max_length=12, blank=True)
    # What screening told the author, in the system's own words (never the post's).
    author_notes = models.JSONField(default=list, blank=True)
    shows_crisis_support = models.BooleanField(default=False)
    # 0 nothing to review, 1 held, 2 method detail, 3 risk to life.
    screening_urgency = models.PositiveSmallIntegerField(default=0)
    client_id = models.UUIDField(default=uuid.uuid4)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_id"], name="post_client_id_unique_per_author"
            ),
            models.CheckConstraint(
                condition=Q(thread__isnull=False, room__isnull=True)
                | Q(thread__isnull=True, room__isnull=False),
                name="post_in_thread_or_room",
            ),
        ]
        indexes = [
            models.Index(fields=["room", "id"]),
            models.Index(fields=["thread", "id"]),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk}"

    @property
    def is_held(self) -> bool:
        return self.status == PostStatus.HELD

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.status == PostStatus.HIDDEN

    @property
    def warning_label(self) -> str:
        """The words shown on the fold: the topic, and the author's own words if any."""
        if not self.content_warning:
            return ""
        topic = Topic(self.content_warning).label
        if self.content_warning_text:
            if self.content_warning == Topic.OTHER:
                return self.content_warning_text
            return f"{topic} ({self.content_warning_text})"
        return topic


class Response(models.Model):
    """A supportive response to a post. Shown without counts or names."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responses"
    )
    kind = models.CharField(max_length=10, choices=ResponseKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "person", "kind"], name="one_response_of_a_kind"
            )
        ]

    def __str__(self) -> str:
        return f"Response {self.pk}"


class TopicFilterQuerySet(models.QuerySet["TopicFilter"]):
    def topics_hidden_by(self, person: Person) -> set[str]:
        """The topics the person has chosen not to be shown at all."""
        return set(
            self.filter(person=person, choice=FilterChoice.HIDE).values_list(
                "topic", flat=True
            )
        )


class TopicFilter(models.Model):
    """One person's private choice for posts with one content warning topic."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_filters"
    )
    topic = models.CharField(max_length=12, choices=Topic.choices)
    choice = models.CharField(max_length=10, choices=FilterChoice.choices)

    objects = TopicFilterQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "topic"], name="one_filter_per_topic"
            )
        ]

    def __str__(self) -> str:
        return f"Filter {self.pk}"


class Participation(models.Model):
    """How one person chooses to take part in one group's conversations."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="participations",
    )
    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="participations"
    )
    is_just_listening = models.BooleanField(
        "I am just listening for now", default=False
    )
    is_named_when_here = models.BooleanField(
        "show my name when I am in the live room", default=False
    )
    # Set by a facilitator's moderation decision (alongside.safety); reading goes on.
    posting_paused_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "group"], name="one_participation_per_group"
            )
        ]

    def __str__(self) -> str:
        return f"Participation {self.pk}"


class LiveConnection(models.Model):
    """One open socket in a live room, so every server process counts the same."""

    channel_name = models.CharField(max_length=200, unique=True)
    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="live_connections"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="live_connections",
    )
    is_away = models.BooleanField(default=False)
    shows_away = models.BooleanField(default=False)
    # Refreshed every few minutes while the socket is open.
    seen_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Connection {self.pk}"


def is_opening(post: Post) -> bool:
    """Whether the post opens its conversation (and so goes with the title)."""
    if post.thread_id is None:
        return False
    first = (
        Post.objects.in_thread_order(post.thread_id)
        .values_list("pk", flat=True)
        .first()
    )
    return first == post.pk
