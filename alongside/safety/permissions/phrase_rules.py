"""Who may see, change and try phrase rules. Part of the safety policy: every name
here is offered by ``alongside.safety.permissions`` and used from there.

- An organisation's admins see and change every rule of the organisation: those for
  the whole service and those of each group.
- A group's facilitators change that group's own rules. They also see the rules for
  the whole service, because those act in their group too, but only admins change
  them.
- Nobody else opens the phrase rules page; for them it does not exist (404).

Rules are words the service chose to act on, never anyone's post: reading them is
not reading peers' words, so nothing here is logged.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, Role
from alongside.organisations.permissions import role_in
from alongside.peergroups.models import Membership, PeerGroup, PeerGroupQuerySet
from alongside.peergroups.permissions import is_facilitator_of

from ..models import PhraseRule, PhraseRuleQuerySet


def phrase_rule_groups_for(
    person: Person, organisation: Organisation
) -> PeerGroupQuerySet:
    """The groups whose own rules the person may change: every group of the
    organisation for its admins, the groups they facilitate for anyone else."""
    groups = PeerGroup.objects.filter(organisation=organisation)
    if not person.is_authenticated:
        return groups.none()
    if role_in(person, organisation) == Role.ADMIN:
        return groups
    facilitating = Membership.objects.facilitating().filter(person=person)
    return groups.filter(pk__in=facilitating.values("group"))


def can_open_phrase_rules(person: Person, organisation: Organisation) -> bool:
    """Admins of the organisation, and facilitators of any of its groups. Reads only."""
    return phrase_rule_groups_for(person, organisation).exists() or (
        role_in(person, organisation) == Role.ADMIN
    )


def check_open_phrase_rules(person: Person, organisation: Organisation) -> None:
    """Raise Http404 unless can_open_phrase_rules: to anyone else the page does not
    exist. No side effects."""
    if not can_open_phrase_rules(person, organisation):
        raise Http404


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
    """Admins see every rule in the organisation; facilitators see the rules of
    their groups and the rules for the whole service (which act in their groups)."""
    rules = PhraseRule.objects.filter(organisation=organisation)
    if role_in(person, organisation) == Role.ADMIN:
        return rules
    groups = phrase_rule_groups_for(person, organisation)
    if not groups.exists():
        return rules.none()
    return rules.filter(Q(group__isnull=True) | Q(group__in=groups))


def get_phrase_rule_for(
    person: Person, organisation: Organisation, rule_id: int
) -> PhraseRule:
    """A rule the person may see; 404 otherwise, also when missing."""
    try:
        return phrase_rules_visible_to(person, organisation).get(pk=rule_id)
    except PhraseRule.DoesNotExist:
        raise Http404 from None
