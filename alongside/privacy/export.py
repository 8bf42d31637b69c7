"""A person's download: everything Alongside holds about them, from the registry,
as one document that becomes a JSON file or a readable, self-contained HTML page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.dateparse import parse_date, parse_datetime

from alongside.accounts.models import Person

from .registry import REGISTRY


def _account(person: Person) -> dict[str, Any]:
    return {
        "pseudonym": person.username,
        "name_others_see": person.shown_name,
        "name_chosen": person.known_as,
        "email": person.email,
        "wants_email_notifications": person.wants_email_notifications,
        "quick_exit_signs_out": person.get_quick_exit_signs_out_display(),
        "joined_at": person.date_joined.isoformat(),
        "last_signed_in_at": person.last_login.isoformat()
        if person.last_login
        else None,
    }


def _head(person: Person) -> dict[str, Any]:
    return {
        "about": "Everything Alongside holds about you, made at your request. "
        "It holds only your own words and choices, never another member's words.",
        "made_at": timezone.now().isoformat(),
        "account": _account(person),
    }


def _sections(person: Person) -> Iterator[dict[str, Any]]:
    """Every section of the download, keyed by the registry entry it comes from,
    one at a time. Entries left out of the download say why, so the file explains
    itself."""
    for entry in REGISTRY:
        section: dict[str, Any] = {"key": entry.key, "title": entry.title}
        if entry.export is None:
            section["left_out_because"] = entry.not_exported_because
        else:
            section["rows"] = entry.export(person)
        yield section


def build_export(person: Person) -> dict[str, Any]:
    """The whole download as one document."""
    return {**_head(person), "sections": list(_sections(person))}


def export_as_json(person: Person) -> str:
    return "".join(export_as_json_parts(person))


def export_as_json_parts(person: Person) -> Iterator[str]:
    """The JSON file in parts, one section at a time, so that a large download is
    never held whole in memory. Joined, the parts are exactly
    `json.dumps(build_export(person), indent=2, ensure_ascii=False)`."""
    head = json.dumps(_head(person), indent=2, ensure_ascii=False)
    # The head ends "\n}"; the sections go in as its last key.
    opened = head.removesuffix("\n}") + ',\n  "sections": ['
    sections = _sections(person)
    first = next(sections, None)
    if first is None:
        yield opened + "]\n}"
        return
    yield opened
    # JSON text has no raw line breaks inside strings, so every line break is
    # layout and can take the two levels of indent a section has in the file.
    yield "\n    " + _indented(first)
    for section in sections:
        yield ",\n    " + _indented(section)
    yield "\n  ]\n}"


def _indented(section: dict[str, Any]) -> str:
    return json.dumps(section, indent=2, ensure_ascii=False).replace("\n", "\n    ")


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _readable_when(value: str) -> str | None:
    """A date or time from the file, as people write it ("6 December 2026, 14:05",
    UK time); None when the text is not one."""
    if _ISO_DATETIME.match(value):
        moment = parse_datetime(value)
        if moment is not None:
            local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
            return format_date(local, "j F Y, H:i")
    if _ISO_DATE.match(value):
        day = parse_date(value)
        if day is not None:
            return format_date(day, "j F Y")
    return None


def _readable(value: object) -> str:
    """One value as plain text for the page; the template escapes it."""
    if isinstance(value, str) and (when := _readable_when(value)) is not None:
        return when
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return "\n".join(_readable(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_readable(v)}" for k, v in value.items())
    return str(value)


def _pairs(row: dict[str, Any]) -> list[tuple[str, str]]:
    return [(_label(name), _readable(value)) for name, value in row.items()]


EXPORT_PAGE = "privacy/export.html"


def _page_section(section: dict[str, Any]) -> dict[str, Any] | None:
    """One section as the page shows it, or None for a kind of record that holds
    nothing about this person: those are named in the data file, and the page keeps
    to what there is, so nobody reads a list of empty headings about things that
    were never theirs (the admin site's groups)."""
    if not (section.get("rows") or section.get("left_out_because")):
        return None
    return {
        "title": section["title"],
        "left_out_because": section.get("left_out_because", ""),
        "rows": [_pairs(row) for row in section.get("rows", [])],
    }


def _page_head(person: Person) -> dict[str, Any]:
    head = _head(person)
    return {
        "about": head["about"],
        "made_at": _readable(head["made_at"]),
        "account": _pairs(head["account"]),
    }


def export_as_html(person: Person) -> str:
    """A page that opens on its own, offline: no scripts, no styles, nothing to
    fetch, every value escaped by the template. Built whole; the download sends
    `export_as_html_parts`, which joined is exactly this."""
    sections = [
        shown for s in _sections(person) if (shown := _page_section(s)) is not None
    ]
    return render_to_string(EXPORT_PAGE, {**_page_head(person), "sections": sections})


def export_as_html_parts(person: Person) -> Iterator[str]:
    """The page in parts: its opening, then one section at a time, then its close,
    each rendered from the page's own named partials, so a long history is never
    held whole in memory."""
    yield render_to_string(f"{EXPORT_PAGE}#opening", _page_head(person))
    for section in _sections(person):
        shown = _page_section(section)
        if shown is not None:
            yield render_to_string(f"{EXPORT_PAGE}#section", {"section": shown})
    yield render_to_string(f"{EXPORT_PAGE}#closing", {})
