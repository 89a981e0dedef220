"""Cognitive techniques: the client's own thinking explored and answered, not labelled."""

from __future__ import annotations

from ..similarity import word_count
from ..text import normalise
from .context import AGAINST, SUPPORTS, SessionView, _follow_up_of, closes_down, judges, takes_up
from .cues import COGNITIVE_Q, LABELLING


def asks_about_thinking(norm: str) -> bool:
    """A unit that invites the client's own thinking: the general pattern or a D item's cue."""
    from ..evidence import COGNITIVE_CUES  # the D items' cues live with their detectors

    return bool(COGNITIVE_Q.search(norm)) or any(p.search(norm) for p in COGNITIVE_CUES)


def judge_cognitive(view: SessionView) -> None:
    """D items: the client's own thinking explored and answered, not labelled for them."""
    for i, units in view.units.items():
        for unit in units:
            norm = normalise(unit.text)
            if LABELLING.search(norm):
                view.add(
                    "D3",
                    i,
                    AGAINST,
                    "D:thinking_labelled_for_client",
                    0.55,
                    "tells the client what to think or do instead of exploring it",
                )
                break
            # an invitation to rehearse is an instruction, so any code but judgement will do
            if not asks_about_thinking(norm) or judges(unit.text):
                continue
            answer, follow, j = _follow_up_of(view, i)
            # a short answer to a question about thinking can be a full one ("Recall.")
            if word_count(answer) >= 2 and not closes_down(answer):
                built = takes_up(follow, answer, view.units.get(j, []) if j else []) or (
                    j is not None
                    and any(
                        u.code.behaviour in ("question", "reflection")
                        for u in view.units.get(j, [])
                    )
                    and not any(judges(u.text) for u in view.units.get(j, []))
                )
                view.add(
                    "D1",
                    i,
                    SUPPORTS,
                    "D:client_thinking_explored" + (" (answer built on)" if built else ""),
                    0.7 if built else 0.5,
                    "asks about the client's thinking; the client answers",
                    weight=1.0 if built else 0.5,
                )
            else:
                view.add(
                    "D1",
                    i,
                    AGAINST,
                    "D:cognitive_question_not_answered",
                    0.4,
                    "the client does not take it up",
                    weight=0.3,
                )
            break
