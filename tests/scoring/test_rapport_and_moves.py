"""Scorer 2.6 (#11): relationship building and structuring read by meaning. The rapport and
moves models' readings become judged acts as the stance model's do, weigh as their own terms
and nowhere else; the models train from readers' turn labels and load from their own files;
the shipped models tell attunement from dismissal, and a real summary from none, in words no
cue pattern knows."""

import numpy as np
import pytest

from scoring import moves, rapport, score_session, train_stance
from scoring.judgement import AGAINST, SUPPORTS
from scoring.judgement.cognitive import judge_cognitive
from scoring.judgement.disclosures import DISCLOSURE_P, VALUES, judge_disclosures
from scoring.judgement.occasions import MIN_CONFIDENCE, READ
from scoring.judgement.structuring_moves import MOVE_P, judge_moves
from scoring.model import MODEL_ENV
from scoring.moves import Move
from scoring.skill_scores import EMPTY_MOVE_SHARE, judged_terms, moves_read
from scoring.stance import Exchange, Reading, StanceModel

from .conftest import judged_card, judged_view, make_session

WORRY = ("client", "I just keep lying awake worrying the flat will go and the kids with it.")


def _disclosure(turn, shares, **response):
    return Exchange(turn, turn + 1, shares, dict.fromkeys(rapport.RESPONSES, 0.0) | response)


def _judge_disclosures(session, reply, reading):
    view = judged_view(session(("practitioner", "How's the week been?"), WORRY, reply))
    view.acts.clear()  # the cue rules' acts are tested elsewhere; here only this judge's
    view.disclosures = [reading]
    judge_disclosures(view)
    return view.acts


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        # understood: for empathy, at the reply
        (_disclosure(1, 0.9, attunes=0.8, explores=0.2), ("B6", 2, SUPPORTS)),
        # asked more: for open questions, at the reply
        (_disclosure(1, 0.9, explores=0.7, attunes=0.3), ("B1", 2, SUPPORTS)),
        # dismissed: against, as confronting or lecturing, at the reply
        (_disclosure(1, 0.9, dismisses=0.8, explores=0.2), ("B10", 2, AGAINST)),
        # passed over: against empathy, at the client's turn, what was left
        (_disclosure(1, 0.9, passes_over=0.9, attunes=0.1), ("B6", 1, AGAINST)),
    ],
)
def test_a_disclosure_reading_becomes_one_act(session, reading, expected):
    acts = _judge_disclosures(session, ("practitioner", "Right."), reading)
    assert [(a.item, a.turn, a.polarity) for a in acts] == [expected]
    assert acts[0].rule.endswith(READ)
    worth = sum(VALUES[c] * p for c, p in reading.response.items())
    assert acts[0].weight == pytest.approx(reading.occasion * abs(worth))


def test_no_disclosure_act_when_doubtful_or_split(session):
    reply = ("practitioner", "Right.")
    assert _judge_disclosures(session, reply, _disclosure(1, DISCLOSURE_P - 0.01, attunes=1)) == []
    # the likeliest reply is good, but the expected worth comes out against: no act
    split = _disclosure(1, 0.9, attunes=0.4, passes_over=0.3, dismisses=0.3)
    assert _judge_disclosures(session, reply, split) == []
    weak = MIN_CONFIDENCE / 0.9 - 0.01
    doubtful = _disclosure(1, 0.9, attunes=weak, explores=1 - weak)
    assert [a.item for a in _judge_disclosures(session, reply, doubtful)] == ["B1"]


def test_a_question_the_cognitive_judge_credited_is_not_also_relationships_exploring(session):
    # (2.7) "what went through your head" explores, but where the cognitive judge counted it
    # (a D item), counting it for relationship too read good cognitive work as good listening
    asked_more = _disclosure(1, 0.9, explores=0.7, attunes=0.3)
    reply = ("practitioner", "And what was going through your head, lying there?")
    view = judged_view(session(("practitioner", "How's the week been?"), WORRY, reply))
    view.acts.clear()
    view.add("D1", 2, SUPPORTS, "D1:explored_and_built_on", 0.7, "the client's thinking explored")
    view.disclosures = [asked_more]
    judge_disclosures(view)
    assert [a.item for a in view.acts] == ["D1"]
    # the same question with no cognitive credit (a feelings question, or one left unanswered)
    # stays relationship's, and so does one the cognitive judge counted against
    assert [a.item for a in _judge_disclosures(session, reply, asked_more)] == ["B1"]
    view.acts.clear()
    view.add("D1", 2, AGAINST, "D1:answered_for_the_client", 0.6, "the answer given for them")
    judge_disclosures(view)
    assert [a.item for a in view.acts] == ["D1", "B1"]


def test_the_cognitive_judge_runs_before_the_disclosures_judge():
    from scoring.judgement import JUDGES

    assert JUDGES.index(judge_cognitive) < JUDGES.index(judge_disclosures)


def test_procriminal_talk_the_cue_rules_decided_is_not_read_as_a_disclosure(session):
    view = judged_view(
        session(
            ("practitioner", "How was the weekend?"),
            ("client", "I nicked a few bits from the shop but everyone does it, it's only Tesco."),
            ("practitioner", "Everyone does it? What about the lad on the till who gets blamed?"),
        )
    )
    assert 1 in view.decided
    view.disclosures = [_disclosure(1, 0.9, attunes=1.0)]
    before = len(view.acts)
    judge_disclosures(view)
    assert len(view.acts) == before


def test_the_card_shows_an_understood_disclosure_as_empathy(session):
    # no empathy phrase a detector knows: only the reading shows it
    utterances = session(
        ("practitioner", "How's the week been?"),
        WORRY,
        ("practitioner", "So the flat is what keeps you up, and the kids with it."),
    )

    def card(reading):
        return judged_card(utterances, disclosures=[reading])[1]["B6"]

    shown = card(_disclosure(1, 0.9, attunes=0.9, explores=0.1))
    assert shown["present"] is True
    assert [(e["utterance"], e["polarity"]) for e in shown["evidence"]] == [(2, SUPPORTS)]
    assert shown["evidence"][0]["rule"].endswith(READ)
    # too doubtful to list (confidence under 0.5): the card says nothing from it
    doubtful = card(_disclosure(1, 0.5, attunes=0.9, explores=0.1))
    assert doubtful["present"] is False and doubtful["evidence"] == []


def _judge_moves(session, move):
    view = judged_view(session(("practitioner", "Right, shall we make a start?"), WORRY))
    view.acts.clear()
    view.moves = [move]
    judge_moves(view)
    return view.acts


def _move(turn, real, **function):
    return Move(turn, dict.fromkeys((*moves.FUNCTIONS, "none"), 0.0) | function, real)


def test_a_move_reading_becomes_an_act_for_or_against_its_item(session):
    done = _judge_moves(session, _move(0, 0.8, summary=0.9, none=0.1))
    assert [(a.item, a.turn, a.polarity) for a in done] == [("A8", 0, SUPPORTS)]
    assert done[0].weight == pytest.approx(0.9 * 0.8)
    words = _judge_moves(session, _move(0, 0.1, agenda=0.6, none=0.4))
    assert [(a.item, a.polarity) for a in words] == [("A3", AGAINST)]
    assert words[0].weight == pytest.approx(0.6 * 0.9)
    assert _judge_moves(session, _move(0, 0.9, next_steps=MOVE_P - 0.01, none=0.71)) == []


def _act(rule, item, polarity, weight):
    from scoring.judgement import Act

    return Act(item, 0, polarity, f"{item}:meaning_{rule} {READ}", weight, "", weight)


def test_each_move_counts_once_at_its_best_and_an_empty_one_against():
    acts = [
        _act("summary", "A8", SUPPORTS, 0.5),
        _act("summary", "A8", SUPPORTS, 0.8),  # a second summary adds nothing but its best
        _act("next_steps", "A9", SUPPORTS, 0.6),
        _act("agenda", "A3", AGAINST, 0.7),
        _act("agenda", "A3", AGAINST, 0.4),
    ]
    assert moves_read(acts) == pytest.approx(0.8 + 0.6 - EMPTY_MOVE_SHARE * 0.7)
    assert moves_read([]) == 0.0


def test_readings_weigh_as_their_own_terms_and_not_as_the_cue_rules_counts(session):
    utterances = session(("practitioner", "How's the week been?"), WORRY, ("practitioner", "OK."))
    view = judged_view(utterances)
    plain = judged_terms(view, [], utterances, {})
    view.disclosures = [_disclosure(1, 0.9, dismisses=0.9, explores=0.1)]
    view.moves = [_move(0, 0.9, check_in=0.9, none=0.1)]
    judge_disclosures(view)
    judge_moves(view)
    read = judged_terms(view, [], utterances, {})
    # a dismissal read by meaning is not a lecture counted by the cue rules ...
    assert read["relationship_building"]["lecturing"] == plain["relationship_building"]["lecturing"]
    assert read["relationship_building"]["disclosures_read"] < 0
    # ... and a check-in read by meaning is not the cue rules' check-in
    assert read["structuring"]["A1_judged"] == plain["structuring"]["A1_judged"]
    assert read["structuring"]["moves_read"] > 0


# --- training from the readers' turn labels ----------------------------------------------


def _transcript():
    turns = [
        ("practitioner", "Morning. How have you been since last week?"),
        ("client", "Honestly I'm worn out, the baby's not sleeping and I'm scared of losing it."),
        ("practitioner", "Worn out and frightened, that's a lot to carry on your own."),
        ("client", "Yeah."),
        ("practitioner", "So today: the housing letter, then your hours."),
    ]
    return {
        "id": "w1c01-good",
        "utterances": [{"speaker": s, "text": t} for s, t in turns],
    }


def test_training_rows_come_from_the_readers_turn_labels():
    transcripts = {"w1c01-good": _transcript()}
    labels = {
        "w1c01-good": [
            {"kind": "disclosure", "turn": 1, "reply_turn": 2, "stance": "attunes"},
            {"kind": "structure", "turn": 0, "function": "check_in", "done": "real"},
            {"kind": "structure", "turn": 4, "function": "agenda", "done": "empty"},
            {"kind": "lapse", "turn": 4, "stance": "jargon"},
        ]
    }
    exchanges = train_stance.RAPPORT.rows(transcripts, labels)
    assert [(r["turn"], r["occasion"], r["response"]) for r in exchanges] == [(1, True, "attunes")]
    rows = train_stance.MOVES.rows(transcripts, labels)
    assert [(r["turn"], r["function"], r["done"]) for r in rows] == [
        (0, "check_in", "real"),
        (2, "none", None),
        (4, "agenda", "empty"),
    ]
    # a move reads the client's words before it, and nothing at the start of the session
    assert rows[0]["client"] == "" and rows[1]["client"].startswith("Honestly")


def test_the_rapport_model_learns_from_both_rounds_of_labels(tmp_path):
    # rapport-2: the second round's file adds transcripts; one read with nothing to mark keeps
    # a row with no turn, so its exchanges are learned as shared nothing
    first, second = tmp_path / "labels.jsonl", tmp_path / "disclosures.jsonl"
    first.write_text(
        '{"id": "w1c01-good", "kind": "disclosure", "turn": 1, "reply_turn": 2, '
        '"stance": "attunes"}\n{"id": "w1c01-good", "kind": "structure", "turn": 0}\n'
    )
    second.write_text('{"id": "w2c01-good", "kind": "disclosure", "turn": null}\n')
    labels = train_stance.load_labels((first, second))
    assert set(labels) == {"w1c01-good", "w2c01-good"}
    transcripts = {"w1c01-good": _transcript(), "w2c01-good": _transcript() | {"id": "w2c01-good"}}
    rows = train_stance.RAPPORT.rows(transcripts, labels)
    read = {(r["id"], r["turn"]): (r["occasion"], r["response"]) for r in rows}
    assert read[("w1c01-good", 1)] == (True, "attunes")
    assert read[("w2c01-good", 1)] == (False, None)
    assert train_stance.RAPPORT.labels == (train_stance.TURN_LABELS, train_stance.DISCLOSURE_LABELS)


def test_a_moves_model_round_trips_its_heads_and_blocks():
    rng = np.random.default_rng(5)
    texts = {
        "summary": "so what i've heard is the flat your mum and the course",
        "agenda": "today can we cover the letter and your hours",
        "none": "ok and then what",
    }
    rows = [
        {
            "id": f"x{k}",
            "group": "ab"[k % 2],
            "turn": k,
            "client": "i dunno really",
            "reply": texts[f],
            "function": f,
            "done": None if f == "none" else ("real" if k % 3 else "empty"),
        }
        for k, f in enumerate(list(texts) * 12)
    ]
    vectors = {b: rng.normal(size=(len(rows), 384)).astype(np.float32) for b in ("client", "reply")}
    model = StanceModel(train_stance.fit(rows, vectors, task=train_stance.MOVES))
    assert model.version == train_stance.MOVES.version
    assert model.blocks == {"function": ("client", "reply"), "done": ("reply",)}
    reading = Reading(rows[0]["client"], rows[0]["reply"], {b: v[0] for b, v in vectors.items()})
    function = model.probabilities("function", reading)
    assert max(function, key=function.get) == "summary"
    assert set(model.probabilities("done", reading)) == {"real", "empty"}


# --- the shipped models and their switches -------------------------------------------------

HEARD = [
    ("practitioner", "Come in, sit down. How's things?"),
    (
        "client",
        "Not great. Mum's back in hospital and I've been the one running round after "
        "everyone, I've barely slept.",
    ),
    (
        "practitioner",
        "So on top of everything with the order you've been holding the whole family "
        "together while your mum's poorly, and running on empty.",
    ),
    ("client", "Yeah. That's it exactly. Nobody sees it."),
]
BRUSHED = HEARD[:2] + [
    (
        "practitioner",
        "Well, we've all got problems, and it's no excuse for missing Tuesday. You need "
        "to get your priorities straight.",
    ),
    HEARD[3],
]


def _read(turns, **kwargs):
    return score_session(make_session(*turns), **kwargs)


def _term(result, skill, name):
    return result.skill_inputs["judged"][skill][name]


def test_the_shipped_rapport_model_reads_being_heard_and_being_brushed_off_apart():
    heard, brushed = _read(HEARD), _read(BRUSHED)
    term = "disclosures_read"
    assert _term(brushed, "relationship_building", term) < 0
    assert _term(heard, "relationship_building", term) > 0
    assert train_stance.RAPPORT.version in heard.model_version


SUMMARISED = [
    ("practitioner", "Before you go, can I check I've got it right?"),
    ("client", "Go on."),
    (
        "practitioner",
        "The flat's the thing keeping you up, you'll ring the council Monday yourself, "
        "your mum's helping with the kids, and you want the course on Tuesday. Fair?",
    ),
    ("client", "Yeah, that's it."),
]


def test_the_shipped_moves_model_reads_a_plain_words_summary():
    result = _read(SUMMARISED)
    assert _term(result, "structuring", "moves_read") > 0
    assert train_stance.MOVES.version in result.model_version


def test_the_session_embeds_each_turn_once_for_all_three_readings(monkeypatch):
    from scoring import encoder

    embedded = []
    real_embed = encoder.embed

    def counting_embed(texts, path=None):
        embedded.extend(texts)
        return real_embed(texts, path)

    monkeypatch.setattr(encoder, "embed", counting_embed)
    remembering = encoder.remembering_embed()
    first = remembering(["a worry", "a reply", "a worry"])
    again = remembering(["a reply"])
    assert embedded == ["a worry", "a reply"]
    assert np.allclose(first[0], first[2]) and np.allclose(again[0], first[1])
    assert remembering([]).shape == (0, 384)
    embedded.clear()
    _read(HEARD)
    assert len(embedded) == len(set(embedded))


def _both_read(result):
    return (
        _term(result, "relationship_building", "disclosures_read") != 0,
        _term(result, "structuring", "moves_read") != 0,
    )


BOTH = HEARD + SUMMARISED  # a disclosure understood, then a summary in plain words


def test_each_switch_turns_its_own_reading_off(monkeypatch):
    assert _both_read(_read(BOTH)) == (True, True)
    assert _both_read(_read(BOTH, use_model=False)) == (False, False)
    with monkeypatch.context() as m:
        m.setenv(rapport.RAPPORT_ENV, "off")
        result = _read(BOTH)
        assert _both_read(result) == (False, True)
        assert (
            "rapport" not in result.model_version
            and train_stance.MOVES.version in result.model_version
        )
    with monkeypatch.context() as m:
        m.setenv(moves.MOVES_ENV, "off")
        result = _read(BOTH)
        assert _both_read(result) == (True, False)
        assert (
            "moves" not in result.model_version
            and train_stance.RAPPORT.version in result.model_version
        )
    # switching the learned parts off switches every reading off
    monkeypatch.setenv(MODEL_ENV, "off")
    assert _both_read(_read(BOTH)) == (False, False)
