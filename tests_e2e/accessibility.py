"""axe-core in the browser: every page a journey visits must have no moderate, serious
or critical accessibility problems (headings out of order, missing landmarks and the
like count: a screen reader's user finds their way by them)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = next(
    (ROOT / ".venv" / "lib").glob(
        "python3*/site-packages/axe_playwright_python/axe.min.js"
    )
)

AXE_SOURCE = AXE_JS.read_text()

FAILING_IMPACTS = ("moderate", "serious", "critical")

# Every page checked in this session, for the summary at the end.
AXE_PAGES: list[str] = []


def check_accessibility(page: Page) -> None:
    """Run axe-core on the page as it is now; fail on moderate, serious or critical
    problems (only "minor" ones are let through)."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    results = page.evaluate(
        """async () => {
          const results = await axe.run(document, {resultTypes: ['violations']});
          return results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary})),
          }));
        }"""
    )
    AXE_PAGES.append(page.url)
    problems = [v for v in results if v["impact"] in FAILING_IMPACTS]
    if problems:
        report = json.dumps(problems, indent=2)
        print(f"axe found problems on {page.url}:\n{report}", file=sys.stderr)
    assert not problems, f"axe: {len(problems)} moderate or worse on {page.url}:\n" + (
        "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n"
            + "\n".join(f"    {n['target']}: {n['summary']}" for n in v["nodes"])
            for v in problems
        )
    )


# The narrowest phone a page must serve.
NARROWEST = {"width": 320, "height": 700}


def fits_the_screen(page: Page) -> None:
    """Nothing on the page scrolls sideways."""
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways: {widths}"


def check_both_widths(page: Page) -> None:
    """axe at the page's own width, then at 320 px (and nothing scrolls sideways)."""
    check_accessibility(page)
    size = page.viewport_size
    page.set_viewport_size(NARROWEST)
    check_accessibility(page)
    fits_the_screen(page)
    if size is not None:
        page.set_viewport_size(size)
