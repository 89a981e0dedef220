"""Prosocial modelling: what praise rewards, and what the practitioner does with procriminal
talk (challenge, collusion, a lecture, or nothing)."""

from __future__ import annotations

import re

from .. import lexicon as lx
from ..similarity import content_stems, shared_stems, word_count
from ..text import normalise
from ..units import Unit
from .cognitive import asks_about_thinking
from .context import (
    AGAINST,
    LECTURE_WORDS,
    PRAISE_OBJECT_WORDS,
    SUPPORTS,
    SessionView,
    _rest_is_lecture,
    elaborates,
    follow_asks,
    judges,
    lx_prosocial,
)
from .cues import (
    AGREES,
    BREACH,
    CAUGHT,
    CHALLENGE,
    COLLUSION,
    EVADED,
    EVALUATES,
    FORCE,
    HEDGED,
    INTENDED,
    LAUGHS,
    NEARLY,
    NEGATED,
    PRAISE,
    PRAISE_OBJECT,
    PROCRIMINAL,
    PROSOCIAL,
    TOPIC_SHIFT,
    TURNED_DOWN,
)

AFFIRMATION_WORDS = 30  # half a lecture: longer than this, a unit is not one act of praise
ANSWER_WORDS = 8  # a reply to procriminal talk this long says something about it
OCCASION_WORDS = 5  # a client turn this long can carry an account to go along with


def judge_affirmations(view: SessionView) -> None:
    """B5 and C1: praise counts when its object is prosocial; against when it rewards a breach."""
    for i, units in view.units.items():
        recent = view.client_before(i)
        # what praise answers is the end of the client's last turn, not every word of it
        before = " ".join(normalise(recent[0]).split()[-PRAISE_OBJECT_WORDS:]) if recent else ""
        for k, unit in enumerate(units):
            norm = normalise(unit.text)
            if not (PRAISE.search(norm) or "affirmation" in unit.code.tags):
                if names_prosocial_act(unit, recent):
                    view.add(
                        "C1",
                        i,
                        SUPPORTS,
                        "C1:names_the_prosocial_act (plain words)",
                        0.6,
                        "names the prosocial act the client reported and what it means",
                    )
                    view.add(
                        "B5",
                        i,
                        SUPPORTS,
                        "B5:affirmation (plain words)",
                        0.55,
                        "affirms what the client did",
                    )
                continue
            if EVADED.search(normalise(view.texts[i])):
                # what the turn says was good is not being caught: it rewards the risk taken
                # (one act for the turn, however many units of praise it holds)
                if any(
                    a.turn == i and a.rule == "C1:praise_for_not_being_caught" for a in view.acts
                ):
                    continue
                view.add(
                    "C1",
                    i,
                    AGAINST,
                    "C1:praise_for_not_being_caught",
                    0.65,
                    "praise for getting away with it, not for what the client did",
                    weight=1.5,
                )
                continue
            if HEDGED.search(norm):
                view.add("B5", i, AGAINST, "B5:hedged_praise", 0.5, "praise taken back")
                continue
            if judges(unit.text) or _rest_is_lecture(units, k):
                # praise as the preface to a warning: what the client hears is the warning
                view.add("B5", i, SUPPORTS, "B5:affirmation", 0.5, "praise before a lecture")
                continue
            # the object: what the praise names ("for ...") or else what the client just said
            named = praised_object(norm)
            resisting = resisted(before)
            if named:
                bad = reports_offending(named)
            else:
                bad = reports_offending(before) and not lx_prosocial(before) and not resisting
            if bad:
                view.add(
                    "C1",
                    i,
                    AGAINST,
                    "C1:praise_rewards_breach",
                    0.65,
                    "praise after the client reports a breach or offending",
                    weight=1.5,
                )
                continue
            view.add("B5", i, SUPPORTS, "B5:affirmation", 0.6, "affirms the client")
            if lx_prosocial(named or before) or lx_prosocial(norm) or resisting:
                specific = (
                    bool(re.search(r"\b(?:because|shows|means|matters|that's the|exactly)\b", norm))
                    or len(content_stems(unit.text)) >= 4
                )
                view.add(
                    "C1",
                    i,
                    SUPPORTS,
                    "C1:praise_of_prosocial_act" + (" (says why)" if specific else ""),
                    0.7 if specific else 0.55,
                    "praises a prosocial act",
                    weight=1.2 if specific else 1.0,
                )


def names_prosocial_act(unit: Unit, recent: list[str]) -> bool:
    """Plain-words praise: a statement that restates a prosocial act the client just reported
    and says what it is worth ("you said no, and that's how you stay out of court")."""
    # an affirmation is a short act of its own; a long run of telling that mentions the act
    # on the way is not one
    if (
        unit.code.behaviour == "question"
        or judges(unit.text)
        or word_count(unit.text) > AFFIRMATION_WORDS
    ):
        return False
    norm = normalise(unit.text)
    if not EVALUATES.search(norm):
        return False
    return any(
        not BREACH.search(normalise(c))
        and len(shared_stems(unit.text, c)) >= 2
        and _act_named(unit.text, c)
        for c in recent
    )


def _act_named(text: str, client: str) -> bool:
    """The unit names the prosocial act itself (its words or the few after them), not just
    other things the client said in the same turn."""
    words = normalise(client).split()
    for found in PROSOCIAL.finditer(normalise(client)):
        start = len(normalise(client)[: found.start()].split())
        span = " ".join(words[start : start + len(found.group(0).split()) + 3])
        if content_stems(span) & content_stems(text):
            return True
    return False


def judge_procriminal(view: SessionView) -> None:
    """C2/C3 and collusion: what the practitioner does with procriminal or breach talk, and
    procriminal views the practitioner voices themselves."""
    for i, is_practitioner in enumerate(view.practitioner):
        if is_practitioner:
            voiced = [
                u
                for u in view.units.get(i, [])
                # the client's words given back or asked about are not the practitioner's view
                if voices_procriminal(normalise(u.text))
                and u.code.behaviour not in ("reflection", "question")
            ]
            # naming the client's words to ask about them explores the view, it does not voice it
            if (
                voiced
                and not CHALLENGE.search(normalise(view.texts[i]))
                and not follow_asks(view, i)
            ):
                view.add(
                    "C2",
                    i,
                    AGAINST,
                    "C2:practitioner_voices_procriminal_view",
                    0.55,
                    "the practitioner excuses or minimises offending",
                    weight=1.5,
                )
            continue
        norm = normalise(view.texts[i])
        if not PROCRIMINAL.search(norm):
            if BREACH.search(norm):
                j = view.next_practitioner(i)
                if j == i + 1 and COLLUSION.search(normalise(view.texts[j])):
                    view.decided.add(i)
                    view.add(
                        "C2",
                        j,
                        AGAINST,
                        "C2:colludes_with_breach",
                        0.55,
                        "agrees with a breach or offending",
                        weight=1.5,
                    )
            continue
        answers = [j for j in (view.next_practitioner(i),) if j is not None and j <= i + 1]
        j = answers[0] if answers else None
        if j is None:
            continue
        view.decided.add(i)  # whatever comes of it below, these rules decided this talk
        follow = normalise(view.texts[j])
        later = view.next_practitioner(j + 1) if j + 2 < len(view.texts) else None
        follow2 = normalise(view.texts[later]) if later is not None and later <= j + 2 else ""
        agrees = AGREES.search(follow) and not follow_asks(view, j)
        if CHALLENGE.search(follow) or CHALLENGE.search(follow2):
            at = j if CHALLENGE.search(follow) else later
            # calm disapproval invites the client's view or an alternative; a lecture does not
            invites = follow_asks(view, at) or (
                view.next_practitioner(at + 1) is not None
                and follow_asks(view, view.next_practitioner(at + 1))
            )
            if judges(view.texts[at]) and not invites:
                _lecture(view, at)
            else:
                view.add(
                    "C2",
                    at,
                    SUPPORTS,
                    "C2:challenge_after_procriminal_talk",
                    0.6,
                    "questions the procriminal view",
                )
        elif COLLUSION.search(follow) or agrees:
            view.add(
                "C2",
                j,
                AGAINST,
                "C2:colludes_with_procriminal_talk",
                0.6,
                "agrees with procriminal talk",
                weight=1.5,
            )
        elif judges(follow) and word_count(follow) >= LECTURE_WORDS:
            _lecture(view, j)
        elif _returned_to(view, i) or (
            (_explores(view, j) or _answers(view, i, j)) and not _ends_elsewhere(view, i, j)
        ):
            # asked about, reflected on, answered on its own terms or come back to, and not
            # agreed with: not left unanswered, though not (as far as the cues can tell) a
            # calm challenge either, so it counts neither way
            continue
        else:
            view.add(
                "C3",
                i,
                AGAINST,
                "C3:procriminal_talk_unanswered",
                0.6,
                "procriminal talk left unanswered",
            )


def _ends_elsewhere(view: SessionView, i: int, j: int) -> bool:
    """(2.4) The practitioner's reply ends on another subject: its last unit asks about
    something that shares no content with the client's turn i ("OK, we'll park that. Did you
    do the homework?"). Whatever it said on the way, the talk is left there. (2.4.1) A last
    question that explores the talk is not moving on, whatever its words: one that asks
    about consequences, another person's view or the client's own thinking ("How do you
    think he felt when he saw it?"), or asks openly about something the client named."""
    units = view.units.get(j, [])
    if not units:
        return False
    last = units[-1]
    if last.code.behaviour != "question" or shared_stems(last.text, view.texts[i]):
        return False
    return not _explores_the_talk(last)


def _explores_the_talk(unit: Unit) -> bool:
    """A question that explores what was said rather than changing the subject: it invites
    the client's thinking, the consequences or someone else's side (the cognitive cues), or
    questions the view (the challenge cues), and does not open by changing the subject."""
    norm = normalise(unit.text)
    if TOPIC_SHIFT.search(norm):
        return False
    return asks_about_thinking(norm) or bool(CHALLENGE.search(norm))


def _explores(view: SessionView, j: int) -> bool:
    """The practitioner's turn asks openly or reflects: it explores what was said."""
    return any(
        u.code.question_subtype == "open" or u.code.behaviour == "reflection"
        for u in view.units.get(j, [])
    )


def _answers(view: SessionView, i: int, j: int) -> bool:
    """The practitioner's reply is about what the client said without agreeing: answered, in
    words the challenge cues may not know (or a misheard "I see it differently"), rather than
    left. About it: it shares the client's content, or (2.3) it says something of substance,
    without changing the subject, and the client's next turn takes it up (shares its content
    or goes on): the exchange shows it was answered even when no word came back."""
    if len(shared_stems(view.texts[j], view.texts[i])) >= 2:
        return True
    # (2.3) a reply of some substance, not agreeing, that the client then answers: the talk
    # was answered in words the cues do not know, and the client's next turn is the evidence
    at, reply = view.reply(j)
    return (
        word_count(view.texts[j]) >= ANSWER_WORDS
        and not TOPIC_SHIFT.search(normalise(view.texts[j]))
        and at is not None
        and bool(shared_stems(reply, view.texts[j]) or elaborates(reply))
    )


def _returned_to(view: SessionView, i: int) -> bool:
    """A later practitioner turn comes back to the procriminal words of client turn i and
    asks about them: answered later rather than left."""
    said = PROCRIMINAL.search(normalise(view.texts[i]))
    words = content_stems(said.group(0)) if said else frozenset()
    return bool(words) and any(
        view.practitioner[k] and words & content_stems(view.texts[k]) and follow_asks(view, k)
        for k in range(i + 2, len(view.texts))
    )


def _lecture(view: SessionView, at: int) -> None:
    """Disapproval delivered as a lecture: it counts against calm, prosocial disapproval."""
    view.add(
        "C2",
        at,
        AGAINST,
        "C2:lecture_not_challenge",
        0.5,
        "disapproval as a lecture, no alternative explored",
    )


GOING_ALONG = "C3:goes_along"  # rule prefix: the skill score counts these on their own


def judge_going_along(view: SessionView) -> None:
    """C3 (2.4, narrowed in 2.4.1): collusion by friendliness. The client's turn is an
    occasion (offending or a breach reported, or procriminal talk: an excuse, minimising,
    blaming the victim, by the procriminal and breach cues) and the practitioner's reply
    opens by agreeing, excusing or laughing along, asks nothing and sets out no other view.
    Agreement with anything else is ordinary warmth, not collusion: "Yeah, that sounds hard"
    about a mother in hospital is empathy. A reply that reflects a feeling or affirms a
    prosocial act is not going along either, nor one already judged as praise of a prosocial
    act (C1). Turns already judged for procriminal talk (C2, C3) are not judged again."""
    judged = {a.turn for a in view.acts if a.item in ("C2", "C3")}
    for j, is_practitioner in enumerate(view.practitioner):
        i = j - 1
        if not is_practitioner or i < 0 or view.practitioner[i] or {i, j} & judged:
            continue
        said, reply = normalise(view.texts[i]), normalise(view.texts[j])
        if word_count(said) < OCCASION_WORDS or not is_occasion(said):
            continue
        if warmth_not_collusion(view, i, j):
            continue
        agrees = AGREES.search(reply) or COLLUSION.search(reply) or LAUGHS.search(reply)
        if agrees and not follow_asks(view, j) and not CHALLENGE.search(reply):
            view.decided.add(i)
            view.add(
                "C3",
                j,
                AGAINST,
                f"{GOING_ALONG}_with_offending_or_an_excuse",
                0.5,
                "agrees with the client's account of offending or excuse for it and offers "
                "no other view",
                weight=0.5,
            )


def praised_object(norm: str) -> str:
    """What a piece of praise names as its object ("well done for ..."), or ""."""
    named_at = PRAISE_OBJECT.search(norm)
    return named_at.group(1) if named_at else ""


def reports_offending(norm: str) -> bool:
    """The words report a breach or offending, or excuse it: what praise must not reward and
    what a client turn must say to be an occasion for going along (with force, below)."""
    return bool(BREACH.search(norm) or PROCRIMINAL.search(norm))


def resisted(norm: str) -> bool:
    """Every breach or offending the words report is a temptation turned down: it nearly
    happened, or the client says they thought better of it. Resisting is the prosocial act."""
    acts = list(BREACH.finditer(norm))
    excuses = list(PROCRIMINAL.finditer(norm))

    def nearly(m) -> bool:
        # "I almost got caught shoplifting": what nearly happened is the catching
        before = NEARLY.search(norm[: m.start()])
        # from a word before "nearly", so that "I was nearly arrested" is seen whole
        start = norm.rfind(" ", 0, max(before.start() - 1, 0)) + 1 if before else 0
        return bool(before) and not CAUGHT.search(norm[start : m.end()])

    def turned_down(m, act: bool) -> bool:
        # an act can be turned down only if it was meant or offered; an excuse the client
        # voices and then rejects ("it's only sixty quid... but then I thought no") can
        return bool(TURNED_DOWN.search(norm[m.end() :])) and (
            not act or bool(INTENDED.search(norm[: m.start()]))
        )

    return bool(acts or excuses) and all(
        nearly(m) or turned_down(m, act)
        for found, act in ((acts, True), (excuses, False))
        for m in found
    )


def voices_procriminal(norm: str) -> bool:
    """A procriminal phrase the speaker says without negating it."""
    return any(not NEGATED.search(norm[: m.start()]) for m in PROCRIMINAL.finditer(norm))


def is_occasion(norm: str) -> bool:
    """A client turn that calls for a prosocial response: it reports offending or a breach,
    or force used, or excuses, minimises or blames the victim for it (the procriminal
    cues)."""
    return reports_offending(norm) or bool(FORCE.search(norm))


def warmth_not_collusion(view: SessionView, i: int, j: int) -> bool:
    """The practitioner's reply j to client turn i is warmth towards the person, not agreement
    with the offending: it was judged as praise of a prosocial act the client reported (C1),
    or it empathises, reflects a feeling or affirms a prosocial act. Never going along, by
    the cues or by meaning."""
    return view.credited(j, ("C1",)) or _feels_with_or_affirms(
        view.units.get(j, []), normalise(view.texts[i])
    )


def _feels_with_or_affirms(units: list[Unit], said: str) -> bool:
    """The reply reflects a feeling or empathises ("Yeah, you've been feeling low", "that
    sounds hard"), or affirms a prosocial act: warmth towards the person, not agreement
    with the offending."""
    for unit in units:
        norm = normalise(unit.text)
        if "empathy" in unit.code.tags:
            return True
        if unit.code.behaviour == "reflection" and set(norm.split()) & lx.FEELING_WORDS:
            return True
        if "affirmation" in unit.code.tags or PRAISE.search(norm):
            named = praised_object(norm)
            if named and not reports_offending(named):
                return True
            if not named and lx_prosocial(said) and not BREACH.search(said):
                return True
    return False
