"""Every change to phrase rules: add one, change one, switch one off or on.

Each change raises the rule's version and keeps the new wording beside the old ones
(``PhraseRuleVersion``), so that a screening result can always say which wording
acted and the rules page can show who changed what. Imported into
``alongside.safety.actions``, the app's one entrance for changes.
"""

from __future__ import annotations

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alongside.accounts.models import Person
from alongside.conversations import live as conversation_live
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup

from .models import PhraseRule, PhraseRuleVersion, RuleAction, WarningTopic
from .permissions import check_edit_phrase_rules
from .screening.phrases import InvalidPattern, validate_pattern


def _clean(pattern: str, action: str, topic: str) -> str:
    try:
        tidy = validate_pattern(pattern)
    except InvalidPattern as error:
        raise ValidationError({"pattern": str(error)}) from error
    if action not in RuleAction.values:
        raise ValidationError({"action": "Choose what the rule should do."})
    if topic and topic not in WarningTopic.values:
        raise ValidationError({"topic": "Choose a topic from the list."})
    if action == RuleAction.SUGGEST_WARNING and not topic:
        raise ValidationError({"topic": "Choose the topic for the content warning."})
    return tidy


def _tell_live_rooms_screening_changed(rule: PhraseRule) -> None:
    """Open live rooms screen their next message with the rule as it now is."""
    transaction.on_commit(
        partial(
            conversation_live.screening_changed,
            organisation_id=rule.organisation_id,
            group_id=rule.group_id,
        )
    )


def _record_version(rule: PhraseRule, by: Person) -> None:
    PhraseRuleVersion.objects.create(
        rule=rule,
        version=rule.version,
        pattern=rule.pattern,
        action=rule.action,
        topic=rule.topic,
        is_active=rule.is_active,
        changed_by=by,
    )


@transaction.atomic
def create_phrase_rule(
    *,
    by: Person,
    organisation: Organisation,
    group: PeerGroup | None = None,
    pattern: str,
    action: str,
    topic: str = "",
    note: str = "",
) -> PhraseRule:
    """Add a rule for the organisation (no group) or for one group.

    Needs an admin, or a facilitator of the group. Raises ValidationError with a plain
    message for a pattern that cannot be used. Records version 1.
    """
    check_edit_phrase_rules(by, organisation, group)
    tidy = _clean(pattern, action, topic)
    rule = PhraseRule.objects.create(
        organisation=organisation,
        group=group,
        pattern=tidy,
        action=action,
        topic=topic,
        note=note,
    )
    _record_version(rule, by)
    _tell_live_rooms_screening_changed(rule)
    return rule


@transaction.atomic
def update_phrase_rule(
    *,
    by: Person,
    rule: PhraseRule,
    pattern: str,
    action: str,
    topic: str = "",
    is_active: bool = True,
    note: str | None = None,
) -> PhraseRule:
    """Change a rule's wording, action or whether it is on; the version goes up by one
    and the new wording is kept beside the old ones. Needs what create_phrase_rule
    needs for the rule's place (the organisation or its group)."""
    check_edit_phrase_rules(by, rule.organisation, rule.group)
    tidy = _clean(pattern, action, topic)
    rule = PhraseRule.objects.select_for_update().get(pk=rule.pk)
    rule.pattern = tidy
    rule.action = action
    rule.topic = topic
    rule.is_active = is_active
    if note is not None:
        rule.note = note
    rule.version += 1
    rule.updated_at = timezone.now()
    rule.save()
    _record_version(rule, by)
    _tell_live_rooms_screening_changed(rule)
    return rule


@transaction.atomic
def switch_phrase_rule(*, by: Person, rule: PhraseRule, is_active: bool) -> PhraseRule:
    """Switch a rule off (it stops acting at once; nothing is lost) or back on.

    A new version records who did it. Pressing twice (a double click) changes
    nothing the second time and adds no version.
    """
    check_edit_phrase_rules(by, rule.organisation, rule.group)
    rule = PhraseRule.objects.select_for_update().get(pk=rule.pk)
    if rule.is_active == is_active:
        return rule
    rule.is_active = is_active
    rule.version += 1
    rule.updated_at = timezone.now()
    rule.save(update_fields=["is_active", "version", "updated_at"])
    _record_version(rule, by)
    _tell_live_rooms_screening_changed(rule)
    return rule
