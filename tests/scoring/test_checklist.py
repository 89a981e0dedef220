"""The checklist ships as a versioned data file and survives a round trip through a dict."""

import pytest

from scoring import checklist_from_dict, load_checklist
from scoring.checklist import SKILL_CODES, ChecklistError


def test_first_version_has_every_skill_and_item():
    checklist = load_checklist()
    assert checklist.version == "seeds-v1"
    assert tuple(skill.code for skill in checklist.skills) == SKILL_CODES
    ids = [item.id for item in checklist.items]
    expected = (
        [f"A{n}" for n in range(1, 11)]
        + [f"B{n}" for n in range(1, 12)]
        + [f"C{n}" for n in range(1, 7)]
        + [f"D{n}" for n in range(1, 9)]
    )
    assert ids == expected
    assert all(item.behaviour and item.title for item in checklist.items)
    assert [m.id for m in checklist.metrics] == ["E1", "E2", "E3", "E4", "E5"]


def test_items_that_count_against_and_items_that_are_prompts():
    checklist = load_checklist()
    assert {i.id for i in checklist.items if i.counts_against} == {"B2", "B10", "C3"}
    assert {i.id for i in checklist.items if i.mode == "prompt"} == {"B10", "C4"}
    assert checklist.item("B4").detect == "M/L"
    assert checklist.item("B4").mode == "verdict"


def test_benchmark_bands_follow_the_checklist():
    checklist = load_checklist()
    ratio = checklist.metric("reflection_question_ratio")
    assert (ratio.band(2.5), ratio.band(1.2), ratio.band(0.4)) == ("good", "fair", "below")
    assert checklist.metric("open_question_share").band(0.5) == "good"
    assert checklist.metric("open_question_share").band(0.3) == "below"
    assert checklist.metric("E5").band(3) is None


def test_round_trip_through_a_dict_rebuilds_the_same_checklist():
    checklist = load_checklist()
    assert checklist_from_dict(checklist.to_dict()) == checklist


def test_an_edited_version_is_a_different_checklist():
    data = load_checklist().to_dict()
    data["version"] = "seeds-v2"
    data["skills"][0]["items"].append(
        {
            "id": "A11",
            "title": "Ends on time",
            "behaviour": "ends the session on time",
            "detect": "H",
        }
    )
    edited = checklist_from_dict(data)
    assert edited.version == "seeds-v2"
    assert edited.item("A11").skill == "structuring"
    assert edited != load_checklist()


def test_malformed_checklists_are_refused():
    with pytest.raises(ChecklistError):
        checklist_from_dict({"skills": []})
    data = load_checklist().to_dict()
    data["skills"][1]["items"][0]["detect"] = "X"
    with pytest.raises(ChecklistError):
        checklist_from_dict(data)
    data = load_checklist().to_dict()
    data["skills"][1]["items"].append(data["skills"][0]["items"][0])
    with pytest.raises(ChecklistError):
        checklist_from_dict(data)
