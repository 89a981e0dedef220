"""Whisper joins a speaker's clauses with commas where a typist would end a sentence: the
question clause after such a comma is a unit of its own and is coded as a question."""

from scoring.units import split_clauses, split_units


def test_a_question_after_a_comma_splice_is_its_own_unit():
    text = "The housing form came back for you, did you ring the number on it,"
    pieces = split_clauses(text)
    assert pieces[-1].startswith("did you ring the number")
    codes = [(u.code.behaviour, u.code.question_subtype) for u in split_units(0, text)]
    assert codes[-1] == ("question", "closed")


def test_a_marker_carrying_a_comma_still_opens_a_clause():
    text = "That part is sorted then anyway, how did the interview at the garage go"
    pieces = split_clauses(text)
    assert pieces[-1].startswith("anyway, how did the interview")
    assert split_units(0, text)[-1].code.question_subtype == "open"


def test_a_comma_inside_a_question_does_not_split_it():
    # "you know, what..." holds one question: the comma comes before a wh-word whose clause
    # has no verb after it, and pieces shorter than three words stay with their neighbour
    assert split_clauses("So, what do you make of it") == ["So, what do you make of it"]
