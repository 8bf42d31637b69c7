"""Formatting an evaluation report: figures and confusion matrices, never texts."""

from __future__ import annotations

from alongside.safety.evaluation.metrics import percentile, ratio
from alongside.safety.evaluation.runner import SPLITS, Report

_SECTION_TITLES = {
    "sdcnl": "SDCNL forum posts (positives: suicide forum)",
    "davidson": "Davidson tweets (positives: hate speech; then hate or offensive)",
    "presidio": "Presidio synthetic personal details (gold spans, any overlap)",
    "uk": "UK challenge set (written here)",
}


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

    latencies = report.latencies_ms
    lines.append(
        f"== Latency per post over {len(latencies)} posts: "
        f"p50={percentile(latencies, 0.50):.2f} ms, "
        f"p95={percentile(latencies, 0.95):.2f} ms, "
        f"max={max(latencies, default=0.0):.2f} ms"
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
