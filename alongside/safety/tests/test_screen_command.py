import json
from io import StringIO

from django.core.management import call_command


def run(lines: str) -> list[dict[str, object]]:
    out = StringIO()
    call_command("screen", stdin=StringIO(lines), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_screen_writes_one_line_per_input_without_the_words() -> None:
    text = "I want to kill myself tonight, ring 07700 900123"
    results = run(json.dumps({"text": text}) + "\n" + json.dumps({"text": "hi"}) + "\n")
    first, second = results
    assert first["line"] == 1
    assert first["outcome"] == "hold"
    assert first["needs_on_duty_alert"] is True
    detectors = {signal["detector"] for signal in first["signals"]}  # type: ignore[attr-defined]
    assert {"risk_to_life", "personal_details"} <= detectors
    assert "kill" not in json.dumps(first)
    assert "07700" not in json.dumps(first)
    assert second == {
        "line": 2,
        "outcome": "allow",
        "needs_on_duty_alert": False,
        "shows_crisis_support": False,
        "suggested_warning": None,
        "hold_reasons": [],
        "signals": [],
    }


def test_bad_lines_get_an_error_line_and_the_rest_carry_on() -> None:
    results = run('not json\n{"txt": 1}\n[1]\n{"text": "hello"}\n')
    assert [result.get("error") is not None for result in results] == [
        True,
        True,
        True,
        False,
    ]
    assert [result["line"] for result in results] == [1, 2, 3, 4]
