"""Links and link-like buttons people tap are at least 44px tall (2.75rem), so that
someone on a phone, perhaps with shaking hands, hits what they meant to."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SITE_CSS = Path(__file__).resolve().parents[2] / "static" / "alongside" / "site.css"


def declarations_of(selector: str) -> str:
    css = SITE_CSS.read_text()
    match = re.search(rf"(?m)^{re.escape(selector)}\s*\{{([^}}]*)\}}", css)
    assert match, selector
    return match.group(1)


@pytest.mark.parametrize("selector", [".nav-list a", ".link-button", ".quick-exit"])
def test_small_links_and_link_buttons_are_at_least_44px_tall(selector: str) -> None:
    declarations = declarations_of(selector)

    assert re.search(r"min-height:\s*2\.75rem", declarations), declarations
    assert "align-items: center" in declarations
