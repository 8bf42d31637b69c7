"""A small slice of the evaluation, so CI keeps measuring. Prints no texts."""

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
