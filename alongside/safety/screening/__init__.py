"""Screening of posts before others see them. ``screen()`` is the entry point."""

from alongside.safety.screening.pipeline import (
    HoldReason,
    Outcome,
    ScreeningResult,
    apply_redactions,
    screen,
)
from alongside.safety.screening.signals import Detector, Redaction, Signal, Span

__all__ = [
    "Detector",
    "HoldReason",
    "Outcome",
    "Redaction",
    "ScreeningResult",
    "Signal",
    "Span",
    "apply_redactions",
    "screen",
]
