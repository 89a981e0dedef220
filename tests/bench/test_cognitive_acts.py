"""The cognitive rules bench counts each rule's acts in the sessions rated good and poor at the
skill, and the AUC of their balance: run as a developer runs it, on two sessions of its own."""

import json
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BENCH = Path(settings.BASE_DIR) / "bench" / "cognitive_acts.py"
ASKED = "When the bouncer pushed you, what was going through your mind?"
ANSWERED = "That he was showing me up in front of my girlfriend and I had to hit back."


def twin(folder: Path, rated: str, rating: int, follow: str, reply: str) -> None:
    transcript = {
        "id": f"w0c01-{rated}",
        "case": "w0c01",
        "twin": rated,
        "writer_ratings": dict.fromkeys(
            ("structuring", "relationship", "prosocial", "cognitive"), rating
        ),
        "utterances": [
            {"speaker": "practitioner", "text": ASKED},
            {"speaker": "client", "text": ANSWERED},
            {"speaker": "practitioner", "text": follow},
            {"speaker": "client", "text": reply},
        ],
    }
    (folder / f"{transcript['id']}.json").write_text(json.dumps(transcript))


def test_the_bench_counts_rules_by_rating_and_ranks_the_sessions(tmp_path):
    twin(
        tmp_path,
        "good",
        4,
        "Showing you up in front of her. What did that feel like in the moment?",
        "Like everyone was laughing at me, my face went hot.",
    )
    twin(
        tmp_path,
        "poor",
        1,
        "That's your thinking error right there, you always blame other people for it.",
        "Whatever.",
    )
    run = subprocess.run(
        [sys.executable, str(BENCH), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = run.stdout.splitlines()
    assert lines[0] == "1 sessions rated good at cognitive techniques, 1 poor"
    labelled = next(line for line in lines if "D:thinking_labelled_for_client" in line)
    assert labelled.split()[-2:] == ["0.00", "1.00"]  # weight per session: good, poor
    built_on = next(line for line in lines if "(answer built on)" in line)
    assert built_on.split()[-2:] == ["1.00", "0.00"]
    assert lines[-1].startswith("balance of the judged acts alone: AUC within a group 1.000")


def test_the_bench_says_so_when_there_is_nothing_to_compare(tmp_path):
    twin(tmp_path, "good", 4, "Showing you up. What did that feel like?", "Hot. Everyone looked.")
    run = subprocess.run(
        [sys.executable, str(BENCH), str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 1
    assert "nothing to compare" in run.stdout
