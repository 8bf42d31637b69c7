import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alongside.accounts.models import Person
from alongside.organisations.models import Organisation
from alongside.peergroups.models import PeerGroup
from alongside.safety.actions import create_phrase_rule, update_phrase_rule
from alongside.safety.models import PhraseRuleVersion, RuleAction
from alongside.safety.screening import Outcome, screen
from alongside.safety.screening.phrases import (
    InvalidPattern,
    PhraseRuleSpec,
    test_phrase_rule,
)
from alongside.safety.screening.posts import screen_post


@pytest.mark.parametrize(
    ("action", "topic", "check"),
    [
        (RuleAction.HOLD, "", lambda r: r.outcome == Outcome.HOLD),
        (
            RuleAction.SUGGEST_WARNING,
            "eating",
            lambda r: (
                r.outcome == Outcome.SUGGEST_WARNING and r.suggested_warning == "eating"
            ),
        ),
        (
            RuleAction.SHOW_CRISIS_OPTIONS,
            "",
            lambda r: (
                r.outcome == Outcome.ALLOW_WITH_CRISIS_SUPPORT
                and not r.needs_on_duty_alert
            ),
        ),
        (RuleAction.ALERT_ON_DUTY, "", lambda r: r.needs_on_duty_alert),
    ],
)
def test_each_rule_action(action: str, topic: str, check) -> None:  # type: ignore[no-untyped-def]
    rule = PhraseRuleSpec(pattern="skipped lunch*", action=action, topic=topic)
    assert check(screen("I skipped lunches all week", rules=[rule]))


def test_rules_see_through_look_alike_letters() -> None:
    rule = PhraseRuleSpec(pattern="weigh-in", action=RuleAction.HOLD)
    assert screen("the w\u0435igh in was awful", rules=[rule]).outcome == Outcome.HOLD


def test_the_test_box_shows_where_a_pattern_matches() -> None:
    spans = test_phrase_rule("hopeless*", "so Hopelessness, again")
    assert [(span.start, span.end) for span in spans] == [(3, 15)]
    with pytest.raises(InvalidPattern):
        test_phrase_rule("*", "anything")


def test_organisation_rules_apply_in_every_group_and_group_rules_in_theirs(
    organisation: Organisation, group: PeerGroup, org_admin: Person, facilitator: Person
) -> None:
    other_group = PeerGroup.objects.create(
        organisation=organisation, name="Other", slug="other", shared_experience="x"
    )
    create_phrase_rule(
        by=org_admin, organisation=organisation, pattern="weigh in", action="hold"
    )
    create_phrase_rule(
        by=facilitator,
        organisation=organisation,
        group=group,
        pattern="scales",
        action="suggest_warning",
        topic="eating",
    )
    here = screen_post("on the scales again", group=group, author=facilitator)
    there = screen_post("on the scales again", group=other_group, author=org_admin)
    assert here.suggested_warning == "eating"
    assert there.suggested_warning is None
    held = screen_post("the weigh in", group=other_group, author=org_admin)
    assert held.outcome == Outcome.HOLD


def test_peers_cannot_edit_rules_and_facilitators_only_their_group(
    organisation: Organisation, group: PeerGroup, peer: Person, facilitator: Person
) -> None:
    with pytest.raises(PermissionDenied):
        create_phrase_rule(
            by=peer, organisation=organisation, group=group, pattern="ab", action="hold"
        )
    with pytest.raises(PermissionDenied):
        create_phrase_rule(
            by=facilitator, organisation=organisation, pattern="ab", action="hold"
        )


def test_changing_a_rule_keeps_every_version(
    organisation: Organisation, org_admin: Person
) -> None:
    rule = create_phrase_rule(
        by=org_admin, organisation=organisation, pattern="weigh in", action="hold"
    )
    rule = update_phrase_rule(
        by=org_admin, rule=rule, pattern="weigh-in*", action="alert_on_duty"
    )
    assert rule.version == 2
    versions = PhraseRuleVersion.objects.filter(rule=rule).order_by("version")
    assert [(v.version, v.pattern) for v in versions] == [
        (1, "weigh in"),
        (2, "weigh-in*"),
    ]
    [signal] = [s for s in screen("weigh-ins", rules=[rule]).signals]
    assert signal.label == f"rule:{rule.pk}@v2"


def test_a_warning_rule_needs_a_topic(
    organisation: Organisation, org_admin: Person
) -> None:
    with pytest.raises(ValidationError):
        create_phrase_rule(
            by=org_admin,
            organisation=organisation,
            pattern="weigh in",
            action="suggest_warning",
        )
