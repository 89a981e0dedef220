"""Relationship building: reflections judged against what the client said; lectures,
judgements and brushed-aside concerns."""

from __future__ import annotations

from .. import lexicon as lx
from ..similarity import lexical_overlap, related, shared_stems, uses_encoder, word_count
from ..text import normalise
from .context import (
    AGAINST,
    LECTURE_WORDS,
    RESTATES,
    SUPPORTS,
    SessionView,
    _rest_is_lecture,
    elaborates,
    judges,
    telling,
)
from .cues import COLLUSION, CONCERN, DISMISSIVE, PUSHBACK, REFLECTION_CUE


def judge_reflections(view: SessionView) -> None:
    """B3/B4: a reflection restates or extends the client's recent talk and does not judge it."""
    for i, units in view.units.items():
        recent = view.client_before(i)
        _, reply = view.reply(i)
        for k, unit in enumerate(units):
            code = unit.code
            if code.behaviour == "question" and not unit.text.rstrip().endswith("?"):
                continue
            is_cue = code.behaviour == "reflection"
            strong_cue = bool(REFLECTION_CUE.search(normalise(unit.text)))
            restating = (
                bool(recent)
                and code.behaviour in ("reflection", "other", "therapist_input")
                and any(related(unit.text, c, RESTATES) for c in recent)
                and (
                    uses_encoder()
                    or len(set().union(*(shared_stems(unit.text, c) for c in recent))) >= 2
                )
            )
            if code.behaviour == "question" and unit.text.rstrip().endswith("?"):
                # a restatement said with a rising tone ("you rang them before it started?")
                restating = restating and not lx.WH_WORDS & set(normalise(unit.text).split()[:2])
                is_cue = False
            if not (is_cue or restating or strong_cue):
                continue
            judging = judges(unit.text) or _rest_is_lecture(units, k)
            pushed_back = bool(reply) and bool(PUSHBACK.search(normalise(reply)))
            last_unit = k == len(units) - 1
            # a reflection that goes beyond the client's words is confirmed by the client going
            # on with it (MITI: the client's response is evidence of the reflection)
            # ...but only when there was something of the client's to reflect: a greeting the
            # client answers at length is not a reflection
            confirmed = (is_cue or strong_cue) and bool(recent) and last_unit and elaborates(reply)
            # agreeing with procriminal talk takes the client's side of it, not their meaning
            colludes = bool(COLLUSION.search(normalise(unit.text)))
            if (restating or confirmed) and not judging and not pushed_back and not colludes:
                extends = lexical_overlap(unit.text, " ".join(recent)) < 0.6 or any(
                    w in lx.FEELING_WORDS and w not in normalise(" ".join(recent)).split()
                    for w in normalise(unit.text).split()
                )
                item = "B4" if extends else "B3"
                landed = elaborates(reply)
                view.add(
                    item,
                    i,
                    SUPPORTS,
                    f"{item}:reflection_restates_client"
                    + (" (client elaborates)" if landed else ""),
                    0.75 if landed else 0.6,
                    "restates what the client said"
                    + (", and the client goes on" if landed else ""),
                    weight=1.2 if landed else 1.0,
                )
            elif strong_cue and (judging or pushed_back or not reply):
                why = (
                    "judges the client"
                    if judges(unit.text)
                    else "followed by a lecture"
                    if judging
                    else "the client pushes back"
                    if pushed_back
                    else "does not restate what the client said"
                )
                view.add("B3", i, AGAINST, "B3:empty_reflection", 0.6, f"reflection cue but {why}")


def judge_talk(view: SessionView) -> None:
    """B10: lectures and judgements; the client closing down after practitioner moves;
    concerns the client raises that the practitioner brushes aside."""
    for i, units in view.units.items():
        words = word_count(view.texts[i])
        asks = any(u.code.behaviour == "question" for u in units)
        told = sum(word_count(u.text) for u in units if telling(u))
        judged = [u for u in units if judges(u.text)]
        if words >= LECTURE_WORDS and not asks and told >= 0.5 * words:
            view.add(
                "B10", i, AGAINST, "B10:lecture", 0.6, f"{words} words of telling, no question"
            )
        elif len(judged) >= 2 or (judged and told >= 0.6 * max(words, 1) and words >= 25):
            view.add("B10", i, AGAINST, "B10:judging", 0.55, "judges the client")
    for i, is_practitioner in enumerate(view.practitioner):
        if is_practitioner or i == 0 or not view.practitioner[i - 1]:
            continue
        text = view.texts[i]
        norm = normalise(text)
        if not (CONCERN.search(norm) or text.rstrip().endswith("?")) or word_count(norm) < 4:
            continue
        j = view.next_practitioner(i)
        if j is None or j != i + 1:
            continue
        follow = view.texts[j]
        if DISMISSIVE.search(normalise(follow)) or (
            not shared_stems(follow, text) and word_count(follow) <= 12
        ):
            view.add(
                "B10", j, AGAINST, "B10:concern_brushed_aside", 0.5, "client's concern not taken up"
            )
