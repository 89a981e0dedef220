"""Which invitations found by meaning should the cognitive judge weigh? Cross-validated by set.

Each labelled set (``bench/probation_turns/invitations.jsonl``) is read by an invitations model
trained without it; the twins of writers no reader marked are read by the model trained on all.
For each variant (the kinds judged when found by meaning, and the probability from which a
turn counts) the script prints the cognitive and relationship AUC on the twins
(``bench/probation_set``) and the mixed-profile sessions (``bench/probation_mixed``), against
the judge with no invitations read by meaning (scorer 2.7). Never the held-out sets: a set a
variant was chosen on checks nothing after. docs/scoring.md, "Techniques asked for in plain
words", holds the figures (measured while g and h were still held out and read here too; they
have since joined the mixed sessions).

    python bench/invitation_kinds.py [VARIANT ...]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from probation_mixed import label as mixed_label  # noqa: E402
from probation_twins import auc, score, skill_label  # noqa: E402

import scoring.judgement.cognitive as cognitive  # noqa: E402
from scoring import encoder, invitations, train_stance  # noqa: E402

TECHNIQUES = ("consequences", "other_view", "options", "plan", "rehearsal")
VARIANTS = {
    "none": (TECHNIQUES, 1.1),  # no reading is that sure: scorer 2.7
    "all": (invitations.KINDS, 0.5),
    "all_0.7": (invitations.KINDS, 0.7),
    "no_sequence": (tuple(k for k in invitations.KINDS if k != "sequence"), 0.5),
    "techniques": (TECHNIQUES, 0.5),
    "techniques_0.7": (TECHNIQUES, 0.7),
}
SETS = {
    "twins": REPO / "bench" / "probation_set",
    "mixed": REPO / "bench" / "probation_mixed",
}


def fold_models(folder: Path) -> tuple[dict[str, Path], Path]:
    """A model file per labelled set, trained without it, and one trained on all."""
    task = train_stance.INVITATIONS
    rows = train_stance.training_rows(task)
    vectors = train_stance.vectors(rows, encoder.embed)
    paths = {}
    for group in sorted({r["group"] for r in rows}):
        paths[group] = folder / f"without-{group}.json"
        paths[group].write_text(
            json.dumps(train_stance.fit_without(rows, vectors, group, None, task))
        )
    everything = folder / "all.json"
    everything.write_text(json.dumps(train_stance.fit(rows, vectors, None, task)))
    return paths, everything


def transcripts() -> list[tuple[str, dict]]:
    out = []
    for name, folder in SETS.items():
        for path in sorted(folder.glob("*.json")):
            out.append((name, json.loads(path.read_text())))
    return out


def main() -> int:
    chosen = sys.argv[1:] or list(VARIANTS)
    with tempfile.TemporaryDirectory() as tmp:
        paths, everything = fold_models(Path(tmp))
        sessions = transcripts()
        print(f"{len(sessions)} transcripts; models for {len(paths)} labelled sets")
        for variant in chosen:
            cognitive.JUDGED_KINDS, cognitive.INVITATION_P = VARIANTS[variant]
            found: dict[tuple[str, str], list] = {}
            for name, t in sessions:
                group = train_stance.group_of(t["id"])
                os.environ[invitations.INVITATIONS_ENV] = str(paths.get(group, everything))
                scored = score(t, True)
                for skill in ("relationship", "cognitive"):
                    label = skill_label(t, skill) if "twin" in t else mixed_label(t, skill)
                    found.setdefault((name, skill), []).append((scored[skill], label))
            figures = []
            for (name, skill), pairs in found.items():
                good = [s for s, label in pairs if label == "good"]
                poor = [s for s, label in pairs if label == "poor"]
                figures.append(f"{name} {skill} {auc(good, poor):.3f}")
            print(f"{variant:<15} " + " | ".join(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
