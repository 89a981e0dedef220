"""Train the stance models (``scoring.stance``) on the labelled exchanges of the probation set.

The labels (``bench/probation_stance/labels.jsonl``) were given turn by turn by readers who saw
neither the transcripts' skill labels nor the scorer: each client turn that calls for a
prosocial response (an *occasion*) and what the practitioner's next turn did with it. Every
other client turn of a labelled transcript is a non-occasion. Cross-validation folds are whole
sets (one writer each), never single turns: a fold never sees its writer's wording.

Needs scikit-learn (training only).

    python -m scoring.train_stance [--labels FILE] [--cv] [--write] [--c 1.0]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from .model import word_ngrams
from .stance import (
    DEFAULT_STANCE_PATH,
    HEAD_BLOCKS,
    LONGEST_GRAM,
    RESPONSES,
    Reading,
    exchanges_in,
    reply_text,
)

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "bench" / "probation_stance" / "labels.jsonl"
TRANSCRIPT_DIRS = (REPO / "bench" / "probation_set", REPO / "bench" / "probation_mixed")
VERSION = "stance-1"
DEFAULT_C = {"occasion": 1.0, "response": 3.0}
MIN_DF = 2  # an n-gram one exchange used says nothing about the next


def group_of(transcript_id: str) -> str:
    """The set (one writer) a transcript belongs to: "w3" for twins w3c01-good, "q" for q07."""
    return transcript_id[:2] if transcript_id.startswith("w") else transcript_id[0]


def load_transcripts(dirs=TRANSCRIPT_DIRS) -> dict[str, dict]:
    out = {}
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*.json")):
            data = json.loads(path.read_text())
            out[data["id"]] = data
    return out


def load_labels(path: Path = LABELS) -> dict[str, list[dict]]:
    by_transcript: dict[str, list[dict]] = {}
    for line in Path(path).read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            by_transcript.setdefault(row["id"], []).append(row)
    return by_transcript


def examples(transcripts: dict[str, dict], labels: dict[str, list[dict]]) -> list[dict]:
    """One row per exchange of every labelled transcript: its texts, group, whether the
    client turn is an occasion and, for occasions the next turn answers, the response."""
    rows = []
    for tid, rows_of in labels.items():
        t = transcripts.get(tid)
        if t is None:
            continue
        texts = [u.get("text") or "" for u in t["utterances"]]
        practitioner = [u["speaker"] == "practitioner" for u in t["utterances"]]
        occasions = {
            r["turn"]: r.get("stance")
            for r in rows_of
            if r.get("kind") == "occasion" and r.get("reply_turn", r["turn"] + 1) == r["turn"] + 1
        }
        for i, j in exchanges_in(texts, practitioner):
            stance = occasions.get(i)
            rows.append(
                {
                    "id": tid,
                    "group": group_of(tid),
                    "turn": i,
                    "client": texts[i],
                    "reply": reply_text(texts[j]),
                    "occasion": i in occasions,
                    "response": stance if stance in RESPONSES else None,
                }
            )
    return rows


def vectors(rows: list[dict], embed) -> dict:
    """Per block ("client", "reply"), the sentence vectors of every row."""
    return {block: embed([r[block] for r in rows]) for block in ("client", "reply")}


def _analyser(text: str) -> list[str]:
    return word_ngrams(text, LONGEST_GRAM)


def _design(rows, vecs, head, tables=None):
    """The head's feature matrix: per block, TF-IDF n-grams then the sentence vector. Fits the
    TF-IDF tables when ``tables`` is None; returns (matrix, tables, column names)."""
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    tables = {} if tables is None else tables
    parts, names = [], []
    for block in HEAD_BLOCKS[head]:
        texts = [r[block] for r in rows]
        if block not in tables:
            tfidf = TfidfVectorizer(analyzer=_analyser, sublinear_tf=True, min_df=MIN_DF)
            tfidf.fit(texts)
            tables[block] = tfidf
        parts.append(tables[block].transform(texts))
        names += [(block, "word", g) for g in tables[block].get_feature_names_out()]
        parts.append(sparse.csr_matrix(vecs[block]))
        names += [(block, "vector", k) for k in range(vecs[block].shape[1])]
    return sparse.hstack(parts).tocsr(), tables, names


def _head_json(clf, names) -> dict:
    rows = clf.coef_
    words: dict[str, list[float]] = {}
    vectors: dict[str, list[list[float]]] = {}
    for col, (block, kind, key) in enumerate(names):
        column = [round(float(r[col]), 5) for r in rows]
        if kind == "word":
            if any(abs(v) >= 1e-5 for v in column):
                words[f"{block}|{key}"] = column
        else:
            vectors.setdefault(block, [[] for _ in rows])
            for k, v in enumerate(column):
                vectors[block][k].append(v)
    return {
        "classes": [str(c) for c in clf.classes_],
        "intercept": [round(float(v), 6) for v in clf.intercept_],
        "words": words,
        "vectors": vectors,
    }


def _occasion_label(row) -> str:
    return "occasion" if row["occasion"] else "none"


def _response_label(row) -> str | None:
    return row["response"]


def fit(rows, vecs, c=DEFAULT_C) -> dict:
    """Both heads fitted on ``rows`` (``vecs``: their sentence vectors), as the JSON
    ``StanceModel`` reads."""
    from sklearn.linear_model import LogisticRegression

    # the occasion head reads every exchange, the response head the occasions; the TF-IDF
    # tables are fitted once (on every exchange, by the occasion head) and shared, as
    # inference computes one TF-IDF vector per text
    tables: dict = {}
    heads = {}
    for head, gold in (("occasion", _occasion_label), ("response", _response_label)):
        keep = [k for k, r in enumerate(rows) if gold(r)]
        x, tables, names = _design(
            [rows[k] for k in keep], {b: v[keep] for b, v in vecs.items()}, head, tables
        )
        clf = LogisticRegression(C=c[head], max_iter=3000, class_weight="balanced")
        clf.fit(x, [gold(rows[k]) for k in keep])
        heads[head] = _head_json(clf, names)
    idf = {
        block: {
            g: round(float(v), 4) for g, v in zip(t.get_feature_names_out(), t.idf_, strict=True)
        }
        for block, t in tables.items()
    }
    return {"version": VERSION, "idf": idf, "heads": heads}


def fit_without(rows, vecs, group: str, c=DEFAULT_C) -> dict:
    """The model fitted on every row but ``group``'s: what a set never seen would be read by."""
    keep = [k for k, r in enumerate(rows) if r["group"] != group]
    return fit([rows[k] for k in keep], {b: v[keep] for b, v in vecs.items()}, c)


def cross_validate(rows, vecs, c=DEFAULT_C) -> dict:
    """Per exchange, the probabilities of a model fitted without its group (set)."""
    from .stance import StanceModel

    out = {}
    for group in sorted({r["group"] for r in rows}):
        model = StanceModel(fit_without(rows, vecs, group, c))
        for k, r in enumerate(rows):
            if r["group"] == group:
                reading = Reading(r["client"], r["reply"], {b: v[k] for b, v in vecs.items()})
                out[k] = (
                    model.probabilities("occasion", reading)["occasion"],
                    model.probabilities("response", reading),
                )
    return out


def report(rows, predicted) -> None:
    from sklearn.metrics import f1_score, roc_auc_score

    y = [rows[k]["occasion"] for k in sorted(predicted)]
    p = [predicted[k][0] for k in sorted(predicted)]
    print(f"exchanges {len(rows)}, occasions {sum(y)}")
    f1 = f1_score(y, [v >= 0.5 for v in p])
    print(f"occasion AUC {roc_auc_score(y, p):.3f}   F1 at 0.5 {f1:.3f}")
    keep = [k for k in sorted(predicted) if rows[k]["response"]]
    gold = [rows[k]["response"] for k in keep]
    guess = [max(predicted[k][1], key=predicted[k][1].get) for k in keep]
    print(f"responses {len(keep)}: {dict(Counter(gold))}")
    print(
        f"response accuracy {sum(g == h for g, h in zip(gold, guess, strict=True)) / len(keep):.3f}"
        f"   macro-F1 {f1_score(gold, guess, average='macro'):.3f}"
    )
    bad = {"goes_along", "lets_pass"}
    yb = [g in bad for g in gold]
    pb = [predicted[k][1].get("goes_along", 0) + predicted[k][1].get("lets_pass", 0) for k in keep]
    print(f"goes along or lets pass (against the rest) AUC {roc_auc_score(yb, pb):.3f}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--cv", action="store_true", help="leave-one-set-out figures")
    parser.add_argument("--write", action="store_true", help=f"write {DEFAULT_STANCE_PATH}")
    parser.add_argument("--c", type=float, nargs=2, default=None, help="C of both heads")
    args = parser.parse_args(argv)
    from . import encoder

    c = dict(zip(("occasion", "response"), args.c, strict=True)) if args.c else DEFAULT_C
    rows = examples(load_transcripts(), load_labels(args.labels))
    vecs = vectors(rows, encoder.embed)
    if args.cv:
        report(rows, cross_validate(rows, vecs, c))
    if args.write:
        data = fit(rows, vecs, c)
        data["trained_on"] = f"{len(rows)} exchanges of {len({r['id'] for r in rows})} transcripts"
        data["command"] = "python -m scoring.train_stance --write"
        DEFAULT_STANCE_PATH.write_text(json.dumps(data) + "\n")
        print(f"wrote {DEFAULT_STANCE_PATH}")


if __name__ == "__main__":
    main()
