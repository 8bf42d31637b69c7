"""A small slice of the evaluation, so CI keeps measuring. Prints no texts."""

from pathlib import Path

import pytest

from alongside.safety.evaluation.datasets import data_dir, uk_challenge
from alongside.safety.evaluation.report import format_report
from alongside.safety.evaluation.runner import run_evaluation


def test_uk_challenge_set_is_large_and_labelled() -> None:
    examples = uk_challenge()
    assert len(examples) >= 150
    assert all("details" in example.extra for example in examples)


def test_uk_personal_details_recall_meets_its_target(tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = run_evaluation(tmp_path)  # an empty folder: only the UK set is measured
    target = report.target("personal details recall, UK set")
    assert target.met("whole")
    assert "Missing evaluation files" in format_report(report)


def test_a_slice_of_the_shared_data_runs() -> None:
    directory = data_dir()
    if not directory.is_dir():
        pytest.skip(f"shared evaluation data not found at {directory}")
    report = run_evaluation(directory, limit=200)
    assert not report.missing
    assert report.target("email recall, Presidio").met("whole")
    assert report.latencies_ms
    sdcnl = report.sections["sdcnl"]["whole"]["risk_to_life"]
    assert sdcnl.total == 200


def test_our_challenge_set_is_large_labelled_and_split_within_each_category() -> None:
    from alongside.safety.evaluation.datasets import challenge_set

    examples = challenge_set()
    assert len(examples) >= 400
    categories = {example.label for example in examples}
    for category in categories:
        halves = {e.held_out for e in examples if e.label == category}
        assert halves == {True, False}, category
    for needed in (
        "now",
        "past",
        "recovery",
        "supporting",
        "question",
        "news",
        "idiom",
        "lyric",
        "goodbye",
        "plan",
        "method_quantity",
        "method_stockpile",
        "method_height",
        "method_dose",
        "method_burning",
        "method_ligature",
        "method_blades",
        "method_railway",
        "method_masked",
        "masked",
        "goading",
        "insult_you",
        "insult_named",
        "friend",
        "uk_details",
        "cw_eating",
        "cw_substances",
        "cw_partner_abuse",
    ):
        assert needed in categories, needed


def test_the_report_gives_alert_volume_urgency_and_figures_by_category(
    tmp_path: Path,
) -> None:
    report = run_evaluation(tmp_path, tuning_only=True)
    text = format_report(report)
    assert "alert rate on sentences written to support others" in text
    assert "urgency of alerts, challenge" in text
    assert "Challenge set by category" in text
    # Only the tuning half is screened while rules are being changed.
    assert "held_out:\n  tune:" in text
    target = report.target("supportive sentences held as abusive (share)")
    assert target.values["whole"] == 0.0
