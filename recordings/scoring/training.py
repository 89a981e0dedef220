"""Train the optional Layer 1 model (``model.py``) on expert-coded transcripts.

Needs scikit-learn at training time only. Each transcript is used twice, as written and with
punctuation stripped, so the model learns to code ASR output too. Cross-validation folds are
whole transcripts, never single utterances.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import features
from .text import strip_punctuation

PRACTITIONER_SPEAKERS = ("therapist", "practitioner")
HEAD_LABELS = {
    "behaviour": ("question", "reflection", "therapist_input", "other"),
    "question_subtype": ("open", "closed"),
}
# Simple/complex stays with the rules: a model head did no better by cross-validation.
DEFAULT_C = {"behaviour": 0.5, "question_subtype": 0.5}


def examples(transcripts: list[dict], strip: bool = False) -> list[tuple[list[str], dict]]:
    """(features, gold labels) for every coded practitioner utterance."""
    out = []
    for transcript in transcripts:
        utts = transcript["utterances"]
        texts = [strip_punctuation(u["text"]) if strip else u["text"] for u in utts]
        practitioner = [u["speaker"] in PRACTITIONER_SPEAKERS for u in utts]
        for i, utt in enumerate(utts):
            if not practitioner[i] or not utt.get("behaviour"):
                continue
            gold = {head: utt.get(head) for head in HEAD_LABELS}
            out.append((features(*context(texts, practitioner, i)), gold))
    return out


def context(texts: list[str], practitioner: list[bool], i: int) -> tuple[str, str, str, str]:
    """(text, previous client turn, previous practitioner turn, next client turn) for turn i."""
    prev_client = texts[i - 1] if i > 0 and not practitioner[i - 1] else ""
    prev_practitioner = texts[i - 1] if i > 0 and practitioner[i - 1] else ""
    next_client = texts[i + 1] if i + 1 < len(texts) and not practitioner[i + 1] else ""
    return texts[i], prev_client, prev_practitioner, next_client


def train(
    transcripts: list[dict],
    c: dict | None = None,
    min_count: int = 3,
    class_weight: str | None = "balanced",
) -> dict:
    """Fit the heads; returns the JSON-ready model."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    c = {**DEFAULT_C, **(c or {})}
    data = examples(transcripts) + examples(transcripts, strip=True)
    counts: dict[str, int] = {}
    for feats, _ in data:
        for name in set(feats):
            counts[name] = counts.get(name, 0) + 1
    keep = {name for name, n in counts.items() if n >= min_count}
    heads = {}
    for head, labels in HEAD_LABELS.items():
        rows = [
            ({f: 1 for f in feats if f in keep}, gold[head])
            for feats, gold in data
            if gold[head] in labels
            and (head == "behaviour" or gold["behaviour"] == head.split("_")[0])
        ]
        vectoriser = DictVectorizer()
        x = vectoriser.fit_transform([r[0] for r in rows])
        y = [r[1] for r in rows]
        clf = LogisticRegression(C=c[head], max_iter=2000, class_weight=class_weight)
        clf.fit(x, y)
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
        for name, index in vectoriser.vocabulary_.items():
            row = [round(float(v), 3) for v in coef[index]]
            if max(abs(v) for v in row) >= 0.01:
                weights[name] = row
        heads[head] = {
            "labels": classes,
            "intercept": [round(float(v), 4) for v in intercept],
            "weights": weights,
        }
    return {"version": "codes-annomi-1", "heads": heads}


def save(model: dict, path: str | Path) -> None:
    Path(path).write_text(json.dumps(model, separators=(",", ":"), sort_keys=True))


def folds(transcripts: list[dict], k: int = 5) -> list[tuple[list[dict], list[dict]]]:
    """k train/test splits by whole transcript, stable across runs (sorted by id)."""
    ordered = sorted(transcripts, key=lambda t: str(t["id"]))
    out = []
    for fold in range(k):
        test = [t for i, t in enumerate(ordered) if i % k == fold]
        train_set = [t for i, t in enumerate(ordered) if i % k != fold]
        out.append((train_set, test))
    return out
