"""The demo shows the phrase rules page with rules that have versions."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from alongside.safety.models import PhraseRule, PhraseRuleVersion

pytestmark = pytest.mark.django_db


def test_the_demo_has_phrase_rules_with_versions_once() -> None:
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    rules = {rule.pattern: rule for rule in PhraseRule.objects.all()}
    assert set(rules) == {"relaps*", "scattering the ashes"}
    assert rules["relaps*"].group is None and rules["relaps*"].version == 2
    assert rules["scattering the ashes"].is_active is False
    assert PhraseRuleVersion.objects.count() == 4
