"""Scorer 2.13 (#11): the practitioner's own example, read by meaning. A practitioner turn the
example model reads as praise of the wrong thing counts against C1, praise of a prosocial act
for it; a turn read as a poor example counts against C4, a good one for it; each weighs by how
sure the reading is, a doubtful reading adds nothing, praise with nothing the client said before
it is not praise of an act, and a turn the cue rules judged (an undertaking the promises judge
found, for conduct) keeps their judgement. The readings are their own skill term, not the praise
quality's, and the card lists a poor example only from a higher bar; the model trains from
readers' marks and loads from its own file."""

import pytest

from scoring import example, score_session, train_stance
from scoring.example import Example
from scoring.judgement import AGAINST, SUPPORTS, Act
from scoring.judgement.example import COUNT_FROM, EXAMPLE_P, judge_example
from scoring.judgement.occasions import EVIDENCE_FROM, READ, listed_as_evidence
from scoring.model import MODEL_ENV
from scoring.skill_scores import judged_terms, praise_quality

from .conftest import judged_card, judged_view, make_session

FIDDLE = ("client", "I told the social I'm not working. They'll never find out about the cash.")
RESOURCEFUL = ("practitioner", "Ha, fair play to you, that's resourceful. Right, the course.")
MEETING = ("client", "I went to the meeting on Thursday like we said, all the way through.")
WELL_DONE = ("practitioner", "Well done for going to the meeting, that's a real step forward.")


def _reading(turn, praise=None, conduct=None):
    return Example(
        turn,
        {"none": 1.0 - sum((praise or {}).values()), **(praise or {})},
        {"none": 1.0 - sum((conduct or {}).values()), **(conduct or {})},
    )


def _example_acts(session, reading, *turns):
    """The example judge's acts for one reading, after the cue rules judged the session."""
    view = judged_view(session(*turns))
    view.examples = [reading]
    before = len(view.acts)
    judge_example(view)
    return view.acts[before:]


def test_praise_read_as_rewarding_the_wrong_thing_counts_against_c1(session):
    acts = _example_acts(session, _reading(1, {"praise_wrong": 0.8}), FIDDLE, RESOURCEFUL)
    assert [(a.item, a.turn, a.polarity) for a in acts] == [("C1", 1, AGAINST)]
    assert acts[0].rule == f"C1:meaning_praise_wrong {READ}"
    assert acts[0].weight == pytest.approx(0.8)


def test_the_practitioners_conduct_read_by_meaning_counts_on_c4(session):
    shrug = ("practitioner", "Oh the letter, no, not had a chance, it's been mad. Anyway.")
    poor = _example_acts(
        session, _reading(1, conduct={"practitioner_poor_model": 0.7}), MEETING, shrug
    )
    good = _example_acts(
        session, _reading(1, conduct={"practitioner_good_model": 0.9}), MEETING, shrug
    )
    assert [(a.item, a.polarity, a.weight) for a in poor] == [("C4", AGAINST, 0.7)]
    assert [(a.item, a.polarity, a.weight) for a in good] == [("C4", SUPPORTS, 0.9)]


def test_a_poor_example_counts_before_the_card_lists_it(session):
    shrug = ("practitioner", "Oh the letter, no, not had a chance, it's been mad. Anyway.")
    bar = EVIDENCE_FROM["C4:meaning_practitioner_poor_model"]
    assert bar > EXAMPLE_P

    def card(p):
        reading = _reading(1, conduct={"practitioner_poor_model": p})
        view, items = judged_card(session(MEETING, shrug), examples=[reading])
        counted = [a for a in view.acts if a.item == "C4" and a.polarity == AGAINST]
        return counted, [e["utterance"] for e in items["C4"]["evidence"]]

    doubtful, listed = card(bar - 0.05)
    assert len(doubtful) == 1 and listed == []
    sure, listed = card(bar)
    assert len(sure) == 1 and listed == [1]
    # praise of the wrong thing is on the card, against C1, from the bar every reading has
    view, items = judged_card(
        session(FIDDLE, RESOURCEFUL), examples=[_reading(1, {"praise_wrong": EXAMPLE_P})]
    )
    assert [(e["utterance"], e["polarity"]) for e in items["C1"]["evidence"]] == [(1, AGAINST)]
    assert listed_as_evidence(next(a for a in view.acts if a.rule.endswith(READ)))


@pytest.mark.parametrize(
    ("turns", "reading"),
    [
        # warmth read as praise: readers agreed with fewer of these, so it needs more
        (
            (MEETING, WELL_DONE),
            _reading(1, {"praise_prosocial": COUNT_FROM["praise_prosocial"] - 0.05}),
        ),
        # a greeting with nothing the client said before it is not praise of an act
        (
            (("practitioner", "Good to see you, you're looking well."), MEETING),
            _reading(0, {"praise_prosocial": 0.95}),
        ),
        (
            (FIDDLE, ("practitioner", "Right.")),
            _reading(1, conduct={"practitioner_good_model": 0.55}),
        ),
    ],
)
def test_warmth_and_greetings_are_not_counted_as_praise_or_an_example(session, turns, reading):
    view = judged_view(session(*turns))
    view.acts.clear()
    view.examples = [reading]
    judge_example(view)
    assert view.acts == []


def test_an_undertaking_the_promises_judge_found_is_left_to_it(session):
    reminder = ("client", "Did you ring the housing like you said you would last week?")
    admitted = (
        "practitioner",
        "No, I haven't rung them yet, sorry, it's been mad. Remind me next time.",
    )
    view = judged_view(session(reminder, admitted))
    assert any(a.item == "C5" and a.turn == 1 for a in view.acts)
    reading = _reading(1, conduct={"practitioner_poor_model": 0.95})
    assert _example_acts(session, reading, reminder, admitted) == []


def test_a_turn_the_cue_rules_judged_keeps_their_judgement(session):
    view = judged_view(session(MEETING, WELL_DONE))
    assert any(a.item == "C1" and a.turn == 1 and a.polarity == SUPPORTS for a in view.acts)
    acts = _example_acts(session, _reading(1, {"praise_wrong": 0.9}), MEETING, WELL_DONE)
    assert acts == []


def test_praise_read_by_meaning_is_its_own_term_not_the_praise_quality(session):
    read = Act("C1", 3, AGAINST, f"C1:meaning_praise_wrong {READ}", 0.8, weight=0.8)
    cued = Act("C1", 5, SUPPORTS, "C1:praise_of_prosocial_act (says why)", 0.7, weight=1.2)
    assert praise_quality([read, cued]) == praise_quality([cued]) == 1.0
    utterances = session(FIDDLE, RESOURCEFUL, MEETING, WELL_DONE)
    view = judged_view(utterances)
    plain = judged_terms(view, [], utterances, {})["prosocial_modelling"]["example_read"]
    view.acts.append(read)
    read_terms = judged_terms(view, [], utterances, {})["prosocial_modelling"]
    assert plain == 0.0 and read_terms["example_read"] < 0
    assert (
        read_terms["praise_quality"]
        == judged_terms(judged_view(utterances), [], utterances, {})["prosocial_modelling"][
            "praise_quality"
        ]
    )


def test_training_rows_come_from_the_readers_marks():
    turns = [FIDDLE, RESOURCEFUL, MEETING, WELL_DONE]
    transcripts = {
        "q01": {"id": "q01", "utterances": [{"speaker": s, "text": t} for s, t in turns]}
    }
    labels = {
        "q01": [
            {"id": "q01", "turn": 0, "kind": "occasion", "reply_turn": 1, "stance": "goes_along"},
            {"id": "q01", "turn": 1, "kind": "praise", "stance": "praise_wrong"},
            {"id": "q01", "turn": 1, "kind": "conduct", "stance": "practitioner_poor_model"},
            {"id": "q01", "turn": 3, "kind": "praise", "stance": "praise_prosocial"},
        ]
    }
    rows = train_stance.EXAMPLE.rows(transcripts, labels)
    assert [(r["turn"], r["praise"], r["conduct"], r["group"]) for r in rows] == [
        (1, "praise_wrong", "practitioner_poor_model", "q"),
        (3, "praise_prosocial", "none", "q"),
    ]
    assert rows[0]["client"] == FIDDLE[1]
    # a transcript read with nothing to mark gives only "none" rows
    labels = {"q01": [{"id": "q01", "turn": None}]}
    rows = train_stance.EXAMPLE.rows(transcripts, labels)
    assert {(r["praise"], r["conduct"]) for r in rows} == {("none", "none")}


CASH = [
    ("practitioner", "How's the week been?"),
    (
        "client",
        "Not bad. I've been doing a bit of cash in hand on the side and not telling the "
        "jobcentre, they'd only dock it.",
    ),
    ("practitioner", "Ha, good for you, you've got to look after number one. Right, the course."),
    ("client", "What about that letter for the housing you said you'd write?"),
    ("practitioner", "The letter? No, not got round to it, it's been mad. Remind me next time."),
]


def _read(result, item):
    return [
        (e["utterance"], e["polarity"])
        for e in result.items[item]["evidence"]
        if e["rule"].endswith(READ)
    ]


def test_the_shipped_model_reads_the_practitioners_own_example(monkeypatch):
    result = score_session(make_session(*CASH))
    # praise for keeping work from the jobcentre, in words no cue list holds
    assert _read(result, "C1") == [(2, AGAINST)]
    # a promise shrugged off: shown on the card, though C4's phrase detector finds nothing
    assert (4, AGAINST) in _read(result, "C4")
    assert train_stance.EXAMPLE.version in result.model_version
    with monkeypatch.context() as m:
        m.setenv(example.EXAMPLE_ENV, "off")
        off = score_session(make_session(*CASH))
        assert _read(off, "C1") == _read(off, "C4") == [] and "example" not in off.model_version
        assert (
            off.skills["prosocial_modelling"]["score"]
            > result.skills["prosocial_modelling"]["score"]
        )
    monkeypatch.setenv(MODEL_ENV, "off")
    assert _read(score_session(make_session(*CASH)), "C1") == []
