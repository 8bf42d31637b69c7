from alongside.safety.phrase_trial import Piece, pieces_of, try_rules
from alongside.safety.screening.normalise import Span
from alongside.safety.screening.phrases import PhraseRuleSpec


def test_pieces_keep_every_character_and_merge_overlapping_places() -> None:
    pieces = pieces_of("abcdefgh", [Span(5, 7), Span(1, 3), Span(2, 4)])

    assert pieces == (
        Piece("a", False),
        Piece("bcd", True),
        Piece("e", False),
        Piece("fg", True),
        Piece("h", False),
    )
    assert "".join(piece.text for piece in pieces) == "abcdefgh"


def test_a_trial_names_only_the_rules_that_act() -> None:
    acts = PhraseRuleSpec(pattern="weigh-in", action="hold", pk=1)
    quiet = PhraseRuleSpec(pattern="scales", action="hold", pk=2)

    trial = try_rules("After the w\u0435igh in.", [acts, quiet])

    assert trial.rules == (acts,)
    assert [piece.text for piece in trial.pieces if piece.is_match] == ["w\u0435igh in"]
