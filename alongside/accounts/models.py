"""A person who uses Alongside, known by a pseudonym they choose."""

from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac

from .shown_names import KNOWN_AS_MAX_LENGTH, neutral_label

_SESSION_HASH_SALT = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"


class QuickExit(models.TextChoices):
    """Whether leaving quickly also signs the person out of this browser."""

    GROUP = "group", "Only in groups where someone may be watching (the usual choice)"
    ALWAYS = "always", "Always"
    NEVER = "never", "Never"


class Person(AbstractUser):
    """The username is the pseudonym used to sign in. It is never shown to others:
    in each group a person is known by that group's display name, and everywhere
    else by `shown_name`."""

    known_as = models.CharField(
        max_length=KNOWN_AS_MAX_LENGTH,
        blank=True,
        help_text="The name the organisation's team, and a one-to-one supporter or "
        "peer, see. Groups use the separate name chosen for each group.",
    )

    wants_email_notifications = models.BooleanField(
        default=False,
        help_text="Send a short email when there is something new, if an address "
        "is set.",
    )
    quick_exit_signs_out = models.CharField(
        max_length=10,
        choices=QuickExit.choices,
        default=QuickExit.GROUP,
        help_text="Leaving quickly always clears what you were typing. It can also "
        "sign you out, so that nobody else using this device can come back in.",
    )

    sign_in_generation = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Raised to end every other signed-in session of the account, as "
        "when the second sign-in step is turned on or off.",
    )

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self) -> str:
        # Whatever shows a person by accident shows what others may see.
        return self.shown_name

    def get_session_auth_hash(self) -> str:
        """Sessions carry this hash; Django ends any whose hash no longer matches.
        It changes with the password, as Django's own, and with
        `sign_in_generation`."""
        return self._signed_in_hash(secret=None)

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for secret in settings.SECRET_KEY_FALLBACKS:
            yield self._signed_in_hash(secret=secret)

    def _signed_in_hash(self, *, secret: str | bytes | None) -> str:
        value = self.password
        if self.sign_in_generation:
            # Generation 0 keeps Django's own hash, so existing sessions carry on.
            value = f"{value}:{self.sign_in_generation}"
        return salted_hmac(
            _SESSION_HASH_SALT, value, secret=secret, algorithm="sha256"
        ).hexdigest()

    @property
    def shown_name(self) -> str:
        """The name others see: the one the person chose, or else a neutral label
        that reveals nothing of the sign-in name. The one place this is decided."""
        return self.known_as or neutral_label(self.pk)

    @property
    def has_chosen_name(self) -> bool:
        return bool(self.known_as)

    @property
    def can_receive_email(self) -> bool:
        return bool(self.email) and self.wants_email_notifications
