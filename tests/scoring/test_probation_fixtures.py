"""The probation practice transcripts: items marked present by hand are found, items marked
absent are not, with and without punctuation, by the rules alone and with the learned models
(the linear model and the codes encoder blended, as shipped)."""

import json
from pathlib import Path

import pytest

from scoring import Utterance, score_session
from scoring.model import DEFAULT_MODEL_PATH
from scoring.text import strip_punctuation

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures" / "probation").glob("*.json"))


def load(path, strip=False):
    data = json.loads(path.read_text())
    utterances = [
        Utterance(
            i,
            u["speaker"],
            strip_punctuation(u["text"]) if strip else u["text"],
            u["start"],
            u["end"],
        )
        for i, u in enumerate(data["utterances"])
    ]
    return data, utterances


def shown(item):
    """A verdict item is shown when present; a prompt item when it has evidence."""
    return bool(item["evidence"]) if item["mode"] == "prompt" else item["present"]


def test_there_are_good_and_poor_transcripts_of_every_skill():
    names = [path.stem for path in FIXTURES]
    assert len(names) >= 12
    for skill in ("structuring", "relationship", "prosocial", "cognitive"):
        assert any(n.startswith(f"{skill}-good") for n in names)
        assert any(n.startswith(f"{skill}-poor") for n in names)


@pytest.mark.parametrize("use_model", [False, DEFAULT_MODEL_PATH], ids=["rules", "model"])
@pytest.mark.parametrize("strip", [False, True], ids=["punctuated", "unpunctuated"])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_items_marked_by_hand(path, strip, use_model):
    data, utterances = load(path, strip)
    items = score_session(utterances, use_model=use_model).items
    missing = [i for i in data["expect_present"] if not shown(items[i])]
    unexpected = [i for i in data["expect_absent"] if shown(items[i])]
    assert (missing, unexpected) == ([], [])


def test_good_practice_scores_above_poor_practice_on_its_skill():
    def skill_score(name, skill):
        _, utterances = load(Path(FIXTURES[0].parent / f"{name}.json"))
        return score_session(utterances, use_model=False).skills[skill]["score"]

    assert skill_score("structuring-good-review-and-goals", "structuring") > skill_score(
        "structuring-poor-no-review-drift", "structuring"
    )
    assert skill_score("relationship-good-motivational", "relationship_building") > skill_score(
        "relationship-poor-interrogation", "relationship_building"
    )
    assert skill_score("prosocial-good-praise-and-challenge", "prosocial_modelling") > skill_score(
        "prosocial-poor-missed-procriminal", "prosocial_modelling"
    )
    assert skill_score("cognitive-good-incident-chain", "cognitive_techniques") > skill_score(
        "cognitive-poor-lecture-no-techniques", "cognitive_techniques"
    )
