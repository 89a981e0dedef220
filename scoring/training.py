"""Train the optional Layer 1 model (``model.py``) on expert-coded transcripts.

Needs scikit-learn at training time only. Each transcript is used twice, as written and with
punctuation stripped, so the model learns to code ASR output too. Cross-validation folds are
whole transcripts, never single utterances.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import (
    TFIDF_BLOCKS,
    Context,
    binary_features,
    context_at,
    is_punctuated,
    word_ngrams,
)
from .text import strip_punctuation

PRACTITIONER_SPEAKERS = ("therapist", "practitioner")
HEAD_LABELS = {
    "behaviour": ("question", "reflection", "therapist_input", "other"),
    "question_subtype": ("open", "closed"),
}
# Simple/complex stays with the rules: a model head did no better by cross-validation.
# C=0.25 was chosen by 5-fold cross-validation by transcript (docs/scoring-model-card.md).
DEFAULT_C = {"behaviour": 0.25, "question_subtype": 0.25}
MODEL_VERSION = "codes-annomi-3"


def examples(
    transcripts: list[dict], strip: bool = False, punctuated_only: bool = False
) -> list[tuple[Context, dict]]:
    """(context, gold labels) for every coded practitioner utterance.

    ``punctuated_only`` keeps the transcripts the scorer would read as punctuated
    (``model.is_punctuated``), the training set of the punctuated variant."""
    out = []
    for transcript in transcripts:
        utts = transcript["utterances"]
        texts = [strip_punctuation(u["text"]) if strip else u["text"] for u in utts]
        practitioner = [u["speaker"] in PRACTITIONER_SPEAKERS for u in utts]
        if punctuated_only and not is_punctuated(texts, practitioner):
            continue
        for i, utt in enumerate(utts):
            if not practitioner[i] or not utt.get("behaviour"):
                continue
            gold = {head: utt.get(head) for head in HEAD_LABELS}
            out.append((context_at(texts, practitioner, i), gold))
    return out


def _analyser(field_name: str, longest: int):
    return lambda ctx: word_ngrams(getattr(ctx, field_name), longest)


def train(
    transcripts: list[dict],
    c: dict | None = None,
    min_count: int = 2,
    min_df: int = 3,
    class_weight: str | None = "balanced",
    digits: int = 3,
    min_weight: float = 0.01,
) -> dict:
    """Fit the heads; returns the JSON-ready model (format 3).

    Two variants of the same features: the main one, trained on every transcript as written
    and with its punctuation stripped, codes unpunctuated sessions; the ``punctuated`` one,
    trained on the punctuated transcripts as written only, codes punctuated sessions (where
    a missing "?" says something). By 5-fold cross-validation by transcript on AnnoMI the
    punctuated variant codes punctuated text better than the main one (docs/scoring.md), and
    the main one codes unpunctuated text better than a model of stripped text alone.
    """
    settings = {
        "c": c,
        "min_count": min_count,
        "min_df": min_df,
        "class_weight": class_weight,
        "digits": digits,
        "min_weight": min_weight,
    }
    model = fit(examples(transcripts) + examples(transcripts, strip=True), **settings)
    punctuated = examples(transcripts, punctuated_only=True)
    if punctuated:
        model["punctuated"] = fit(punctuated, **settings)
    return {"version": MODEL_VERSION, "format": 3, **model}


def fit(
    data: list[tuple[Context, dict]],
    c: dict | None,
    min_count: int,
    min_df: int,
    class_weight: str | None,
    digits: int,
    min_weight: float,
) -> dict:
    """One variant: the IDF tables and the heads fitted on ``data``."""
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    c = {**DEFAULT_C, **(c or {})}
    binary = [binary_features(ctx) for ctx, _ in data]
    counts: dict[str, int] = {}
    for feats in binary:
        for name in set(feats):
            counts[name] = counts.get(name, 0) + 1
    keep = {name for name, n in counts.items() if n >= min_count}
    # one vocabulary and IDF table for all heads, as inference computes one vector per turn
    vectoriser = DictVectorizer()
    blocks = [vectoriser.fit_transform([{f: 1 for f in feats if f in keep} for feats in binary])]
    names = [(None, name) for name in vectoriser.get_feature_names_out()]
    idf = {}
    for namespace, (field_name, longest) in TFIDF_BLOCKS.items():
        tfidf = TfidfVectorizer(
            analyzer=_analyser(field_name, longest), sublinear_tf=True, min_df=min_df
        )
        blocks.append(tfidf.fit_transform([ctx for ctx, _ in data]))
        grams = tfidf.get_feature_names_out()
        names += [(namespace, gram) for gram in grams]
        idf[namespace] = {g: round(float(v), 4) for g, v in zip(grams, tfidf.idf_, strict=True)}
    x = sparse.hstack(blocks).tocsr()
    heads = {}
    for head, labels in HEAD_LABELS.items():
        rows = [
            k
            for k, (_, gold) in enumerate(data)
            if gold[head] in labels
            and (head == "behaviour" or gold["behaviour"] == head.split("_")[0])
        ]
        clf = LogisticRegression(C=c[head], max_iter=3000, class_weight=class_weight)
        clf.fit(x[rows], [data[k][1][head] for k in rows])
        heads[head] = _head(clf, names, digits, min_weight)
    return {"idf": idf, "heads": heads}


def _head(clf, names: list[tuple[str | None, str]], digits: int, min_weight: float) -> dict:
    classes = list(clf.classes_)
    coef = clf.coef_
    intercept = list(clf.intercept_)
    if len(classes) == 2:  # binary: one row of weights for the second class
        coef = [[-v / 2 for v in coef[0]], [v / 2 for v in coef[0]]]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
        coef = list(zip(*coef, strict=True))
    else:
        coef = coef.T.tolist()
    weights = {}
    for index, (namespace, name) in enumerate(names):
        row = [round(float(v), digits) for v in coef[index]]
        if max(abs(v) for v in row) >= min_weight:
            weights[name if namespace is None else f"{namespace}|{name}"] = row
    return {
        "labels": classes,
        "intercept": [round(float(v), 4) for v in intercept],
        "weights": weights,
    }


def save(model: dict, path: str | Path) -> None:
    # allow_nan=False: a weight that is not a number fails here, not when the file is read
    # (``model.read_model_file`` refuses NaN, as JSON does)
    Path(path).write_text(json.dumps(model, separators=(",", ":"), sort_keys=True, allow_nan=False))


def folds(transcripts: list[dict], k: int = 5) -> list[tuple[list[dict], list[dict]]]:
    """k train/test splits by whole transcript, stable across runs (sorted by id)."""
    ordered = sorted(transcripts, key=lambda t: str(t["id"]))
    out = []
    for fold in range(k):
        test = [t for i, t in enumerate(ordered) if i % k == fold]
        train_set = [t for i, t in enumerate(ordered) if i % k != fold]
        out.append((train_set, test))
    return out
