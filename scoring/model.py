"""Optional learned refinement of Layer 1: a linear model over word and context features.

A model file holds two variants over the same features: one for punctuated sessions (typed
transcripts, Whisper's output) and one for unpunctuated speech-recognition text
(``LinearModel.for_session`` picks one per session). Two kinds of features: binary ones (the
rules' guesses, first and last words, length buckets, punctuation flags, position in the
session...) and TF-IDF weighted word n-grams, kept in separate namespaces for the utterance
itself, the client turn before it, the client turn after it and a practitioner turn just
before it. The weights and IDF tables live in a JSON file (``models/*.json``) trained by
``training.py``; inference here is plain Python, so the scorer needs no machine-learning
library at run time. Without the file, or with the model switched off, the rules in
``codes.py`` decide alone.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import orjson

from . import lexicon as lx
from .codes import question_type, reflection_subtype, tags_for
from .text import normalise, sentences, strip_fillers

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL_PATH = MODELS_DIR / "codes-annomi.json"
# What a switch variable (OEP_SCORING_MODEL, OEP_SCORING_STANCE) says to turn a part off.
SWITCHED_OFF = ("off", "0", "false", "no", "rules")
MODEL_ENV = "OEP_SCORING_MODEL"  # "off" disables it; a path points at another file


def _bucket(n: int, edges=(0, 2, 5, 10, 20, 40)) -> str:
    for edge in reversed(edges):
        if n > edge:
            return f">{edge}"
    return "0"


# TF-IDF namespaces: (Context field, longest word n-gram)
TFIDF_BLOCKS = {
    "tw": ("text", 3),
    "tpc": ("previous_client", 2),
    "tnc": ("next_client", 2),
    "tpp": ("previous_practitioner", 1),
}


@dataclass(frozen=True)
class Context:
    """One practitioner utterance with the turns around it and its place in the session."""

    text: str
    previous_client: str = ""
    previous_practitioner: str = ""
    next_client: str = ""
    index: int = 0
    total: int = 0


# A session is read as punctuated when at least this share of its practitioner turns holds a
# sentence end (".", "?" or "!"): ASR output without punctuation has none, typed transcripts
# and Whisper's output have them in most turns (short backchannels may lack them).
PUNCTUATED_SHARE = 0.5
_SENTENCE_ENDS = frozenset(".?!")


def is_punctuated(texts: list[str], practitioner: list[bool]) -> bool:
    """True when the session's practitioner turns are written with sentence punctuation."""
    turns = [text for text, mine in zip(texts, practitioner, strict=True) if mine and text]
    if not turns:
        return False
    marked = sum(1 for text in turns if _SENTENCE_ENDS & set(text))
    return marked >= PUNCTUATED_SHARE * len(turns)


def context_at(texts: list[str], practitioner: list[bool], i: int) -> Context:
    """The Context of turn i of a session (``practitioner[k]``: turn k is the practitioner's)."""
    before = i > 0
    after = i + 1 < len(texts)
    return Context(
        text=texts[i],
        previous_client=texts[i - 1] if before and not practitioner[i - 1] else "",
        previous_practitioner=texts[i - 1] if before and practitioner[i - 1] else "",
        next_client=texts[i + 1] if after and not practitioner[i + 1] else "",
        index=i,
        total=len(texts),
    )


def word_ngrams(text: str, longest: int) -> list[str]:
    """Word 1..longest-grams of the normalised text, with start and end markers."""
    tokens = ["<s>", *normalise(text).split(), "</s>"]
    return [
        " ".join(tokens[a : a + n])
        for n in range(1, longest + 1)
        for a in range(len(tokens) - n + 1)
    ]


def position_features(ctx: Context) -> list[str]:
    """Where the turn falls: openings and closings of a session are coded differently."""
    if ctx.total <= 0:
        return []
    return [f"pos:{min(9, 10 * ctx.index // ctx.total)}", f"first:{min(ctx.index, 5)}"]


def features(
    text: str, previous_client: str = "", previous_practitioner: str = "", next_client: str = ""
) -> list[str]:
    """Binary feature names for one practitioner utterance; punctuation only adds 'p:' ones."""
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


def binary_features(ctx: Context) -> list[str]:
    return features(
        ctx.text, ctx.previous_client, ctx.previous_practitioner, ctx.next_client
    ) + position_features(ctx)


def tfidf_values(ctx: Context, idf: dict[str, dict[str, float]]) -> dict[str, float]:
    """TF-IDF values as scikit-learn computes them (sublinear tf, l2 norm per namespace).

    Feature names are ``namespace|n-gram``; n-grams outside a namespace's vocabulary are left
    out of its norm, as scikit-learn does.
    """
    values: dict[str, float] = {}
    for namespace, table in idf.items():
        field_name, longest = TFIDF_BLOCKS[namespace]
        for gram, value in tfidf_block(getattr(ctx, field_name), table, longest).items():
            values[f"{namespace}|{gram}"] = value
    return values


def read_model_file(path: str | Path) -> dict:
    """A model file's JSON. The shipped files hold 3 to 7 MB of weights each, and orjson reads
    them in about half the standard library's time or less: a process's first scoring spent 1.4
    of its 3.6 s reading them with json (a 9-minute session, 28 Nov; 1.8 to 2.3 s in all with
    orjson). Stricter than json: NaN and Infinity are refused, so the trainers write without."""
    return orjson.loads(Path(path).read_bytes())


def softmax(scores: list[float]) -> list[float]:
    """Probabilities from a head's raw scores (shifted by the largest, so none overflows)."""
    top = max(scores)
    exps = [math.exp(v - top) for v in scores]
    total = sum(exps)
    return [e / total for e in exps]


def tfidf_block(text: str, table: dict[str, float], longest: int) -> dict[str, float]:
    """One text's TF-IDF values over one vocabulary (n-gram -> IDF), as scikit-learn computes
    them with ``word_ngrams`` as its analyser: sublinear tf, l2 norm over the n-grams in the
    vocabulary."""
    counts: dict[str, int] = {}
    for gram in word_ngrams(text, longest):
        if gram in table:
            counts[gram] = counts.get(gram, 0) + 1
    weighted = {g: (1.0 + math.log(n)) * table[g] for g, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weighted.values()))
    return {gram: value / norm for gram, value in weighted.items()}


class LinearModel:
    """Softmax heads over binary and TF-IDF features, read from the JSON written by training.

    Format 1 files hold binary features only; format 2 adds ``idf`` tables for TF-IDF blocks;
    format 3 adds a ``punctuated`` variant (its own ``heads`` and ``idf``) for punctuated
    sessions, the top-level heads being for unpunctuated ones.
    """

    def __init__(self, data: dict, version: str | None = None):
        self.version = version or data.get("version", "unknown")
        self.heads = data["heads"]
        self.idf = data.get("idf", {})
        variant = data.get("punctuated")
        self.punctuated = LinearModel(variant, self.version) if variant else None

    def for_session(self, texts: list[str], practitioner: list[bool]) -> LinearModel:
        """The variant to code this session with: the punctuated one when the session is
        punctuated and the file has one, else this (unpunctuated) one."""
        if self.punctuated is not None and is_punctuated(texts, practitioner):
            return self.punctuated
        return self

    def vector(self, ctx: Context) -> dict[str, float]:
        """Feature name -> value for one utterance."""
        values = dict.fromkeys(binary_features(ctx), 1.0)
        values.update(tfidf_values(ctx, self.idf))
        return values

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        return cls(read_model_file(path))

    def probabilities(self, head: str, feats: dict[str, float] | list[str]) -> dict[str, float]:
        """Label -> probability for one head; ``feats`` from ``vector`` (or binary names)."""
        if not isinstance(feats, dict):
            feats = dict.fromkeys(feats, 1.0)
        spec = self.heads[head]
        labels = spec["labels"]
        scores = list(spec["intercept"])
        weights = spec["weights"]
        for name, x in feats.items():
            row = weights.get(name)
            if row:
                for k, value in enumerate(row):
                    scores[k] += value * x
        return dict(zip(labels, softmax(scores), strict=True))

    def predict(self, head: str, feats: dict[str, float] | list[str]) -> tuple[str, float]:
        """(label, probability) for one head; ``feats`` from ``vector`` (or binary names)."""
        probs = self.probabilities(head, feats)
        best = max(probs, key=probs.__getitem__)
        return best, probs[best]


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
    if setting.lower() in SWITCHED_OFF:
        return None
    return _load(setting or str(DEFAULT_MODEL_PATH))
