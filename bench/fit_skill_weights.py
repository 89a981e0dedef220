"""Fit how much each skill's judged acts and the exchange weigh, measured leave-one-writer-out.

Each skill's score (``scoring.skill_scores``) is the logistic of a weighted sum of its
inputs: the sum of its judged terms (``judged_terms``, in their hand-set scale) and up to two
rates of the exchange (``judgement.exchange``; which per skill: ``EXCHANGE_INPUTS``; none for
prosocial modelling since 2.5). This
bench fits those weights and a bias per skill on the probation twins, as an L2-regularised
logistic regression on standardised inputs with every weight held at zero or above (a
client who takes up more, or acts judged better, can never lower a score).

It prints, per skill, the AUC of the judged terms alone (scorer 2.2's weighting) and of the
fitted mix, each writer held out in turn: weights fitted on the other writers' labelled
transcripts, then the held-out writer's transcripts scored. "within" compares that writer's
transcripts only, "against" every good/poor pair with at least one of them, "pooled" all
transcripts each scored by the weights that never saw its writer. ``--write`` then fits on
all writers and writes ``scoring/models/skill-weights.json`` (ship it only when the
rotation shows the mix helps: docs/scoring.md).

The mixed-profile sessions (``bench/probation_mixed/``: each good at some skills and poor at
others) are in every fit: twin labels alone teach a fit to score the session as a whole, since a
twin is good or poor at nearly every skill. Each mixed set (one writer each, named by its files'
first letter) is also held out in turn (weights fitted on the twins and the other mixed sets) and
scored as
``bench/probation_mixed.py`` does: a good skill above a poor one within a session, the lowest
skill a poor one, per-skill AUC.

``--ablate`` prints the same figures with each judged term left out in turn.
``--stance-held-out`` reads each set with reading models (``scoring.stance``, ``rapport``,
``moves``) trained without that set's labelled turns, as 2.5's and 2.6's weights were fitted.

    python bench/fit_skill_weights.py [--dir DIR] [--mixed DIR] [--no-model] [--l2 1.0]
        [--ablate] [--stance-held-out] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from probation_mixed import profile_figures  # noqa: E402
from probation_twins import SKILLS, load, skill_label, writer  # noqa: E402

from scoring import Utterance, encoder, score_session, train_stance  # noqa: E402
from scoring.skill_scores import EXCHANGE_CLIP, EXCHANGE_INPUTS, WEIGHTS_PATH  # noqa: E402

VERSION = "skill-weights-16"
STEPS = 20000


def collect(transcripts, use_model) -> dict[str, dict]:
    """Per transcript id, the skill inputs the scorer weighs (judged terms, exchange rates)."""
    out = {}
    for t in transcripts:
        utterances = [
            Utterance(i, u["speaker"], u.get("text") or "") for i, u in enumerate(t["utterances"])
        ]
        out[t["id"]] = score_session(utterances, use_model=use_model).skill_inputs
    return out


def collect_stance_held_out(transcripts, use_model) -> dict[str, dict]:
    """As ``collect``, but each set's transcripts are read by reading models (the stance,
    rapport, moves, invitations and example models: ``scoring.train_stance``) trained without that
    set's labelled turns: the reading terms' figures are then held out like the weights'."""
    from scoring import encoder, example, invitations, moves, rapport
    from scoring.stance import STANCE_ENV

    envs = {
        "stance": STANCE_ENV,
        "rapport": rapport.RAPPORT_ENV,
        "moves": moves.MOVES_ENV,
        "invitations": invitations.INVITATIONS_ENV,
        "example": example.EXAMPLE_ENV,
    }
    tasks = [train_stance.TASKS[name] for name in envs]
    labelled = {task.name: train_stance.training_rows(task) for task in tasks}
    vecs = {name: train_stance.vectors(rows, encoder.embed) for name, rows in labelled.items()}
    before, out = {env: os.environ.get(env) for env in envs.values()}, {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for group in sorted({train_stance.group_of(t["id"]) for t in transcripts}):
                for task in tasks:
                    model = train_stance.fit_without(
                        labelled[task.name], vecs[task.name], group, task=task
                    )
                    path = Path(folder) / f"{task.name}-{group}.json"
                    path.write_text(json.dumps(model))
                    os.environ[envs[task.name]] = str(path)
                mine = [t for t in transcripts if train_stance.group_of(t["id"]) == group]
                out.update(collect(mine, use_model))
    finally:
        for env, value in before.items():
            os.environ.pop(env, None)
            if value is not None:
                os.environ[env] = value
    return out


def rows(inputs: dict, ids: list[str], code: str, drop: str = "") -> np.ndarray:
    """One row per transcript: the judged sum (without the term ``drop``), then the skill's
    exchange rates (nan if none)."""
    names = EXCHANGE_INPUTS[code]
    return np.array(
        [
            [sum(v for k, v in inputs[i]["judged"][code].items() if k != drop)]
            + [
                np.nan if inputs[i]["exchange"][n] is None else inputs[i]["exchange"][n]
                for n in names
            ]
            for i in ids
        ],
        dtype=float,
    )


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> dict:
    """Standardise, then minimise the logistic loss + l2/2 |w|^2 with w >= 0 (projected
    gradient descent: convex, so it reaches the one optimum). Returns mean, sd, w, bias."""
    mean = np.nanmean(x, axis=0)
    sd = np.nanstd(x, axis=0)
    sd[sd == 0] = 1.0
    z = _standardised(x, mean, sd)
    w, b = np.zeros(z.shape[1]), 0.0
    step = 1.0 / (0.25 * np.linalg.norm(z, 2) ** 2 + 0.25 * len(y) + l2)
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        w = np.maximum(0.0, w - step * (z.T @ (p - y) + l2 * w))
        b -= step * float(np.sum(p - y))
    return {"mean": mean, "sd": sd, "w": w, "bias": b}


def _standardised(x, mean, sd):
    """As the scorer does: a missing rate sits at its mean, an exchange rate is clipped to
    EXCHANGE_CLIP spreads (the judged sum, column 0, is not)."""
    z = np.nan_to_num((x - mean) / sd)
    z[:, 1:] = np.clip(z[:, 1:], -EXCHANGE_CLIP, EXCHANGE_CLIP)
    return z


def apply(model: dict, x: np.ndarray) -> np.ndarray:
    return _standardised(x, model["mean"], model["sd"]) @ model["w"] + model["bias"]


def auc(pairs) -> float | None:
    pairs = list(pairs)
    if not pairs:
        return None
    return sum(1.0 if g > p else 0.5 if g == p else 0.0 for g, p in pairs) / len(pairs)


def figures(transcripts, values: dict[str, float], name: str, writers: list[str]) -> dict:
    """Per held-out writer (within, against) and pooled AUC of one skill's values."""
    good = [t for t in transcripts if skill_label(t, name) == "good"]
    poor = [t for t in transcripts if skill_label(t, name) == "poor"]
    out = {}
    for w in writers:
        within = auc(
            (values[g["id"]], values[p["id"]])
            for g in good
            for p in poor
            if writer(g) == w and writer(p) == w
        )
        against = auc(
            (values[g["id"]], values[p["id"]])
            for g in good
            for p in poor
            if w in (writer(g), writer(p))
        )
        out[w] = (within, against)
    out["pooled"] = auc((values[g["id"]], values[p["id"]]) for g in good for p in poor)
    return out


def labelled(transcripts, name):
    ids = [t["id"] for t in transcripts if skill_label(t, name) in ("good", "poor")]
    y = np.array(
        [1.0 if skill_label(t, name) == "good" else 0.0 for t in transcripts if t["id"] in ids]
    )
    return ids, y


def rotation(transcripts, inputs, name, l2, writers, drop="", always=()):
    """Held-out scores: each writer's transcripts scored by weights fitted on the others (and
    on ``always``, the mixed-profile sessions)."""
    code = SKILLS[name]
    held_out = {}
    for w in writers:
        train = [t for t in transcripts if writer(t) != w] + list(always)
        ids, y = labelled(train, name)
        model = fit(rows(inputs, ids, code, drop), y, l2)
        mine = [t["id"] for t in transcripts if writer(t) == w]
        held_out.update(zip(mine, apply(model, rows(inputs, mine, code, drop)), strict=True))
    return held_out


def mixed_set(transcript) -> str:
    """Which mixed-profile set a session is in: its writer's letters (m01 -> m, ma01 -> ma)."""
    return train_stance.group_of(transcript["id"])


def mixed_rotation(twins, mixed, inputs, l2) -> dict:
    """Each mixed set held out: weights fitted on the twins and the other sets. Prints each
    set's figures and the pooled ones (every session scored by weights that never saw its set),
    all through ``probation_mixed.profile_figures``; returns the pooled figures."""
    print("mixed-profile sets held out (fitted on the twins and the other sets): good skill above")
    print("poor within a session / lowest skill a poor one / per-skill AUC across sessions")
    print("  set    within  lowest  " + " ".join(f"{n[:11]:>11}" for n in SKILLS))
    held_scores = {}
    for held in sorted({mixed_set(t) for t in mixed}):
        mine = [t for t in mixed if mixed_set(t) == held]
        train = twins + [t for t in mixed if mixed_set(t) != held]
        ids = [t["id"] for t in mine]
        for name, code in SKILLS.items():
            train_ids, y = labelled(train, name)
            model = fit(rows(inputs, train_ids, code), y, l2)
            for i, value in zip(ids, apply(model, rows(inputs, ids, code)), strict=True):
                held_scores.setdefault(i, {})[name] = float(value)
        _print_profile(held, profile_figures(mine, held_scores))
    pooled = profile_figures(mixed, held_scores)
    _print_profile("pooled", pooled)
    return pooled


def _print_profile(title: str, f: dict) -> None:
    within = sum(f["within"]) / len(f["within"]) if f["within"] else None
    lowest = f"{sum(f['growth']):g}/{len(f['growth'])}"
    print(
        f"  {title:<6} {_fmt(within)}  {lowest:>6}  "
        + " ".join(f"{_fmt(f['auc'][n]):>11}" for n in SKILLS)
    )


def ablate(transcripts, inputs, l2, writers) -> None:
    """Per skill and judged term: the held-out figures without that term, judged terms alone
    and in the fitted mix (a term whose removal raises them does not survive the rotation)."""

    def summary(name, values):
        f = figures(transcripts, values, name, writers)
        within = np.mean([f[w][0] for w in writers if f[w][0] is not None])
        against = np.mean([f[w][1] for w in writers])
        last = f[writers[-1]]
        return (within, against, f["pooled"], last[0], last[1])

    print(
        "ablation: mean within / mean against / pooled / last writer within / against, "
        "judged terms alone | fitted mix (each writer held out)"
    )
    for name, code in SKILLS.items():
        terms = sorted({k for i in inputs for k in inputs[i]["judged"][code]})
        for drop in ["", *terms]:
            alone = {i: float(rows(inputs, [i], code, drop)[0, 0]) for i in inputs}
            mix = rotation(transcripts, inputs, name, l2, writers, drop)
            a, m = summary(name, alone), summary(name, mix)
            label = f"{name} (all terms)" if not drop else f"  without {drop}"
            print(
                f"  {label:<34} "
                + " ".join(f"{x:.3f}" for x in a)
                + "  |  "
                + " ".join(f"{x:.3f}" for x in m)
            )


def _fmt(value):
    return " n/a " if value is None else f"{value:.3f}"


def print_table(title, transcripts, values_by_skill, writers):
    print(title)
    print("  held out  " + "  ".join(f"{n:>21}" for n in SKILLS))
    rows_out = {n: figures(transcripts, values_by_skill[n], n, writers) for n in SKILLS}
    for w in writers:
        cells = [f"{_fmt(rows_out[n][w][0]):>10} / {_fmt(rows_out[n][w][1]):<8}" for n in SKILLS]
        print(f"  {w:<8}  " + "  ".join(cells))
    means = []
    for n in SKILLS:
        within = [rows_out[n][w][0] for w in writers if rows_out[n][w][0] is not None]
        against = [rows_out[n][w][1] for w in writers if rows_out[n][w][1] is not None]
        means.append(f"{_fmt(np.mean(within)):>10} / {_fmt(np.mean(against)):<8}")
    print("  mean      " + "  ".join(means))
    print("  pooled    " + "  ".join(f"{_fmt(rows_out[n]['pooled']):>21}" for n in SKILLS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=REPO / "bench" / "probation_set")
    parser.add_argument("--mixed", type=Path, default=REPO / "bench" / "probation_mixed")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty on the weights")
    parser.add_argument("--write", action="store_true", help=f"fit on all, write {WEIGHTS_PATH}")
    parser.add_argument(
        "--stance-held-out",
        action="store_true",
        help="read each set with a stance model trained without its labels",
    )
    parser.add_argument("--ablate", action="store_true", help="each judged term left out in turn")
    args = parser.parse_args()
    transcripts = [t for t in load(args.dir) if t.get("utterances") and t.get("twin")]
    writers = sorted({writer(t) for t in transcripts})
    mixed = [t for t in load(args.mixed) if t.get("utterances")] if args.mixed.is_dir() else []
    gather = collect_stance_held_out if args.stance_held_out else collect
    inputs = gather(transcripts + mixed, False if args.no_model else None)
    judged = {n: {i: sum(inputs[i]["judged"][SKILLS[n]].values()) for i in inputs} for n in SKILLS}
    print(
        f"{len(transcripts)} transcripts, writers {' '.join(writers)}; "
        f"{len(mixed)} mixed-profile sessions in every fit; l2 {args.l2}"
    )
    print_table(
        "judged terms alone (2.2's weighting), per writer: within / against",
        transcripts,
        judged,
        writers,
    )
    held = {n: rotation(transcripts, inputs, n, args.l2, writers, always=mixed) for n in SKILLS}
    print_table(
        "fitted mix, each writer scored by weights fitted on the others (and the mixed sessions)",
        transcripts,
        held,
        writers,
    )
    if mixed:
        mixed_rotation(transcripts, mixed, inputs, args.l2)
    if args.ablate:
        ablate(transcripts, inputs, args.l2, writers)
    if args.write:
        skills = {}
        for n, code in SKILLS.items():
            ids, y = labelled(transcripts + mixed, n)
            model = fit(rows(inputs, ids, code), y, args.l2)
            names = ("judged", *EXCHANGE_INPUTS[code])
            skills[code] = {
                "bias": round(float(model["bias"]), 6),
                "inputs": {
                    name: {
                        "mean": round(float(model["mean"][k]), 6),
                        "sd": round(float(model["sd"][k]), 6),
                        "weight": round(float(model["w"][k]), 6),
                    }
                    for k, name in enumerate(names)
                },
            }
        WEIGHTS_PATH.write_text(
            json.dumps(
                {
                    "version": VERSION,
                    "fitted_on": f"{len(transcripts)} probation twins ({args.dir.name}), writers "
                    f"{' '.join(writers)}, and {len(mixed)} mixed-profile sessions "
                    f"({args.mixed.name}), {'rules only' if args.no_model else 'model on'}"
                    + (
                        f", codes encoder {encoder.version()}"
                        if not args.no_model and encoder.available()
                        else ""
                    )
                    + (
                        ", each set read by reading models (stance, rapport, moves, invitations,"
                        " example) trained without its labels"
                        if args.stance_held_out
                        else ""
                    ),
                    "command": "python bench/fit_skill_weights.py --write"
                    + (" --stance-held-out" if args.stance_held_out else "")
                    + f" --l2 {args.l2:g}",
                    "l2": args.l2,
                    "skills": skills,
                },
                indent=2,
            )
            + "\n"
        )
        print(f"wrote {WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
