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
on the item keeps their judgement. Without the model this judge adds nothing.
"""

from __future__ import annotations

from .context import AGAINST, SUPPORTS, SessionView
from .occasions import READ, read_by_meaning

# The least probability a reading needs to count: below it a turn is most likely neither
# praise nor an example of anything (chosen with the skill term's weight by cross-validation
# by set, docs/scoring.md).
EXAMPLE_P = 0.5
# head -> (item, the reading that counts for the item, the one against, why each)
READINGS = {
    "praise": (
        "C1",
        ("praise_prosocial", "praises a prosocial act"),
        ("praise_wrong", "praise for something antisocial, risky or a breach"),
    ),
    "conduct": (
        "C4",
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
    whose likeliest reading (other than none) reaches ``EXAMPLE_P``, weighing its
    probability. A turn the cue rules judged on that item is left to them."""
    judged = {(a.item, a.turn) for a in view.acts if not read_by_meaning(a)}
    for reading in view.examples:
        for head, (item, *sides) in READINGS.items():
            if (item, reading.turn) in judged:
                continue
            probability = getattr(reading, head)
            (good, why_good), (bad, why_bad) = sides
            name, why, polarity = (
                (good, why_good, SUPPORTS)
                if probability.get(good, 0.0) >= probability.get(bad, 0.0)
                else (bad, why_bad, AGAINST)
            )
            p = probability.get(name, 0.0)
            if p < EXAMPLE_P:
                continue
            view.add(item, reading.turn, polarity, f"{item}:meaning_{name} {READ}", p, why, p)
