"""What the practitioner does with what the client shares, read by meaning rather than cue words.

The stance model's twin for relationship building (``scoring.stance`` holds the machinery):
two small linear heads over TF-IDF word n-grams and the pretrained sentence vectors, trained
by ``python -m scoring.train_stance --task rapport`` on exchanges readers labelled turn by
turn (``bench/probation_turns/``):
- *occasion*: does a client turn share something personal (a feeling, a worry, a difficulty,
  their own view of their situation), not procriminal talk, which is the stance model's?
- *response*: what the practitioner's next turn does with it: attunes (shows it was
  understood), explores, passes over it, or dismisses it.

"It sounds like..." followed by a lecture is a dismissal, and "so the flat's the thing keeping
you awake" is attunement: the reflection rules (``judgement.relationship``) know the first's
words and miss the second. Optional as the stance model is: without the weights file or the
embedder, or with ``OEP_SCORING_MODEL=off`` or ``OEP_SCORING_RAPPORT=off``, ``read_session``
returns nothing.
"""

from __future__ import annotations

from pathlib import Path

from .stance import MODELS_DIR, Exchange, StanceModel, model_from, read_exchanges, read_with

DEFAULT_RAPPORT_PATH = MODELS_DIR / "rapport.json"
RAPPORT_ENV = "OEP_SCORING_RAPPORT"  # "off" disables it; a path points at another file
RESPONSES = ("attunes", "explores", "passes_over", "dismisses")


def get_model(path: str | Path | None = None) -> StanceModel | None:
    """The rapport model at ``path``, else at $OEP_SCORING_RAPPORT, else the shipped one."""
    return model_from(RAPPORT_ENV, DEFAULT_RAPPORT_PATH, path)


def read_session(
    texts: list[str], practitioner: list[bool], model: StanceModel | None, embed=None
) -> list[Exchange]:
    """The session's exchanges read by ``model``: ``occasion`` is the probability the client
    turn shares something personal, ``response`` what the reply did with it. [] when there is
    no model or the embedder cannot run here."""
    return read_with(read_exchanges, model, texts, practitioner, embed)
