"""A reviewer's corrections to a line's words keep the timings of the words they leave alone and
give new words times inside the stretch they replace, so the player's word highlight follows."""

import pytest

from speech import word_edits


def word(text, start, end):
    return {"start": start, "end": end, "text": f" {text}", "probability": 0.9}


HEARD = [
    word("So", 10.0, 10.3),
    word("to", 10.3, 10.5),
    word("summer,", 10.5, 11.1),
    word("you", 11.2, 11.4),
    word("applied.", 11.4, 12.0),
]


def texts(words):
    return [w["text"].strip() for w in words]


def test_unchanged_words_keep_their_timings_and_new_ones_share_the_replaced_time():
    fixed = word_edits.retime(HEARD, "So to sum up, you applied.", 10.0, 12.0)
    assert texts(fixed) == ["So", "to", "sum", "up,", "you", "applied."]
    assert fixed[:2] == HEARD[:2]
    assert fixed[4:] == HEARD[3:]
    sum_, up = fixed[2], fixed[3]
    assert (sum_["start"], up["end"]) == (10.5, 11.1)
    assert sum_["end"] == up["start"] == pytest.approx(10.8)
    assert sum_["corrected"] and sum_["probability"] is None


def test_a_change_of_case_or_punctuation_keeps_the_words_timing():
    fixed = word_edits.retime(HEARD, "so to summer you applied", 10.0, 12.0)
    assert [(w["start"], w["end"]) for w in fixed] == [(w["start"], w["end"]) for w in HEARD]
    assert texts(fixed) == ["so", "to", "summer", "you", "applied"]


def test_words_added_at_the_end_fill_the_rest_of_the_line():
    fixed = word_edits.retime(HEARD, "So to summer, you applied. Right", 10.0, 13.0)
    assert (fixed[-1]["start"], fixed[-1]["end"]) == (12.0, 13.0)


def test_a_line_without_word_timings_gets_them_spread_over_its_span():
    fixed = word_edits.aligned([], "one two three four", 4.0, 8.0)
    assert [(w["start"], w["end"]) for w in fixed] == [(4, 5), (5, 6), (6, 7), (7, 8)]


def test_a_split_cuts_between_the_two_words_timings():
    (start_a, end_a, text_a, words_a), (start_b, end_b, text_b, words_b) = word_edits.split(
        HEARD, "So to summer, you applied.", 10.0, 12.0, 3
    )
    assert (start_a, end_a, text_a) == (10.0, 11.1, "So to summer,")
    assert (start_b, end_b, text_b) == (11.2, 12.0, "you applied.")
    assert words_a + words_b == HEARD


@pytest.mark.parametrize("at", [0, 5, -1])
def test_a_split_must_fall_between_two_words(at):
    with pytest.raises(ValueError):
        word_edits.split(HEARD, "So to summer, you applied.", 10.0, 12.0, at)


def test_a_merge_joins_text_words_and_span():
    first = (10.0, 11.1, "So to summer,", HEARD[:3])
    second = (11.2, 12.0, "you applied.", HEARD[3:])
    assert word_edits.merge(first, second) == (10.0, 12.0, "So to summer, you applied.", HEARD)
