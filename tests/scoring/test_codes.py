"""Layer 1: utterance codes, with and without punctuation."""

import pytest

from scoring import score_session
from scoring.codes import code_utterance, question_type
from scoring.text import strip_punctuation

OPEN = [
    "What's been happening with your housing since we last met?",
    "Okay, so how did the interview at the warehouse go?",
    "Tell me about the weekend.",
    "Right. So what would you like to do about your drinking?",
]
CLOSED = [
    "Did you go to the Jobcentre on Monday?",
    "Are you still living at your mum's?",
    "Okay so have you been keeping to the curfew?",
    "Is that something you'd want to do?",
]
STATEMENTS = [
    "You're worried about losing the flat.",
    "Your appointments are on Tuesdays at ten.",
    "Mm-hmm.",
]


@pytest.mark.parametrize("strip", [False, True], ids=["punctuated", "unpunctuated"])
@pytest.mark.parametrize("text", OPEN)
def test_open_questions(text, strip):
    text = strip_punctuation(text) if strip else text
    assert question_type(text) == "open"
    assert code_utterance(0, text).behaviour == "question"


@pytest.mark.parametrize("strip", [False, True], ids=["punctuated", "unpunctuated"])
@pytest.mark.parametrize("text", CLOSED)
def test_closed_questions(text, strip):
    text = strip_punctuation(text) if strip else text
    code = code_utterance(0, text)
    assert (code.behaviour, code.question_subtype) == ("question", "closed")


@pytest.mark.parametrize("strip", [False, True], ids=["punctuated", "unpunctuated"])
@pytest.mark.parametrize("text", STATEMENTS)
def test_statements_are_not_questions(text, strip):
    assert question_type(strip_punctuation(text) if strip else text) is None


def test_question_at_the_end_of_an_unpunctuated_turn():
    text = "so saying no seems like the best option what would be the first step"
    assert question_type(text) == "open"
    assert question_type("I know what you mean it's hard") is None


def test_reflection_that_repeats_is_simple_and_one_that_adds_feeling_is_complex():
    client = "I missed the appointment because the bus didn't come."
    simple = code_utterance(1, "So the bus didn't come and you missed it.", client)
    complex_ = code_utterance(1, "You're worried we'll think you didn't care.", client)
    assert (simple.behaviour, simple.reflection_subtype) == ("reflection", "simple")
    assert (complex_.behaviour, complex_.reflection_subtype) == ("reflection", "complex")


def test_advice_with_and_without_permission():
    told = code_utterance(0, "You should change your phone number.")
    asked = code_utterance(0, "You should change your phone number.", permission_asked=True)
    info = code_utterance(0, "Your licence conditions say you live at the Approved Premises.")
    assert (told.behaviour, told.input_subtype) == ("therapist_input", "advice")
    assert asked.input_subtype == "advice_with_permission"
    assert (info.behaviour, info.input_subtype) == ("therapist_input", "information")


def test_permission_asked_in_an_earlier_turn_carries_to_the_advice(session):
    turns = session(
        ("practitioner", "Would it be OK if I made a suggestion?"),
        ("client", "Go on."),
        ("practitioner", "You might want to keep your phone switched off on a Friday night."),
    )
    codes = score_session(turns, use_model=False).codes
    assert "permission" in codes[0].tags
    assert codes[2].input_subtype == "advice_with_permission"


def test_backchannels_are_other_and_client_lines_have_no_code(session):
    codes = score_session(
        session(("client", "I went to the group."), ("practitioner", "Mm-hmm.")), use_model=False
    ).codes
    assert codes[0].behaviour is None
    assert codes[1].behaviour == "other"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Well done for going, that took courage.", "affirmation"),
        ("So to sum up, you've been to the group twice.", "summary"),
        ("Today I'd like to talk about your curfew.", "structuring"),
        ("Can I share something that's worked for other people?", "permission"),
        ("It's up to you what you do next.", "autonomy"),
        ("Does that make sense?", "check_understanding"),
        ("You always do this, grow up.", "confrontation"),
        ("I'll ring the housing officer tomorrow.", "commitment"),
        ("That must have been really hard.", "empathy"),
    ],
)
def test_tags(text, tag):
    assert tag in code_utterance(0, text).tags
    assert tag in code_utterance(0, strip_punctuation(text)).tags
