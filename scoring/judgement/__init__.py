"""Judge each practitioner act in its context, not by its wording alone.

A cue word is only a candidate: "it sounds like" is a reflection when what follows restates or
extends what the client said and does not judge it; "well done" counts for prosocial modelling
only when what it praises is prosocial; an agenda counts when the session then covers it; a
summary must draw together what the client said; "what might get in the way?" counts when the
answer is taken up. The client's next turn is evidence too: does the client elaborate after
the move, or close down?

Each judged act is an ``Act``: the item it bears on, the turn and unit it sits in, whether it
supports or counts against, the rule and a reason a reviewer can read.
"""

from __future__ import annotations

from ..units import Unit
from .cognitive import judge_cognitive, judge_walk_through
from .context import AGAINST, SUPPORTS, Act, SessionView, closes_down, elaborates
from .disclosures import judge_disclosures
from .example import judge_example
from .occasions import judge_occasions
from .promises import judge_own_promises
from .prosocial import judge_affirmations, judge_going_along, judge_procriminal
from .relationship import judge_reflections, judge_talk
from .structuring import judge_agenda, judge_asked_and_taken_up, judge_ending, judge_summary
from .structuring_moves import judge_moves

__all__ = [
    "AGAINST",
    "SUPPORTS",
    "Act",
    "SessionView",
    "closes_down",
    "elaborates",
    "judge_session",
]

JUDGES = (
    judge_reflections,
    judge_talk,
    judge_affirmations,
    judge_procriminal,
    judge_going_along,
    judge_own_promises,
    judge_occasions,
    # after the cue rules of praise and promises, whose judgements it leaves alone
    judge_example,
    judge_agenda,
    judge_summary,
    judge_asked_and_taken_up,
    judge_ending,
    judge_moves,
    judge_cognitive,
    judge_walk_through,
    # after the cognitive judge: a question it credited is not also relationship's exploring
    judge_disclosures,
)


def judge_session(
    texts: list[str],
    practitioner: list[bool],
    units: dict[int, list[Unit]],
    exchanges=(),
    disclosures=(),
    moves=(),
    invitations=(),
    examples=(),
):
    """All judged acts of a session, in the order of the judges above. ``exchanges``,
    ``disclosures``, ``moves``, ``invitations``, ``examples``: the session as the stance, rapport,
    moves, invitations and example models read it (``scoring.stance``, ``scoring.rapport``,
    ``scoring.moves``, ``scoring.invitations``, ``scoring.example``), where they ran."""
    view = SessionView(
        texts=texts,
        practitioner=practitioner,
        units=units,
        exchanges=list(exchanges),
        disclosures=list(disclosures),
        moves=list(moves),
        invitations=list(invitations),
        examples=list(examples),
    )
    for judge in JUDGES:
        judge(view)
    return view
