"""The trained model is optional: the scorer works without it, and it can be switched off."""

from pathlib import Path

from scoring import score_session
from scoring.model import DEFAULT_MODEL_PATH, MODEL_ENV, get_model

PACKAGE = Path(__file__).resolve().parents[2] / "recordings" / "scoring"
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
    score = score_session(session(*TURNS), use_model=tmp_path / "absent.json")
    assert score.model_version is None
    assert score.codes[0].behaviour == "question"


def test_shipped_model_refines_the_codes(session):
    score = score_session(session(*TURNS), use_model=DEFAULT_MODEL_PATH)
    assert score.model_version
    assert {c.source for c in score.codes if c.behaviour} == {"model"}
    assert score.codes[0].behaviour == "question"
