"""Every text field of every form survives the Big List of Naughty Strings.

Each line of `../shared/data/security/blns.txt` goes into every text field of every
form: the answer is never a server error, and when the form comes back with a
problem, each text field still holds exactly what was typed.

To keep the run short, one line goes into all of a form's text fields at once. When
the form turns some of them down, those few get a sensible value and the rest are sent
again, so every line that a field accepts also reaches the database through that field.

Failures name the line number and the field, never the text: some lines are unpleasant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings as SettingsWrapper

from alongside.accounts.models import Person
from alongside.organisations.actions import create_organisation, grant_role
from alongside.organisations.models import (
    Invitation,
    Organisation,
    Role,
    Setting,
    SupportService,
)
from alongside.peergroups.actions import create_group, join_group, leave_group
from alongside.peergroups.models import Membership, PeerGroup, Status

BLNS_FOLDER = Path(settings.BASE_DIR).parent / "shared" / "data" / "security"

# Inputs the list lacks that matter to PostgreSQL: a null byte (which PostgreSQL
# cannot store in text), and letters that grow longer when lower-cased.
EXTRA_INPUTS = [
    "\x00",
    "calm\x00words",
    "\u0130" * 100,
    "a@" + ".".join(["\u0130" * 60] * 4),
]

PASSWORD = "a quiet walk by the river"
FORM_CONTENT = "application/x-www-form-urlencoded"

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


def naughty_lines() -> list[str]:
    if not BLNS_FOLDER.is_dir():
        pytest.skip(
            f"The shared test data folder {BLNS_FOLDER} is absent; CI has it beside "
            "the checkout."
        )
    text = (BLNS_FOLDER / "blns.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


class FieldValues(HTMLParser):
    """The values that a page's inputs and text areas show, by field name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name and name not in self.values:
            self.values[name] = attributes.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self.values[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # Browsers drop the newline that Django writes after <textarea>.
            value = self.values[self._textarea]
            self.values[self._textarea] = value.removeprefix("\n")
            self._textarea = None


def shown_values(response: Response) -> dict[str, str]:
    parser = FieldValues()
    parser.feed(response.content.decode())
    parser.close()
    return parser.values


@dataclass
class Tally:
    """What was tried, and anything that went wrong, by line number and field."""

    tries: int = 0
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    lost_inputs: list[str] = field(default_factory=list)


TALLY = Tally()


@dataclass
class FormProbe:
    """One form: where it lives, its text fields, and values it accepts."""

    label: str
    url: str
    text_fields: list[str]
    good: dict[str, str]
    method: str = "post"
    # Fields the page never shows again, such as passwords.
    not_shown: frozenset[str] = frozenset()
    # Fields that are always turned down together (a password and its repeat).
    linked: dict[str, str] = field(default_factory=dict)
    after_success: Callable[[], None] = lambda: None
    rate_limited: bool = False

    def send(self, client: Client, data: dict[str, str]) -> Response:
        TALLY.requests += 1
        if self.rate_limited:
            # Keep the real rate limits switched on, so that their keys are built
            # from every line, but start each request with a clean slate.
            cache.clear()
        if self.method == "get":
            return client.get(self.url, data)
        return client.post(self.url, urlencode(data), content_type=FORM_CONTENT)

    def check(
        self,
        response: Response,
        *,
        number: int,
        typed: str,
        fields: list[str],
    ) -> None:
        where = f"{self.label}, line {number}"
        if response.status_code >= 500:
            TALLY.server_errors.append(
                f"{where}, fields {fields}: {response.status_code}"
            )
            return
        if response.status_code != 200:
            return
        values = shown_values(response)
        for name in fields:
            if name in self.not_shown:
                continue
            if values.get(name) != typed:
                TALLY.lost_inputs.append(f"{where}: {name!r} did not keep the input")

    def rejected(self, response: Response, fields: list[str]) -> set[str]:
        if response.status_code != 200 or response.context is None:
            return set()
        try:
            form = response.context["form"]
        except KeyError:
            return set()
        errors = {name for name in fields if name in form.errors}
        return errors | {self.linked[name] for name in errors if name in self.linked}

    def try_line(self, client: Client, number: int, line: str) -> None:
        TALLY.tries += len(self.text_fields)
        fields = list(self.text_fields)
        response = self.send(client, {**self.good, **dict.fromkeys(fields, line)})
        self.check(response, number=number, typed=line, fields=fields)
        turned_down = self.rejected(response, fields)
        if turned_down and turned_down != set(fields):
            fields = [name for name in fields if name not in turned_down]
            response = self.send(client, {**self.good, **dict.fromkeys(fields, line)})
            self.check(response, number=number, typed=line, fields=fields)
        if response.status_code == 302:
            self.after_success()


def run(client: Client, probe: FormProbe) -> None:
    client.raise_request_exception = False
    inputs = naughty_lines() + EXTRA_INPUTS
    for number, line in enumerate(inputs, start=1):
        probe.try_line(client, number, line)
    assert TALLY.server_errors == []
    assert TALLY.lost_inputs == []


@pytest.fixture(autouse=True)
def tally() -> Iterator[Tally]:
    TALLY.server_errors.clear()
    TALLY.lost_inputs.clear()
    yield TALLY


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    TALLY.tries = TALLY.requests = 0
    yield
    print(
        f"\nNaughty strings: {TALLY.tries} line-by-field tries in "
        f"{TALLY.requests} requests."
    )


@dataclass
class Place:
    organisation: Organisation
    group: PeerGroup
    admin: Person
    member: Person
    leaver: Person
    service: SupportService


def signed_in(person: Person) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


@pytest.fixture
def place(db: None, settings: SettingsWrapper) -> Place:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    cache.clear()
    organisation = create_organisation(
        name="Riverside Peer Support",
        slug="riverside",
        setting=Setting.COMMUNITY,
        confidentiality_statement="What is said in a group stays in the group.",
        is_open_for_signup=True,
    )
    admin = Person.objects.create_user(username="river-admin", password=PASSWORD)
    grant_role(person=admin, organisation=organisation, role=Role.ADMIN)
    Authenticator.objects.create(
        user=admin, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    group = create_group(
        person=admin,
        organisation=organisation,
        name="After a loss",
        shared_experience="Someone close to us has died.",
        who_for="",
        format="online",
        when_and_where="",
        is_listed=True,
        join_policy="open",
        tag_names=["bereavement"],
    )
    member = Person.objects.create_user(username="river-member", password=PASSWORD)
    leaver = Person.objects.create_user(username="river-leaver", password=PASSWORD)
    for person in (member, leaver):
        grant_role(person=person, organisation=organisation, role=Role.PEER)
        join_group(person=person, group=group, display_name=f"Friend {person.pk}")
    leave_group(person=leaver, group=group)
    return Place(
        organisation=organisation,
        group=group,
        admin=admin,
        member=member,
        leaver=leaver,
        service=organisation.support_services.get(name="Samaritans"),
    )


def test_sign_up_survives_naughty_strings(place: Place) -> None:
    client = Client(raise_request_exception=False)
    serial = iter(range(1_000_000))

    def sign_out() -> None:
        client.logout()
        probe.good["username"] = f"newcomer{next(serial)}"

    probe = FormProbe(
        label="sign up",
        url=reverse("account_signup"),
        text_fields=["username", "email", "password1", "password2", "invitation_code"],
        good={
            "username": "newcomer",
            "email": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "invitation_code": "",
        },
        not_shown=frozenset({"password1", "password2"}),
        linked={"password1": "password2", "password2": "password1"},
        after_success=sign_out,
        rate_limited=True,
    )
    run(client, probe)


def test_sign_in_survives_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="sign in",
        url=reverse("account_login"),
        text_fields=["login", "password"],
        good={"login": "river-member", "password": PASSWORD},
        not_shown=frozenset({"password"}),
        rate_limited=True,
    )
    run(Client(), probe)


def test_account_settings_survive_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="account settings",
        url=reverse("accounts:settings"),
        text_fields=["email"],
        good={},
    )
    run(signed_in(place.member), probe)


def test_group_search_survives_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="group search",
        url=reverse("peergroups:group-list"),
        text_fields=["q"],
        good={},
        method="get",
    )
    run(signed_in(place.member), probe)


def test_group_search_by_tag_survives_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="group search by tag",
        url=reverse("peergroups:group-list"),
        text_fields=["tag"],
        good={},
        method="get",
        # The tag is carried in a link, not typed into a box.
        not_shown=frozenset({"tag"}),
    )
    run(signed_in(place.member), probe)


def test_joining_survives_naughty_strings(place: Place) -> None:
    newcomer = Person.objects.create_user(username="river-newcomer")
    grant_role(person=newcomer, organisation=place.organisation, role=Role.PEER)

    def step_out_again() -> None:
        Membership.objects.filter(group=place.group, person=newcomer).update(
            status=Status.LEFT
        )

    probe = FormProbe(
        label="join",
        url=reverse("peergroups:group-join", args=[place.group.pk]),
        text_fields=["display_name"],
        good={},
        after_success=step_out_again,
    )
    run(signed_in(newcomer), probe)


def test_changing_display_name_survives_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="display name",
        url=reverse("peergroups:display-name-edit", args=[place.group.pk]),
        text_fields=["display_name"],
        good={},
    )
    run(signed_in(place.member), probe)


def test_parting_note_survives_naughty_strings(place: Place) -> None:
    from alongside.insights.models import Answered

    def leave_again() -> None:
        # One note per leaving: forget it, so that every line is tried afresh.
        Answered.objects.filter(person=place.leaver).delete()

    probe = FormProbe(
        label="parting note",
        url=reverse("insights:parting-note", args=[place.group.pk]),
        text_fields=["text"],
        good={},
        after_success=leave_again,
    )
    run(signed_in(place.leaver), probe)


def test_starting_a_group_survives_naughty_strings(place: Place) -> None:
    def tidy() -> None:
        place.organisation.groups.exclude(pk=place.group.pk).delete()

    probe = FormProbe(
        label="start a group",
        url=reverse("peergroups:group-create", args=[place.organisation.slug]),
        text_fields=["name", "shared_experience", "tags", "who_for", "when_and_where"],
        good={
            "name": "Walking together",
            "shared_experience": "Living with long-term pain.",
            "tags": "",
            "who_for": "",
            "format": "online",
            "when_and_where": "",
            "join_policy": "open",
            "is_listed": "on",
        },
        after_success=tidy,
    )
    run(signed_in(place.admin), probe)


def test_organisation_settings_survive_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="organisation settings",
        url=reverse("organisations:settings-edit", args=[place.organisation.slug]),
        text_fields=["name", "about", "confidentiality_statement"],
        good={
            "name": "Riverside Peer Support",
            "about": "",
            "confidentiality_statement": "What is said here stays here.",
            "allows_links": "on",
            "group_creation": "staff",
        },
    )
    run(signed_in(place.admin), probe)


def test_new_invitation_survives_naughty_strings(place: Place) -> None:
    def tidy() -> None:
        Invitation.objects.filter(organisation=place.organisation).delete()

    probe = FormProbe(
        label="new invitation",
        url=reverse("organisations:invitation-list", args=[place.organisation.slug]),
        text_fields=["label"],
        good={"role": "peer", "max_uses": "1", "valid_for_days": "30"},
        after_success=tidy,
    )
    run(signed_in(place.admin), probe)


SERVICE_FIELDS = [
    "name",
    "purpose",
    "phone",
    "text_message",
    "website",
    "hours",
    "region",
]
SERVICE_GOOD = {
    "name": "Riverside crisis café",
    "purpose": "Somewhere calm to go in the evening.",
    "phone": "",
    "text_message": "",
    "website": "",
    "hours": "",
    "region": "",
    "position": "100",
}


def test_adding_to_help_directory_survives_naughty_strings(place: Place) -> None:
    def tidy() -> None:
        place.organisation.support_services.exclude(pk=place.service.pk).delete()

    probe = FormProbe(
        label="add to help directory",
        url=reverse("organisations:directory-manage", args=[place.organisation.slug]),
        text_fields=SERVICE_FIELDS,
        good=SERVICE_GOOD,
        after_success=tidy,
    )
    tidy()
    run(signed_in(place.admin), probe)


def test_changing_help_directory_survives_naughty_strings(place: Place) -> None:
    probe = FormProbe(
        label="change help directory",
        url=reverse(
            "organisations:directory-edit",
            args=[place.organisation.slug, place.service.pk],
        ),
        text_fields=SERVICE_FIELDS,
        good=SERVICE_GOOD,
    )
    run(signed_in(place.admin), probe)


def test_every_line_is_tried(place: Place) -> None:
    """The list is really there and read: hundreds of lines, no comments."""
    lines = naughty_lines()
    assert len(lines) > 400
    assert not any(line.startswith("#") for line in lines)


def test_a_name_that_differs_only_in_a_special_letter_is_turned_down_kindly(
    place: Place,
) -> None:
    """Lower-casing rules differ between Python and the database; the database's
    rule decides whether two names in a group are the same."""
    Membership.objects.filter(person=place.leaver).update(display_name="stra\u00dfe")
    client = signed_in(place.member)
    response = client.post(
        reverse("peergroups:display-name-edit", args=[place.group.pk]),
        {"display_name": "Stra\u00dfe"},
    )
    assert response.status_code == 200
    assert "already uses that name" in response.content.decode()
    assert shown_values(response)["display_name"] == "Stra\u00dfe"
