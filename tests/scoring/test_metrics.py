"""Layer 3: session metrics against the checklist's benchmarks, skill scores and quality."""

import json

from scoring import SCORER_VERSION, score_session

MI_STYLE = [
    ("practitioner", "What would you like to talk about today?"),
    ("client", "My drinking, it's getting me into trouble again."),
    ("practitioner", "You're worried the drinking is pulling you back towards offending."),
    ("client", "Yeah, every time I drink I end up in a fight."),
    ("practitioner", "So fights and drinking go together for you."),
    ("client", "Pretty much."),
    ("practitioner", "It sounds like part of you is ready for that to stop."),
    ("client", "I am. I'm sick of it."),
    ("practitioner", "You've kept every appointment this month. That takes real commitment."),
    ("client", "Thanks."),
]
CONFRONTING = [
    ("practitioner", "Have you been drinking?"),
    ("client", "A bit."),
    ("practitioner", "You need to stop drinking. You always make excuses."),
    ("client", "I know."),
    ("practitioner", "Did you go to the group?"),
    ("client", "No."),
    ("practitioner", "You should go to the group. I'd recommend you stop seeing those lads."),
    ("client", "Okay."),
    ("practitioner", "Are you going to go next week?"),
    ("client", "Yeah."),
]


def test_metrics_are_measured_and_banded(session):
    metrics = score_session(session(*MI_STYLE), use_model=False).metrics
    assert metrics["reflection_question_ratio"]["value"] == 3.0
    assert metrics["reflection_question_ratio"]["band"] == "good"
    assert metrics["reflection_question_ratio"]["id"] == "E1"
    assert metrics["open_question_share"]["value"] == 1.0
    assert metrics["open_question_share"]["band"] == "good"
    assert metrics["complex_reflection_share"]["value"] is not None
    assert metrics["mi_consistent_share"]["value"] == 1.0
    assert 0 < metrics["practitioner_talk_share"]["value"] < 1
    assert metrics["longest_turn_seconds"]["value"] > 0
    assert metrics["longest_turn_words"]["value"] == 12  # "It sounds like part of you..."
    assert metrics["change_talk_evoked"]["mode"] == "prompt"


def test_confronting_session_falls_below_the_benchmarks(session):
    metrics = score_session(session(*CONFRONTING), use_model=False).metrics
    assert metrics["reflection_question_ratio"]["band"] == "below"
    assert metrics["open_question_share"]["band"] == "below"
    assert metrics["mi_consistent_share"]["band"] == "below"


def test_quality_is_higher_for_mi_style_practice(session):
    good = score_session(session(*MI_STYLE), use_model=False).quality
    poor = score_session(session(*CONFRONTING), use_model=False).quality
    assert good > poor


def test_quality_does_not_grow_with_length(session):
    once = score_session(session(*MI_STYLE), use_model=False).quality
    twice = score_session(session(*(MI_STYLE * 3)), use_model=False).quality
    assert abs(once - twice) < 0.05


def test_skill_scores_summarise_the_items(session):
    skills = score_session(session(*MI_STYLE), use_model=False).skills
    relationship = skills["relationship_building"]
    assert 0 < relationship["score"] <= 1
    assert {"B4", "B5"} <= set(relationship["items_shown"])
    assert "B2" not in relationship["items_expected"]  # counts against, never expected
    assert relationship["summary"].startswith(f"{len(relationship['items_shown'])} of")
    assert set(skills) == {
        "structuring",
        "relationship_building",
        "prosocial_modelling",
        "cognitive_techniques",
    }


def test_score_is_json_serialisable_and_versioned(session):
    score = score_session(session(*MI_STYLE), use_model=False)
    data = json.loads(json.dumps(score.to_dict()))
    assert data["scorer_version"] == SCORER_VERSION
    assert data["checklist_version"] == "seeds-v1"
    assert len(data["codes"]) == len(MI_STYLE)
    assert set(data["codes"][0]) >= {
        "index",
        "behaviour",
        "question_subtype",
        "reflection_subtype",
        "input_subtype",
        "tags",
    }
    assert isinstance(data["quality"], float)
