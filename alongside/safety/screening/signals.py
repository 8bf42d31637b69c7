"""What a detector reports: a signal, with the spans it found in the author's text.

A signal never carries the matched words themselves, only offsets, so signals can be
logged, stored for the moderation queue and printed by ``manage.py screen`` without
repeating what someone wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from alongside.safety.screening.normalise import Span

__all__ = ["Detector", "Redaction", "Signal", "Span"]


class Detector(StrEnum):
    PERSONAL_DETAILS = "personal_details"
    RISK_TO_LIFE = "risk_to_life"
    METHOD = "method"
    ABUSE = "abuse"
    TOPIC = "topic"
    PHRASE_RULE = "phrase_rule"


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing a detector noticed.

    ``label`` is a short machine name (``"phone"``, ``"intent"``, ``"threat"``,
    ``"suicide"``); ``confidence`` runs from 0 to 1 and is the detector's own estimate,
    used to order the moderation queue, not a calibrated probability.
    """

    detector: Detector
    label: str
    spans: tuple[Span, ...]
    confidence: float

    def as_dict(self) -> dict[str, object]:
        return {
            "detector": str(self.detector),
            "label": self.label,
            "spans": [[span.start, span.end] for span in self.spans],
            "confidence": round(self.confidence, 2),
        }


@dataclass(frozen=True, slots=True)
class Redaction:
    """A span the author can remove with one click, and what to put in its place."""

    span: Span
    kind: str
    replacement: str

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "span": [self.span.start, self.span.end],
            "replacement": self.replacement,
        }
