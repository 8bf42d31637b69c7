"""Who may edit and read phrase rules: an organisation's admins, and a group's
facilitators for their group's own rules."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import PeerGroup
from alongside.peergroups.permissions import is_facilitator_of

from ..models import PhraseRule, PhraseRuleQuerySet


def can_edit_phrase_rules(
    person: Person, organisation: Organisation, group: PeerGroup | None = None
) -> bool:
    """Organisation admins edit every phrase rule; a group's facilitators
    edit that group's own rules. Reads only."""
    if group is not None and group.organisation_id != organisation.pk:
        return False
    if role_in(person, organisation) == Role.ADMIN:
        return True
    return group is not None and is_facilitator_of(person, group)


def check_edit_phrase_rules(
    person: Person, organisation: Organisation, group: PeerGroup | None = None
) -> None:
    """Raise PermissionDenied unless can_edit_phrase_rules. No side effects."""
    if not can_edit_phrase_rules(person, organisation, group):
        raise PermissionDenied


def phrase_rules_visible_to(
    person: Person, organisation: Organisation
) -> PhraseRuleQuerySet:
    """Admins see every rule in the organisation; facilitators their groups' rules."""
    rules = PhraseRule.objects.filter(organisation=organisation)
    if role_in(person, organisation) == Role.ADMIN:
        return rules
    groups = [
        group.pk
        for group in PeerGroup.objects.filter(organisation=organisation)
        if is_facilitator_of(person, group)
    ]
    return rules.filter(group_id__in=groups)
