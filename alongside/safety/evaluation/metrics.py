"""Counting: binary confusion matrices, precision and recall, and latency."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Confusion:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0

    def add(self, *, expected: bool, predicted: bool) -> None:
        if expected and predicted:
            self.true_positive += 1
        elif predicted:
            self.false_positive += 1
        elif expected:
            self.false_negative += 1
        else:
            self.true_negative += 1

    @property
    def precision(self) -> float | None:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        relevant = self.true_positive + self.false_negative
        return self.true_positive / relevant if relevant else None

    @property
    def total(self) -> int:
        return (
            self.true_positive
            + self.false_positive
            + self.false_negative
            + self.true_negative
        )

    def table(self, indent: str = "    ") -> str:
        tp, fn = self.true_positive, self.false_negative
        fp, tn = self.false_positive, self.true_negative
        return (
            f"{indent}               predicted yes  predicted no\n"
            f"{indent}expected yes   {tp:>13}  {fn:>12}\n"
            f"{indent}expected no    {fp:>13}  {tn:>12}"
        )


def ratio(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]
