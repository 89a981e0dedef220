"""Does the scorer judge each skill on its own? Sessions strong on some skills and weak on others.

Reads ``bench/probation_mixed/`` (``--dir`` to override): transcripts written with a designed
profile (some of the four skills done well, the others poorly; five writers, half raw ASR text),
each rated by two blind readers. A skill is labelled good or poor only where the writer's
rating and both readers' agree (>= 3 good, <= 2 poor). Prints, per transcript, the four skill
scores against the labels, and over the set:
- within a transcript: the share of (good skill, poor skill) pairs where the good one scores
  higher;
- growth point: the share of transcripts whose lowest-scored skill is one labelled poor (the
  skill the practitioner is told to work on next);
- per-skill AUC across the set's transcripts.

    python bench/probation_mixed.py [--dir DIR] [--no-model]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from probation_twins import GOOD_RATING, SKILLS, auc, load, score  # noqa: E402

MARK = {"good": "+", "poor": "-", None: "?"}


def label(transcript: dict, name: str) -> str | None:
    ratings = [transcript["writer_ratings"][name]]
    ratings += [reading[name] for reading in transcript.get("blind_ratings", [])]
    if all(r >= GOOD_RATING for r in ratings):
        return "good"
    if all(r < GOOD_RATING for r in ratings):
        return "poor"
    return None


def profile_figures(transcripts: list[dict], scores: dict[str, dict[str, float]]) -> dict:
    """The set's figures from per-transcript skill scores (``scores[id][skill]``): within a
    transcript, each (good skill, poor skill) pair scored 1 / 0.5 / 0 as the good one is
    above / level / below; per transcript with a poor skill, whether the lowest-scored skill is
    a poor one; per skill the (good, poor) scores across the set and their AUC.
    ``bench/fit_skill_weights.py --mixed`` reports held-out sets through this same function."""
    within, growth, by_skill = [], [], {name: ([], []) for name in SKILLS}
    for t in transcripts:
        mine = scores[t["id"]]
        labels = {name: label(t, name) for name in SKILLS}
        good = [n for n in SKILLS if labels[n] == "good"]
        poor = [n for n in SKILLS if labels[n] == "poor"]
        for g, p in itertools.product(good, poor):
            within.append(1.0 if mine[g] > mine[p] else 0.5 if mine[g] == mine[p] else 0.0)
        if poor:
            lowest = min(SKILLS, key=lambda n: mine[n])
            growth.append(1.0 if lowest in poor else 0.0)
        for name in SKILLS:
            if labels[name]:
                by_skill[name][0 if labels[name] == "good" else 1].append(mine[name])
    return {
        "within": within,
        "growth": growth,
        "by_skill": by_skill,
        "auc": {name: auc(good, poor) for name, (good, poor) in by_skill.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=REPO / "bench" / "probation_mixed")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    args = parser.parse_args()
    transcripts = load(args.dir)
    print(f"{len(transcripts)} transcripts from {args.dir}")
    scores = {}
    for t in transcripts:
        scores[t["id"]] = score(t, use_model=not args.no_model)
        labels = {name: label(t, name) for name in SKILLS}
        cells = "  ".join(
            f"{name[:6]} {scores[t['id']][name]:.2f}{MARK[labels[name]]}" for name in SKILLS
        )
        print(f"  {t['id']:<5} {t.get('style', ''):<8} {cells}")
    figures = profile_figures(transcripts, scores)
    within, growth = figures["within"], figures["growth"]
    print(
        f"within a transcript, good skill above poor: {statistics.mean(within):.3f} "
        f"({len(within)} pairs of skills)"
    )
    print(
        f"growth point (lowest skill) is one labelled poor: {statistics.mean(growth):.3f} "
        f"({len(growth)} transcripts)"
    )
    for name, (good, poor) in figures["by_skill"].items():
        value = figures["auc"][name]
        shown = "n/a" if value is None else f"{value:.3f}"
        print(f"  {name:<13} AUC {shown}  ({len(good)} good, {len(poor)} poor)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
