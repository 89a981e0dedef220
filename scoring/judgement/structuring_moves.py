"""The moves that structure a session, read by meaning.

The structuring rules (``judgement.structuring``) find an agenda, a summary or next steps by
their words and then check what followed. The moves model (``scoring.moves``, trained on turns
readers labelled; the session passes its reading in as ``view.moves``) reads every
practitioner turn whole: which move it makes, if any, and whether it does the job or only
says the words. Each reading becomes an act marked "(read by meaning)", as the stance model's
do, so the card says where it came from and structuring weighs it as its own term
(``skill_scores.moves_read``).
"""

from __future__ import annotations

from .context import AGAINST, SUPPORTS, SessionView
from .occasions import MIN_CONFIDENCE, READ

# A turn is read as a move from this probability of its likeliest move.
MOVE_P = 0.3
ITEMS = {
    "check_in": ("A1", "checks in on how the client is", "a check-in, the answer let go"),
    "review": ("A2", "goes back over what was agreed", "a review question whose answer is let go"),
    "agenda": ("A3", "sets out what the session will cover", "an agenda the session then drops"),
    "steer": ("A3", "steers back to what was agreed to cover", "a steer that goes nowhere"),
    "summary": ("A8", "draws together what the client said", "a summary of the practitioner's own"),
    "next_steps": ("A9", "agrees next steps with the client", "next steps dictated, not agreed"),
}


def judge_moves(view: SessionView) -> None:
    """A-items for the practitioner turns the moves model reads as a likely move: its
    likeliest move of the six, at ``MOVE_P`` or more even where "none" is likelier (many weak
    readings together carry the session, as the stance model's do; one under 0.5 never
    reaches the card), for when it reads the move as done, against when it reads it as only
    words, weighing the move's probability times that reading's."""
    for move in view.moves:
        function = max(ITEMS, key=lambda f: move.function.get(f, 0.0))
        p = move.function.get(function, 0.0)
        if p < MOVE_P:
            continue
        real = move.real >= 0.5
        done = move.real if real else 1.0 - move.real
        if p * done < MIN_CONFIDENCE:
            continue
        item, did, only_words = ITEMS[function]
        view.add(
            item,
            move.turn,
            SUPPORTS if real else AGAINST,
            f"{item}:meaning_{function} {READ}",
            p * done,
            did if real else only_words,
            weight=p * done,
        )
