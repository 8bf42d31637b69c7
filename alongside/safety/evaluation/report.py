"""Formatting an evaluation report: figures and confusion matrices, never texts."""

from __future__ import annotations

from statistics import median

from alongside.safety.evaluation.metrics import percentile, ratio
from alongside.safety.evaluation.runner import SPLITS, Report

_SECTION_TITLES = {
    "sdcnl": "SDCNL forum posts (positives: suicide forum)",
    "davidson": "Davidson tweets (positives: hate speech; then hate or offensive)",
    "presidio": "Presidio synthetic personal details (gold spans, any overlap)",
    "uk": "UK challenge set (written here)",
    "challenge": "Challenge set (written here by category, see challenge_set.txt)",
}
_URGENCY_NAMES = {
    6: "immediate (intent with a plan, a time or a means)",
    5: "intent",
    4: "self-harm now or two warning signs",
    3: "warning signs built up over recent posts",
}


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.3f}" if whole else "n/a"


def _headline(report: Report) -> list[str]:
    """The figures a facilitator would ask about first."""
    lines = ["== Alert volume and urgency"]
    for split in ("held_out", "whole", "tune"):
        sdcnl = report.counts.get("sdcnl", {}).get(split)
        if sdcnl and sdcnl["posts"]:
            per_50 = 50 * sdcnl["alerts"] / sdcnl["posts"]
            lines.append(
                f"  SDCNL alerts per 50 posts ({split}): {per_50:.1f} "
                f"({sdcnl['alerts']} of {sdcnl['posts']})"
            )
    for split in ("held_out", "whole", "tune"):
        challenge = report.counts.get("challenge", {}).get(split)
        if challenge:
            lines.append(
                f"  alert rate on sentences written to support others ({split}): "
                + _share(challenge["supportive_alerts"], challenge["supportive"])
                + "; responding-safely guidance offered: "
                + _share(challenge["supportive_guidance"], challenge["supportive"])
            )
    for section in ("sdcnl", "challenge"):
        counter = report.counts.get(section, {}).get("whole")
        if not counter:
            continue
        urgencies = sorted(
            (int(key.split(":")[1]), value)
            for key, value in counter.items()
            if key.startswith("alert_urgency:")
        )
        cells = ", ".join(
            f"{_URGENCY_NAMES.get(level, level)}: {count}"
            for level, count in reversed(urgencies)
        )
        lines.append(f"  urgency of alerts, {section} (whole): {cells or 'no alerts'}")
    lines.append("")
    return lines


def _by_category(report: Report) -> list[str]:
    if not report.categories:
        return []
    lines = ["== Challenge set by category (recall / precision; false alerts on 0s)"]
    for split in ("held_out", "tune"):
        lines.append(f"  {split}:")
        for category in sorted(report.categories):
            confusions = report.categories[category].get(split)
            if not confusions:
                continue
            cells = []
            for name, confusion in sorted(confusions.items()):
                expected = confusion.true_positive + confusion.false_negative
                if expected:
                    cells.append(
                        f"{name} recall={ratio(confusion.recall)} "
                        f"precision={ratio(confusion.precision)}"
                    )
                elif confusion.false_positive:
                    cells.append(
                        f"{name} false {confusion.false_positive}/{confusion.total}"
                    )
            total = max(c.total for c in confusions.values())
            lines.append(
                f"    {category:<18} n={total:<3} "
                + ("; ".join(cells) or "all correct")
            )
    lines.append("")
    return lines


def format_report(report: Report) -> str:
    lines: list[str] = []
    if report.missing:
        lines.append("Missing evaluation files (skipped): " + ", ".join(report.missing))
        lines.append("")
    for section, title in _SECTION_TITLES.items():
        splits = report.sections.get(section)
        if not splits:
            continue
        lines.append(f"== {title}")
        names = sorted({name for confusions in splits.values() for name in confusions})
        for name in names:
            lines.append(f"  {name}")
            for split in ("held_out", "whole", "tune"):
                confusion = splits.get(split, {}).get(name)
                if confusion is None:
                    continue
                lines.append(
                    f"    {split:<9} n={confusion.total:<6} "
                    f"precision={ratio(confusion.precision)} "
                    f"recall={ratio(confusion.recall)}"
                )
            whole = splits.get("whole", {}).get(name)
            if whole is not None:
                lines.append(whole.table(indent="      "))
        counts = report.counts.get(section, {})
        for split in ("held_out", "whole"):
            counter = counts.get(split)
            if counter:
                figures = ", ".join(
                    f"{key}={value}" for key, value in sorted(counter.items())
                )
                lines.append(f"  counts ({split}): {figures}")
        lines.append("")

    lines.extend(_headline(report))
    lines.extend(_by_category(report))
    latencies = report.latencies_ms
    lines.append(
        f"== Latency per post over {len(latencies)} posts: "
        f"p50={percentile(latencies, 0.50):.2f} ms, "
        f"p95={percentile(latencies, 0.95):.2f} ms, "
        f"max={max(latencies, default=0.0):.2f} ms (wall clock); CPU time "
        f"p50={percentile(report.cpu_ms, 0.50):.2f} ms, "
        f"p95={percentile(report.cpu_ms, 0.95):.2f} ms, "
        f"max={max(report.cpu_ms, default=0.0):.2f} ms"
    )
    timed_again: list[tuple[str, str, list[float]]] = [
        ("slowest post", report.slowest_text, report.slowest_cpu_ms),
        ("longest post", report.longest_text, report.longest_cpu_ms),
        (
            "longest post a member can send",
            report.longest_postable_text,
            report.longest_postable_cpu_ms,
        ),
    ]
    for label, text, timings in timed_again:
        if timings:
            lines.append(
                f"   {label} ({len(text):,} characters), screened five more times: "
                f"CPU best {min(timings):.2f} ms, median {median(timings):.2f} ms"
            )
    lines.append("")
    lines.append("== Targets (default install, no learned model)")
    for target in report.targets:
        sign = "<=" if target.at_most else ">="
        cells = []
        for split in SPLITS:
            value = target.values.get(split)
            met = target.met(split)
            if value is None:
                cells.append(f"{split}: n/a")
                continue
            verdict = "met" if met else f"MISSED by {abs(value - target.threshold):.3f}"
            cells.append(f"{split}: {value:.3f} ({verdict})")
        lines.append(
            f"  {target.name} (target {sign} {target.threshold}): " + "; ".join(cells)
        )
    return "\n".join(lines)
