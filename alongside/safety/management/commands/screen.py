"""``manage.py screen``: screen JSON lines from standard input, one result line each.

Each input line is ``{"text": "..."}``. Each output line gives the input's line number,
the outcome and the signals that fired (detector, label, character offsets) — never the
matched words, so the output cannot repeat what someone wrote. A line that cannot be
read gets an error line; the command carries on.

With ``--organisation`` (a slug) and optionally ``--group`` (a slug in it), that
organisation's and group's phrase rules and link policy are applied, so admins can try
their rules on sample text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.safety.screening import screen
from alongside.safety.screening.phrases import PhraseRuleLike


class Command(BaseCommand):
    stealth_options = ("stdin",)
    help = (
        "Screen JSON lines ({'text': ...}) from standard input, one result line each."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", help="apply this organisation's rules")
        parser.add_argument("--group", help="apply this group's rules too (its slug)")

    def _rules(self, options: dict[str, Any]) -> tuple[list[PhraseRuleLike], bool]:
        from alongside.organisations.models import Organisation
        from alongside.peergroups.models import PeerGroup
        from alongside.safety.models import PhraseRule

        slug = options.get("organisation")
        if not slug:
            if options.get("group"):
                raise CommandError("--group needs --organisation too.")
            return [], True
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {slug!r}.")
        group_slug = options.get("group")
        if group_slug:
            group = PeerGroup.objects.filter(
                organisation=organisation, slug=group_slug
            ).first()
            if group is None:
                raise CommandError(f"No group {group_slug!r} in {slug!r}.")
            rules = PhraseRule.objects.active().for_group(group)
        else:
            rules = PhraseRule.objects.active().filter(
                organisation=organisation, group__isnull=True
            )
        return list(rules), organisation.allows_links

    def handle(self, *args: Any, **options: Any) -> None:
        rules, allows_links = self._rules(options)
        stdin = cast(
            Iterable[str | bytes],
            options.get("stdin") or getattr(sys.stdin, "buffer", sys.stdin),
        )
        for number, raw in enumerate(stdin, start=1):
            if isinstance(raw, str):
                line = raw
            else:
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    self.stdout.write(
                        json.dumps(
                            {"line": number, "error": "This line is not UTF-8 text."}
                        )
                    )
                    continue
            if not line.strip():
                continue
            self.stdout.write(
                json.dumps(self._screen_line(number, line, rules, allows_links))
            )

    def _screen_line(
        self, number: int, line: str, rules: list[PhraseRuleLike], allows_links: bool
    ) -> dict[str, object]:
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return {"line": number, "error": "This line is not valid JSON."}
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            return {
                "line": number,
                "error": 'Each line needs an object with a "text" string.',
            }
        try:
            result = screen(record["text"], rules=rules, allows_links=allows_links)
        except Exception:
            return {"line": number, "error": "This line could not be screened."}
        return {
            "line": number,
            "outcome": str(result.outcome),
            "needs_on_duty_alert": result.needs_on_duty_alert,
            "shows_crisis_support": result.shows_crisis_support,
            "suggested_warning": result.suggested_warning,
            "hold_reasons": [str(reason) for reason in result.hold_reasons],
            "signals": [signal.as_dict() for signal in result.signals],
        }
