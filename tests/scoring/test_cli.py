"""``python -m scoring annotate IN.jsonl OUT.jsonl`` as issue 6 specifies."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.__main__ import main

REPO = Path(__file__).resolve().parents[2]
TRANSCRIPT = {
    "id": "t1",
    "quality": "high",
    "utterances": [
        {"speaker": "therapist", "text": "How have things been at the hostel?"},
        {"speaker": "client", "text": "Noisy. I can't sleep."},
        {"speaker": "practitioner", "text": "You're exhausted and it's wearing you down."},
        {"speaker": "client", "text": "Yeah."},
        {"speaker": "therapist", "text": "did you speak to the staff about it"},
    ],
}


def write_input(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(TRANSCRIPT) + "\n" + json.dumps({**TRANSCRIPT, "id": "t2"}) + "\n")
    return source


def test_annotate_writes_one_line_per_transcript_with_the_listed_keys(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(write_input(tmp_path)), str(out), "--no-model"]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["t1", "t2"]
    line = lines[0]
    assert set(line) == {"id", "utterances", "quality", "skills", "metrics"}
    assert set(line["skills"]) == {
        "structuring",
        "relationship_building",
        "prosocial_modelling",
        "cognitive_techniques",
    }
    assert set(line["metrics"]) == {
        "reflection_question_ratio",
        "open_question_share",
        "complex_reflection_share",
        "practitioner_talk_share",
    }
    codes = line["utterances"]
    assert all(set(c) == {"behaviour", "question_subtype", "reflection_subtype"} for c in codes)
    assert codes[0] == {
        "behaviour": "question",
        "question_subtype": "open",
        "reflection_subtype": None,
    }
    assert codes[1] == {"behaviour": None, "question_subtype": None, "reflection_subtype": None}
    assert codes[2]["behaviour"] == "reflection"
    assert codes[4]["question_subtype"] == "closed"  # no punctuation
    assert isinstance(line["quality"], float)


def test_the_module_runs_as_a_command(tmp_path):
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scoring",
            "annotate",
            str(write_input(tmp_path)),
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(out.read_text().splitlines()) == 2


def test_missing_input_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["annotate", str(tmp_path / "nope.jsonl"), str(tmp_path / "out.jsonl")])
    assert exit_info.value.code == 2
    assert "does not exist" in capsys.readouterr().err
