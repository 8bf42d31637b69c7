"""Peer groups organised around a shared experience, and the people in them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from alongside.organisations.models import Organisation

if TYPE_CHECKING:
    from alongside.accounts.models import Person


class Tag(models.Model):
    """A shared-experience tag that people search by, such as "bereavement"."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Format(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Online and in person"


class JoinPolicy(models.TextChoices):
    OPEN = "open", "Anyone in the organisation can join"
    REQUEST = "request", "Ask to join; a facilitator says yes"


class PeerGroupQuerySet(models.QuerySet["PeerGroup"]):
    def listed(self) -> PeerGroupQuerySet:
        return self.filter(is_listed=True)

    def in_organisations_of(self, person: Person) -> PeerGroupQuerySet:
        return self.filter(organisation__roles__person=person)


class PeerGroup(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="groups"
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80)
    shared_experience = models.TextField(
        "the experience we share",
        max_length=2000,
        help_text="What brings people to this group, in plain words.",
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="groups")
    who_for = models.CharField(
        "who the group is for",
        max_length=200,
        blank=True,
        help_text='For example "Women only (as you describe yourself)". Leave blank '
        "if the group is for anyone with the shared experience.",
    )
    format = models.CharField(
        max_length=10, choices=Format.choices, default=Format.ONLINE
    )
    when_and_where = models.CharField(
        "when and where it meets", max_length=300, blank=True
    )
    is_listed = models.BooleanField(
        "show in the list of groups",
        default=True,
        help_text="Unlisted groups can still be reached by people who have the link.",
    )
    join_policy = models.CharField(
        max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    someone_may_be_watching = models.BooleanField(
        "someone may be watching",
        default=False,
        help_text="Leaving this group's pages quickly also signs people out, unless "
        "they chose otherwise.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PeerGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"],
                name="group_slug_unique_in_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def asks_before_joining(self) -> bool:
        return self.join_policy == JoinPolicy.REQUEST


class Status(models.TextChoices):
    REQUESTED = "requested", "Asked to join"
    ACTIVE = "active", "Member"
    PAUSED = "paused", "Taking a break"
    LEFT = "left", "Left"
    DECLINED = "declined", "Not able to join this time"


class GroupRole(models.TextChoices):
    MEMBER = "member", "Member"
    FACILITATOR = "facilitator", "Facilitator"


CURRENT_STATUSES = (Status.ACTIVE, Status.PAUSED)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self) -> MembershipQuerySet:
        """Members who are in the group now, including those taking a break."""
        return self.filter(status__in=CURRENT_STATUSES)

    def active(self) -> MembershipQuerySet:
        return self.filter(status=Status.ACTIVE)

    def requested(self) -> MembershipQuerySet:
        return self.filter(status=Status.REQUESTED)

    def facilitating(self) -> MembershipQuerySet:
        return self.current().filter(role=GroupRole.FACILITATOR)


class Membership(models.Model):
    """One person's place in one group. Leaving keeps the row so that returning is one
    click and the person keeps their name; nothing here is shown to other peers except
    the display name of active members."""

    group = models.ForeignKey(
        PeerGroup, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    display_name = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices)
    role = models.CharField(
        max_length=12, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    # When the person last became an active member from outside the group (joining,
    # being welcomed, or returning after leaving). A break does not move it. Live
    # history and the agreement gate start here. Empty while only asking to join.
    joined_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"], name="one_membership_per_group"
            ),
            models.UniqueConstraint(
                "group", Lower("display_name"), name="display_name_unique_in_group"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_current(self) -> bool:
        return self.status in CURRENT_STATUSES

    @property
    def is_facilitator(self) -> bool:
        return self.role == GroupRole.FACILITATOR and self.is_current
