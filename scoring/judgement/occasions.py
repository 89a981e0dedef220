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

from .context import AGAINST, SUPPORTS, SessionView
from .prosocial import warmth_not_collusion

READ = "(read by meaning)"  # every rule of this judge ends so
# A client turn counts as an occasion from this probability; below it the reply is not judged.
# Chosen with the values below by cross-validation by set (docs/scoring.md): a low bar, since
# each exchange weighs by how likely it is an occasion.
OCCASION_P = 0.3
# The least confidence (occasion times response probability) an act needs to count.
MIN_CONFIDENCE = 0.15
# The least confidence a reading needs to be listed as evidence on the checklist card and to
# decide an item's verdict. Weaker readings still count in the prosocial score, each by its
# weight: many of them together carry the session (held out, keeping only these in the score
# took prosocial modelling on the twins from 0.93 to 0.79), but one alone is too often wrong
# to show a reviewer as a finding (on the development set, held out by set, 39% of all
# readings sit on a turn readers marked as an occasion, 76% of those of 0.5 and above;
# docs/scoring.md).
EVIDENCE_CONFIDENCE = 0.5
# (2.13) A reading of a poor example of the practitioner's own (``judgement.example``) needs
# more to be listed: readers marked only 37% of the turns read so at 0.5, 53% at 0.7 (held out
# by set, ``python -m scoring.train_stance --task example --cv``). It counts in the score from
# 0.5 all the same. Keyed by the act's rule, before " (read by meaning)".
EVIDENCE_FROM = {"C4:meaning_practitioner_poor_model": 0.7}
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
    probability of the occasion. The talk the cue rules decided keeps their judgement."""
    judged = {a.turn for a in view.acts if a.item in ("C2", "C3")}
    for exchange in view.exchanges:
        if (
            exchange.occasion < OCCASION_P
            or exchange.turn in view.decided
            or {exchange.turn, exchange.reply} & judged
        ):
            continue
        reading = likeliest_reply(exchange, VALUES)
        # an exchange most likely explored is no evidence either way
        if reading is None or reading[0] not in REASONS:
            continue
        response = reading[0]
        if response == "goes_along" and warmth_not_collusion(view, exchange.turn, exchange.reply):
            continue
        add_reading(view, exchange, reading, REASONS[response], left="lets_pass")


def likeliest_reply(exchange, values: dict[str, float]) -> tuple[str, float, float] | None:
    """What a read exchange says, if anything: the reply the model read likeliest, the
    reading's confidence (the occasion's probability times that reply's) and the reply's
    expected worth (each reply's value in ``values`` times its probability). None when the
    likeliest reply is not on the side the worth came out (the act must name what the model
    read likeliest) or the reading is too doubtful to be evidence."""
    probability = {c: exchange.response.get(c, 0.0) for c in values}
    worth = sum(values[c] * p for c, p in probability.items())
    response = max(probability, key=probability.__getitem__)
    if (values[response] > 0) != (worth > 0):
        return None
    confidence = exchange.occasion * probability[response]
    if confidence < MIN_CONFIDENCE:
        return None
    return response, confidence, worth


def add_reading(view: SessionView, exchange, reading, reason: tuple[str, str], left: str) -> None:
    """The act for one read exchange (``likeliest_reply``'s ``reading``): on ``reason``'s
    item, for or against by the reply's worth, weighing that worth times the occasion's
    probability. A reply that leaves the client's turn (``left``) is marked at that turn, what
    was left; every other at the reply."""
    response, confidence, worth = reading
    item, why = reason
    view.add(
        item,
        exchange.turn if response == left else exchange.reply,
        SUPPORTS if worth > 0 else AGAINST,
        f"{item}:meaning_{response} {READ}",
        confidence,
        why,
        weight=exchange.occasion * abs(worth),
    )


def read_by_meaning(act) -> bool:
    return act.rule.endswith(READ)


def listed_as_evidence(act) -> bool:
    """Every judged act is evidence on the card, except a reading by meaning too doubtful to
    show alone (it still counts in the skill score)."""
    if not read_by_meaning(act):
        return True
    return act.confidence >= EVIDENCE_FROM.get(act.rule.split()[0], EVIDENCE_CONFIDENCE)
