"""Structuring: an agenda the session covers, a summary that draws the client's words
together, check-in, review and barrier questions whose answers are taken up, and (2.4) an
ending that pins a next step to a time with the client."""

from __future__ import annotations

import re

from ..similarity import content_stems, lexical_overlap, shared_stems, word_count
from ..text import normalise
from .context import (
    AGAINST,
    SUBSTANTIVE_WORDS,
    SUPPORTS,
    TOPIC_MENTIONS,
    SessionView,
    _follow_up_of,
    brushes_off,
    closes_down,
    elaborates,
    judges,
    mostly_telling,
    takes_up,
)
from .cues import (
    AGENDA_INTENT,
    AGENDA_INVITES,
    AGENDA_WORDS,
    BARRIER_Q,
    CHECK_BACK,
    CHECK_IN,
    GRUDGING,
    NEXT_STEPS,
    NOTHING,
    PUSHBACK,
    REVIEW_Q,
    SUMMARY_CUE,
    TIME_ANCHOR,
    TOPIC_SHIFT,
    VAGUE_TIME,
)

_TOPIC_SPLIT = re.compile(r"[,;:]|\b(?:and then|and|then|after that|also|plus)\b", re.I)


def _topics(text: str) -> list[frozenset[str]]:
    """The topics an agenda names: its pieces between commas and 'and'/'then', as stems."""
    topics = [content_stems(piece) - AGENDA_WORDS for piece in _TOPIC_SPLIT.split(text or "")]
    return [t for t in topics if t]


def _covered(topic: frozenset[str], later: list[frozenset[str]]) -> bool:
    """At least half of the topic's words come back in at least TOPIC_MENTIONS later turns
    ("your RAR days" needs "RAR" again, not just "days")."""
    recurring = [s for s in topic if sum(s in turn for turn in later) >= TOPIC_MENTIONS]
    return len(recurring) >= len(topic) / 2


def judge_agenda(view: SessionView) -> None:
    """A3: an agenda counts when the session then covers its topics; imposed or dropped, against.

    (2.4) Every early turn that sets out topics is a candidate, and the session is judged on
    the one it went on to cover best: "last time you had two things to do" before the real
    agenda is a review, and must not stand for an agenda dropped."""
    n = len(view.texts)
    early = max(8, n // 3)
    best = None
    for i in range(min(n, early)):
        judged = _judge_agenda_at(view, i)
        if judged is not None and (best is None or judged[0] > best[0]):
            best = judged
    if best is None:
        return
    share, i, agreed = best
    if share >= 0.5:
        view.add(
            "A3",
            i,
            SUPPORTS,
            f"A3:agenda_covered ({share:.0%} of its topics)",
            0.7 if agreed else 0.55,
            "agenda agreed with the client and covered" if agreed else "agenda covered",
            weight=1.0 + 0.5 * agreed,
        )
    else:
        view.add(
            "A3",
            i,
            AGAINST,
            f"A3:agenda_dropped ({share:.0%} of its topics)",
            0.6,
            "agenda announced and then not covered",
        )


def _judge_agenda_at(view: SessionView, i: int) -> tuple[float, int, bool] | None:
    """(share of its topics the session covered, turn, agreed with the client) for the
    agenda turn i sets out, or None when turn i sets out no agenda."""
    if not view.practitioner[i] or not AGENDA_INTENT.search(normalise(view.texts[i])):
        return None
    topics = [t for u in view.units.get(i, []) for t in _topics(u.text)]
    if _restates_client(view, i):
        return None  # "angry first and then ashamed": the client's words given back, no plan
    # the client's items, when asked for, join the agenda
    invited = bool(AGENDA_INVITES.search(normalise(view.texts[i])))
    reply_at, reply = view.reply(i)
    if invited and reply_at is not None:
        topics += _topics(reply)
    if len(topics) < 2:
        return None
    later_stems = [content_stems(t) for t in view.texts[i + 2 :]]
    covered = [t for t in topics if _covered(t, later_stems)]
    # the client's own items taken forward; a "yeah" to an imposed list is not agreement
    agreed = invited and reply_at is not None and not closes_down(reply)
    return len(covered) / len(topics), i, agreed


def _restates_client(view: SessionView, i: int) -> bool:
    """What looks like an agenda is a reflection: the units that carry the cue are coded as
    reflections and most of their topics are the client's last words."""
    cued = [u for u in view.units.get(i, []) if AGENDA_INTENT.search(normalise(u.text))]
    before = view.client_before(i, 1)
    if not cued or not before or any(u.code.behaviour != "reflection" for u in cued):
        return False
    words = frozenset().union(*(t for u in cued for t in _topics(u.text)))
    return bool(words) and len(words & content_stems(before[0])) >= 0.5 * len(words)


def _draws_together(view: SessionView, i: int) -> tuple[int, float, bool]:
    """(whether this turn picks up enough earlier client turns: three, or all there were in a
    short session; share of its content the client had said; whether those turns span the
    session: some from its first half, some from later)."""
    text = view.texts[i]
    earlier = [j for j in range(i) if not view.practitioner[j]]
    picked = [j for j in earlier if len(shared_stems(text, view.texts[j])) >= 1]
    share = lexical_overlap(text, " ".join(view.texts[j] for j in earlier))
    spans = bool(picked) and min(picked) < i / 2 <= max(picked)
    enough = len(picked) >= min(3, max(len(earlier), 2))
    return enough, share, spans


# (2.9) A summary cue this early that draws nothing together, and is no verdict, is not a
# summary that failed ("I'll come back to that before you go, so ...", turn 12 of 59): it
# counts neither way.
EARLIEST_SUMMARY = 0.25


def judge_summary(view: SessionView) -> None:
    """A8: a summary draws together what the client said; a verdict in its place counts against."""
    n = len(view.texts)
    for i, units in view.units.items():
        norm = normalise(view.texts[i])
        cue = bool(SUMMARY_CUE.search(norm))
        checks = bool(CHECK_BACK.search(norm))
        # in plain words: a long turn near the end that checks back with the client
        plain = i >= n * 0.75 and word_count(norm) >= 20 and checks
        if not (cue or plain):
            continue
        drawn, share, spans = _draws_together(view, i)
        judged = sum(word_count(u.text) for u in units if judges(u.text) or "advice" in u.code.tags)
        # the client's answer is evidence too: "I suppose so" to a summary is not assent
        _, reply = view.reply(i)
        verdict = judged >= 0.4 * word_count(norm)
        grudging = bool(GRUDGING.search(normalise(reply)))
        if drawn and share >= 0.25 and spans and not verdict and not grudging:
            view.add(
                "A8",
                i,
                SUPPORTS,
                "A8:summary_draws_together",
                0.75 if cue or checks else 0.55,
                "draws together what the client said",
                weight=1.0 if cue or checks else 0.7,
            )
        elif cue and (verdict or grudging or i >= n * EARLIEST_SUMMARY):
            why = (
                "the practitioner's verdict"
                if verdict
                else "the client only goes along with it"
                if grudging
                else "does not draw on what the client said"
            )
            view.add("A8", i, AGAINST, "A8:summary_without_client", 0.6, f"summary cue but {why}")


CONTINUER_WORDS = 3  # "And then?", "Go on": a follow-up this short only invites more


def asks_on(view: SessionView, j: int) -> bool:
    """The follow-up invites the client to go on with what they answered: a short continuer
    ("and then?"), a turn that asks openly, or (2.3) any turn that is not mostly telling,
    without judging or changing the subject, and the client does go on (their next turn
    elaborates). Taking up an answer need not repeat its words nor be a question; the
    client's going on is the evidence (as MITI reads a reflection)."""
    units = view.units.get(j, [])
    follow = view.texts[j]
    norm = normalise(follow)
    if not units or brushes_off(follow) or TOPIC_SHIFT.search(norm):
        return False
    invites = (
        word_count(follow) <= CONTINUER_WORDS
        or any(u.code.question_subtype == "open" for u in units)
        or not mostly_telling(units)
    )
    return invites and elaborates(view.reply(j)[1])


# (2.9) Items whose answer, when the practitioner moves on without following it up, still
# counts as asked rather than against: across the development sessions a check-in or review
# answer "not taken up" was as common in sessions rated good at structuring as in poor ones
# (A1 18% against 15% of judged answers, A2 24% against 19%): moving on after "how's your week?"
# is how a session gets to its business. A follow-up that judges or brushes the answer off
# still counts against, and so does a barrier answered and left while the client is there.
MOVING_ON_ALLOWED = ("A1", "A2")


def judge_asked_and_taken_up(view: SessionView) -> None:
    """A1 check-in, A2 review, A9 barriers: the question counts when the answer is taken up;
    a barrier named and left counts against."""
    n = len(view.texts)
    next_steps_agreed = False
    for i in view.units:
        norm = normalise(view.texts[i])
        for item, pattern, where in (
            ("A1", CHECK_IN, i <= max(6, n // 5)),
            ("A2", REVIEW_Q, i <= max(10, n // 2)),
            ("A9", BARRIER_Q, i >= n // 3),
        ):
            if item == "A9" and NEXT_STEPS.search(norm) and not BARRIER_Q.search(norm):
                # once a session: naming the next appointment again and again plans no more
                if not next_steps_agreed:
                    view.add(
                        item, i, SUPPORTS, "A9:next_steps", 0.6, "agrees next steps", weight=0.5
                    )
                next_steps_agreed = True
                continue
            if not where or not pattern.search(norm):
                continue
            answer, follow, j = _follow_up_of(view, i)
            if item == "A9" and not BARRIER_Q.search(norm):
                continue
            if (
                j is None
                or word_count(answer) < SUBSTANTIVE_WORDS
                or NOTHING.search(normalise(answer))
            ):
                # asked, with little in the answer to take up: counts, but for less
                view.add(item, i, SUPPORTS, f"{item}:asked", 0.5, "asked", weight=0.5)
                continue
            if takes_up(follow, answer, view.units.get(j, [])) or asks_on(view, j):
                view.add(
                    item,
                    j,
                    SUPPORTS,
                    f"{item}:answer_taken_up",
                    0.7,
                    "the client's answer is taken up",
                )
            elif not brushes_off(view.texts[j]) and (
                item in MOVING_ON_ALLOWED or not _client_speaks_after(view, j)
            ):
                # (2.9) a check-in or review answered and then left, not brushed off: still a
                # check-in or a review, for less; and a barrier whose follow-up is the
                # session's last word to the client has no reply to tell whether it was taken up
                view.add(
                    item,
                    i,
                    SUPPORTS,
                    f"{item}:asked_not_followed",
                    0.5,
                    "asked; the answer was not followed up",
                    weight=0.5,
                )
            else:
                view.add(
                    item,
                    j if j is not None else i,
                    AGAINST,
                    f"{item}:answer_ignored",
                    0.6,
                    "asked, then the answer was not taken up",
                )


def _client_speaks_after(view: SessionView, j: int) -> bool:
    """Some client turn follows turn j (a recording may end on several practitioner lines)."""
    return not all(view.practitioner[j + 1 :])


ENDING = "A9:ending"  # rule prefix of the ending's acts: the skill score weighs them on their own
CLOSING_SHARE = 0.2  # the closing stretch: the last fifth of the turns ...
CLOSING_TURNS = 8  # ... and at least this many
STEP_WORDS = 2  # content words a closing turn shares with the session before it: what it is about
SESSION_TOPIC_TURNS = 2  # turns a content word must come up in to be one of the session's topics

TIME_STEMS = frozenset(
    content_stems(
        "monday tuesday wednesday thursday friday saturday sunday tomorrow tonight week weekend "
        "month morning afternoon fortnight time next appointment session days weeks half past "
        "quarter clock"
    )
)

EVERYDAY_STEMS = frozenset(
    content_stems(
        "look stop let love lovely know see come go going get take make need want say said "
        "think right good great fine thing things bit lot sort really just yeah okay alright"
    )
)


def judge_ending(view: SessionView) -> None:
    """A9 (2.4): how the session closes. It counts when a practitioner turn in the closing
    stretch pins a step to a time (a day, a date, an hour: ``TIME_ANCHOR``) and names what
    the step is, in the session's own terms (``STEP_WORDS`` content words the session used
    before the close, besides the time), and the client goes along without pushing back or
    grudging, and no question of the client's about when is left without a time. It counts
    against when the stretch names no time at all (stopped when the clock ran out, "ring me
    whenever") or the client asks when and gets no time back ("it'll be on your letter").
    A time alone ("same time in a fortnight?") with no step is an appointment, not next
    steps: it counts neither way. Sessions too short to have an ending are not judged."""
    n = len(view.texts)
    if n < 2 * CLOSING_TURNS or not any(view.practitioner):
        return
    start = min(n - CLOSING_TURNS, int(n * (1 - CLOSING_SHARE)))
    covered = _session_topics(view, start)
    timed = [i for i in range(start, n) if names_a_time(view.texts[i])]
    steps = [
        i
        for i in timed
        if view.practitioner[i]
        and len((content_stems(view.texts[i]) - TIME_STEMS) & covered) >= STEP_WORDS
        and _goes_along(view, i)
    ]
    left_open = [i for i in range(start, n) if _asks_when(view, i)]
    if steps and not left_open:
        view.add(
            "A9",
            steps[-1],
            SUPPORTS,
            f"{ENDING}_on_a_timed_step",
            0.6,
            "closes on a next step with a time, agreed with the client",
        )
        return
    if not timed or left_open:
        last = max(i for i, p in enumerate(view.practitioner) if p)
        view.add(
            "A9",
            left_open[0] if left_open else last,
            AGAINST,
            f"{ENDING}_without_a_time",
            0.55,
            "the client asks when and gets no time"
            if left_open
            else "the session ends with no next step pinned to a time",
        )


def names_a_time(text: str) -> bool:
    """Names a time once the vague ones are taken out: "sometime next week" leaves the step
    open, while "Thursday at ten ... ring me whenever you need" still names Thursday."""
    firm = " ".join(VAGUE_TIME.sub(" ", normalise(text)).split())  # keeps ^/$ on the words
    return bool(TIME_ANCHOR.search(firm))


def _session_topics(view: SessionView, end: int) -> frozenset[str]:
    """What the session covered before turn ``end``: content words said in more than one
    turn, less the everyday verbs a closing line is made of ("look", "stop", "let")."""
    counts: dict[str, int] = {}
    for i in range(end):
        for stem in content_stems(view.texts[i]):
            counts[stem] = counts.get(stem, 0) + 1
    return frozenset(s for s, k in counts.items() if k >= SESSION_TOPIC_TURNS) - EVERYDAY_STEMS


ASKS_WHEN = re.compile(
    r"\b(?:when(?:'s|s| is| do| does| will| am| are| shall| should| can| have| has)|"
    r"what (?:time|day))\b"
)


def _asks_when(view: SessionView, i: int) -> bool:
    """Client turn i asks when, and the practitioner's answer names no time."""
    if view.practitioner[i] or not ASKS_WHEN.search(normalise(view.texts[i])):
        return False
    j = view.next_practitioner(i)
    return j is not None and not names_a_time(view.texts[j])


def _goes_along(view: SessionView, i: int) -> bool:
    """The timed step at turn i is the client's too: they said it, or their reply neither
    pushes back nor merely goes along ("if you say so")."""
    if not view.practitioner[i]:
        return True
    at, reply = view.reply(i)
    norm = normalise(reply)
    return at is None or not (GRUDGING.search(norm) or PUSHBACK.search(norm))
