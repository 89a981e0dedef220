"""What the client shares, and what the reply does with it, read by meaning.

The reflection rules (``judgement.relationship``) judge a reflection by its words and their
overlap with the client's; the rapport model (``scoring.rapport``, trained on exchanges readers
labelled; the session passes its reading in as ``view.disclosures``) reads every exchange
whole: a client turn that shares a feeling, a worry or their own view, and a reply that shows
it was understood, asks more, passes over it or dismisses it. Each reading becomes an act
marked "(read by meaning)", as the stance model's do (``judgement.occasions``), so the card
says where it came from and relationship building weighs it as its own term.
"""

from __future__ import annotations

from .context import SessionView
from .occasions import add_reading, likeliest_reply

# A client turn counts as sharing something from this probability; each exchange then weighs
# by it. Chosen with the values below by cross-validation by set (docs/scoring.md).
DISCLOSURE_P = 0.3
# What each reply is worth to the relationship. Asking more is good practice but less than
# showing the client they were understood (readers rated the sessions so); passing over and
# dismissing both leave the client unheard.
VALUES = {"attunes": 1.0, "explores": 0.5, "passes_over": -1.0, "dismisses": -1.0}
REASONS = {
    "attunes": ("B6", "shows the client that what they shared was understood"),
    "explores": ("B1", "asks more about what the client shared"),
    "passes_over": ("B6", "what the client shared passed over"),
    "dismisses": ("B10", "dismisses, judges or talks over what the client shared"),
}


def judge_disclosures(view: SessionView) -> None:
    """B-items for the session's exchanges as the rapport model reads them: one act per
    exchange whose client turn likely shares something, for or against by the reply's
    expected worth, weighing that worth times the probability the turn shares something.
    Procriminal talk the cue rules decided is not read here. The model itself was taught to
    leave procriminal talk to the stance model, but where it reads such a turn as a
    disclosure anyway, the reply counts here too (a lecture about an excuse, against
    prosocial modelling and as a dismissal): a known overlap (docs/scoring.md)."""
    for exchange in view.disclosures:
        if exchange.occasion < DISCLOSURE_P or exchange.turn in view.decided:
            continue
        reading = likeliest_reply(exchange, VALUES)
        if reading is None:
            continue
        if reading[0] == "explores" and view.cognitive_work(exchange.reply):
            # (2.7) the cognitive judge (which runs first) credited this question: counted
            # here too, a session of good cognitive work read as good listening whatever the
            # practitioner did with what the client shared
            continue
        add_reading(view, exchange, reading, REASONS[reading[0]], left="passes_over")
