"""Prosocial modelling (C5, scorer 2.10): the practitioner's own undertakings, kept or not.

Readers rate a practitioner who says "I haven't got round to that referral" poor at modelling
reliability, however warm the rest of the session: the client is asked to keep every
appointment and condition by someone who did not do what they said they would. Across the
development sessions a practitioner admitted an undertaking not done in 24 sessions, every one
rated poor at prosocial modelling, and in none of the 187 rated good (docs/scoring.md). Promises
made are not read: any session can say "I'll ring them", and the phrase detector for them did
not survive leave-one-writer-out (2.3).

(2.11) The same lapse is as often heard from the client: "you said you'd do the letter last
week", answered "did I? I'll look into it". A client holding the practitioner to an undertaking
from before today that the reply does not deliver comes in 28 of the 460 development transcripts
(24 the admissions above miss), all rated poor at prosocial modelling; the two rules together
find 50, none rated good (docs/scoring.md).
"""

from __future__ import annotations

from ..text import normalise
from .context import AGAINST, SessionView
from .cues import (
    BEFORE_TODAY,
    DELIVERS,
    KEPT_AFTER_ALL,
    PUTS_OFF,
    REMINDS_OF_UNDERTAKING,
    UNDONE_PROMISE,
)

UNDONE = "C5:own_undertaking_not_done"


def judge_own_promises(view: SessionView) -> None:
    """C5 against, at each practitioner turn that admits an undertaking of theirs not done, and
    at each client turn that holds the practitioner to one (``reminded_of_undone``)."""
    for i, is_practitioner in enumerate(view.practitioner):
        text = normalise(view.texts[i])
        if is_practitioner and UNDONE_PROMISE.search(text):
            view.add("C5", i, AGAINST, UNDONE, 0.6, "the practitioner's own undertaking not done")
        elif not is_practitioner and reminded_of_undone(view, i, text):
            view.add(
                "C5",
                i,
                AGAINST,
                UNDONE,
                0.6,
                "the client holds the practitioner to an undertaking not done",
            )


def reminded_of_undone(view: SessionView, i: int, text: str) -> bool:
    """Client turn ``i`` (``text`` normalised) reminds the practitioner of an undertaking of
    theirs from before today that the next practitioner turn does not deliver: the client
    places it before today, or the reply owns it up or puts it off ("did I? sorry, I'll look
    into it"). An echo of what the practitioner has just taken on, thanks for what was done
    and a reply that hands it over ("here it is", "I rang them Tuesday") are not."""
    if not REMINDS_OF_UNDERTAKING.search(text) or KEPT_AFTER_ALL.search(text):
        return False
    reply = view.next_practitioner(i)
    answer = normalise(view.texts[reply]) if reply is not None else ""
    puts_off = bool(PUTS_OFF.search(answer))
    if DELIVERS.search(answer) and not puts_off:
        return False
    return puts_off or bool(BEFORE_TODAY.search(text))
