"""Optional learned refinement of Layer 1: a linear model over word and context features.

The weights live in a JSON file (``models/*.json``) trained by ``training.py``; inference here
is plain Python, so the scorer needs no machine-learning library at run time. Without the file,
or with the model switched off, the rules in ``codes.py`` decide alone.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

from . import lexicon as lx
from .codes import question_type, reflection_subtype, tags_for
from .text import normalise, sentences, strip_fillers

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL_PATH = MODELS_DIR / "codes-annomi.json"
MODEL_ENV = "OEP_SCORING_MODEL"  # "off" disables it; a path points at another file


def _bucket(n: int, edges=(0, 2, 5, 10, 20, 40)) -> str:
    for edge in reversed(edges):
        if n > edge:
            return f">{edge}"
    return "0"


def features(
    text: str, previous_client: str = "", previous_practitioner: str = "", next_client: str = ""
) -> list[str]:
    """Feature names for one practitioner utterance; punctuation only adds 'p:' features."""
    norm = normalise(text)
    tokens = norm.split()
    core = strip_fillers(tokens)
    feats = ["bias"]
    feats += ["w:" + w for w in tokens]
    feats += ["b:" + a + "_" + b for a, b in zip(tokens, tokens[1:], strict=False)]
    for n in (1, 2, 3):
        if len(core) >= n:
            feats.append(f"f{n}:" + "_".join(core[:n]))
        if len(tokens) >= n:
            feats.append(f"s{n}:" + "_".join(tokens[:n]))
            feats.append(f"l{n}:" + "_".join(tokens[-n:]))
    parts = sentences(text)
    if len(parts) > 1:
        # what a multi-sentence turn does is mostly decided by its last sentence
        last = strip_fillers(normalise(parts[-1]).split())
        feats += ["ls:" + "_".join(last[:n]) for n in (1, 2) if len(last) >= n]
        feats.append("ls:end?" if parts[-1].rstrip().endswith("?") else "ls:end.")
    feats.append("len:" + _bucket(len(tokens)))
    feats.append("core:" + _bucket(len(core)))
    stripped = (text or "").strip()
    if "?" in stripped:
        feats.append("p:has?")
        if stripped.endswith("?") or stripped.endswith("?-"):
            feats.append("p:end?")
    if stripped.endswith(("-", "\u2014")):
        feats.append("p:cut")
    qtype = question_type(text)
    feats.append(f"r:q={qtype}")
    said = set(normalise(previous_client).split())
    content = [w for w in tokens if len(w) > 3]
    if content and said:
        overlap = sum(1 for w in content if w in said) / len(content)
        feats.append("ov:" + ("none" if overlap == 0 else "low" if overlap < 0.3 else "high"))
    else:
        feats.append("ov:na")
    prev_tokens = normalise(previous_client).split()
    feats.append("pc:" + _bucket(len(prev_tokens)))
    if previous_client.strip().endswith("?") or (
        prev_tokens and (prev_tokens[0] in lx.WH_WORDS or prev_tokens[0] in lx.AUXILIARIES)
    ):
        feats.append("pc:asked")
    if not previous_client and previous_practitioner:
        feats.append("ctx:after_practitioner")
    # how the client answers shows what the turn did: answers follow questions, "yeah,
    # exactly" follows a reflection
    next_tokens = normalise(next_client).split()
    feats.append("nc:" + _bucket(len(next_tokens)))
    for n in (1, 2):
        if len(next_tokens) >= n:
            feats.append(f"n{n}:" + "_".join(next_tokens[:n]))
    feats.append("rs:" + reflection_subtype(norm, previous_client))
    feats += ["t:" + tag for tag in tags_for(norm)]
    feelings = [w for w in tokens if w in lx.FEELING_WORDS and w not in said]
    if feelings:
        feats.append("feel:added")
    return feats


class LinearModel:
    """Softmax heads over sparse binary features, read from the JSON written by training."""

    def __init__(self, data: dict):
        self.version = data.get("version", "unknown")
        self.heads = data["heads"]

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        with Path(path).open(encoding="utf-8") as handle:
            return cls(json.load(handle))

    def predict(self, head: str, feats: list[str]) -> tuple[str, float]:
        spec = self.heads[head]
        labels = spec["labels"]
        scores = list(spec["intercept"])
        weights = spec["weights"]
        for name in set(feats):
            row = weights.get(name)
            if row:
                for k, value in enumerate(row):
                    scores[k] += value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = max(range(len(labels)), key=scores.__getitem__)
        return labels[best], exps[best] / sum(exps)


@lru_cache(maxsize=4)
def _load(path: str) -> LinearModel | None:
    if not Path(path).is_file():
        return None
    return LinearModel.load(path)


def get_model(use_model: bool | str | Path | None = None) -> LinearModel | None:
    """The model to use, or None for rules only.

    ``use_model`` False turns it off; a path loads that file; None follows the environment
    variable OEP_SCORING_MODEL ("off" or a path), else the shipped file if present.
    """
    if use_model is False:
        return None
    if isinstance(use_model, str | Path) and not isinstance(use_model, bool):
        return _load(str(use_model))
    setting = os.environ.get(MODEL_ENV, "").strip()
    if setting.lower() in ("off", "0", "false", "no", "rules"):
        return None
    return _load(setting or str(DEFAULT_MODEL_PATH))
