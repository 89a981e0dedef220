"""The trained model is optional: the scorer works without it, and it can be switched off."""

from scoring import encoder, score_session
from scoring.model import DEFAULT_MODEL_PATH, MODEL_ENV, get_model
from scoring.session import READERS_NOT_RUN

TURNS = [
    ("practitioner", "what would you like to talk about today"),
    ("client", "my licence really"),
    ("practitioner", "you're unsure what's expected of you"),
]


def test_switched_off_by_argument(session):
    score = score_session(session(*TURNS), use_model=False)
    assert score.model_version is None
    assert {c.source for c in score.codes if c.behaviour} == {"rules"}


def test_switched_off_by_environment(session, monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "off")
    assert get_model() is None
    assert score_session(session(*TURNS)).model_version is None


def test_missing_model_file_falls_back_to_rules(session, tmp_path):
    absent = tmp_path / "absent.json"
    score = score_session(session(*TURNS), use_model=absent, use_encoder=False)
    # the codes come from the rules; the reading models (their own files) still read
    assert {c.source for c in score.codes if c.behaviour} == {"rules"}
    assert get_model(DEFAULT_MODEL_PATH).version not in (score.model_version or "")
    assert score.codes[0].behaviour == "question"
    # with the codes encoder (on by default) its codes stand without the linear model's
    with_encoder = score_session(session(*TURNS), use_model=absent)
    assert {c.source for c in with_encoder.codes if c.behaviour} == {"encoder"}
    assert with_encoder.codes[0].behaviour == "question"


def test_shipped_model_refines_the_codes(session):
    score = score_session(session(*TURNS), use_model=DEFAULT_MODEL_PATH, use_encoder=False)
    assert score.model_version
    assert {c.source for c in score.codes if c.behaviour} == {"model"}
    assert score.codes[0].behaviour == "question"
    blended = score_session(session(*TURNS), use_model=DEFAULT_MODEL_PATH)
    assert {c.source for c in blended.codes if c.behaviour} == {"model+encoder"}
    assert blended.codes[0].behaviour == "question"


def test_an_hour_long_session_is_scored_turn_by_turn(session):
    turns = [
        ("practitioner", "So what happened when you got back to the hostel that night?"),
        ("client", "I went straight to my room and rang my sister, I didn't want any bother."),
        ("practitioner", "You're proud that you kept yourself out of trouble."),
        ("client", "Yeah, I suppose I am."),
    ] * 200
    utterances = session(*turns)
    assert utterances[-1].end > 3600
    # its speed is measured by bench/score_annomi.py: tests assert behaviour, not timings
    score = score_session(utterances, use_model=DEFAULT_MODEL_PATH)
    assert len(score.codes) == len(utterances)
    assert {c.behaviour for c in score.codes[::2]} <= {
        "question",
        "reflection",
        "therapist_input",
        "other",
    }


def test_reading_models_that_cannot_run_are_logged_and_noted(session, monkeypatch, caplog):
    # without the embedder the reading models fall back to the rules: an operator must be
    # able to see that the scores are not a full scoring's
    monkeypatch.setattr(encoder, "embedder_available", lambda: False)
    with caplog.at_level("WARNING", logger="scoring.session"):
        score = score_session(session(*TURNS))
    assert score.to_dict()["notes"] == [READERS_NOT_RUN]
    assert READERS_NOT_RUN in caplog.text


def test_a_full_scoring_has_no_such_note(session):
    assert encoder.embedder_available()
    assert score_session(session(*TURNS)).notes == []
