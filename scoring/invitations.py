"""The turns that invite the client's own thinking, read by meaning rather than cue words.

The cognitive judge (``judgement.cognitive``) weighs what happens after a practitioner asks
for the client's thinking: answered, explored and built on, or answered for them. Which turns
ask is the other half: "what was going on for you when he came round?", "what about next time
he turns up?" and "so what would you say if she asks again?" invite thinking, a plan and a
rehearsal in words no cue list holds. One small linear head (``scoring.stance`` holds the
machinery), trained by ``python -m scoring.train_stance --task invitations`` on practitioner
turns readers marked (``bench/probation_turns/invitations.jsonl``), reads each practitioner turn
with the client's turn before it: which kind of invitation it makes, if any (``KINDS``).
Optional as the stance model is: without the weights file or the embedder, or with
``OEP_SCORING_MODEL=off`` or ``OEP_SCORING_INVITATIONS=off``, ``read_session`` returns nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .moves import practitioner_readings
from .stance import MODELS_DIR, StanceModel, model_from, read_with

DEFAULT_INVITATIONS_PATH = MODELS_DIR / "invitations.json"
INVITATIONS_ENV = "OEP_SCORING_INVITATIONS"  # "off" disables it; a path points at another file
KINDS = ("thinking", "sequence", "consequences", "other_view", "options", "plan", "rehearsal")


@dataclass(frozen=True)
class Invitation:
    """One practitioner turn as the model read it: the probability of each of KINDS and of
    "none"."""

    turn: int
    kind: dict[str, float]


def read_invitations(
    model: StanceModel, texts: list[str], practitioner: list[bool], embed
) -> list[Invitation]:
    return [
        Invitation(j, model.probabilities("invites", r))
        for j, r in practitioner_readings(texts, practitioner, embed)
    ]


def get_model(path: str | Path | None = None) -> StanceModel | None:
    """The invitations model at ``path``, else at $OEP_SCORING_INVITATIONS, else the shipped
    one."""
    return model_from(INVITATIONS_ENV, DEFAULT_INVITATIONS_PATH, path)


def read_session(
    texts: list[str], practitioner: list[bool], model: StanceModel | None, embed=None
) -> list[Invitation]:
    """Every practitioner turn read by ``model``; [] when there is none or the embedder
    cannot run here."""
    return read_with(read_invitations, model, texts, practitioner, embed)
