"""Organisations that run peer support, the roles people hold in them, invitations,
and the directory of services for getting help."""

from __future__ import annotations

import secrets
import unicodedata
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

if TYPE_CHECKING:
    from alongside.accounts.models import Person


class Setting(models.TextChoices):
    COMMUNITY = "community", "Community peer support"
    WORKPLACE = "workplace", "Workplace staff peer support"
    SECURE = "secure", "Secure service"


class GroupCreation(models.TextChoices):
    ADMINS = "admins", "Only the organisation's admins"
    STAFF = "staff", "Facilitators, supervisors and admins"
    ANYONE = "anyone", "Anyone in the organisation"


class Retention(models.IntegerChoices):
    """How long a group's words are kept. 0 keeps them for as long as the group is."""

    DAYS_30 = 30, "30 days"
    DAYS_90 = 90, "90 days"
    YEAR_1 = 365, "1 year"
    YEARS_2 = 730, "2 years"
    KEEP = 0, "Until the group is closed"


def retention_phrase(days: int) -> str:
    """The end of "Messages here are kept ...", in plain words."""
    if days == Retention.KEEP:
        return "until the group is closed"
    if days in Retention.values:
        return f"for {Retention(days).label}"
    # A number set outside the settings page: still said plainly, never an error.
    return f"for {days} day{'s' if days != 1 else ''}"


class Role(models.TextChoices):
    PEER = "peer", "Peer"
    PEER_SUPPORTER = "peer_supporter", "Peer supporter"
    FACILITATOR = "facilitator", "Facilitator"
    SUPERVISOR = "supervisor", "Supervisor"
    ADMIN = "admin", "Organisation admin"


# The roles from lowest to highest: each gives at least what those before it give.
# The one order for raising a role (grant_role), for confirming one taken away, and
# for listing people highest first.
ROLES_IN_ORDER = (
    Role.PEER,
    Role.PEER_SUPPORTER,
    Role.FACILITATOR,
    Role.SUPERVISOR,
    Role.ADMIN,
)
STAFF_ROLES = frozenset({Role.FACILITATOR, Role.SUPERVISOR, Role.ADMIN})
# Roles that support others and so can hold training, supervision and a caseload.
SUPPORTER_ROLES = frozenset({Role.PEER_SUPPORTER, *STAFF_ROLES})
# Roles that may record training and supervise.
SUPERVISING_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def role_rank(role: str) -> int:
    """Where the role stands in ROLES_IN_ORDER: 0 for a peer."""
    return ROLES_IN_ORDER.index(Role(role))


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def open_for_signup(self) -> OrganisationQuerySet:
        return self.filter(is_open_for_signup=True)

    def for_person(self, person: Person) -> OrganisationQuerySet:
        return self.filter(roles__person=person)

    def administered_by(self, person: Person) -> OrganisationQuerySet:
        """Where the person is an admin. A subquery, not a join, so that
        `select_for_update` locks the organisations' rows only."""
        admin_places = OrganisationRole.objects.filter(person=person, role=Role.ADMIN)
        return self.filter(pk__in=admin_places.values("organisation_id"))


class Organisation(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=60, unique=True)
    # The kind of service; its defaults for the switches are in kinds.py.
    setting = models.CharField(
        "kind of service", max_length=20, choices=Setting.choices
    )
    about = models.TextField("about this service", blank=True, max_length=2000)
    # The statement itself is generated from the settings (statement.py); these
    # are the organisation's own words, shown after it and never contradicting it.
    confidentiality_statement = models.TextField(
        "your own words, after the statement",
        blank=True,
        max_length=6000,
        help_text="Shown after the statement Alongside writes from these settings. "
        "Add what your service does beyond Alongside, for example when you would "
        "tell a safeguarding team. It cannot say something the statement does not.",
    )
    # A secure service keeps it off whatever this says (privateconversations).
    peers_may_message_team = models.BooleanField(
        "peers may message the team first", default=False
    )
    allows_links = models.BooleanField(default=True)
    group_creation = models.CharField(
        max_length=10, choices=GroupCreation.choices, default=GroupCreation.STAFF
    )
    requires_staff_facilitators = models.BooleanField(
        "only staff may facilitate groups",
        default=False,
        help_text="Only facilitators, supervisors and admins of the organisation can "
        "start a group and so become its facilitator.",
    )
    # Kept until the group is closed unless the organisation chooses a limit.
    live_message_retention_days = models.PositiveIntegerField(
        "keep live-session messages for",
        choices=Retention.choices,
        default=Retention.KEEP,
    )
    thread_retention_days = models.PositiveIntegerField(
        "keep threads for",
        choices=Retention.choices,
        default=Retention.KEEP,
        help_text="Counted from the last reply. The whole thread goes, with its "
        "replies and responses.",
    )
    search_words = models.TextField(
        "words people might search with",
        blank=True,
        max_length=4000,
        help_text="One line each: a word someone might type, a colon, then the words "
        "it should also find. For example: nan: grandmother, grandparent",
    )
    is_open_for_signup = models.BooleanField(
        default=False,
        help_text="Anyone who signs up joins this organisation without a code.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def live_message_retention_phrase(self) -> str:
        return retention_phrase(self.live_message_retention_days)

    @property
    def thread_retention_phrase(self) -> str:
        return retention_phrase(self.thread_retention_days)

    @property
    def peers_can_message_team(self) -> bool:
        """Whether peers may write to the team first. Never in a secure service,
        where only the team starts a private conversation with a peer."""
        return self.peers_may_message_team and self.setting != Setting.SECURE


class OrganisationRole(models.Model):
    """The one role a person holds in an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PEER)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person"], name="one_role_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} at {self.organisation}"

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES


# Letters and digits that cannot be mistaken for each other when read aloud or copied.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_invitation_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


# How long a removed directory entry or a stopped invitation code can be put back.
UNDO_WINDOW = timedelta(minutes=15)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def usable(self) -> InvitationQuerySet:
        now = timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now),
            revoked_at__isnull=True,
            use_count__lt=F("max_uses"),
        )


class Invitation(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    code = models.CharField(max_length=20, unique=True, default=new_invitation_code)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PEER)
    label = models.CharField(
        max_length=120, blank=True, help_text="A note for admins, e.g. who it is for."
    )
    max_uses = models.PositiveIntegerField(default=1)
    use_count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.organisation}"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return (
            self.revoked_at is None
            and (self.expires_at is None or self.expires_at > now)
            and self.use_count < self.max_uses
        )

    @property
    def can_be_restored(self) -> bool:
        """Stopped a moment ago, so it can still be made to work again."""
        return (
            self.revoked_at is not None
            and self.revoked_at >= timezone.now() - UNDO_WINDOW
        )


class SupportServiceQuerySet(models.QuerySet["SupportService"]):
    def recently_removed(self) -> SupportServiceQuerySet:
        """Removed entries that can still be put back, the latest first."""
        return self.filter(removed_at__gte=timezone.now() - UNDO_WINDOW).order_by(
            "-removed_at"
        )


class ListedServiceManager(models.Manager["SupportService"]):
    """Entries in the directory now: one removed a moment ago is out of every list
    (the help page, the crisis card, a safety plan) while it can still be put back."""

    def get_queryset(self) -> models.QuerySet[SupportService]:
        return super().get_queryset().filter(removed_at__isnull=True)


class SupportService(models.Model):
    """An entry in the "Get help now" directory: a crisis line or another service."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="support_services"
    )
    name = models.CharField(max_length=120)
    purpose = models.CharField("what it is for", max_length=300)
    phone = models.CharField(max_length=40, blank=True)
    text_message = models.CharField(
        "text message",
        max_length=120,
        blank=True,
        help_text='For example "Text SHOUT to 85258".',
    )
    website = models.URLField(blank=True)
    hours = models.CharField("when it is open", max_length=160, blank=True)
    region = models.CharField(max_length=120, blank=True)
    is_urgent = models.BooleanField(
        "for when someone is in crisis now",
        default=False,
    )
    position = models.PositiveIntegerField(default=100)
    # Set when an admin removes it; deleted for good once it can no longer be undone.
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = ListedServiceManager()
    with_removed = SupportServiceQuerySet.as_manager()

    class Meta:
        ordering = ["-is_urgent", "position", "name"]
        base_manager_name = "with_removed"

    def __str__(self) -> str:
        return self.name

    @property
    def phone_link(self) -> str:
        """The number for a tel: link: a plus and the digits, each as 0-9, so a
        number typed with another script's digits still dials."""
        kept = []
        for ch in self.phone:
            value = unicodedata.digit(ch, None)
            if value is not None:
                kept.append(str(value))
            elif ch == "+":
                kept.append(ch)
        return "".join(kept)
