"""Measure the skills scorer against expert coders (issue 6).

Reads ../shared/data/annomi_dev.jsonl and hlqc_dev.jsonl (or $OEP_SHARED_DATA), runs
``python -m scoring annotate`` on them and prints per-code precision/recall/F1,
macro-F1, Cohen's kappa, open/closed and simple/complex accuracy, quality AUC overall and within
transcripts of similar length, the same on text without punctuation, HLQC AUC, utterances per
second and the time to score a synthetic 60-minute session.

The optional model is measured by cross-validation by transcript: for each fold it is trained on
the other folds' transcripts and the command is run with ``--model`` on the held-out ones. HLQC
is never used for training, so its figures come from a model trained on all of AnnoMI dev.

    python bench/score_annomi.py [--rules-only] [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scoring import Utterance, score_session  # noqa: E402
from scoring.text import strip_punctuation  # noqa: E402

BEHAVIOURS = ("question", "reflection", "therapist_input", "other")
PRACTITIONER = ("therapist", "practitioner")
LENGTH_RATIO = 1.5  # "similar length": within half as many turns again


def data_dir() -> Path:
    return Path(os.environ.get("OEP_SHARED_DATA") or REPO.parent / "shared" / "data")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")


def stripped(transcripts: list[dict]) -> list[dict]:
    return [
        {**t, "utterances": [{**u, "text": strip_punctuation(u["text"])} for u in t["utterances"]]}
        for t in transcripts
    ]


def run_cli(transcripts: list[dict], workdir: Path, extra: list[str]) -> list[dict]:
    """Run the annotate command on these transcripts and read its output."""
    src, out = workdir / "in.jsonl", workdir / "out.jsonl"
    write_jsonl(src, transcripts)
    subprocess.run(
        [sys.executable, "-m", "scoring", "annotate", str(src), str(out), *extra],
        check=True,
        cwd=REPO,
    )
    return read_jsonl(out)


def annotate(transcripts, workdir: Path, mode: str, folds: int) -> dict[str, dict]:
    """{transcript id: CLI output}; with mode 'model', cross-validated by transcript."""
    if mode == "rules":
        return {r["id"]: r for r in run_cli(transcripts, workdir, ["--no-model"])}
    from scoring import training

    results = {}
    for train_set, test_set in training.folds(transcripts, folds):
        model_path = workdir / "fold-model.json"
        training.save(training.train(train_set), model_path)
        for row in run_cli(test_set, workdir, ["--model", str(model_path)]):
            results[row["id"]] = row
    return results


def annotate_with(transcripts, workdir: Path, mode: str, model_path: Path | None):
    extra = ["--no-model"] if mode == "rules" else ["--model", str(model_path)]
    return {r["id"]: r for r in run_cli(transcripts, workdir, extra)}


# --- figures ---------------------------------------------------------------------------------


def prf(gold: list, pred: list, label: str) -> tuple[float, float, float, int]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def kappa(gold: list, pred: list) -> float:
    n = len(gold)
    observed = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / n
    gc, pc = Counter(gold), Counter(pred)
    expected = sum(gc[k] * pc[k] for k in gc) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def auc(pairs: list[tuple[float, float]]) -> float | None:
    """Share of (high, low) pairs where high scores above low; ties count half."""
    if not pairs:
        return None
    wins = sum(1.0 if h > lo else 0.5 if h == lo else 0.0 for h, lo in pairs)
    return wins / len(pairs)


def quality_aucs(transcripts, results) -> dict:
    rows = [
        (t["quality"], results[t["id"]]["quality"], len(t["utterances"]))
        for t in transcripts
        if t.get("quality") in ("high", "low")
    ]
    high = [(q, n) for label, q, n in rows if label == "high"]
    low = [(q, n) for label, q, n in rows if label == "low"]
    every = [(h, lo) for h, _ in high for lo, _ in low]
    matched = [
        (h, lo)
        for h, hn in high
        for lo, ln in low
        if max(hn, ln) / max(min(hn, ln), 1) <= LENGTH_RATIO
    ]
    length = [(hn, ln) for _, hn in high for _, ln in low]
    return {
        "auc": auc(every),
        "auc_length_matched": auc(matched),
        "matched_pairs": len(matched),
        "pairs": len(every),
        "auc_length_alone": auc(length),
        "high": len(high),
        "low": len(low),
    }


def code_figures(transcripts, results) -> dict:
    gold, pred, q_ok, q_n, r_ok, r_n = [], [], 0, 0, 0, 0
    for t in transcripts:
        out = results[t["id"]]["utterances"]
        for u, o in zip(t["utterances"], out, strict=True):
            if u["speaker"] not in PRACTITIONER or not u.get("behaviour"):
                continue
            gold.append(u["behaviour"])
            pred.append(o["behaviour"])
            if u["behaviour"] == "question" == o["behaviour"] and u.get("question_subtype"):
                q_n += 1
                q_ok += u["question_subtype"] == o["question_subtype"]
            if u["behaviour"] == "reflection" == o["behaviour"] and u.get("reflection_subtype"):
                r_n += 1
                r_ok += u["reflection_subtype"] == o["reflection_subtype"]
    per_code = {label: prf(gold, pred, label) for label in BEHAVIOURS}
    return {
        "per_code": per_code,
        "macro_f1": sum(v[2] for v in per_code.values()) / len(per_code),
        "kappa": kappa(gold, pred),
        "accuracy": sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold),
        "open_closed_accuracy": q_ok / q_n if q_n else None,
        "open_closed_n": q_n,
        "simple_complex_accuracy": r_ok / r_n if r_n else None,
        "simple_complex_n": r_n,
        "n": len(gold),
    }


def fmt(value, digits=3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def print_codes(title: str, figures: dict) -> None:
    print(f"\n{title}  ({figures['n']} practitioner utterances)")
    print(f"  {'code':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}")
    for label, (p, r, f, n) in figures["per_code"].items():
        print(f"  {label:<16}{p:>10.3f}{r:>8.3f}{f:>7.3f}{n:>9}")
    print(
        f"  macro-F1 {figures['macro_f1']:.3f}   kappa {figures['kappa']:.3f}   "
        f"accuracy {figures['accuracy']:.3f}"
    )
    print(
        f"  open/closed accuracy {fmt(figures['open_closed_accuracy'])} "
        f"(n={figures['open_closed_n']}, questions coded as questions)   "
        f"simple/complex accuracy {fmt(figures['simple_complex_accuracy'])} "
        f"(n={figures['simple_complex_n']})"
    )


def print_quality(title: str, q: dict) -> None:
    print(
        f"  {title}: quality AUC {fmt(q['auc'])} ({q['high']} high, {q['low']} low)   "
        f"length-matched AUC {fmt(q['auc_length_matched'])} ({q['matched_pairs']} of "
        f"{q['pairs']} pairs within {LENGTH_RATIO}x turns)   "
        f"length alone {fmt(q['auc_length_alone'])}"
    )


# --- speed -----------------------------------------------------------------------------------


def synthetic_session(transcripts: list[dict], minutes: int = 60, seed: int = 6) -> list[Utterance]:
    """A session of real-looking turns at conversational pace (about 150 words a minute)."""
    rng = random.Random(seed)
    pool = [u for t in transcripts for u in t["utterances"]]
    utterances, clock, index = [], 0.0, 0
    while clock < minutes * 60:
        source = rng.choice(pool)
        speaker = "practitioner" if index % 2 == 0 else "client"
        seconds = max(1.0, len(source["text"].split()) / 2.5)
        utterances.append(Utterance(index, speaker, source["text"], clock, clock + seconds))
        clock += seconds + 0.5
        index += 1
    return utterances


def timing(transcripts: list[dict], use_model) -> tuple[float, float, int]:
    """(utterances per second over the dev set, seconds for a 60-minute session, its turns)."""
    sessions = [
        [
            Utterance(i, "practitioner" if u["speaker"] in PRACTITIONER else "client", u["text"])
            for i, u in enumerate(t["utterances"])
        ]
        for t in transcripts
    ]
    score_session(sessions[0], use_model=use_model)  # load checklist and model once
    began = time.perf_counter()
    for session in sessions:
        score_session(session, use_model=use_model)
    rate = sum(len(s) for s in sessions) / (time.perf_counter() - began)
    hour = synthetic_session(transcripts)
    began = time.perf_counter()
    score_session(hour, use_model=use_model)
    return rate, time.perf_counter() - began, len(hour)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules-only", action="store_true", help="measure the rules alone")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    folder = data_dir()
    annomi_path, hlqc_path = folder / "annomi_dev.jsonl", folder / "hlqc_dev.jsonl"
    if not annomi_path.is_file() or not hlqc_path.is_file():
        print(
            f"score_annomi: no benchmark data in {folder} (annomi_dev.jsonl, hlqc_dev.jsonl); "
            "set OEP_SHARED_DATA to the folder that holds them. Nothing measured.",
            file=sys.stderr,
        )
        return 2
    annomi, hlqc = read_jsonl(annomi_path), read_jsonl(hlqc_path)
    modes = ["rules"] if args.rules_only else ["rules", "model"]
    print(f"AnnoMI dev: {len(annomi)} transcripts; HLQC dev: {len(hlqc)} transcripts")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for mode in modes:
            if mode == "rules":
                print("\n=== rules and lexicons only (no trained model) ===")
            else:
                print(
                    f"\n=== rules + optional model, cross-validated by transcript "
                    f"({args.folds} folds: trained on the other folds, scored on held-out "
                    "transcripts) ==="
                )
            punctuated = annotate(annomi, workdir, mode, args.folds)
            bare = annotate(stripped(annomi), workdir, mode, args.folds)
            print_codes(
                "AnnoMI, as transcribed (with punctuation)", code_figures(annomi, punctuated)
            )
            print_codes("AnnoMI, punctuation stripped", code_figures(annomi, bare))
            print("\nQuality (transcript label high/low against the `quality` output)")
            print_quality("AnnoMI with punctuation", quality_aucs(annomi, punctuated))
            print_quality("AnnoMI punctuation stripped", quality_aucs(annomi, bare))
            model_path = None
            if mode == "model":
                from scoring import training

                model_path = workdir / "annomi-model.json"
                training.save(training.train(annomi), model_path)
            hl = annotate_with(hlqc, workdir, mode, model_path)
            label = "HLQC (no punctuation" + (
                ", model trained on all AnnoMI dev)" if mode == "model" else ")"
            )
            print_quality(label, quality_aucs(hlqc, hl))
            rate, hour_seconds, hour_turns = timing(
                annomi, False if mode == "rules" else model_path
            )
            print(
                f"\nSpeed: {rate:,.0f} utterances scored per second (all layers, one process); "
                f"synthetic 60-minute session ({hour_turns} turns) scored in {hour_seconds:.3f} s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
