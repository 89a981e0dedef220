"""Which of the cognitive judge's rules tell good practice from poor: each rule's acts per
session, weighed as the score weighs them, in sessions rated good at cognitive techniques
against sessions rated poor.

A rule that counts against the skill should fire more in the poor sessions, one that counts
for it more in the good. A rule that fires as often in both measures something else (the
session's length, its topic, the practitioner's manner) and only adds noise to the balance
the skill score is made of (``skill_scores.judged_terms``, "techniques_judged"). It also
prints the AUC of that balance alone, per group of sessions (each writer's twins, each mixed
set) and pooled.

Labels: twins by ``probation_twins.skill_label``, mixed-profile sessions by
``probation_mixed.label`` (the writer and the blind readers agree); sessions without an agreed
label are left out.

    python bench/cognitive_acts.py [DIR ...]   (default: the development and held-out sets)
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from fit_skill_weights import auc  # noqa: E402
from probation_mixed import label  # noqa: E402
from probation_twins import load, skill_label, writer  # noqa: E402

from scoring import Utterance, score_session  # noqa: E402
from scoring.judgement.context import READ_INVITATION, SUPPORTS  # noqa: E402
from scoring.skill_scores import COGNITIVE_ITEMS, _balance  # noqa: E402

DEFAULT_DIRS = [
    REPO / "bench" / name
    for name in ("probation_set", "probation_mixed", "probation_heldout", "probation_heldout_twins")
]


def judged_acts(transcript: dict) -> list:
    """The session's judged acts, as ``score_session`` judges them (every model on)."""
    utterances = [
        Utterance(i, u["speaker"], u.get("text") or "", u.get("start"), u.get("end"))
        for i, u in enumerate(transcript["utterances"])
    ]
    return score_session(utterances).acts


def group_of(transcript: dict, folder: Path) -> str:
    if transcript.get("twin"):
        return f"{folder.name}:{writer(transcript)}"
    return f"{folder.name}:{transcript['id'][0]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    args = parser.parse_args()
    per_rule = defaultdict(lambda: {"good": 0.0, "poor": 0.0})
    sessions = {"good": 0, "poor": 0}
    balances = defaultdict(lambda: {"good": [], "poor": []})
    for folder in args.dirs:
        for t in load(folder):
            if not t.get("utterances"):
                continue
            rated = label(t, "cognitive") if "profile" in t else skill_label(t, "cognitive")
            if rated not in sessions:
                continue
            acts = [a for a in judged_acts(t) if a.item in COGNITIVE_ITEMS]
            sessions[rated] += 1
            for a in acts:
                rule = a.rule.replace(f" {READ_INVITATION}", " [read by meaning]")
                sign = "+" if a.polarity == SUPPORTS else "-"
                per_rule[(a.item, sign, rule)][rated] += a.weight
            balances[group_of(t, folder)][rated].append(_balance(acts, *COGNITIVE_ITEMS, prior=2.0))
    print(
        f"{sessions['good']} sessions rated good at cognitive techniques, {sessions['poor']} poor"
    )
    if not (sessions["good"] and sessions["poor"]):
        print("nothing to compare: the folders need sessions rated good and sessions rated poor")
        return 1
    print(f"{'item':<4} {'':1} {'rule':<72} {'good':>6} {'poor':>6}  (weight per session)")
    for (item, sign, rule), by in sorted(per_rule.items()):
        good, poor = by["good"] / sessions["good"], by["poor"] / sessions["poor"]
        print(f"{item:<4} {sign:1} {rule:<72} {good:6.2f} {poor:6.2f}")
    # a group with sessions of one rating has no pair to rank; the pooled figure still has
    within = [
        auc((g, p) for g in b["good"] for p in b["poor"])
        for b in balances.values()
        if b["good"] and b["poor"]
    ] or [float("nan")]
    pooled_good = [v for b in balances.values() for v in b["good"]]
    pooled_poor = [v for b in balances.values() for v in b["poor"]]
    print(
        f"balance of the judged acts alone: AUC within a group {sum(within) / len(within):.3f}"
        f" (mean of {len(within)} groups), pooled "
        f"{auc((g, p) for g in pooled_good for p in pooled_poor):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
