"""The practitioner's own example read by meaning: praise that rewards the wrong thing or a
prosocial act, and conduct that models the behaviour asked of the client or its opposite, in
any words.

The cue rules (``judgement.prosocial``, ``judgement.promises``) judge the praise and the
undertakings whose words they know. The rest are read by the example model
(``scoring.example``; the session passes its reading in as ``view.examples``): a practitioner
turn it reads as praise of the wrong thing counts against C1, praise of a prosocial act for it;
a turn it reads as a poor example counts against C4, a good one for it. Each act weighs by how
likely the reading is and is marked "(read by meaning)", so the card says which reading it
came from and the skill score weighs these acts as their own term. A turn the cue rules judged
on the item keeps their judgement (for conduct, the undertakings ``judgement.promises`` judged
on C5 too). Without the model this judge adds nothing.
"""

from __future__ import annotations

from ..similarity import word_count
from .context import AGAINST, SUPPORTS, SessionView
from .occasions import READ, read_by_meaning

# The least probability a reading needs to count: below it a turn is most likely neither
# praise nor an example of anything (chosen with the skill term's weight by cross-validation
# by set, docs/scoring.md).
EXAMPLE_P = 0.5
# Readings that need more, since readers agreed with fewer of them (held out by set: 58% of
# the turns read as praise of a prosocial act at 0.5 were marked so, 79% at 0.8; a good
# example 49% at 0.5, 56% at 0.6): warmth ("good to see you, you're looking well") reads as
# praise, and a plain statement of a rule as a good example. Counting only these held prosocial
# modelling where it was (twins 0.969 to 0.975, mixed 0.973 to 0.976, docs/scoring.md).
COUNT_FROM = {"praise_prosocial": 0.8, "practitioner_good_model": 0.6}
# Praise answers something the client said: with no client turn of this many words before it,
# a turn read as praise is a greeting or a thank-you, not praise of an act.
PRAISE_ANSWERS_WORDS = 3
# head -> (the items whose cue-judged turns it leaves alone (the first is its own), the reading
# that counts for the item, the one against, why each)
READINGS = {
    "praise": (
        ("C1",),
        ("praise_prosocial", "praises a prosocial act"),
        ("praise_wrong", "praise for something antisocial, risky or a breach"),
    ),
    # an undertaking the promises judge found kept or not is conduct it has judged
    "conduct": (
        ("C4", "C5"),
        (
            "practitioner_good_model",
            "models what is asked of the client: keeps their word, "
            "owns a lapse, explains a rule and why",
        ),
        (
            "practitioner_poor_model",
            "models the opposite: a procriminal view, a promise "
            "shrugged off, a rule waived as a favour, disrespect",
        ),
    ),
}


def judge_example(view: SessionView) -> None:
    """C1 and C4 for each practitioner turn as the example model reads it: one act per head
    whose likeliest reading (other than none) reaches its bar (``COUNT_FROM``, else
    ``EXAMPLE_P``), weighing its probability. A turn the cue rules judged on the head's items
    is left to them, and praise with nothing the client said before it is not praise of an
    act."""
    judged = {(a.item, a.turn) for a in view.acts if not read_by_meaning(a)}
    for reading in view.examples:
        for head, (items, *sides) in READINGS.items():
            if any((item, reading.turn) in judged for item in items):
                continue
            if head == "praise" and not _answers_the_client(view, reading.turn):
                continue
            probability = getattr(reading, head)
            (good, why_good), (bad, why_bad) = sides
            name, why, polarity = (
                (good, why_good, SUPPORTS)
                if probability.get(good, 0.0) >= probability.get(bad, 0.0)
                else (bad, why_bad, AGAINST)
            )
            p = probability.get(name, 0.0)
            if p < COUNT_FROM.get(name, EXAMPLE_P):
                continue
            item = items[0]
            view.add(item, reading.turn, polarity, f"{item}:meaning_{name} {READ}", p, why, p)


def _answers_the_client(view: SessionView, turn: int) -> bool:
    said = view.client_before(turn, 1)
    return bool(said) and word_count(said[0]) >= PRAISE_ANSWERS_WORDS
