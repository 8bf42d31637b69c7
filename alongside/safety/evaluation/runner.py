"""Runs the screener over the evaluation files and the UK challenge set.

How a hit is counted:

- SDCNL (forum posts): a post "alerts" when screening sets ``needs_on_duty_alert``
  (risk to life); suicide-forum posts are positives, depression-forum posts negatives
  (noisy: that forum also holds ideation). "Held as abusive" is a hold whose reasons
  include abuse. "Warning" is a suggested warning of suicide or self-harm.
- Davidson (tweets): a tweet is "held as abusive" as above; recall is over the
  hate-speech class, and the offensive and neither classes are reported beside it.
- Presidio (synthetic sentences with marked spans): a gold span is found when any
  recognised detail of a matching kind overlaps it by at least one character
  (phone ← phone or NHS number; email ← email; street address ← street address or
  postcode). A recognised span is correct when it overlaps a gold span of a matching
  type.
- UK challenge set (``uk_challenge.jsonl``, written here): each line says which
  detectors should fire and which personal-detail kinds it holds; a kind is found when
  a detail of that kind is recognised anywhere in the line.
- Challenge set (``challenge_set.txt``, written here by category): each sentence says
  whether the person on duty should be alerted (risk), whether it should be held for
  method detail or abuse, which warning and which card the author should get. It
  gives the alert rate on sentences written to support others, false alerts on
  supportive, news, idiom and recovery sentences, and recall and precision per
  category.

Every file is split in two halves by a hash of the row number; the rules were written
from general knowledge and checked only against aggregate figures on the first half.
Figures are reported for the held-out half and for the whole file.
"""

from __future__ import annotations

import heapq
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from alongside.safety.evaluation import datasets
from alongside.safety.evaluation.datasets import Example
from alongside.safety.evaluation.metrics import Confusion, percentile
from alongside.safety.screening import Detector, HoldReason, ScreeningResult, screen
from alongside.safety.screening.normalise import Span

SPLITS = ("held_out", "whole")
# How many of the slowest posts by one timing are timed again.
_SLOWEST_FEW = 5
PRESIDIO_KINDS = {
    "PHONE_NUMBER": ("phone", {"phone", "nhs_number"}),
    "EMAIL_ADDRESS": ("email", {"email"}),
    "STREET_ADDRESS": ("street_address", {"street_address", "postcode"}),
}
WARNING_TOPICS = {"suicide", "self_harm"}
# Sentences written to support someone else: none of them should alert or be held.
SUPPORTIVE_CATEGORIES = {"supporting", "question"}
# The false-alarm sources the issue names: none of these should alert.
FALSE_ALARM_CATEGORIES = {"supporting", "question", "news", "idiom", "recovery"}
CHALLENGE_DETECTORS = ("risk", "method", "abuse", "warning", "card", "details")


@dataclass
class Target:
    name: str
    threshold: float
    at_most: bool
    values: dict[str, float | None] = field(default_factory=dict)

    def met(self, split: str) -> bool | None:
        value = self.values.get(split)
        if value is None:
            return None
        return value <= self.threshold if self.at_most else value >= self.threshold


@dataclass
class Report:
    sections: dict[str, dict[str, dict[str, Confusion]]] = field(default_factory=dict)
    counts: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    # CPU time of posts no longer than a post can be in the product.
    cpu_ms_postable: list[float] = field(default_factory=list)
    # The slowest text screened (by its best of five, among ``slowest_few``), the
    # longest, and the longest a member could post: kept in memory only, to be timed
    # again (never printed).
    slowest_text: str = ""
    slowest_once_ms: float = 0.0
    # The few slowest by their one timing: each is timed again and the slowest of
    # them by its best of five is reported (one timing on a shared machine is noisy).
    slowest_few: list[tuple[float, int, str]] = field(default_factory=list)
    longest_text: str = ""
    longest_postable_text: str = ""
    # CPU time of five more screenings of each (ms): a single timing on a shared
    # machine varies with the load; the best of five is the screener's own cost.
    slowest_cpu_ms: list[float] = field(default_factory=list)
    longest_cpu_ms: list[float] = field(default_factory=list)
    longest_postable_cpu_ms: list[float] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # category -> split -> detector -> counts, for the challenge set.
    categories: dict[str, dict[str, dict[str, Confusion]]] = field(default_factory=dict)

    def confusion(self, section: str, split: str, name: str) -> Confusion:
        return (
            self.sections.setdefault(section, {})
            .setdefault(split, {})
            .setdefault(name, Confusion())
        )

    def counter(self, section: str, split: str) -> Counter[str]:
        return self.counts.setdefault(section, {}).setdefault(split, Counter())

    def target(self, name: str) -> Target:
        return next(target for target in self.targets if target.name == name)


def _longest_post() -> int:
    """The most characters a post may have (the conversations app's limit)."""
    from alongside.conversations.models import Post

    return Post._meta.get_field("body").max_length or 5000


def _timed(report: Report, text: str) -> ScreeningResult:
    started, cpu_started = time.perf_counter(), time.thread_time()
    result = screen(text)
    cpu = (time.thread_time() - cpu_started) * 1000
    report.cpu_ms.append(cpu)
    if len(text) <= _longest_post():
        report.cpu_ms_postable.append(cpu)
        if len(text) > len(report.longest_postable_text):
            report.longest_postable_text = text
    if len(text) > len(report.longest_text):
        report.longest_text = text
    if cpu >= report.slowest_once_ms:
        report.slowest_text, report.slowest_once_ms = text, cpu
    entry = (cpu, len(report.cpu_ms), text)
    if len(report.slowest_few) < _SLOWEST_FEW:
        heapq.heappush(report.slowest_few, entry)
    elif cpu > report.slowest_few[0][0]:
        heapq.heapreplace(report.slowest_few, entry)
    report.latencies_ms.append((time.perf_counter() - started) * 1000)
    return result


def _timed_again(text: str, times: int = 5) -> list[float]:
    """CPU time (ms) of screening ``text`` ``times`` more times."""
    if not text:
        return []
    figures = []
    for _ in range(times):
        cpu_started = time.thread_time()
        screen(text)
        figures.append((time.thread_time() - cpu_started) * 1000)
    return figures


def _splits(example: Example) -> tuple[str, ...]:
    return ("held_out", "whole") if example.held_out else ("tune", "whole")


def _is_abuse(result: ScreeningResult) -> bool:
    return HoldReason.ABUSE in result.hold_reasons


def evaluate_sdcnl(report: Report, examples: list[Example]) -> None:
    for example in examples:
        result = _timed(report, example.text)
        suicide_forum = example.label == "1"
        for split in _splits(example):
            report.confusion("sdcnl", split, "risk_to_life").add(
                expected=suicide_forum, predicted=result.needs_on_duty_alert
            )
            if suicide_forum:
                report.confusion("sdcnl", split, "warning_on_suicide_forum").add(
                    expected=True,
                    predicted=result.suggested_warning in WARNING_TOPICS,
                )
            counter = report.counter("sdcnl", split)
            counter["posts"] += 1
            counter[f"outcome:{result.outcome}"] += 1
            counter["held_as_abusive"] += _is_abuse(result)
            counter["held_for_method"] += HoldReason.METHOD in result.hold_reasons
            counter["alerts"] += result.needs_on_duty_alert
            if result.needs_on_duty_alert:
                counter[f"alert_urgency:{result.urgency}"] += 1


def evaluate_davidson(report: Report, examples: list[Example]) -> None:
    for example in examples:
        result = _timed(report, example.text)
        for split in _splits(example):
            report.confusion("davidson", split, "abuse_vs_hate_speech").add(
                expected=example.label == "0", predicted=_is_abuse(result)
            )
            report.confusion("davidson", split, "abuse_vs_hate_or_offensive").add(
                expected=example.label in {"0", "1"}, predicted=_is_abuse(result)
            )
            counter = report.counter("davidson", split)
            counter[f"class{example.label}"] += 1
            counter[f"class{example.label}:held_as_abusive"] += _is_abuse(result)


def _detail_spans(result: ScreeningResult) -> list[tuple[str, Span]]:
    return [
        (signal.label, span)
        for signal in result.signals
        if signal.detector == Detector.PERSONAL_DETAILS
        for span in signal.spans
    ]


def evaluate_presidio(report: Report, examples: list[Example]) -> None:
    for example in examples:
        result = _timed(report, example.text)
        found = _detail_spans(result)
        for split in _splits(example):
            for gold_type, (name, kinds) in PRESIDIO_KINDS.items():
                gold = [
                    Span(start, end)
                    for entity, start, end in example.spans
                    if entity == gold_type
                ]
                confusion = report.confusion("presidio", split, name)
                for gold_span in gold:
                    hit = any(k in kinds and s.overlaps(gold_span) for k, s in found)
                    confusion.add(expected=True, predicted=hit)
                for kind, span in found:
                    if kind in kinds and not any(span.overlaps(g) for g in gold):
                        confusion.add(expected=False, predicted=True)


def evaluate_uk(report: Report, examples: list[Example]) -> None:
    for example in examples:
        result = _timed(report, example.text)
        expected = example.extra
        kinds_found = {kind for kind, _ in _detail_spans(result)}
        detectors = {
            "risk": result.needs_on_duty_alert,
            "method": HoldReason.METHOD in result.hold_reasons,
            "abuse": _is_abuse(result),
        }
        expected_kinds = set(expected.get("details", []))  # type: ignore[call-overload]
        for split in _splits(example):
            for name, predicted in detectors.items():
                report.confusion("uk", split, name).add(
                    expected=bool(expected.get(name, 0)), predicted=predicted
                )
            details = report.confusion("uk", split, "personal_details")
            for kind in expected_kinds:
                hit = kind in kinds_found
                details.add(expected=True, predicted=hit)
                report.confusion("uk", split, f"detail:{kind}").add(
                    expected=True, predicted=hit
                )
            held_kinds = {
                kind for kind in kinds_found if kind not in {"link", "service_number"}
            }
            for _unexpected in held_kinds - expected_kinds:
                details.add(expected=False, predicted=True)
            if "warning" in expected:
                report.confusion("uk", split, "warning").add(
                    expected=expected["warning"] is not None,
                    predicted=result.suggested_warning is not None
                    and result.suggested_warning == expected["warning"],
                )


def _challenge_predictions(
    result: ScreeningResult, labels: dict[str, object]
) -> dict[str, tuple[bool, bool]]:
    """(expected, predicted) for each detector the sentence is labelled for."""
    found: dict[str, tuple[bool, bool]] = {}
    flags = {
        "risk": result.needs_on_duty_alert,
        "method": HoldReason.METHOD in result.hold_reasons,
        "abuse": _is_abuse(result),
    }
    for name, predicted in flags.items():
        expected = str(labels.get(name, "0"))
        if expected != "-":
            found[name] = (expected == "1", predicted)
    for name, value in (("warning", result.suggested_warning), ("card", result.card)):
        if name not in labels:
            continue
        wanted = str(labels[name])
        if wanted == "none":
            found[name] = (False, bool(value))
        else:
            found[name] = (True, value == wanted)
    if "details" in labels:
        wanted_kinds = {kind for kind in str(labels["details"]).split(",") if kind}
        kinds = {
            kind
            for kind, _ in _detail_spans(result)
            if kind not in {"link", "service_number"}
        }
        found["details"] = (bool(wanted_kinds), bool(kinds) and wanted_kinds <= kinds)
    return found


def evaluate_challenge(report: Report, examples: list[Example]) -> None:
    for example in examples:
        result = _timed(report, example.text)
        predictions = _challenge_predictions(result, example.extra)
        for split in _splits(example):
            by_detector = report.categories.setdefault(example.label, {}).setdefault(
                split, {}
            )
            for name, (expected, predicted) in predictions.items():
                report.confusion("challenge", split, name).add(
                    expected=expected, predicted=predicted
                )
                by_detector.setdefault(name, Confusion()).add(
                    expected=expected, predicted=predicted
                )
            counter = report.counter("challenge", split)
            counter["sentences"] += 1
            if result.needs_on_duty_alert:
                counter[f"alert_urgency:{result.urgency}"] += 1
            if example.label in SUPPORTIVE_CATEGORIES:
                counter["supportive"] += 1
                counter["supportive_alerts"] += result.needs_on_duty_alert
                counter["supportive_held_as_abusive"] += _is_abuse(result)
                counter["supportive_guidance"] += result.card == "responding_safely"
            if example.label in FALSE_ALARM_CATEGORIES:
                counter["false_alarm_sources"] += 1
                counter["false_alarm_source_alerts"] += result.needs_on_duty_alert


def _targets(report: Report) -> None:
    def value(
        section: str, split: str, name: str, getter: Callable[[Confusion], float | None]
    ) -> float | None:
        confusion = report.sections.get(section, {}).get(split, {}).get(name)
        return getter(confusion) if confusion and confusion.total else None

    def recall(c: Confusion) -> float | None:
        return c.recall

    def precision(c: Confusion) -> float | None:
        return c.precision

    rows = [
        ("risk to life recall, SDCNL suicide forum", 0.85, False,
         ("sdcnl", "risk_to_life", recall)),
        ("risk to life precision, SDCNL", 0.65, False,
         ("sdcnl", "risk_to_life", precision)),
        ("abuse recall, Davidson hate speech", 0.80, False,
         ("davidson", "abuse_vs_hate_speech", recall)),
        ("email recall, Presidio", 0.95, False, ("presidio", "email", recall)),
        ("phone recall, Presidio", 0.95, False, ("presidio", "phone", recall)),
        ("street address recall, Presidio", 0.80, False,
         ("presidio", "street_address", recall)),
        ("personal details recall, UK set", 0.95, False,
         ("uk", "personal_details", recall)),
        ("suicide/self-harm warning, SDCNL suicide forum", 0.90, False,
         ("sdcnl", "warning_on_suicide_forum", recall)),
        ("risk to life recall, challenge set", 0.90, False,
         ("challenge", "risk", recall)),
        ("method detail recall, challenge set", 0.90, False,
         ("challenge", "method", recall)),
        ("method detail precision, challenge set", 0.90, False,
         ("challenge", "method", precision)),
        ("abuse recall, challenge set", 0.85, False,
         ("challenge", "abuse", recall)),
        ("abuse precision, challenge set", 0.90, False,
         ("challenge", "abuse", precision)),
    ]  # fmt: skip
    for name, threshold, at_most, (section, metric, getter) in rows:
        target = Target(name, threshold, at_most)
        for split in SPLITS:
            target.values[split] = value(section, split, metric, getter)
        report.targets.append(target)

    def share(name: str, section: str, part: str, whole: str, threshold: float) -> None:
        target = Target(name, threshold, True)
        for split in SPLITS:
            counter = report.counts.get(section, {}).get(split)
            target.values[split] = (
                counter[part] / counter[whole] if counter and counter[whole] else None
            )
        report.targets.append(target)

    share(
        "SDCNL posts held as abusive (share)", "sdcnl", "held_as_abusive", "posts", 0.01
    )
    share(
        "false alerts on supportive, news, idiom and recovery sentences (share)",
        "challenge",
        "false_alarm_source_alerts",
        "false_alarm_sources",
        0.05,
    )
    share("supportive sentences held as abusive (share)", "challenge",
          "supportive_held_as_abusive", "supportive", 0.0)  # fmt: skip
    for _cpu, _order, text in report.slowest_few:
        figures = _timed_again(text)
        if min(figures) >= min(report.slowest_cpu_ms, default=0.0):
            report.slowest_text, report.slowest_cpu_ms = text, figures
    report.longest_cpu_ms = _timed_again(report.longest_text)
    report.longest_postable_cpu_ms = _timed_again(report.longest_postable_text)
    for name, values, fraction, threshold in (
        ("latency p95 per post, ms of CPU", report.cpu_ms, 0.95, 10.0),
        (
            "latency of the slowest post, ms of CPU (best of five)",
            [
                max(
                    min(report.slowest_cpu_ms, default=0.0),
                    min(report.longest_cpu_ms, default=0.0),
                )
            ],
            0.0,
            50.0,
        ),
        (
            "latency of the longest post a member can send (5,000 characters), "
            "ms of CPU (best of five)",
            report.longest_postable_cpu_ms,
            0.0,
            50.0,
        ),
    ):
        latency = Target(name, threshold, True)
        figure = percentile(values, fraction) if values else None
        latency.values = {"held_out": figure, "whole": figure}
        report.targets.append(latency)


def run_evaluation(
    directory: Path | None = None,
    limit: int | None = None,
    *,
    tuning_only: bool = False,
) -> Report:
    """Screen every example; ``limit`` takes the first rows of each file (for CI).

    ``tuning_only`` screens only the tuning half of every file, for use while rules
    are being changed: the held-out half is then scored once, at the end.
    """
    report = Report()
    directory = directory if directory is not None else datasets.data_dir()
    loaders: list[tuple[str, Callable[[], list[Example]], Callable[..., None]]] = [
        ("sdcnl-training-set.csv", lambda: datasets.sdcnl(directory, limit),
         evaluate_sdcnl),
        ("davidson-labeled-data.csv", lambda: datasets.davidson(directory, limit),
         evaluate_davidson),
        ("presidio-synth-dataset-v2.json",
         lambda: datasets.presidio(directory, limit), evaluate_presidio),
    ]  # fmt: skip
    for file_name, load, evaluate in loaders:
        if not (directory / file_name).exists():
            report.missing.append(file_name)
            continue
        evaluate(report, _halves(load(), tuning_only))
    evaluate_uk(report, _halves(datasets.uk_challenge(), tuning_only))
    evaluate_challenge(report, _halves(datasets.challenge_set(), tuning_only))
    _targets(report)
    return report


def _halves(examples: list[Example], tuning_only: bool) -> list[Example]:
    return [e for e in examples if not e.held_out] if tuning_only else examples


def per_detector_rows(report: Report) -> dict[str, dict[str, dict[str, Confusion]]]:
    grouped: dict[str, dict[str, dict[str, Confusion]]] = defaultdict(dict)
    for section, splits in report.sections.items():
        for split, confusions in splits.items():
            grouped[section][split] = confusions
    return grouped
