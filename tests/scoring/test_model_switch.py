"""The trained model is optional: the scorer works without it, and it can be switched off."""

import ast
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
    # the codes come from the rules; the reading models (their own files) still read
    assert {c.source for c in score.codes if c.behaviour} == {"rules"}
    assert get_model(DEFAULT_MODEL_PATH).version not in (score.model_version or "")
    assert score.codes[0].behaviour == "question"


def test_shipped_model_refines_the_codes(session):
    score = score_session(session(*TURNS), use_model=DEFAULT_MODEL_PATH)
    assert score.model_version
    assert {c.source for c in score.codes if c.behaviour} == {"model"}
    assert score.codes[0].behaviour == "question"


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


def test_no_django_in_the_scorer():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("django", "wagtail") for n in names), path
