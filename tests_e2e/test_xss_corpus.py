"""Cross-site scripting corpus, in a real browser: every payload in the shared XSS lists
is written, through the app's own actions, into the text fields peers and staff see
(group names and descriptions, display names, thread titles, post bodies, live
messages, agreement proposals and responses, report notes), then every page showing
them is opened in Chromium with the site's Content-Security-Policy in force.

Before any page script runs, alert/confirm/prompt/print and the console are replaced
with recorders, dialogs are watched and CSP violations are collected: none may happen.
`xss_alert_identifiable.txt` gives each payload its own alert number, so a failure
names the payload that ran.

Everything lives in an organisation made for this file, so the demo the other journey
files rely on is untouched. The lists are read from ../shared/data/security/xss/; the
test skips, saying so, only when that folder is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.sync_api import Page, Response

from .conftest import DEMO_PASSWORD, ROOT, XSS_CORPUS, sign_in_with_second_step

pytestmark = pytest.mark.browser

XSS_DIR = ROOT.parent / "shared" / "data" / "security" / "xss"
CHUNK = 100  # payloads per group, thread, proposal and queue page
SELF_CHECK_URL = "http://recorder-check.invalid/"
LEAD_TOTP_SECRET = pyotp.random_base32()


RECORDERS = """
(() => {
  const fired = [];
  const csp = [];
  Object.defineProperty(window, "__fired", { value: fired });
  Object.defineProperty(window, "__csp", { value: csp });
  const recorder = (kind) => function (...args) {
    fired.push(kind + ":" + String(args[0]));
    return kind === "confirm" ? false : kind === "prompt" ? null : undefined;
  };
  for (const kind of ["alert", "confirm", "prompt", "print"]) {
    window[kind] = recorder(kind);
  }
  for (const kind of ["log", "info", "warn", "error", "debug", "dir", "trace"]) {
    console[kind] = recorder("console." + kind);
  }
  document.addEventListener("securitypolicyviolation", (event) => {
    csp.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
  }, true);
})();
"""


def read_payloads() -> list[str]:
    if not XSS_DIR.is_dir():
        pytest.skip(f"XSS payload lists not found at {XSS_DIR} (shared data absent)")
    payloads = [
        line
        for path in sorted(XSS_DIR.glob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    assert payloads, f"No payloads in {XSS_DIR}"
    return payloads


# ---- Planting, one Django shell per kind of field ----------------------------------

PREAMBLE = """
import json, uuid
from django.db import transaction
from alongside.accounts.models import Person
from alongside.organisations.models import Organisation, OrganisationRole
from alongside.peergroups.models import Membership, PeerGroup
from alongside.peergroups import actions as group_actions
from alongside.conversations import actions as talk
from alongside.conversations.models import Thread, Post
from alongside.agreements import actions as agreement_actions
from alongside.safety import actions as safety_actions
payloads = json.load(open({path!r}, encoding="utf-8"))
chunk = {chunk}
chunks = [payloads[i:i + chunk] for i in range(0, len(payloads), chunk)]
org = Organisation.objects.filter(slug="xss-corpus").first()
lead = Person.objects.filter(username="xss_lead").first()
peer = Person.objects.filter(username="xss_peer").first()
rooms = list(PeerGroup.objects.filter(organisation=org, name__startswith="Corpus room ")
             .order_by("pk")) if org else []
members = list(Person.objects.filter(username__startswith="xss_m").order_by("username"))
"""

PEOPLE_AND_GROUPS = """
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
org = Organisation.objects.create(
    name="Corpus check", slug="xss-corpus", setting="community"
)
lead = Person.objects.create(username="xss_lead")
peer = Person.objects.create(username="xss_peer")
for person in (lead, peer):
    person.set_password({password!r})
    person.save()
OrganisationRole.objects.create(organisation=org, person=lead, role="admin")
OrganisationRole.objects.create(organisation=org, person=peer, role="peer")
Authenticator.objects.create(
    user=lead, type=Authenticator.Type.TOTP, data={{"secret": encrypt({secret!r})}}
)
for j in range(chunk):
    member = Person(username=f"xss_m{{j:03d}}")
    member.set_unusable_password()
    member.save()
    OrganisationRole.objects.create(organisation=org, person=member, role="peer")
def make(name, text):
    return group_actions.create_group(
        person=lead, organisation=org, name=name, shared_experience=text,
        who_for=text, format="online", when_and_where=text, is_listed=True,
        join_policy="open", tag_names=[],
    )
# One group per payload as its name and description, for the list of groups.
for payload in payloads:
    make(payload, payload)
# One room per chunk, its description holding the whole chunk.
for number, part in enumerate(chunks):
    room = make(f"Corpus room {{number}}", "\\n".join(part))
    talk.open_live_room(person=lead, group=room)
    group_actions.join_group(person=peer, group=room, display_name=part[0] + " (peer)")
print(PeerGroup.objects.filter(organisation=org).count())
"""

DISPLAY_NAMES = """
count = 0
for number, (room, part) in enumerate(zip(rooms, chunks)):
    for j, payload in enumerate(part):
        group_actions.join_group(
            person=members[j], group=room, display_name=f"{{payload}} ~{{number}}.{{j}}"
        )
        count += 1
print(count)
"""

POSTS = """
count = held = 0
for number, (room, part) in enumerate(zip(rooms, chunks)):
    thread = talk.start_thread(
        person=peer, group=room, title=f"Corpus thread {{number}}", kind="sharing",
        body="Replies below.", content_warning="", content_warning_text="",
        client_id=uuid.uuid4(),
    )
    for payload in part:
        talk.reply_to_thread(
            person=peer, thread=thread, kind="sharing", body=payload,
            content_warning="", content_warning_text="", client_id=uuid.uuid4(),
        )
        talk.start_thread(
            person=peer, group=room, title=payload, kind="sharing",
            body="A plain opening.", content_warning="", content_warning_text="",
            client_id=uuid.uuid4(),
        )
        count += 2
    for j, payload in enumerate(part):
        post, _ = talk.post_live_message(
            person=members[j], group=room, body=payload, content_warning="",
            content_warning_text="", client_id=uuid.uuid4(),
        )
        count += 1
held = Post.objects.filter(group__organisation=org).exclude(status="published").count()
print(count, held)
"""

AGREEMENTS = """
from alongside.agreements.actions import Change
count = 0
for room, part in zip(rooms, chunks):
    proposal = agreement_actions.propose_changes(
        person=peer, group=room,
        changes=[Change(action="add", text=p, why=p) for p in part],
        reason="\\n".join(part),
    )
    agreement_actions.respond_to_proposal(
        person=lead, proposal=proposal, choice="concern", reason="\\n".join(part),
        shows_name=True,
    )
    for payload in part:
        agreement_actions.comment_on_proposal(
            person=lead, proposal=proposal, text=payload
        )
    count += 4 * len(part)
print(count)
"""

REPORTS = """
from alongside.safety.models import ReportReason
reasons = list(ReportReason.values)
count = refused = 0
for room, part in zip(rooms, chunks):
    # Words are sealed in the database, so they are compared here, not in a query.
    replies = [
        post for post in Post.objects.filter(
            thread__group=room, author=peer, status="published"
        ).select_related("thread").order_by("pk")
        if post.thread.title.startswith("Corpus thread ")
        and post.body != "Replies below."
    ]
    for j, payload in enumerate(part):
        post = replies[j % len(replies)]
        try:
            safety_actions.report_post(
                person=members[j], post=post, reason=reasons[j % len(reasons)],
                note=payload,
            )
            count += 1
        except Exception:
            refused += 1
print(count, refused)
"""

PAGES = """
rows = []
for room in rooms:
    thread = next(
        t for t in Thread.objects.filter(group=room).order_by("pk")
        if t.title.startswith("Corpus thread ")
    )
    proposal = room.agreement.proposals.get()
    rows.append([room.pk, thread.pk, proposal.pk])
print(json.dumps(rows))
"""


# ---- Looking ------------------------------------------------------------------------


class Watcher:
    """Opens pages with the recorders in place and keeps what fired, and where."""

    def __init__(self, payloads: list[str]) -> None:
        self.payloads = payloads
        self.findings: list[str] = []
        self.pages = 0
        self.bytes = 0

    def watch(self, page: Page) -> None:
        page.add_init_script(RECORDERS)

        def on_dialog(dialog: Any) -> None:
            self.findings.append(f"{page.url}: dialog {dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)

    def prove_recorders_work(self, page: Page) -> None:
        """On a page outside the site (no policy), a script that alerts is caught."""
        page.route(
            SELF_CHECK_URL,
            lambda route: route.fulfill(
                content_type="text/html",
                body="<!DOCTYPE html><title>check</title><script>alert(4242)</script>",
            ),
        )
        page.goto(SELF_CHECK_URL)
        assert page.evaluate("[...window.__fired]") == ["alert:4242"]

    def visit(self, page: Page, path: str, marker: str | None = None) -> None:
        response = page.goto(path, wait_until="load")
        assert response is not None and response.status == 200, (
            f"{path}: {response and response.status}"
        )
        self._assert_policy(response, path)
        page.wait_for_timeout(100)  # let any timer-based payload have its moment
        fired = page.evaluate("[...window.__fired]")
        blocked = page.evaluate("[...window.__csp]")
        for value in fired:
            self.findings.append(f"{path}: ran {value} ({self._name(value)})")
        for value in blocked:
            self.findings.append(f"{path}: injected markup blocked by CSP: {value}")
        html = page.content()
        self.bytes += len(html)
        if marker is not None:
            assert marker in html, f"{path} does not show what was planted"
        self.pages += 1

    def _assert_policy(self, response: Response, path: str) -> None:
        policy = response.headers.get("content-security-policy", "")
        assert "script-src" in policy or "default-src" in policy, (
            f"{path}: no Content-Security-Policy"
        )
        assert "unsafe-inline" not in _directive(policy, "script-src"), path
        assert "unsafe-eval" not in _directive(policy, "script-src"), path

    def _name(self, value: str) -> str:
        number = re.search(r"\d+", value)
        if number is None:
            return "payload not identifiable"
        found = [
            str(index)
            for index, payload in enumerate(self.payloads)
            if re.search(rf"\b{number.group()}\b", payload)
        ][:5]
        return "payload lines " + ", ".join(found) if found else "number not in lists"


def _directive(policy: str, name: str) -> str:
    directives = {
        part.strip().split(" ", 1)[0]: part.strip()
        for part in policy.split(";")
        if part.strip()
    }
    return directives.get(name) or directives.get("default-src", "")


def sign_in(page: Page, username: str) -> None:
    page.goto("/account/login/")
    page.get_by_label("Your sign-in name").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()


def test_no_payload_runs_anywhere_it_is_shown(
    new_page: Callable[..., Page],
    django_shell: Callable[[str], str],
    tmp_path: Path,
) -> None:
    payloads = read_payloads()
    corpus = tmp_path / "payloads.json"
    corpus.write_text(json.dumps(payloads), encoding="utf-8")
    preamble = PREAMBLE.format(path=str(corpus), chunk=CHUNK)

    def plant(code: str, **values: object) -> str:
        try:
            return django_shell(preamble + code.format(**values)).splitlines()[-1]
        except subprocess.CalledProcessError as error:
            raise AssertionError(f"Planting failed:\n{error.stderr[-3000:]}") from None

    groups = int(
        plant(PEOPLE_AND_GROUPS, password=DEMO_PASSWORD, secret=LEAD_TOTP_SECRET)
    )
    names = int(plant(DISPLAY_NAMES))
    posts, held = map(int, plant(POSTS).split())
    agreement_texts = int(plant(AGREEMENTS))
    reports, refused = map(int, plant(REPORTS).split())
    rooms = json.loads(plant(PAGES))
    assert len(rooms) == -(-len(payloads) // CHUNK)
    assert names == len(payloads) and reports == len(payloads), (names, reports)

    watcher = Watcher(payloads)

    # A peer: the list of groups, each room, its talk, the thread (with their own
    # held posts), the live room and the agreement proposal.
    peer = new_page()
    watcher.watch(peer)
    watcher.prove_recorders_work(peer)
    sign_in(peer, "xss_peer")
    watcher.visit(peer, "/groups/", marker="Corpus room 0")
    watcher.visit(peer, "/notifications/")
    for number, (group_id, thread_id, proposal_id) in enumerate(rooms):
        marker = f"Corpus room {number}"
        watcher.visit(peer, f"/groups/{group_id}/", marker=marker)
        watcher.visit(
            peer, f"/groups/{group_id}/talk/", marker=f"Corpus thread {number}"
        )
        watcher.visit(
            peer,
            f"/groups/{group_id}/talk/{thread_id}/",
            marker=f"Corpus thread {number}",
        )
        watcher.visit(peer, f"/groups/{group_id}/live/", marker=f"~{number}.")
        watcher.visit(peer, f"/groups/{group_id}/agreement/")
        watcher.visit(peer, f"/groups/{group_id}/agreement/proposals/{proposal_id}/")

    # The facilitator (staff, with a second step): the moderation queue, the thread,
    # the live room and the proposal as staff see them.
    lead = new_page()
    watcher.watch(lead)
    sign_in_with_second_step(lead, "xss_lead", pyotp.TOTP(LEAD_TOTP_SECRET))
    watcher.visit(lead, "/groups/")
    for group_id, thread_id, proposal_id in rooms:
        watcher.visit(lead, f"/safety/groups/{group_id}/queue/")
        watcher.visit(lead, f"/groups/{group_id}/talk/{thread_id}/")
        watcher.visit(lead, f"/groups/{group_id}/live/")
        watcher.visit(lead, f"/groups/{group_id}/agreement/proposals/{proposal_id}/")

    fields = [
        "group name",
        "shared experience",
        "who it is for",
        "when and where",
        "display name",
        "thread title",
        "reply body",
        "live message",
        "proposal reason",
        "agreement item",
        "item reason",
        "response reason",
        "proposal comment",
        "report note",
    ]
    XSS_CORPUS.update(
        payloads=len(payloads),
        fields=len(fields),
        planted=groups + names + posts + agreement_texts + reports,
        held=held,
        reports_refused=refused,
        pages=watcher.pages,
        kilobytes=watcher.bytes // 1024,
        executions=len(watcher.findings),
    )
    assert watcher.pages >= 10 * len(rooms)
    assert not watcher.findings, "Payloads ran or were injected:\n" + "\n".join(
        watcher.findings[:50]
    )
