"""Prosocial occasions read by meaning: the client's account of offending, an excuse or
minimising, and what the practitioner's reply does with it, in any words.

The cue rules (``judgement.prosocial``) judge the exchanges whose words they know. The rest
are read by the stance model (``scoring.stance``, trained on exchanges a reader labelled;
the session passes its reading in as ``view.exchanges``):
a client turn it reads as an occasion, answered by a reply it reads as going along, letting it
pass, exploring, challenging or lecturing, becomes an act like the cue rules' own, marked
"(read by meaning)" so the card says which reading it came from and the skill score can weigh
it as its own term. Without the model (or the embedder, or with the rules only) this judge
adds nothing.
"""

from __future__ import annotations

from ..text import normalise
from .context import AGAINST, SUPPORTS, SessionView
from .prosocial import feels_with_or_affirms

READ = "(read by meaning)"  # every rule of this judge ends so
# A client turn counts as an occasion from this probability; below it the reply is not judged.
# Chosen with the values below by cross-validation by set (docs/scoring.md): a low bar, since
# each exchange weighs by how likely it is an occasion.
OCCASION_P = 0.3
# The least confidence (occasion times response probability) an act needs to count.
MIN_CONFIDENCE = 0.15
# What each response is worth to prosocial modelling. Exploring is neither: it is how a
# challenge starts and how going along starts. A lecture disapproves, so it is half as bad as
# going along: the client hears that the offending is not OK, though not why.
VALUES = {
    "challenges": 1.0,
    "explores": 0.0,
    "goes_along": -1.0,
    "lets_pass": -1.0,
    "lectures": -0.5,
}
REASONS = {
    "challenges": ("C2", "questions the procriminal view or offers another"),
    "goes_along": ("C3", "goes along with the client's account or excuse"),
    "lets_pass": ("C3", "procriminal talk left unanswered"),
    "lectures": ("C2", "disapproval as a lecture, the client's view not engaged"),
}


def judge_occasions(view: SessionView) -> None:
    """C2/C3 for the session's exchanges as the stance model reads them: one act per
    exchange whose client turn is likely an occasion, for or against by the reply's expected
    worth (each response's value times its probability), weighing that worth times the
    probability of the occasion. The exchanges the cue rules judged keep their judgement."""
    judged = {a.turn for a in view.acts if a.item in ("C2", "C3")}
    for exchange in view.exchanges:
        # the cue rules' judgement stands where they judged: letting the reading replace it
        # measured no better (docs/scoring.md)
        if exchange.occasion < OCCASION_P or {exchange.turn, exchange.reply} & judged:
            continue
        worth = sum(VALUES[c] * p for c, p in exchange.response.items())
        if worth == 0:
            continue
        # the reason named is the likeliest response on the side the worth came out
        side = [c for c in REASONS if (VALUES[c] > 0) == (worth > 0)]
        response = max(side, key=exchange.response.get)
        item, reason = REASONS[response]
        # a reading this doubtful is no evidence to show a reviewer; leaving it out measured
        # the same held out (docs/scoring.md)
        if exchange.occasion * exchange.response[response] < MIN_CONFIDENCE:
            continue
        # warmth towards the person is not agreement with the offending: a reply that
        # empathises or credits a prosocial act is not going along, whatever the reading
        if response == "goes_along" and feels_with_or_affirms(
            view.units.get(exchange.reply, []), normalise(view.texts[exchange.turn])
        ):
            continue
        # what was left unanswered is the client's turn; every other response is the reply
        at = exchange.turn if response == "lets_pass" else exchange.reply
        view.add(
            item,
            at,
            SUPPORTS if worth > 0 else AGAINST,
            f"{item}:meaning_{response} {READ}",
            exchange.occasion * exchange.response[response],
            reason,
            weight=exchange.occasion * abs(worth),
        )


def read_by_meaning(act) -> bool:
    return act.rule.endswith(READ)
