"""Break each of the rules that matter most, one at a time, and see which tests notice.

    .venv/bin/python scripts/mutation_check.py            every rule
    .venv/bin/python scripts/mutation_check.py 3 7        only rules 3 and 7
    .venv/bin/python scripts/mutation_check.py --list     the rules, numbered

Run by hand, not in CI: it edits a source file, runs the tests that guard the rule,
and puts the file back (also when interrupted). Each rule should be caught by at
least two tests, its row in a permission table and a view, socket or crawl test. The
report prints, for each rule, how many tests failed and which. A rule caught by no
test, or by one only, is a gap to close.

A mutation is one or more exact replacements in one file; the script refuses to run
one whose text no longer appears exactly once, so that it never reports a rule as
guarded when the code it meant to break has moved.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRAWL = "alongside/core/tests/test_confidentiality.py"
CONVERSATION_TESTS = [
    "alongside/conversations/tests/test_permissions.py",
    "alongside/conversations/tests/test_agreement_gate.py",
    "alongside/conversations/tests/test_views.py",
    "alongside/conversations/tests/test_consumers.py",
]
SAFETY_TESTS = [
    "alongside/safety/tests/test_permissions.py",
    "alongside/safety/tests/test_views.py",
    "alongside/safety/tests/test_workflow.py",
]


@dataclass(frozen=True)
class Mutation:
    rule: str
    path: str
    replacements: tuple[tuple[str, str], ...]
    tests: tuple[str, ...]


MUTATIONS = (
    Mutation(
        "Posting without having confirmed the group's current agreement",
        "alongside/conversations/permissions.py",
        (
            (
                "if not has_confirmed_current_agreement(person, group, "
                "membership=membership):",
                "if False:",
            ),
        ),
        (
            *CONVERSATION_TESTS,
            "alongside/agreements/tests/test_permissions.py",
            "alongside/agreements/tests/test_views.py",
        ),
    ),
    Mutation(
        "A facilitator's posting pause ignored",
        "alongside/conversations/permissions.py",
        (
            (
                "if paused_until is not None and paused_until > timezone.now():",
                "if False:",
            ),
        ),
        (*CONVERSATION_TESTS, "alongside/safety/tests/test_workflow.py"),
    ),
    Mutation(
        "Held conversations visible to every member",
        "alongside/conversations/permissions.py",
        (
            (
                "return Thread.objects.filter(group=group).filter(\n"
                "        Q(status=PostStatus.PUBLISHED) | Q(author=person)\n"
                "    )",
                "return Thread.objects.filter(group=group)",
            ),
        ),
        (*CONVERSATION_TESTS, CRAWL),
    ),
    Mutation(
        "The person at risk acknowledging their own alert",
        "alongside/safety/permissions/duty.py",
        (("and escalation.person_at_risk_id != person.pk", ""),),
        tuple(SAFETY_TESTS),
    ),
    Mutation(
        "Someone still in a group leaving a parting note",
        "alongside/insights/permissions.py",
        (
            (
                "if membership is None or membership.status != Status.LEFT:",
                "if membership is None:",
            ),
        ),
        (
            "alongside/insights/tests/test_permissions.py",
            "alongside/insights/tests/test_parting.py",
        ),
    ),
    Mutation(
        "An author replying to a decision twice",
        "alongside/safety/permissions/moderation.py",
        (
            (
                "return decision.post.author_id == person.pk and not "
                "decision.replied_at",
                "return decision.post.author_id == person.pk",
            ),
        ),
        tuple(SAFETY_TESTS),
    ),
    Mutation(
        "Live messages from before someone joined shown to them",
        "alongside/conversations/permissions.py",
        (
            (
                "group=group, room__isnull=False, created_at__gte=starts_at",
                "group=group, room__isnull=False",
            ),
        ),
        (*CONVERSATION_TESTS, CRAWL),
    ),
    Mutation(
        "A member taking a break writing",
        "alongside/conversations/permissions.py",
        (
            ("if membership.status == Status.PAUSED:", "if False:"),
            (
                "if membership.status != Status.ACTIVE:",
                "if membership.status not in READING_STATUSES:",
            ),
        ),
        tuple(CONVERSATION_TESTS),
    ),
    Mutation(
        "A facilitator deciding about their own post",
        "alongside/safety/permissions/moderation.py",
        (
            (
                "if post.author_id != person.pk\n        and not post.is_deleted",
                "if not post.is_deleted",
            ),
        ),
        tuple(SAFETY_TESTS),
    ),
    Mutation(
        "An organisation admin reading the words in a group's queue",
        "alongside/safety/permissions/moderation.py",
        (
            (
                "return can_moderate(person, group) and "
                "can_read_group_conversations(person, group)",
                "return can_see_queue(person, group)",
            ),
        ),
        (*SAFETY_TESTS, CRAWL),
    ),
    Mutation(
        "An author seeing the reports about their own post",
        "alongside/safety/permissions/moderation.py",
        (
            (
                "return post.author_id != person.pk and can_see_queue(person, "
                "post.group)",
                "return can_see_queue(person, post.group)",
            ),
        ),
        tuple(SAFETY_TESTS),
    ),
    Mutation(
        "An alert linking to the post for someone outside the group",
        "alongside/safety/permissions/duty.py",
        (
            (
                "and not post.is_deleted\n"
                "        and can_read_group_conversations(person, escalation.group)",
                "and not post.is_deleted",
            ),
        ),
        (*SAFETY_TESTS, "alongside/safety/tests/test_alert_conversations.py"),
    ),
    Mutation(
        "A facilitator reading the organisation's whole incident log",
        "alongside/safety/permissions/incidents.py",
        (
            (
                "return role_in(person, organisation) in (Role.ADMIN, Role.SUPERVISOR)",
                "return role_in(person, organisation) in STAFF_ROLES",
            ),
        ),
        tuple(SAFETY_TESTS),
    ),
)


def mutate(mutation: Mutation) -> str:
    """Apply the mutation and return the file's original text."""
    path = ROOT / mutation.path
    original = path.read_text()
    text = original
    for old, new in mutation.replacements:
        found = text.count(old)
        if found != 1:
            raise SystemExit(
                f"{mutation.rule}: expected the text once in {mutation.path}, "
                f"found it {found} times; update this script."
            )
        text = text.replace(old, new)
    path.write_text(text)
    return original


def failing_tests(tests: tuple[str, ...]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", *tests],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return sorted(
        set(re.findall(r"^FAILED (.+?)(?: - .*)?$", result.stdout, flags=re.MULTILINE))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", type=int, help="rules to break")
    parser.add_argument("--list", action="store_true", help="list the rules")
    options = parser.parse_args()
    chosen = options.numbers or range(1, len(MUTATIONS) + 1)
    if options.list:
        for number, mutation in enumerate(MUTATIONS, 1):
            print(f"{number}. {mutation.rule} ({mutation.path})")
        return
    weak = 0
    for number in chosen:
        mutation = MUTATIONS[number - 1]
        original = mutate(mutation)
        try:
            caught = failing_tests(mutation.tests)
        finally:
            (ROOT / mutation.path).write_text(original)
        weak += len(caught) < 2
        print(f"{number}. {mutation.rule}: caught by {len(caught)} tests", flush=True)
        for test in caught:
            print(f"     {test}", flush=True)
    print(f"{weak} of {len(chosen)} rules caught by fewer than two tests")
    sys.exit(1 if weak else 0)


if __name__ == "__main__":
    main()
