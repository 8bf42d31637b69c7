""" "I need help": who may ask, who sees a request, and who answers it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.organisations.permissions import role_in
from alongside.supporters.models import (
    HelpRequest,
)
from alongside.supporters.permissions.people import is_supporter


def can_ask_for_help(person: Person, organisation: Organisation) -> bool:
    """Any supporter may ask for help for themselves."""
    return is_supporter(person, organisation)


def check_ask_for_help(person: Person, organisation: Organisation) -> None:
    """Raises Http404 unless can_ask_for_help. No side effects."""
    if not can_ask_for_help(person, organisation):
        raise Http404


def help_requests_visible_to(person: Person) -> QuerySet[HelpRequest]:
    """Requests the person made, and those that reached them while they are still
    in that organisation (someone who has left no longer sees who asked)."""
    if not person.is_authenticated:
        return HelpRequest.objects.none()
    still_in = OrganisationRole.objects.filter(person=person).values("organisation_id")
    return HelpRequest.objects.filter(
        Q(person=person)
        | Q(
            pk__in=person.help_requests_received.values("pk"),
            organisation_id__in=still_in,
        )
    )


def get_help_request_for(person: Person, help_request_id: int) -> HelpRequest:
    """The request, if the person made it or it reached them; 404 otherwise."""
    found = (
        help_requests_visible_to(person)
        .filter(pk=help_request_id)
        .select_related("organisation", "person")
        .first()
    )
    if found is None:
        raise Http404
    return found


def can_acknowledge_help(person: Person, help_request: HelpRequest) -> bool:
    """Someone it reached answers it while still in the organisation; never the
    person who asked."""
    return (
        help_request.person_id != person.pk
        and help_request.alerted.filter(pk=person.pk).exists()
        and role_in(person, help_request.organisation) is not None
    )


def check_acknowledge_help(person: Person, help_request: HelpRequest) -> None:
    """Raises PermissionDenied unless can_acknowledge_help. No side effects."""
    if not can_acknowledge_help(person, help_request):
        raise PermissionDenied
