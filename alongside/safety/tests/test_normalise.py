from alongside.safety.screening.normalise import normalise


def test_zero_width_characters_are_removed_and_offsets_kept() -> None:
    text = "k\u200bi\u200cl\u2060l myself"
    views = normalise(text)
    assert views.words.text == "kill myself"
    span = views.words.to_original(0, len(views.words.text))
    assert (span.start, span.end) == (0, len(text))


def test_cyrillic_and_greek_look_alikes_fold_to_latin() -> None:
    assert normalise("\u043a\u0456ll m\u0443s\u0435lf").words.text == "kill myself"
    assert normalise("\u03bfverdose").words.text == "overdose"


def test_fullwidth_letters_fold_to_ascii() -> None:
    assert normalise("\uff4b\uff49\uff4c\uff4c").words.text == "kill"


def test_leetspeak_is_undone_inside_words_but_numbers_stay() -> None:
    assert normalise("k1ll mys3lf").words.text == "kill myself"
    assert normalise("50mg 2 years 07700").words.text == "50mg 2 years 07700"


def test_long_runs_and_spaced_letters_are_joined() -> None:
    assert normalise("killllll").words.text == "kill"
    assert normalise("k i l l me").words.text == "kill me"


def test_details_view_keeps_case_and_digits() -> None:
    assert normalise("Call 07700 900123").details.text == "Call 07700 900123"


def test_misspelled_words_for_suicide_are_read_and_point_back_to_the_writing() -> None:
    text = "so sucidal today"
    words = normalise(text).words
    assert words.text == "so suicidal today"
    start = words.text.index("suicidal")
    span = words.to_original(start, start + len("suicidal"))
    assert text[span.start : span.end] == "sucidal"


def test_piled_up_combining_marks_are_dropped_from_both_views() -> None:
    text = "k\u0301\u0302\u0303i\u0304\u0305ll 07700 900123"
    views = normalise(text)
    assert views.details.text == "kill 07700 900123"
    assert views.words.text == "kill 07700 900123"
    span = views.details.to_original(5, 17)
    assert text[span.start : span.end] == "07700 900123"


def test_a_single_accent_typed_separately_is_kept_in_the_details_view() -> None:
    assert normalise("Jose\u0301 Street").details.text == "Jose\u0301 Street"
