"""What the practitioner does with procriminal talk, read by meaning rather than cue words.

Two small linear models over TF-IDF word n-grams and the pretrained sentence vectors
(``encoder.embed``), trained by
``scoring.train_stance`` on exchanges of the probation development set that a reader
labelled turn by turn (``bench/probation_stance/``):
- *occasion*: does a client turn call for a prosocial response (offending or a breach
  reported; an excuse, minimising, blaming the victim, contempt for the law)?
- *response*: what the practitioner's next turn does with it: goes along, lets it pass,
  explores, challenges, or lectures.

The cue patterns of ``judgement.prosocial`` know a fixed set of phrases; a kind practitioner
who colludes in their own words ("honestly, in your shoes...") or a brisk one who challenges
with one plain question ("and how did she get home?") passes them by. These models read the
client's turn whole and the opening of the reply. They are optional: without the weights
file or the embedder, or with ``OEP_SCORING_MODEL=off`` or ``OEP_SCORING_STANCE=off``,
``read_session`` returns nothing and the cue rules decide alone.

Inference needs numpy and the embedder only; scikit-learn is needed only to retrain.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import SWITCHED_OFF, read_model_file, softmax, tfidf_block

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_STANCE_PATH = MODELS_DIR / "stance.json"
STANCE_ENV = "OEP_SCORING_STANCE"  # "off" disables it; a path points at another file
RESPONSES = ("goes_along", "lets_pass", "explores", "challenges", "lectures")
# A client turn shorter than this carries no account to respond to ("yeah", "I did, yeah").
OCCASION_WORDS = 5
# The reply is read from its opening: what a practitioner does with an account comes first,
# and the embedder reads at most 128 tokens anyway.
REPLY_WORDS = 60


@dataclass(frozen=True)
class Exchange:
    """One exchange as the model read it: a client turn and the practitioner's next turn."""

    turn: int  # the client's turn
    reply: int  # the practitioner's next turn
    occasion: float  # probability the client turn calls for a prosocial response
    response: dict[str, float]  # probability of each of RESPONSES for the reply


# What each head reads: TF-IDF word 1-2-grams and the sentence vector, of the client's turn
# and of the reply. Whether a client turn is an occasion shows in the reply too (a practitioner
# rarely laughs along with, or questions, a turn that excuses nothing); what the reply does
# is in its own words. Chosen by cross-validation by set (docs/scoring.md).
HEAD_BLOCKS = {
    "occasion": ("client", "reply"),
    "response": ("reply",),
}
LONGEST_GRAM = 2


@dataclass(frozen=True)
class Reading:
    """The texts and sentence vectors of one exchange, as the heads read them."""

    client: str
    reply: str
    vectors: dict  # block name -> sentence vector (numpy, 384)


class StanceModel:
    """The heads' coefficients: per block, sparse weights of TF-IDF n-grams and dense weights
    of the sentence vector."""

    def __init__(self, data: dict):
        import numpy as np

        self.version = data["version"]
        self.idf = data["idf"]
        self.heads = {}
        self.blocks = {}
        for name, head in data["heads"].items():
            vectors = {b: np.asarray(w, dtype=np.float32) for b, w in head["vectors"].items()}
            self.heads[name] = (list(head["classes"]), head["intercept"], head["words"], vectors)
            # a model file names what each head reads (the rapport and moves models read other
            # blocks); stance-1 files predate that
            self.blocks[name] = tuple(head["blocks"] if "blocks" in head else HEAD_BLOCKS[name])

    @classmethod
    def load(cls, path: str | Path) -> StanceModel:
        return cls(read_model_file(path))

    def probabilities(self, head: str, reading: Reading) -> dict[str, float]:
        classes, intercept, words, vectors = self.heads[head]
        raw = list(intercept)
        for block in self.blocks[head]:
            text = getattr(reading, block)
            for gram, value in tfidf_block(text, self.idf[block], LONGEST_GRAM).items():
                for k, w in enumerate(words.get(f"{block}|{gram}", ())):
                    raw[k] += w * value
            dense = vectors[block] @ reading.vectors[block]
            for k in range(len(raw)):
                raw[k] += float(dense[k])
        if len(classes) == 2:  # scikit-learn keeps one row of coefficients for two classes
            p = 1.0 / (1.0 + math.exp(-raw[0]))
            return dict(zip(classes, (1.0 - p, p), strict=True))
        return dict(zip(classes, softmax(raw), strict=True))


def reply_text(text: str) -> str:
    return " ".join(text.split()[:REPLY_WORDS])


def exchanges_in(texts: list[str], practitioner: list[bool]) -> list[tuple[int, int]]:
    """(client turn, practitioner reply) pairs: a client turn long enough to carry an account,
    answered by the very next turn."""
    return [
        (i, i + 1)
        for i in range(len(texts) - 1)
        if not practitioner[i]
        and practitioner[i + 1]
        and len(texts[i].split()) >= OCCASION_WORDS
        and texts[i + 1].strip()
    ]


def readings(texts: list[str], pairs: list[tuple[int, int]], embed) -> list[Reading]:
    """The exchanges ``pairs`` of a session as the heads read them. ``embed`` maps a list of
    texts to L2-normalised vectors (``encoder.embed``)."""
    client = [texts[i] for i, _ in pairs]
    reply = [reply_text(texts[j]) for _, j in pairs]
    client_vectors, reply_vectors = embed(client), embed(reply)
    return [
        Reading(c, r, {"client": cv, "reply": rv})
        for c, r, cv, rv in zip(client, reply, client_vectors, reply_vectors, strict=True)
    ]


def read_exchanges(
    model: StanceModel, texts: list[str], practitioner: list[bool], embed
) -> list[Exchange]:
    """Every exchange of a session read by both heads."""
    pairs = exchanges_in(texts, practitioner)
    if not pairs:
        return []
    return [
        Exchange(
            i,
            j,
            model.probabilities("occasion", reading).get("occasion", 0.0),
            model.probabilities("response", reading),
        )
        for (i, j), reading in zip(pairs, readings(texts, pairs, embed), strict=True)
    ]


@lru_cache(maxsize=8)
def _load(path: str) -> StanceModel | None:
    try:
        return StanceModel.load(path)
    except (OSError, ValueError, KeyError):
        return None


def model_from(env: str, default: Path, path: str | Path | None = None) -> StanceModel | None:
    """A reading model (this one, ``rapport``'s or ``moves``'): the one at ``path``, else at
    $``env``, else ``default``; None when switched off ("off") or when the file cannot be read."""
    setting = os.environ.get(env, "").strip()
    if path is None and setting.lower() in SWITCHED_OFF:
        return None
    return _load(str(path or setting or default))


def get_model(path: str | Path | None = None) -> StanceModel | None:
    """The stance model at ``path``, else at $OEP_SCORING_STANCE, else the shipped one; None
    when switched off ("off") or when the file cannot be read."""
    return model_from(STANCE_ENV, DEFAULT_STANCE_PATH, path)


def read_session(
    texts: list[str], practitioner: list[bool], model: StanceModel | None, embed=None
) -> list[Exchange]:
    """The session's exchanges read by ``model`` (``get_model()``), or [] when there is none
    or the embedder cannot run here (the cue rules then decide alone). ``embed``: the
    embedder, ``encoder.embed`` unless given (the session passes one that remembers)."""
    return read_with(read_exchanges, model, texts, practitioner, embed)


def read_with(reader, model: StanceModel | None, texts, practitioner, embed=None) -> list:
    """``reader(model, texts, practitioner, embed)``: a session read by one of the reading
    models (this one, ``rapport``'s, ``moves``', ``invitations``'), or [] when there is no model
    or the embedder cannot run here."""
    from . import encoder

    if model is None or not encoder.embedder_available():
        return []
    return reader(model, texts, practitioner, embed or encoder.embed)
