"""The fine-tuned codes encoder: runs with onnxruntime alone, codes the obvious cases, on by
default and can be left out."""

import sys

import numpy as np
import pytest

from scoring import encoder, example, score_session
from scoring.encoder import CodeInput
from scoring.model import MODEL_ENV


@pytest.fixture
def encoder_on(monkeypatch):
    """The shipped files, whatever the environment that runs the tests says."""
    monkeypatch.setenv(encoder.ENCODER_ENV, "on")


shipped = pytest.mark.usefixtures("encoder_on")


def test_the_encoder_files_ship_and_load():
    assert encoder.available(encoder.DEFAULT_ENCODER_PATH)


def test_the_encoder_runs_unless_switched_off(monkeypatch, tmp_path):
    monkeypatch.delenv(encoder.ENCODER_ENV, raising=False)
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert encoder.encoder_path() == encoder.DEFAULT_ENCODER_PATH
    assert encoder.available()
    monkeypatch.setenv(encoder.ENCODER_ENV, "on")
    assert encoder.encoder_path() == encoder.DEFAULT_ENCODER_PATH
    monkeypatch.setenv(encoder.ENCODER_ENV, str(tmp_path / "other.onnx"))
    assert encoder.encoder_path() == tmp_path / "other.onnx"
    monkeypatch.setenv(encoder.ENCODER_ENV, "off")
    assert encoder.encoder_path() is None
    assert not encoder.available()


def test_a_session_is_coded_with_the_encoder_by_default(monkeypatch, session):
    monkeypatch.delenv(encoder.ENCODER_ENV, raising=False)
    monkeypatch.delenv(MODEL_ENV, raising=False)
    score = score_session(session(("practitioner", "how are things"), ("client", "fine")))
    assert "codes-minilm-2" in score.model_version
    assert score.codes[0].source == "model+encoder"


@shipped
def test_predicts_with_onnxruntime_without_torch():
    probs = encoder.predict([CodeInput("What brings you here today?")])
    assert "torch" not in sys.modules
    assert set(probs[0].behaviour) == set(encoder.BEHAVIOUR_LABELS)
    assert sum(probs[0].behaviour.values()) == pytest.approx(1.0, abs=1e-4)


@shipped
@pytest.mark.parametrize(
    "unit, behaviour",
    [
        (CodeInput("What would you like to talk about today?"), "question"),
        (CodeInput("what would you like to talk about today"), "question"),
        (CodeInput("How did you feel when they told you that?", "They said I failed."), "question"),
        (
            CodeInput(
                "It sounds like you're really worried about losing your place at the hostel.",
                "I don't know what I'll do if they kick me out of the hostel.",
            ),
            "reflection",
        ),
        (
            CodeInput(
                "so you feel stuck between your mates and keeping your job",
                "my mates want me out every night but i've got work at six",
            ),
            "reflection",
        ),
    ],
)
def test_obvious_units_are_coded_right(unit, behaviour):
    assert encoder.predict([unit])[0].top()[0] == behaviour


@shipped
def test_open_and_closed_questions_are_told_apart():
    open_q, closed_q = encoder.predict(
        [
            CodeInput("What would you like to talk about today?"),
            CodeInput("did you go to the appointment"),
        ]
    )
    assert open_q.top("question")[0] == "open"
    assert closed_q.top("question")[0] == "closed"


@shipped
@pytest.mark.parametrize(
    "text, subtype",
    [("What do you make of that?", "open"), ("did you go to the appointment", "closed")],
)
def test_blended_codes_tell_open_from_closed(session, text, subtype):
    turns = [("client", "I went to the meeting."), ("practitioner", text), ("client", "Yeah.")]
    code = score_session(session(*turns)).codes[1]
    assert (code.behaviour, code.question_subtype, code.source) == (
        "question",
        subtype,
        "model+encoder",
    )


@shipped
def test_embed_puts_restatements_closer_than_unrelated_talk():
    client, restated, unrelated = encoder.embed(
        [
            "I keep drinking when I'm stressed about money.",
            "Money worries send you back to the drink.",
            "The bus to the office leaves at nine.",
        ]
    )
    assert np.linalg.norm(client) == pytest.approx(1.0, abs=1e-3)
    assert client @ restated > client @ unrelated


# the int8 models quantise activations with a scale taken over the batch: a turn's reading
# must not move with the session it is read in
NEIGHBOURS = [
    "yeah",
    "I told you last week I'd been to the job centre and they sent me away again with nothing, "
    "and my mum says I should just give up on the whole thing and go back to the warehouse",
    "ok",
]


def test_a_texts_vector_is_the_same_whatever_it_is_embedded_with():
    text = "Money worries send you back to the drink."
    alone = encoder.embed([text])[0]
    among = encoder.embed([NEIGHBOURS[0], NEIGHBOURS[1], text, NEIGHBOURS[2]])[2]
    assert np.array_equal(alone, among)


def test_texts_run_side_by_side_come_back_in_order_and_the_same(monkeypatch):
    """The texts of a session run two at a time; each vector is the one it has alone."""
    texts = [*NEIGHBOURS, "Money worries send you back to the drink.", "What happened then?"]
    runner = encoder._embedder()
    monkeypatch.setattr(runner, "workers", 1)
    one_by_one = encoder.embed(texts)
    monkeypatch.setattr(runner, "workers", 2)
    side_by_side = encoder.embed(texts)
    assert np.array_equal(one_by_one, side_by_side)
    assert not np.array_equal(side_by_side[0], side_by_side[1])


def test_a_turn_reads_the_same_whatever_else_the_session_holds(monkeypatch):
    for switch in (MODEL_ENV, example.EXAMPLE_ENV):
        monkeypatch.delenv(switch, raising=False)
    texts = [
        "I went down the job centre like you said and they sent me away again.",
        "Going back after last time took some doing. What happened when they turned you away?",
    ]
    model = example.get_model()
    alone = example.read_session(texts, [False, True], model)
    longer = example.read_session(texts + NEIGHBOURS[1:], [False, True, False, True], model)
    assert alone and longer[: len(alone)] == alone


@shipped
def test_a_units_codes_are_the_same_whatever_it_is_coded_with():
    unit = CodeInput("so you feel stuck between your mates and work", "my mates want me out")
    alone = encoder.predict([unit])[0]
    among = encoder.predict([CodeInput(t) for t in NEIGHBOURS[:2]] + [unit])[2]
    assert alone == among


@shipped
def test_session_scorer_blends_the_encoder_in(session):
    turns = [
        ("practitioner", "What would you like to talk about today?"),
        ("client", "My licence, I'm not sure what they expect of me."),
        ("practitioner", "You're unsure what's expected of you."),
    ]
    score = score_session(session(*turns))
    assert "codes-minilm" in score.model_version
    assert score.codes[0].source == "model+encoder"
    assert score.codes[0].behaviour == "question"


def test_missing_encoder_file_is_not_available(tmp_path):
    assert not encoder.available(tmp_path / "absent.onnx")
    with pytest.raises(RuntimeError):
        encoder.predict([CodeInput("what brings you here")], tmp_path / "absent.onnx")


def test_scorer_falls_back_without_the_encoder_file(session, tmp_path):
    turns = [("practitioner", "what brings you here today"), ("client", "my licence")]
    score = score_session(session(*turns), use_encoder=tmp_path / "absent.onnx")
    assert "codes-minilm" not in (score.model_version or "")
    assert score.codes[0].behaviour == "question"
    assert score.codes[0].source in ("rules", "model")


def test_switched_off_by_environment(monkeypatch, session):
    monkeypatch.setenv(encoder.ENCODER_ENV, "off")
    assert encoder.encoder_path() is None
    assert not encoder.available()
    score = score_session(session(("practitioner", "how are things"), ("client", "fine")))
    assert "codes-minilm" not in (score.model_version or "")


def test_rules_only_switch_turns_the_encoder_off_too(monkeypatch, session):
    monkeypatch.setenv("OEP_SCORING_MODEL", "off")
    assert encoder.encoder_path() is None
    score = score_session(session(("practitioner", "how are things"), ("client", "fine")))
    assert score.model_version is None
    assert {c.source for c in score.codes if c.behaviour} == {"rules"}
