"""Prosocial modelling (C5, scorer 2.10): the practitioner's own undertakings, kept or not.

Readers rate a practitioner who says "I haven't got round to that referral" poor at modelling
reliability, however warm the rest of the session: the client is asked to keep every
appointment and condition by someone who did not do what they said they would. Across the
development sessions a practitioner admitted an undertaking not done in 24 sessions, every one
rated poor at prosocial modelling, and in none of the 187 rated good (docs/scoring.md). Promises
made are not read: any session can say "I'll ring them", and the phrase detector for them did
not survive leave-one-writer-out (2.3).
"""

from __future__ import annotations

from ..text import normalise
from .context import AGAINST, SessionView
from .cues import UNDONE_PROMISE

UNDONE = "C5:own_undertaking_not_done"


def judge_own_promises(view: SessionView) -> None:
    """C5 against, at each practitioner turn that admits an undertaking of theirs not done."""
    for i, is_practitioner in enumerate(view.practitioner):
        if is_practitioner and UNDONE_PROMISE.search(normalise(view.texts[i])):
            view.add(
                "C5",
                i,
                AGAINST,
                UNDONE,
                0.6,
                "the practitioner's own undertaking not done",
            )
