"""The moves that structure a session, read by meaning rather than cue words.

Each practitioner turn is read by two small linear heads (``scoring.stance`` holds the
machinery), trained by ``python -m scoring.train_stance --task moves`` on turns readers
labelled (``bench/probation_turns/``):
- *function*: does the turn check in, review what was agreed last time, set the agenda, steer
  back to it, summarise what the client said, or agree next steps; or none of these?
- *done*: does it do the job (``real``) or only say the words (``empty``: an agenda announced
  and dropped, a "summary" of the practitioner's own advice, steps dictated)?

Each reads the turn itself and the client's turn before it. A practitioner who structures in
plain words ("right, before you go: the flat, your mum, and Tuesday's course") is read as
summarising; "so to sum up" followed by advice is read as an empty summary. Optional as the
stance model is (``OEP_SCORING_MOVES=off`` switches it off).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .stance import MODELS_DIR, StanceModel, model_from, read_with, readings

DEFAULT_MOVES_PATH = MODELS_DIR / "moves.json"
MOVES_ENV = "OEP_SCORING_MOVES"  # "off" disables it; a path points at another file
FUNCTIONS = ("check_in", "review", "agenda", "steer", "summary", "next_steps")


@dataclass(frozen=True)
class Move:
    """One practitioner turn as the model read it."""

    turn: int
    function: dict[str, float]  # probability of each of FUNCTIONS and of "none"
    real: float  # probability that the move does its job, were it one


def turns_in(texts: list[str], practitioner: list[bool]) -> list[tuple[int, int]]:
    """(the turn before, practitioner turn) for every practitioner turn with words; the turn
    before is -1 at the start of the session."""
    return [(i - 1, i) for i in range(len(texts)) if practitioner[i] and texts[i].strip()]


def before_text(texts: list[str], practitioner: list[bool], i: int) -> str:
    """The client's words the move answers: the turn before it when the client spoke it."""
    return texts[i] if i >= 0 and not practitioner[i] else ""


def practitioner_readings(texts: list[str], practitioner: list[bool], embed) -> list[tuple]:
    """(turn, reading) for every practitioner turn with words, read with the client's words
    before it; the moves and invitations models (``scoring.invitations``) read turns this way.
    ``embed`` maps a list of texts to sentence vectors (``encoder.embed``)."""
    pairs = turns_in(texts, practitioner)
    if not pairs:
        return []
    shown = [before_text(texts, practitioner, i) for i, _ in pairs]
    read = readings(shown + texts, [(k, len(shown) + j) for k, (_, j) in enumerate(pairs)], embed)
    return [(j, r) for (_, j), r in zip(pairs, read, strict=True)]


def read_moves(model: StanceModel, texts: list[str], practitioner: list[bool], embed) -> list[Move]:
    """Every practitioner turn of a session read by both heads."""
    return [
        Move(j, model.probabilities("function", r), model.probabilities("done", r).get("real", 0.0))
        for j, r in practitioner_readings(texts, practitioner, embed)
    ]


def get_model(path: str | Path | None = None) -> StanceModel | None:
    """The moves model at ``path``, else at $OEP_SCORING_MOVES, else the shipped one."""
    return model_from(MOVES_ENV, DEFAULT_MOVES_PATH, path)


def read_session(
    texts: list[str], practitioner: list[bool], model: StanceModel | None, embed=None
) -> list[Move]:
    """Every practitioner turn read by ``model``; [] when there is none or the embedder
    cannot run here."""
    return read_with(read_moves, model, texts, practitioner, embed)
