"""The practitioner's own example, read by meaning rather than cue words: what their praise
rewards, and how they conduct themselves.

Prosocial modelling is shown as much in the practitioner's own turns as in their answers to
procriminal talk. Praise can reward the wrong thing in words no cue list holds ("fair play,
that's resourceful" to a client who fiddled the meter; "good lad, you'll run rings round her");
and a practitioner models the behaviour they ask for, or its opposite, when they keep their
word or shrug off their own broken promise, explain a rule and why it exists or waive it as a
favour. Two small linear heads (``scoring.stance`` holds the machinery), trained by
``python -m scoring.train_stance --task example`` on the practitioner turns readers marked
(``bench/probation_stance/``: praise and conduct), read each practitioner turn with the
client's turn before it:
- *praise*: none, praise of a prosocial act, or praise of the wrong thing (``PRAISE``);
- *conduct*: none, a good example, or a poor one (``CONDUCT``).
Optional as the stance model is: without the weights file or the embedder, or with
``OEP_SCORING_MODEL=off`` or ``OEP_SCORING_EXAMPLE=off``, ``read_session`` returns nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .moves import practitioner_readings
from .stance import MODELS_DIR, StanceModel, model_from, read_with

DEFAULT_EXAMPLE_PATH = MODELS_DIR / "example.json"
EXAMPLE_ENV = "OEP_SCORING_EXAMPLE"  # "off" disables it; a path points at another file
PRAISE = ("praise_prosocial", "praise_wrong")
CONDUCT = ("practitioner_good_model", "practitioner_poor_model")
# each head and the classes it reads besides "none": what the trainer labels and reports
HEADS = (("praise", PRAISE), ("conduct", CONDUCT))


@dataclass(frozen=True)
class Example:
    """One practitioner turn as the model read it: the probability of each of PRAISE and of
    each of CONDUCT (the rest is "none")."""

    turn: int
    praise: dict[str, float]
    conduct: dict[str, float]


def read_examples(
    model: StanceModel, texts: list[str], practitioner: list[bool], embed
) -> list[Example]:
    return [
        Example(j, model.probabilities("praise", r), model.probabilities("conduct", r))
        for j, r in practitioner_readings(texts, practitioner, embed)
    ]


def get_model(path: str | Path | None = None) -> StanceModel | None:
    """The example model at ``path``, else at $OEP_SCORING_EXAMPLE, else the shipped one."""
    return model_from(EXAMPLE_ENV, DEFAULT_EXAMPLE_PATH, path)


def read_session(
    texts: list[str], practitioner: list[bool], model: StanceModel | None, embed=None
) -> list[Example]:
    """Every practitioner turn read by ``model``; [] when there is none or the embedder
    cannot run here."""
    return read_with(read_examples, model, texts, practitioner, embed)
