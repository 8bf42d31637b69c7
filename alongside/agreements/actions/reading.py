"""Reading and joining: confirming the agreement, or asking to talk first."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.notifications.actions import notify
from alongside.peergroups.models import PeerGroup

from ..models import Reading, ReadingChoice
from ..permissions import check_record_reading
from .proposals import active_facilitators, agreement_for


@transaction.atomic
def confirm_agreement(*, person: Person, group: PeerGroup) -> Reading:
    """The person has read the current version and is happy to go along with it."""
    check_record_reading(person, group)
    version = agreement_for(group).current_version
    if version is None:  # check_record_reading has made sure there is one
        raise PermissionDenied
    reading, _ = Reading.objects.update_or_create(
        version=version,
        person=person,
        defaults={"choice": ReadingChoice.CONFIRMED, "created_at": timezone.now()},
    )
    return reading


@transaction.atomic
def ask_to_talk_first(*, person: Person, group: PeerGroup) -> Reading:
    """The person would like to talk about the agreement before taking part. The
    group's active facilitators are told quietly; nobody else is."""
    check_record_reading(person, group)
    version = agreement_for(group).current_version
    if version is None:  # check_record_reading has made sure there is one
        raise PermissionDenied
    existing = Reading.objects.filter(version=version, person=person).first()
    if existing is not None and existing.choice == ReadingChoice.CONFIRMED:
        return existing
    reading, created = Reading.objects.update_or_create(
        version=version,
        person=person,
        defaults={"choice": ReadingChoice.TALK_FIRST, "created_at": timezone.now()},
    )
    if created:
        facilitators = active_facilitators(group)
        link = reverse("agreements:talk-list", args=[group.pk])
        notify(
            people=facilitators,
            message=f"Someone in {group.name} would like to talk about the group "
            "agreement before they take part.",
            link=link,
        )
    return reading
