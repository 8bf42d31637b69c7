"""What a plan is made of: its sections, in order, with our own headings, prompts and
plain examples, and the services every plan starts with.

The order follows two published approaches to safety planning: the six-step safety
planning method (warning signs, coping on your own, people and places that distract,
people to ask for help, professional services, making the situation safer) and the
"staying safe" approach (starting from reasons for living, and ending with what to do
if you still do not feel safe). The words here are our own (docs/safety-plans.md).

The content is kept as JSON, sealed in each `PlanVersion`. Reading it never fails:
unknown keys are ignored, missing ones read as empty.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

TEXT_LIMIT = 4000
NAME_LIMIT = 80
NUMBER_LIMIT = 40
NOTE_LIMIT = 200
MAX_PEOPLE = 8
MAX_SERVICES = 12


class Kind(StrEnum):
    TEXT = "text"
    PEOPLE = "people"
    SERVICES = "services"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    prompt: str
    examples: tuple[str, ...]
    kind: Kind = Kind.TEXT


SECTIONS: tuple[Section, ...] = (
    Section(
        "holding-on",
        "Things worth holding on to",
        "What matters to you, or what you want to be here for. Big or small.",
        (
            "My dog, who waits by the door every morning.",
            "Seeing my niece start school in September.",
            "Swimming in the sea on the first warm day.",
        ),
    ),
    Section(
        "getting-harder",
        "Signs that things are getting harder for me",
        "What you notice in your thoughts, feelings or what you do when things "
        "start to slide.",
        (
            "I stop answering messages and cancel plans.",
            "I lie awake and scroll on my phone until it is light.",
            "I stop eating proper meals.",
        ),
    ),
    Section(
        "on-my-own",
        "Things I can do on my own",
        "Things that have helped before, even a little, that need nobody else.",
        (
            "Have a shower and put on clean, soft clothes.",
            "Play the playlist I made for bad nights.",
            "Walk round the block, even if it is only once.",
        ),
    ),
    Section(
        "take-my-mind-off",
        "People and places that help take my mind off things",
        "Where you can be around others without having to talk about how you feel.",
        (
            "The library café, where it is busy but nobody expects anything.",
            "Watching the match with my brother.",
            "The evening live room here.",
        ),
    ),
    Section(
        "people",
        "People I can ask for help",
        "People you could tell how you are feeling. Add a number to call or text "
        "them from here.",
        (
            "My sister, who said I can ring any time.",
            "My neighbour, who has a spare key.",
        ),
        Kind.PEOPLE,
    ),
    Section(
        "services",
        "Services and professionals",
        "Places to call or text at any hour. Change them, add your own, or take "
        "away any that are not right for you.",
        (
            "My GP surgery, in the daytime.",
            "The crisis team number from my care coordinator.",
        ),
        Kind.SERVICES,
    ),
    Section(
        "safer",
        "Making my situation safer",
        "Small steps that make where you are feel safer, or make it harder to act "
        "on difficult thoughts. You do not need to write down anything harmful.",
        (
            "Ask my partner to look after my tablets for a while.",
            "Stay at my friend's flat on hard weekends.",
            "Keep this plan on my phone's home screen.",
        ),
    ),
    Section(
        "still-unsafe",
        "If I still don't feel safe",
        "What you will do if nothing else has helped.",
        (
            "Call 999 or go to A&E.",
            "Call Samaritans on 116 123.",
            "Ring the crisis number in my services list.",
        ),
    ),
)

SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str = ""
    text_to: str = ""
    note: str = ""

    @property
    def phone_link(self) -> str:
        return dialable(self.phone)

    @property
    def text_link(self) -> str:
        return dialable(self.text_to)


def dialable(number: str) -> str:
    """A number for a tel: or sms: link: a plus and the digits, each as 0-9, so a
    number typed with another script's digits still dials."""
    kept = []
    for character in number:
        value = unicodedata.digit(character, None)
        if value is not None:
            kept.append(str(value))
        elif character == "+" and not kept:
            kept.append(character)
    return "".join(kept)


# Every plan starts with these; the person can change or remove any of them. The
# organisation's own urgent routes from its help directory are added after them.
NATIONAL_SERVICES: tuple[Contact, ...] = (
    Contact(
        "Emergency services",
        phone="999",
        note="If your life is in danger right now.",
    ),
    Contact(
        "NHS 111",
        phone="111",
        note="Choose the mental health option (England, Wales and, through NHS 24, "
        "Scotland). Any time.",
    ),
    Contact(
        "Samaritans",
        phone="116 123",
        note="Someone to listen, any time. Free from any phone.",
    ),
    Contact(
        "Shout",
        text_to="85258",
        note="Text SHOUT to 85258 to talk by text, any time.",
    ),
)
NATIONAL_NAMES = frozenset(
    {
        "Emergency services",
        "NHS 111 (mental health option)",
        "Samaritans",
        "Shout",
    }
)


@dataclass
class PlanContent:
    """Everything in one version of a plan."""

    texts: dict[str, str] = field(default_factory=dict)
    not_for_me: list[str] = field(default_factory=list)
    people: list[Contact] = field(default_factory=list)
    # None until the person first saves the section: the starting list is shown.
    services: list[Contact] | None = None

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def is_not_for_me(self, key: str) -> bool:
        return key in self.not_for_me

    def has(self, key: str) -> bool:
        """Whether the person has written anything in this section."""
        section = SECTIONS_BY_KEY[key]
        if section.kind == Kind.PEOPLE:
            return bool(self.people) or bool(self.text(key))
        if section.kind == Kind.SERVICES:
            return self.services is not None
        return bool(self.text(key).strip())

    @property
    def is_empty(self) -> bool:
        return not any(self.has(section.key) for section in SECTIONS)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "texts": {key: value for key, value in self.texts.items() if value},
            "not_for_me": sorted(set(self.not_for_me)),
            "people": [asdict(person) for person in self.people],
            "services": None
            if self.services is None
            else [asdict(service) for service in self.services],
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PlanContent:
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        texts = data.get("texts") or {}
        services = data.get("services")
        return cls(
            texts={str(k): str(v) for k, v in texts.items() if k in SECTIONS_BY_KEY},
            not_for_me=[
                str(k) for k in data.get("not_for_me") or [] if k in SECTIONS_BY_KEY
            ],
            people=_contacts(data.get("people") or []),
            services=None if services is None else _contacts(services),
        )


def _contacts(rows: list[Any]) -> list[Contact]:
    contacts = []
    for row in rows:
        if isinstance(row, dict):
            contacts.append(
                Contact(
                    name=str(row.get("name", "")),
                    phone=str(row.get("phone", "")),
                    text_to=str(row.get("text_to", "")),
                    note=str(row.get("note", "")),
                )
            )
    return contacts


def starting_services(person: Any) -> list[Contact]:
    """The services a plan starts with: the national ones, then each of the
    person's organisations' own urgent routes from its "Get help now" directory
    (entries it added beyond the UK defaults)."""
    from alongside.organisations.models import SupportService
    from alongside.organisations.support_defaults import UK_SUPPORT_SERVICES

    defaults = {service["name"] for service in UK_SUPPORT_SERVICES}
    own = (
        SupportService.objects.filter(
            organisation__roles__person=person, is_urgent=True
        )
        .exclude(name__in=defaults)
        .order_by("position", "name")
        .distinct()
    )
    return [
        *NATIONAL_SERVICES,
        *(
            Contact(
                name=service.name,
                phone=service.phone,
                note=" ".join(
                    part for part in (service.purpose, service.text_message) if part
                ),
            )
            for service in own
        ),
    ]


def services_in(content: PlanContent, person: Any) -> list[Contact]:
    """The plan's services: the person's own list once saved, else the start."""
    if content.services is not None:
        return content.services
    return starting_services(person)


@dataclass(frozen=True)
class ShownSection:
    """One section as a page or a PDF shows it."""

    section: Section
    text: str
    is_not_for_me: bool
    contacts: list[Contact]

    @property
    def has_words(self) -> bool:
        return bool(self.text.strip()) or bool(self.contacts)


def shown_sections(content: PlanContent, person: Any) -> list[ShownSection]:
    """Every section in order, with what the person wrote in it."""
    shown = []
    for section in SECTIONS:
        if section.kind == Kind.PEOPLE:
            contacts = content.people
        elif section.kind == Kind.SERVICES:
            contacts = services_in(content, person)
        else:
            contacts = []
        shown.append(
            ShownSection(
                section=section,
                text=content.text(section.key),
                is_not_for_me=content.is_not_for_me(section.key),
                contacts=contacts,
            )
        )
    return shown
