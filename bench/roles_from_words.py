"""Who is the practitioner, from the words alone: `choose_practitioner` on written transcripts.

    python bench/roles_from_words.py [--first N]

Each transcript of ``bench/probation_set/`` (practitioner and client) and of AnnoMI dev
(``$OEP_SHARED_DATA/annomi_dev.jsonl``, therapist and client; skipped when absent) is cut into
turns as written, given the labels "A" and "B" both ways round (so who speaks first cannot
decide), and `choose_practitioner` is asked which is the practitioner, with no audio and no
enrolled voice. Prints the share of transcripts named right per set and the ones named wrong.
``--first N`` keeps only the first N turns (a short recording, or the start of one).
No speech recognition or speaker separation is involved: bench/probation_audio.py and
bench/real_speakers.py measure the chooser behind those.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from speech.speakers import Turn, choose_practitioner  # noqa: E402

PROBATION = REPO / "bench" / "probation_set"
ANNOMI = Path(os.environ.get("OEP_SHARED_DATA") or REPO.parent / "shared" / "data") / (
    "annomi_dev.jsonl"
)


def transcripts():
    """(set, id, utterances, the practitioner's speaker name) for every transcript at hand."""
    for path in sorted(PROBATION.glob("*.json")):
        data = json.loads(path.read_text())
        if data.get("utterances"):
            yield "probation", data["id"], data["utterances"], "practitioner"
    if ANNOMI.exists():
        for line in ANNOMI.read_text().splitlines():
            data = json.loads(line)
            yield "annomi", f"{data['id']} ({data['quality']})", data["utterances"], "therapist"


def turns_of(utterances, labels, first=None):
    turns, at = [], 0.0
    for u in utterances:
        if u.get("speaker") not in labels or not u.get("text"):
            continue
        length = 0.3 * len(u["text"].split())
        turns.append(Turn(at, at + length, labels[u["speaker"]], u["text"], ()))
        at += length + 0.5
    return turns[:first] if first else turns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=None, help="only the first N turns")
    args = parser.parse_args()
    right, total, wrong = {}, {}, {}
    for name, ident, utterances, practitioner in transcripts():
        for first_label in ("A", "B"):
            other = "B" if first_label == "A" else "A"
            turns = turns_of(utterances, {practitioner: first_label, "client": other}, args.first)
            if len({t.speaker for t in turns}) < 2:
                continue
            total[name] = total.get(name, 0) + 1
            if choose_practitioner(turns) == first_label:
                right[name] = right.get(name, 0) + 1
            else:
                wrong.setdefault(name, set()).add(ident)
    for name in total:
        named = right.get(name, 0)
        print(
            f"{name}: practitioner named in {named}/{total[name]} "
            f"({named / total[name]:.3f}); wrong: {', '.join(sorted(wrong.get(name, []))) or '-'}"
        )
    if not ANNOMI.exists():
        print(f"annomi: SKIPPED, no {ANNOMI} (set OEP_SHARED_DATA)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
