"""Scorer 2.18 (#11): a walk-through of an incident (D4) judged by what the session does, not by
chain phrases. Short questions in a row, each read by the invitations model as asking what
happened next or what went on inside, each answered by the client, are the technique; one such
question, a run the client does not answer, or a run of questions about other things is not."""

import pytest

from scoring.judgement import SUPPORTS
from scoring.judgement.cognitive import WALK_P, WALK_STEPS, judge_walk_through
from scoring.judgement.context import READ_INVITATION
from scoring.skill_scores import COGNITIVE_ITEMS, _balance

from .conftest import invitation_reading as _reading
from .conftest import judged_card, judged_view

WALK = (
    ("practitioner", "Where were you on Friday night?"),
    ("client", "At the pub with my cousin, after work."),
    ("practitioner", "And then?"),
    ("client", "His mate started mouthing off about my ex."),
    ("practitioner", "And inside, right then?"),
    ("client", "Hot. Like everyone was looking at me to do something."),
    ("practitioner", "What did you do?"),
    ("client", "Put my drink down and walked out. Rang my sister from the car park."),
    ("practitioner", "Okay. Let's look at that walk out, because that matters."),
)


def _steps(turns, p=0.8):
    return [_reading(i, sequence=p, none=1 - p) for i in range(0, len(turns) - 1, 2)]


def _walks(turns, readings):
    view = judged_view(turns)
    view.acts.clear()
    view.invitations = readings
    judge_walk_through(view)
    return view.acts


def test_short_questions_that_take_the_client_through_an_incident_are_a_walk_through(session):
    acts = _walks(session(*WALK), _steps(WALK))
    assert [(a.item, a.turn, a.polarity) for a in acts] == [("D4", 0, SUPPORTS)]
    assert acts[0].rule.endswith(READ_INVITATION)
    # and it counts for cognitive techniques: alone, the skill's balance is positive
    assert _balance(acts, *COGNITIVE_ITEMS) > 0


def test_the_card_shows_a_walk_through_that_no_chain_phrase_names(session):
    utterances = session(*WALK)
    _, items = judged_card(utterances, invitations=_steps(WALK))
    assert items["D4"]["verdict"] == "shown"
    assert [e["utterance"] for e in items["D4"]["evidence"] if e["rule"].startswith("D:")] == [0]
    # without the reading, the same words hold no chain phrase: nothing found
    _, unread = judged_card(utterances)
    assert unread["D4"]["verdict"] == "not found"


@pytest.mark.parametrize(("steps", "walked"), [(WALK_STEPS, True), (WALK_STEPS - 1, False)])
def test_a_walk_through_takes_as_many_answered_questions_in_a_row_as_it_says(
    session, steps, walked
):
    turns = WALK[: 2 * steps] + WALK[-1:]
    assert bool(_walks(session(*turns), _steps(turns))) is walked


def test_a_question_about_what_went_on_inside_is_a_step_as_one_about_what_happened_next(
    session,
):
    # the two kinds' probabilities add up: neither alone reaches WALK_P, together they do
    half = WALK_P / 2 + 0.01
    readings = [
        _reading(i, thinking=half, sequence=half, none=1 - 2 * half)
        for i in range(0, len(WALK) - 1, 2)
    ]
    assert [a.item for a in _walks(session(*WALK), readings)] == ["D4"]


def test_a_shrug_for_an_answer_breaks_the_run(session):
    # the client answers the second step with one word: two short runs, neither a walk-through
    turns = list(WALK)
    turns[3] = ("client", "Dunno.")
    assert _walks(session(*turns), _steps(turns)) == []


def test_a_line_cut_in_two_by_the_speaker_separation_is_one_step(session):
    # the client's answer to "And then?" arrives as two lines, as a pause in it can leave it;
    # the practitioner's "What did you do?" too
    turns = [
        *WALK[:3],
        ("client", "His mate started mouthing off."),
        ("client", "About my ex."),
        *WALK[4:6],
        ("practitioner", "Right."),
        ("practitioner", "What did you do?"),
        *WALK[7:],
    ]
    readings = [_reading(i, sequence=0.8, none=0.2) for i in (0, 2, 5, 7, 8)]
    assert [(a.item, a.turn) for a in _walks(session(*turns), readings)] == [("D4", 0)]


@pytest.mark.parametrize(
    "reading",
    [
        # questions read as asking nothing about the incident: news of a son, a job, a flat
        {"none": 0.9, "sequence": 0.05, "thinking": 0.05},
        # a doubtful reading
        {"none": 1 - WALK_P + 0.02, "sequence": WALK_P - 0.02},
    ],
)
def test_a_run_of_questions_not_read_as_steps_of_an_account_is_not_one(session, reading):
    readings = [_reading(i, **reading) for i in range(0, len(WALK) - 1, 2)]
    assert _walks(session(*WALK), readings) == []


def test_a_long_question_is_not_a_step(session):
    turns = list(WALK)
    turns[2] = (
        "practitioner",
        "And then what happened, because I want to understand exactly how it went from a "
        "quiet drink with your cousin to you standing up, and who said what to whom?",
    )
    assert _walks(session(*turns), _steps(turns)) == []
