"""Measure the skills scorer against expert coders (issue 6).

Reads ../shared/data/annomi_dev.jsonl and hlqc_dev.jsonl (or $OEP_SHARED_DATA), runs
``python -m scoring annotate`` on them and prints per-code precision/recall/F1,
macro-F1, Cohen's kappa, open/closed and simple/complex accuracy, quality AUC overall and within
transcripts of similar length, the same on text without punctuation, HLQC AUC, utterances per
second and the time to score a synthetic 60-minute session.

The optional models are measured by cross-validation by transcript: for each fold they are
trained on the other folds' transcripts and the command is run with ``--model`` (and
``--encoder``) on the held-out ones. HLQC is never used for training, so its figures come from
models trained on all of AnnoMI dev. The linear fold models are trained here (cached under
/tmp); the encoder's fold models need PyTorch and are trained beforehand, in the training venv:

    /work/venv-train/bin/python -m scoring.train_encoder --out /tmp/oep-encoder-folds --cv
    python bench/score_annomi.py [--rules-only] [--folds 5] [--encoder-folds DIR] [--sweep]

``--sweep`` prints, per fold-held-out utterance, how blending the encoder with the linear model
scores at several weights (how ``refine.ENCODER_WEIGHT`` was chosen).
"""

from __future__ import annotations

import argparse
import hashlib
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
from scoring import encoder as scoring_encoder  # noqa: E402
from scoring.text import strip_punctuation  # noqa: E402

BEHAVIOURS = ("question", "reflection", "therapist_input", "other")
PRACTITIONER = ("therapist", "practitioner")
LENGTH_RATIO = 1.5  # "similar length": within half as many turns again
CACHE = Path(tempfile.gettempdir()) / "oep-score-annomi"
DEFAULT_ENCODER_FOLDS = Path(tempfile.gettempdir()) / "oep-encoder-folds"


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


def linear_fold_model(train_set: list[dict]) -> Path:
    """The linear model trained on these transcripts, cached by their ids and the trainer."""
    from scoring import training

    source = (REPO / "scoring" / "training.py").read_bytes() + (
        REPO / "scoring" / "model.py"
    ).read_bytes()
    key = hashlib.sha256(
        source + ",".join(sorted(str(t["id"]) for t in train_set)).encode()
    ).hexdigest()[:16]
    path = CACHE / f"linear-{key}.json"
    if not path.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        training.save(training.train(train_set), path)
    return path


def encoder_fold_model(folder: Path, fold: int, folds: int) -> Path:
    return folder / f"codes-encoder-fold{fold}of{folds}.onnx"


def annotate(
    transcripts, workdir: Path, mode: str, folds: int, encoder_folds: Path, used: list[int]
) -> dict:
    """{transcript id: CLI output}; with the models, cross-validated by transcript.

    ``transcripts`` may have their punctuation stripped; the folds follow the ids, so they are
    the same transcripts either way.
    """
    from scoring import training

    results = {}
    for fold, (train_set, test_set) in enumerate(training.folds(transcripts, folds)):
        if fold not in used:
            continue
        if mode == "rules":
            results.update({r["id"]: r for r in run_cli(test_set, workdir, ["--no-model"])})
            continue
        extra = ["--model", str(linear_fold_model(originals(train_set)))]
        if mode == "encoder":
            extra += ["--encoder", str(encoder_fold_model(encoder_folds, fold, folds))]
        else:
            extra.append("--no-encoder")
        for row in run_cli(test_set, workdir, extra):
            results[row["id"]] = row
    return results


_ORIGINALS: dict[str, dict] = {}


def originals(transcripts: list[dict]) -> list[dict]:
    """The transcripts as written (the linear trainer strips punctuation itself)."""
    return [_ORIGINALS.get(str(t["id"]), t) for t in transcripts]


def annotate_with(transcripts, workdir: Path, mode: str, model_path: Path | None, encoder_path):
    if mode == "rules":
        extra = ["--no-model"]
    else:
        extra = ["--model", str(model_path)]
        extra += ["--encoder", str(encoder_path)] if mode == "encoder" else ["--no-encoder"]
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


def timing(transcripts: list[dict], use_model, use_encoder) -> tuple[float, float, int]:
    """(utterances per second over the dev set, seconds for a 60-minute session, its turns)."""
    sessions = [
        [
            Utterance(i, "practitioner" if u["speaker"] in PRACTITIONER else "client", u["text"])
            for i, u in enumerate(t["utterances"])
        ]
        for t in transcripts
    ]
    options = {"use_model": use_model, "use_encoder": use_encoder}
    score_session(sessions[0], **options)  # load checklist and models once
    began = time.perf_counter()
    for session in sessions:
        score_session(session, **options)
    rate = sum(len(s) for s in sessions) / (time.perf_counter() - began)
    hour = synthetic_session(transcripts)
    began = time.perf_counter()
    score_session(hour, **options)
    return rate, time.perf_counter() - began, len(hour)


def cold_hour(transcripts_path: Path, model_path, encoder_path) -> dict:
    """A fresh process scores the synthetic 60-minute session: seconds (models loaded first)
    and the process's peak resident memory, as a worker would see them."""
    code = (
        "import json, resource, sys, time\n"
        "sys.path.insert(0, 'bench')\n"
        "from score_annomi import read_jsonl, synthetic_session\n"
        "from scoring import score_session\n"
        "hour = synthetic_session(read_jsonl(__import__('pathlib').Path(sys.argv[1])))\n"
        "m = False if sys.argv[2] == '-' else sys.argv[2]\n"
        "e = False if sys.argv[3] == '-' else sys.argv[3]\n"
        "began = time.perf_counter(); score_session(hour[:4], use_model=m, use_encoder=e)\n"
        "loaded = time.perf_counter() - began\n"
        "began = time.perf_counter(); score_session(hour, use_model=m, use_encoder=e)\n"
        "print(json.dumps({'turns': len(hour), 'load_s': loaded,\n"
        "  'hour_s': time.perf_counter() - began,\n"
        "  'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,\n"
        "  'torch': 'torch' in sys.modules}))\n"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(transcripts_path),
            str(model_path or "-"),
            str(encoder_path or "-"),
        ],
        check=True,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- choosing the blend -----------------------------------------------------------------------


def sweep(transcripts: list[dict], folds: int, encoder_folds: Path) -> None:
    """Macro-F1 / kappa / question F1 of the blend at several encoder weights, cross-validated."""
    from scoring import training
    from scoring.codes import reflection_subtype
    from scoring.model import LinearModel, context_at
    from scoring.refine import encoder_probs
    from scoring.text import normalise

    weights = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
    for label, data in (
        ("with punctuation", transcripts),
        ("punctuation stripped", stripped(transcripts)),
    ):
        gold, lin, enc, gold_r, rule_r, enc_r = [], [], [], [], [], []
        gold_q, lin_q, enc_q = [], [], []
        used = set()
        for fold, (train_set, test_set) in enumerate(training.folds(data, folds)):
            model = LinearModel.load(linear_fold_model(originals(train_set)))
            path = encoder_fold_model(encoder_folds, fold, folds)
            if not path.is_file():
                continue
            for t in test_set:
                texts = [u["text"] for u in t["utterances"]]
                practitioner = [u["speaker"] in PRACTITIONER for u in t["utterances"]]
                encoded = encoder_probs(texts, practitioner, path)
                variant = model.for_session(texts, practitioner)
                for i, u in enumerate(t["utterances"]):
                    if not practitioner[i] or not u.get("behaviour"):
                        continue
                    ctx = context_at(texts, practitioner, i)
                    gold.append(u["behaviour"])
                    lin.append(variant.probabilities("behaviour", variant.vector(ctx)))
                    enc.append(encoded[i].behaviour)
                    used.add(fold)
                    if u["behaviour"] == "question" and u.get("question_subtype"):
                        gold_q.append(u["question_subtype"])
                        lin_q.append(variant.probabilities("question_subtype", variant.vector(ctx)))
                        enc_q.append(encoded[i].question)
                    if u["behaviour"] == "reflection" and u.get("reflection_subtype"):
                        gold_r.append(u["reflection_subtype"])
                        rule_r.append(reflection_subtype(normalise(texts[i]), ctx.previous_client))
                        enc_r.append(max(encoded[i].reflection, key=encoded[i].reflection.get))
        print(
            f"\nBlend sweep, AnnoMI {label} ({len(gold)} utterances held out by "
            f"{len(used)} of {folds} folds by transcript)"
        )
        for w in weights:
            pred = [
                max(e, key=lambda k: w * e[k] + (1 - w) * li.get(k, 0.0))
                for li, e in zip(lin, enc, strict=True)
            ]
            f1 = sum(prf(gold, pred, b)[2] for b in BEHAVIOURS) / len(BEHAVIOURS)
            subtype = [
                max(e, key=lambda k: w * e[k] + (1 - w) * li.get(k, 0.0))
                for li, e in zip(lin_q, enc_q, strict=True)
            ]
            right = sum(g == p for g, p in zip(gold_q, subtype, strict=True)) / len(gold_q)
            print(
                f"  encoder weight {w:.1f}: macro-F1 {f1:.3f}   kappa {kappa(gold, pred):.3f}   "
                f"question F1 {prf(gold, pred, 'question')[2]:.3f}   "
                f"open/closed accuracy on gold questions {right:.3f}"
            )
        n = len(gold_r)
        print(
            f"  simple/complex on gold reflections (n={n}): rules "
            f"{sum(g == r for g, r in zip(gold_r, rule_r, strict=True)) / n:.3f}   encoder "
            f"{sum(g == r for g, r in zip(gold_r, enc_r, strict=True)) / n:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules-only", action="store_true", help="measure the rules alone")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--encoder-folds",
        type=Path,
        default=DEFAULT_ENCODER_FOLDS,
        help="folder of the encoder's fold models (python -m scoring.train_encoder --cv)",
    )
    parser.add_argument(
        "--encoder",
        type=Path,
        default=scoring_encoder.DEFAULT_ENCODER_PATH,
        help="the encoder trained on all AnnoMI dev, for HLQC and speed",
    )
    parser.add_argument("--sweep", action="store_true", help="only the blend-weight sweep")
    parser.add_argument(
        "--modes", default=None, help="comma-separated subset of rules,model,encoder"
    )
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
    _ORIGINALS.update({str(t["id"]): t for t in annomi})
    trained = [
        k
        for k in range(args.folds)
        if encoder_fold_model(args.encoder_folds, k, args.folds).is_file()
    ]
    have_folds = len(trained) == args.folds
    if args.sweep:
        if not trained:
            print(f"score_annomi: no encoder fold models in {args.encoder_folds}", file=sys.stderr)
            return 2
        print(f"(encoder folds trained: {trained} of {args.folds})")
        sweep(annomi, args.folds, args.encoder_folds)
        return 0
    modes = ["rules"] if args.rules_only else ["rules", "model", "encoder"]
    if args.modes:
        modes = [m for m in args.modes.split(",") if m in ("rules", "model", "encoder")]
    folds_used = list(range(args.folds))
    if "encoder" in modes and not (trained and args.encoder.is_file()):
        print(
            f"\n(encoder not measured: needs its fold models in {args.encoder_folds} and "
            f"{args.encoder}; train them with python -m scoring.train_encoder, see --help)"
        )
        modes.remove("encoder")
    elif "encoder" in modes and not have_folds:
        # every mode is measured on the same held-out transcripts, so they stay comparable
        folds_used = trained
        from scoring import training

        kept = {str(t["id"]) for k in trained for t in training.folds(annomi, args.folds)[k][1]}
        print(
            f"\n(only folds {trained} of the encoder are trained: every figure below is over "
            f"the {len(kept)} transcripts those folds hold out)"
        )
    print(f"AnnoMI dev: {len(annomi)} transcripts; HLQC dev: {len(hlqc)} transcripts")
    titles = {
        "rules": "rules and lexicons only (no trained model)",
        "model": "rules + linear model",
        "encoder": "rules + linear model + fine-tuned encoder, blended",
    }
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for mode in modes:
            print(
                f"\n=== {titles[mode]}"
                + (
                    ""
                    if mode == "rules"
                    else f", cross-validated by transcript ({len(folds_used)} of {args.folds} "
                    "folds: trained on the other folds, scored on held-out transcripts)"
                )
                + " ==="
            )
            run = (workdir, mode, args.folds, args.encoder_folds, folds_used)
            punctuated = annotate(annomi, *run)
            bare = annotate(stripped(annomi), *run)
            held_out = [t for t in annomi if t["id"] in punctuated]
            print_codes(
                "AnnoMI, as transcribed (with punctuation)", code_figures(held_out, punctuated)
            )
            print_codes("AnnoMI, punctuation stripped", code_figures(held_out, bare))
            print("\nQuality (transcript label high/low against the `quality` output)")
            print_quality("AnnoMI with punctuation", quality_aucs(held_out, punctuated))
            print_quality("AnnoMI punctuation stripped", quality_aucs(held_out, bare))
            model_path = linear_fold_model(annomi) if mode != "rules" else None
            encoder_path = args.encoder if mode == "encoder" else None
            hl = annotate_with(hlqc, workdir, mode, model_path, encoder_path)
            label = "HLQC (no punctuation" + (
                ", models trained on all AnnoMI dev)" if mode != "rules" else ")"
            )
            print_quality(label, quality_aucs(hlqc, hl))
            cold = cold_hour(annomi_path, model_path, encoder_path)
            if mode == "encoder":
                # the encoder's cost is per practitioner turn: the hour session says it all, and
                # scoring the whole dev set again would take minutes on a shared machine
                print("\nSpeed:")
            else:
                rate, hour_seconds, hour_turns = timing(
                    annomi, False if mode == "rules" else model_path, False
                )
                print(
                    f"\nSpeed: {rate:,.0f} utterances scored per second (all layers, one "
                    f"process); synthetic 60-minute session ({hour_turns} turns) scored in "
                    f"{hour_seconds:.3f} s"
                )
            print(
                f"  fresh process: models loaded in {cold['load_s']:.2f} s, the synthetic "
                f"60-minute session ({cold['turns']} turns) scored in {cold['hour_s']:.2f} s, "
                f"peak memory {cold['peak_mb']:.0f} MB, torch imported: {cold['torch']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
