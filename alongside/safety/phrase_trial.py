"""The test box of the phrase rules page: which rules would act on a sample, and
where, in pieces a template can mark without building HTML.

Matching is screening's own (`screening.phrases.match_rules` on the normalised
text), so a trial shows exactly what posting would do. Nothing here is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .screening.normalise import Span, normalise
from .screening.phrases import PhraseRuleLike, match_rules


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    is_match: bool


@dataclass(frozen=True, slots=True)
class Trial:
    pieces: tuple[Piece, ...]
    rules: tuple[PhraseRuleLike, ...]  # the rules that would act, in the order given

    @property
    def found_anything(self) -> bool:
        return bool(self.rules)


def _merged(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged.pop()
            merged.append(Span(last.start, max(last.end, span.end)))
        else:
            merged.append(span)
    return merged


def pieces_of(sample: str, spans: Iterable[Span]) -> tuple[Piece, ...]:
    """The sample cut into plain and matched pieces, in order, losing nothing."""
    pieces: list[Piece] = []
    position = 0
    for span in _merged(spans):
        if span.start > position:
            pieces.append(Piece(sample[position : span.start], False))
        if span.end > span.start:
            pieces.append(Piece(sample[span.start : span.end], True))
        position = max(position, span.end)
    if position < len(sample):
        pieces.append(Piece(sample[position:], False))
    return tuple(pieces)


def try_rules(sample: str, rules: Iterable[PhraseRuleLike]) -> Trial:
    """Which of `rules` would act on `sample`, and the sample with their places
    marked."""
    matches = match_rules(normalise(sample).words, rules)
    spans = [span for match in matches for span in match.spans]
    return Trial(
        pieces=pieces_of(sample, spans),
        rules=tuple(match.rule for match in matches),
    )
