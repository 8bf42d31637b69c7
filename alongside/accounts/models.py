"""A person who uses Alongside, known by a pseudonym they choose."""

from django.contrib.auth.models import AbstractUser
from django.db import models


class QuickExit(models.TextChoices):
    """Whether leaving quickly also signs the person out of this browser."""

    GROUP = "group", "Only in groups where someone may be watching (the usual choice)"
    ALWAYS = "always", "Always"
    NEVER = "never", "Never"


class Person(AbstractUser):
    """The username is the pseudonym used to sign in. It is never shown to others:
    in each group a person is known by that group's display name."""

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

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.username

    @property
    def can_receive_email(self) -> bool:
        return bool(self.email) and self.wants_email_notifications
