"""No page, message, email or export shows a person's sign-in name to anyone else.

The sign-in name is half of what someone needs to get into an account, and sign-up
promises that nobody else sees it. Others see `Person.shown_name`, through the
`shown_name` filter on pages. This test reads every template and module of ours and
fails on any use of a sign-in name outside the few places named below, each of
which shows it only to the person themselves or never shows it at all."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
NOT_CODE = {"tests", "migrations"}
# Reading one (`.username`, `"username"`, `{{ user }}`) or looking someone up by
# one (`username__iexact=`), which is how a form would let people be found by it.
SIGN_IN_NAME = re.compile(
    r"\.username\b|[\"']username[\"']|\{\{\s*user\s*\}\}|\busername__"
)

# Where a sign-in name may appear, and why it stays with its owner.
ALLOWED: dict[str, str] = {
    "accounts/templates/accounts/settings.html": "the person's own settings page",
    "templates/account/signup.html": "the sign-up form's own field",
    "accounts/adapter.py": "tells the new person their own sign-in name",
    "accounts/actions.py": "checks a chosen name does not reveal the sign-in name",
    "accounts/forms.py": "checks a chosen name does not reveal the sign-in name",
    "organisations/signup.py": "checks the same at sign-up, against the name typed",
    "accounts/sign_in_names.py": "finds a free ending for a new sign-in name",
    "privacy/export.py": "the person's own download",
    "privacy/views.py": "forgets failed sign-in counts kept under the name",
    "demo/seed.py": "the demo's own accounts, printed to whoever runs it",
    "demo/management/commands/seed_demo.py": "prints the demo's accounts",
    "demo/management/commands/demo_code.py": "finds a demo account to sign in as",
}


def uses_of_sign_in_names() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if path.suffix not in {".py", ".html", ".txt"} or NOT_CODE & set(
            relative.parts
        ):
            continue
        lines = [
            line.strip()
            for line in path.read_text().splitlines()
            if SIGN_IN_NAME.search(line)
        ]
        if lines:
            found[str(relative)] = lines
    return found


def test_no_template_or_module_shows_a_sign_in_name_to_others() -> None:
    found = uses_of_sign_in_names()

    shown = {name: lines for name, lines in found.items() if name not in ALLOWED}

    assert shown == {}, (
        f"show people with `|shown_name` on pages and `.shown_name` in code: {shown}"
    )


def test_the_allowed_places_still_use_a_sign_in_name() -> None:
    found = uses_of_sign_in_names()

    stale = [name for name in ALLOWED if name not in found]

    assert stale == [], f"take these off the allowed list: {stale}"
