"""Each input of one skill's score on its own: its AUC on the twins (all, and by writer) and on
each mixed-profile set.

A skill's score (``scoring.skill_scores``) sums named judged terms and weighs two exchange
rates. Which of them separate good from poor practice of the skill, and where? An input that
separates the twins but points the wrong way in the mixed sets measures the whole session
(warmth, a talkative client), not the skill. Every input is read as "higher is better"; a
session without the input (no client turn to take up) counts as its lowest value.

    python bench/skill_inputs_auc.py [--skill prosocial] [--no-model]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from fit_skill_weights import auc, collect  # noqa: E402
from probation_mixed import label  # noqa: E402
from probation_twins import SKILLS, load, skill_label, writer  # noqa: E402

from scoring.skill_scores import EXCHANGE_INPUTS  # noqa: E402

ABSENT = -1e9  # an exchange rate the session cannot give ranks below every real value


def value(inputs: dict, code: str, name: str) -> float:
    """One input of one transcript: the judged sum, a judged term or an exchange rate."""
    if name == "judged (sum)":
        return sum(inputs["judged"][code].values())
    if name in inputs["exchange"]:
        rate = inputs["exchange"][name]
        return ABSENT if rate is None else rate
    return inputs["judged"][code].get(name, 0.0)


def group_auc(items: list[tuple[dict, str | None]], inputs: dict, code: str, name: str):
    good = [value(inputs[t["id"]], code, name) for t, lab in items if lab == "good"]
    poor = [value(inputs[t["id"]], code, name) for t, lab in items if lab == "poor"]
    return auc((g, p) for g in good for p in poor)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skill", default="prosocial", choices=sorted(SKILLS))
    parser.add_argument("--dir", type=Path, default=REPO / "bench" / "probation_set")
    parser.add_argument("--mixed", type=Path, default=REPO / "bench" / "probation_mixed")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    args = parser.parse_args()
    code = SKILLS[args.skill]
    twins = [t for t in load(args.dir) if t.get("utterances") and t.get("twin")]
    mixed = [t for t in load(args.mixed) if t.get("utterances")] if args.mixed.is_dir() else []
    inputs = collect(twins + mixed, False if args.no_model else None)
    groups = {"twins": [(t, skill_label(t, args.skill)) for t in twins]}
    for t in mixed:
        groups.setdefault(f"set {t['id'][0]}", []).append((t, label(t, args.skill)))
    writers = sorted({writer(t) for t in twins})
    by_writer = {w: [(t, lab) for t, lab in groups["twins"] if writer(t) == w] for w in writers}
    terms = sorted({k for i in inputs.values() for k in i["judged"][code]})
    names = ["judged (sum)", *terms, *EXCHANGE_INPUTS[code]]
    print(f"{args.skill}: AUC of each input alone (good above poor)")
    print(
        f"{'input':<22}"
        + "".join(f"{g:>7}" for g in groups)
        + "   twins by writer "
        + " ".join(writers)
    )
    for name in names:
        cells = [group_auc(items, inputs, code, name) for items in groups.values()]
        per_writer = [group_auc(by_writer[w], inputs, code, name) for w in writers]
        print(
            f"{name:<22}"
            + "".join("    n/a" if c is None else f"{c:7.2f}" for c in cells)
            + "   "
            + " ".join("  - " if c is None else f"{c:.2f}" for c in per_writer)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
