"""How well the scorer tells good probation practice from poor: twins of the same case.

Reads a folder of twin transcripts (``bench/probation_set/`` by default, ``--dir`` to
override), each a JSON file with id, case, twin (good/poor), focus, style (written/asr),
traps, ratings {skill: 1..5} and utterances [{speaker, text}], scores every transcript and
prints:
- the share of pairs where the good twin scores higher, overall and on its focus skill, per
  focus skill, by trap (``empty_cues`` poor twins, ``plain_words`` good twins) and by style;
- per-skill AUC over all transcripts, the label being the writer's rating >= 3 for that skill.

Cases are named ``w<writer>c<case>``: four writers wrote seven cases each. ``--writers w1,w2``
keeps only those writers' transcripts; ``--rotations`` prints leave-one-writer-out figures: for
each writer, per-skill AUC on that writer's transcripts alone ("within") and over every pair of
a good and a poor transcript with at least one of that writer's ("against the rest": does the
held-out writer's score mean what the others' does?). Tuning a judgement, look only at the
failures of three writers (``--writers w1,w2,w3 --failures structuring``) and read the fourth
off ``--rotations``. ``--failures SKILL`` lists the misordered good/poor transcripts of
different cases with the score's terms (``scoring.skill_scores.skill_terms``) side by side.

    python bench/probation_twins.py [--dir DIR] [--no-model] [--show]
        [--writers w1,w2,w3] [--rotations] [--failures SKILL]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scoring import Utterance, score_session  # noqa: E402

SKILLS = {
    "structuring": "structuring",
    "relationship": "relationship_building",
    "prosocial": "prosocial_modelling",
    "cognitive": "cognitive_techniques",
}
GOOD_RATING = 3


def load(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(folder.rglob("*.json"))]


def score(transcript: dict, use_model) -> dict:
    utterances = [
        Utterance(i, u["speaker"], u.get("text") or "", u.get("start"), u.get("end"))
        for i, u in enumerate(transcript["utterances"])
    ]
    session = score_session(utterances, use_model=use_model)
    card = session.to_dict()
    out = {name: card["skills"][code]["score"] for name, code in SKILLS.items()}
    out["overall"] = card["overall"]
    out["terms"] = {name: session.skill_terms.get(code, {}) for name, code in SKILLS.items()}
    return out


def writer(transcript: dict) -> str:
    """The writer of a case named w<writer>c<case> ("w3c05" -> "w3")."""
    return str(transcript.get("case", "")).split("c", 1)[0]


def skill_auc(transcripts, scored, name, held_out=None, mode="within"):
    """AUC of skill ``name`` over the labelled transcripts. With ``held_out`` (a writer):
    "within" compares only that writer's transcripts, "against" every good/poor pair with at
    least one of that writer's."""
    labelled = [(t, skill_label(t, name)) for t in transcripts]
    pos = [t for t, label in labelled if label == "good"]
    neg = [t for t, label in labelled if label == "poor"]
    if held_out is not None and mode == "within":
        pos = [t for t in pos if writer(t) == held_out]
        neg = [t for t in neg if writer(t) == held_out]
    pairs = [
        (scored[p["id"]][name], scored[n["id"]][name])
        for p in pos
        for n in neg
        if held_out is None or mode == "within" or held_out in (writer(p), writer(n))
    ]
    if not pairs:
        return None, 0
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g, b in pairs)
    return wins / len(pairs), len(pairs)


def rotations(transcripts, scored) -> None:
    print("leave-one-writer-out: per-skill AUC on the held-out writer (within / against the rest)")
    names = list(SKILLS)
    print("  held out  " + "  ".join(f"{n:>21}" for n in names))
    for held_out in sorted({writer(t) for t in transcripts}):
        cells = []
        for name in names:
            within, _ = skill_auc(transcripts, scored, name, held_out, "within")
            against, _ = skill_auc(transcripts, scored, name, held_out, "against")
            cells.append(f"{_fmt(within):>10} / {_fmt(against):<8}")
        print(f"  {held_out:<8}  " + "  ".join(cells))


def _fmt(value):
    return "n/a" if value is None else f"{value:.3f}"


def failures(transcripts, scored, name) -> None:
    """The good transcripts scored at or below poor ones of other cases on skill ``name``."""
    good = [t for t in transcripts if skill_label(t, name) == "good"]
    poor = [t for t in transcripts if skill_label(t, name) == "poor"]
    misordered = [
        (g, p)
        for g in good
        for p in poor
        if g["case"] != p["case"] and scored[g["id"]][name] <= scored[p["id"]][name]
    ]
    print(f"{name}: {len(misordered)} misordered good/poor pairs of different cases")
    for g, p in sorted(misordered, key=lambda gp: scored[gp[0]["id"]][name]):
        gs, ps = scored[g["id"]], scored[p["id"]]
        print(f"  {g['id']:<11} {gs[name]:.3f} <= {p['id']:<11} {ps[name]:.3f}")
        terms = sorted(set(gs["terms"][name]) | set(ps["terms"][name]))
        diffs = [
            f"{t} {gs['terms'][name].get(t, 0):+.2f}/{ps['terms'][name].get(t, 0):+.2f}"
            for t in terms
            if abs(gs["terms"][name].get(t, 0) - ps["terms"][name].get(t, 0)) > 0.05
        ]
        print("      " + ", ".join(diffs))


def auc(pos: list[float], neg: list[float]) -> float | None:
    pairs = [(p, n) for p in pos for n in neg]
    if not pairs:
        return None
    return sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in pairs) / len(pairs)


def share(wins: list[float]) -> str:
    if not wins:
        return "n/a"
    return f"{sum(wins) / len(wins):.0%} ({sum(wins):g}/{len(wins)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=REPO / "bench" / "probation_set")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--show", action="store_true", help="print every pair's scores")
    parser.add_argument("--writers", help="only these writers' cases, e.g. w1,w2,w3")
    parser.add_argument("--rotations", action="store_true", help="leave-one-writer-out figures")
    parser.add_argument("--failures", choices=list(SKILLS), help="list misordered transcripts")
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"no twins folder at {args.dir}; pass --dir", file=sys.stderr)
        return 1
    transcripts = [t for t in load(args.dir) if t.get("utterances") and t.get("twin")]
    if args.writers:
        keep = {w.strip() for w in args.writers.split(",") if w.strip()}
        transcripts = [t for t in transcripts if writer(t) in keep]
    use_model = False if args.no_model else None
    scored = {t["id"]: score(t, use_model) for t in transcripts}
    cases: dict[str, dict[str, dict]] = defaultdict(dict)
    for t in transcripts:
        cases[t["case"]][t["twin"]] = t
    overall, focus, by_focus = [], [], defaultdict(list)
    by_trap, by_style = defaultdict(list), defaultdict(list)
    for case, twins in sorted(cases.items()):
        if not {"good", "poor"} <= set(twins):
            continue
        good, poor = twins["good"], twins["poor"]
        g, p = scored[good["id"]], scored[poor["id"]]
        win = 1.0 if g["overall"] > p["overall"] else 0.5 if g["overall"] == p["overall"] else 0.0
        skill = good.get("focus")
        fwin = None
        if skill in SKILLS:
            fwin = 1.0 if g[skill] > p[skill] else 0.5 if g[skill] == p[skill] else 0.0
            focus.append(fwin)
            by_focus[skill].append(fwin)
        overall.append(win)
        if "empty_cues" in (poor.get("traps") or []):
            by_trap["empty_cues (poor twin)"].append(win)
        if "plain_words" in (good.get("traps") or []):
            by_trap["plain_words (good twin)"].append(win)
        by_style[good.get("style", "?")].append(win)
        if args.show:
            print(
                f"{case:<10} {good.get('style', '?'):<8} focus {skill:<13} overall "
                f"{g['overall']:.3f} vs {p['overall']:.3f}  focus skill "
                f"{g.get(skill, float('nan')):.3f} vs {p.get(skill, float('nan')):.3f}"
            )
    print(f"{len(transcripts)} transcripts, {len(overall)} good/poor pairs from {args.dir}")
    print(f"good twin higher, overall score: {share(overall)}")
    print(f"good twin higher, on its focus skill: {share(focus)}")
    for skill, wins in sorted(by_focus.items()):
        print(f"  focus {skill:<13} {share(wins)}")
    for trap, wins in sorted(by_trap.items()):
        print(f"  trap {trap:<24} overall {share(wins)}")
    for style, wins in sorted(by_style.items()):
        print(f"  style {style:<8} overall {share(wins)}")
    print(
        "per-skill AUC over all transcripts (label: good where the writer and the blind reader "
        f"both rate the skill >= {GOOD_RATING}, poor where both rate it below; others left out)"
    )
    for name in SKILLS:
        labels = {t["id"]: skill_label(t, name) for t in transcripts}
        pos = [scored[i][name] for i, label in labels.items() if label == "good"]
        neg = [scored[i][name] for i, label in labels.items() if label == "poor"]
        value = auc(pos, neg)
        shown = "n/a" if value is None else f"{value:.3f}"
        print(f"  {name:<13} AUC {shown}  ({len(pos)} good, {len(neg)} poor)")
    if args.rotations:
        rotations(transcripts, scored)
    if args.failures:
        failures(transcripts, scored, args.failures)
    return 0


def skill_label(transcript, name):
    """'good', 'poor' or None (the readers disagree). Sets without a blind reading fall back on
    the writer's rating."""
    if "skill_labels" in transcript:
        return transcript["skill_labels"].get(name)
    rating = transcript.get("writer_ratings", transcript.get("ratings", {})).get(name)
    return None if rating is None else ("good" if rating >= GOOD_RATING else "poor")


if __name__ == "__main__":
    sys.exit(main())
