"""Cognitive techniques judged by what happened, not by the words that invite them.

Three techniques, each judged from the turns around the invitation:
- the client's own thinking (D1): asked about, answered by the client, and then explored (the
  practitioner's next turn asks or reflects on the answer) rather than answered for them (the
  next turn tells the client what the answer means, what to think or what will happen);
- problem solving (D6): the options and their consequences come from the client, and the
  practitioner works with them, rather than handing out the solution;
- rehearsal (D7): "let's practise" followed by the client actually saying it, in their own
  words, rather than an invitation that no practice follows.
Labelling the client's thinking for them ("that's your thinking error") counts against D3.
A walk-through of an incident (D4) is a run of short questions, each answered by the client,
that the invitations model reads as asking what happened next or what went on inside
(``judge_walk_through``): "and then?", "what stopped you?", "and in your body?".
Every act weighs for or against, so the skill score can be a balance per session.

An invitation is found by its words (the D items' cues) or, in a turn with none of them, by
its meaning: the invitations model (``scoring.invitations``; the session passes its reading in
as ``view.invitations``) reads "what about next time he turns up?" as asking for a plan. Either
way, what follows is judged the same; an invitation read by meaning weighs by how sure the
reading is.
"""

from __future__ import annotations

from ..similarity import content_stems, related, word_count
from ..text import normalise
from ..units import Unit
from .context import (
    AGAINST,
    READ_INVITATION,
    RESTATES,
    SUPPORTS,
    SessionView,
    _follow_up_of,
    _rest_is_lecture,
    closes_down,
    elaborates,
    judges,
    takes_up,
)
from .cues import COGNITIVE_Q, LABELLING, PRAISE, PUSHBACK

OVERRIDE_WORDS = 8  # the practitioner's own content this long after the answer replaces it
OVERRIDE_SHARE = 0.5  # ... when it is at least this share of what the follow-up states
REHEARSAL_WORDS = 8  # a client turn this long can be a rehearsal
REHEARSAL_NOVEL = 0.5  # share of its content words the client brings (not the practitioner's)
REHEARSAL_CLIENT_TURNS = 2  # how many client turns after the invitation the practice may start
INVITATION_P = 0.5  # a turn the invitations model reads as inviting at this probability
# the item an invitation read by meaning bears on, by its kind, else D1 (D5, consequential
# thinking and another's view, is judged only so; a cue-found one is D1, D6 or D7)
KIND_ITEMS = {
    "consequences": "D5",
    "other_view": "D5",
    "options": "D6",
    "plan": "D6",
    "rehearsal": "D7",
}
# the kinds judged when found by meaning: the techniques. Questions about what the client
# thought or what happened, found only by meaning, are open questions any exploring session
# asks; counted here, the cognitive score followed relationship building and fell across the
# mixed-profile sessions (docs/scoring.md, scorer 2.8); their cue forms are judged above
JUDGED_KINDS = ("consequences", "other_view", "options", "plan", "rehearsal")
# (2.18) A walk-through (D4): at least WALK_STEPS practitioner turns in a row, each of at most
# WALK_WORDS words, each read as asking about the client's thinking or the sequence of events
# (WALK_KINDS, summed) at WALK_P or more, each answered by a client turn of WALK_ANSWER words.
# A single such question is the open question any exploring session asks (above); a run of them
# moving one account on is the technique. Chosen by a screen of the 610 labelled sessions
# (docs/scoring.md, scorer 2.18): a run is found in 167 of 282 sessions rated good at cognitive
# techniques and 7 of 328 rated poor, as often where relationship building was poor as good.
# The reading, not the turn's code, says it asks: "and then?" is too short for the rules.
WALK_KINDS = ("thinking", "sequence")
WALK_STEPS = 3
WALK_WORDS = 20
WALK_ANSWER = 4
WALK_P = 0.5


def asks_about_thinking(norm: str) -> bool:
    """A unit that invites the client's own thinking: the general pattern or a D item's cue."""
    from ..evidence import COGNITIVE_CUES  # the D items' cues live with their detectors

    return bool(COGNITIVE_Q.search(norm)) or any(p.search(norm) for p in COGNITIVE_CUES)


def technique_of(norm: str) -> str:
    """The item an invitation bears on: rehearsal (D7), problem solving (D6), else thinking."""
    from ..evidence import PRACTICE, PROBLEM_SOLVING

    if PRACTICE.search(norm):
        return "D7"
    if PROBLEM_SOLVING.search(norm):
        return "D6"
    return "D1"


def gives_back(view: SessionView, j: int, units: list[Unit]) -> bool:
    """The follow-up hands the thinking back to the client: an open question, or a
    reflection the relationship judge found genuine (it restates the client, without a
    verdict). A unit merely coded as a reflection is not enough: "you'd lose your flat"
    after "I'd lose my job" adds the practitioner's conclusion."""
    return view.credited(j, ("B3", "B4")) or any(u.code.question_subtype == "open" for u in units)


def own_content(unit: Unit, client_said: list[str]) -> bool:
    """A unit that says the practitioner's own thing rather than the client's: a statement
    (however coded: "you did not have to hit back" is coded like a reflection) that restates
    none of the client's recent turns and is neither empathy nor an affirmation. Information
    that restates the client's answer ("asking for the manager keeps you in the right") is the
    client's thinking taken up, not replaced."""
    if unit.code.behaviour == "question" or {"empathy", "affirmation"} & set(unit.code.tags):
        return False
    if judges(unit.text):
        return True
    return not any(related(unit.text, said, RESTATES) for said in client_said)


def affirms(view: SessionView, j: int, units: list[Unit]) -> bool:
    """The follow-up affirms what the client answered or did (the prosocial and relationship
    judges found praise or an affirmation in it, or it opens with one)."""
    if view.credited(j, ("B5", "C1")):
        return True
    first = units[0] if units else None
    return first is not None and (
        "affirmation" in first.code.tags or bool(PRAISE.search(normalise(first.text)))
    )


def overrides(view: SessionView, j: int, units: list[Unit]) -> bool:
    """A follow-up that labels the client's thinking, or that answers the client's answer for
    them. Where the rapport model read the follow-up (``SessionView.reply_reading``), its
    reading decides: the follow-up dismisses (tells, corrects, lectures, judges, talks over)
    more likely than it takes the answer up (attunes or explores). Counted by words instead
    (``overrides_by_words``), the rule fired about as often in sessions rated good at the skill
    as in poor ones, since a reflection of meaning, a summary of the client's own chain or a
    reframe that hands the choice back says much the practitioner's own way; read by the
    model it fires several times as often in the poor (docs/scoring.md, scorer 2.17). Passing
    over is left out: moving on to the next step of a chain is how a walk-through goes on."""
    if any(LABELLING.search(normalise(u.text)) for u in units):
        return True
    reading = view.reply_reading(j)
    if reading is not None:
        taken_up = reading.get("attunes", 0.0) + reading.get("explores", 0.0)
        return reading.get("dismisses", 0.0) > taken_up
    return overrides_by_words(view, j, units)


def overrides_by_words(view: SessionView, j: int, units: list[Unit]) -> bool:
    """Where no reading of the follow-up is at hand (a client answer under five words, or the
    reading models off): the follow-up's own content (``own_content``) is at least half of
    what it states besides questions, and it asks nothing open."""
    if affirms(view, j, units):
        return False  # the client's own answer endorsed, not replaced
    if any(u.code.question_subtype == "open" for u in units):
        return False  # the thinking is handed back to the client
    said = sum(word_count(u.text) for u in units if u.code.behaviour != "question")
    client_said = view.client_before(j)
    told = sum(word_count(u.text) for u in units if own_content(u, client_said))
    # a short comment is not a lecture when it also asks or reflects, or when the client goes
    # on with it (the client's next turn is the evidence, as for reflections in MITI); a long
    # one is, even after a reflection: "you'd lose your job" restates the client, and the list
    # of what else they would lose that follows is the practitioner's
    short = told < 2 * OVERRIDE_WORDS
    engages = any(u.code.behaviour in ("question", "reflection") for u in units)
    if short and (engages or gives_back(view, j, units) or elaborates(view.reply(j)[1])):
        return False
    return told >= OVERRIDE_WORDS and told >= OVERRIDE_SHARE * said


def rehearsed(view: SessionView, i: int) -> int | None:
    """After an invitation to practise at turn i, the client turn that plays it through in the
    client's own words: of some length, not pushing back, most of its content words not the
    practitioner's (repeating a line dictated to them is not rehearsing); None when none does."""
    prompt = content_stems(view.texts[i])
    seen = 0
    for j in range(i + 1, len(view.texts)):
        if view.practitioner[j]:
            continue
        seen += 1
        text = view.texts[j]
        mine = content_stems(text)
        if (
            word_count(text) >= REHEARSAL_WORDS
            and not PUSHBACK.search(normalise(text))
            and mine
            and len(mine - prompt) >= REHEARSAL_NOVEL * len(mine)
        ):
            return j
        if seen >= REHEARSAL_CLIENT_TURNS:
            return None
    return None


def judge_cognitive(view: SessionView) -> None:
    """D items: the client's own thinking explored and answered, not labelled for them."""
    read = {invitation.turn: invited(invitation) for invitation in view.invitations}
    played: set[int] = set()  # client turns already credited as a rehearsal
    for i, units in view.units.items():
        for k, unit in enumerate(units):
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
            _judge_invitation(view, i, units, k, technique_of(norm), played=played)
            break
        else:
            kind, p = read.get(i, ("", 0.0))
            if p >= INVITATION_P and units and not any(judges(u.text) for u in units):
                item = KIND_ITEMS.get(kind, "D1")  # thinking and sequence ask about thinking
                _judge_invitation(view, i, units, _asked_at(units), item, p, played)


def invited(invitation) -> tuple[str, float]:
    """The kind of technique a turn read by meaning invites (of ``JUDGED_KINDS``) and the
    probability that it invites one."""
    if not JUDGED_KINDS:
        return "", 0.0
    kind = max(JUDGED_KINDS, key=lambda k: invitation.kind.get(k, 0.0))
    return kind, sum(invitation.kind.get(k, 0.0) for k in JUDGED_KINDS)


def _asked_at(units: list[Unit]) -> int:
    """The unit that asks: the turn's first question, else its last unit. The first, so that
    what the practitioner tells after asking is seen: a lecture that ends "does that make
    sense?" asked and answered its question itself."""
    asks = [k for k, u in enumerate(units) if u.code.behaviour == "question"]
    return asks[0] if asks else len(units) - 1


def _judge_invitation(
    view: SessionView,
    i: int,
    units: list[Unit],
    k: int,
    item: str,
    read: float | None = None,
    played: set[int] | None = None,
) -> None:
    """What followed the invitation at unit k of turn i; ``read``: the invitations model's
    probability, when it is by meaning that the turn was found to invite; ``played``: the
    client turns already credited as a rehearsal (one rehearsal counts once, however many
    invitations came before it)."""
    if read is not None and all(view.practitioner[i + 1 :]):
        return  # nothing follows to judge: a recording that ends on the question

    def add(polarity, rule, confidence, reason, weight=1.0):
        if read is not None:
            rule, confidence, weight = f"{rule} {READ_INVITATION}", confidence * read, weight * read
        view.add(item, i, polarity, rule, confidence, reason, weight=weight)

    if _rest_is_lecture(units, k):
        # the question is asked and then answered in the same breath
        add(AGAINST, "D:answered_own_question", 0.5, "asks, then answers it")
        return
    if item == "D7":
        played = set() if played is None else played
        turn = rehearsed(view, i)
        if turn is None:
            add(AGAINST, "D:practice_not_done", 0.5, "no practice follows")
        elif turn not in played:
            played.add(turn)
            add(SUPPORTS, "D:rehearsal_played_through", 0.65, "the client says it")
        return
    answer, follow, j = _follow_up_of(view, i)
    # a short answer to a question about thinking can be a full one ("Recall.")
    if word_count(answer) < 2 or closes_down(answer):
        add(
            AGAINST,
            "D:cognitive_question_not_answered",
            0.4,
            "the client does not take it up",
            weight=0.3,
        )
        return
    follow_units = view.units.get(j, []) if j is not None else []
    if follow_units and overrides(view, j, follow_units):
        add(
            AGAINST,
            "D:answer_overridden" if item == "D1" else "D:solution_handed_out",
            0.55,
            "the client answers; the practitioner then tells them the answer",
        )
        return
    # built on: another question, or a genuine reflection, about what the client answered
    asks = any(u.code.behaviour == "question" for u in follow_units)
    built = (
        (asks or gives_back(view, j, follow_units))
        and not any(judges(u.text) for u in follow_units)
        and takes_up(follow, answer, follow_units)
    )
    add(
        SUPPORTS,
        "D:client_thinking_explored" + (" (answer built on)" if built else ""),
        0.7 if built else 0.5,
        "asks about the client's thinking; the client answers",
        weight=1.0 if built else 0.5,
    )


def judge_walk_through(view: SessionView) -> None:
    """D4: each run of short questions that walks through what happened, step by step, in the
    client's words (see ``WALK_STEPS``), one act at the run's first question. A step is a
    stretch of practitioner turns and the client turns that answer it: a line the speaker
    separation cut in two is one step, not a break in the run."""
    read = {
        invitation.turn: sum(invitation.kind.get(k, 0.0) for k in WALK_KINDS)
        for invitation in view.invitations
    }
    run: list[int] = []  # the first turn of each step
    for asked, answer in _steps(view):
        if (
            read.get(asked[-1], 0.0) >= WALK_P  # the question closes the practitioner's turn
            and sum(word_count(view.texts[t]) for t in asked) <= WALK_WORDS
            and sum(word_count(view.texts[t]) for t in answer) >= WALK_ANSWER
        ):
            run.append(asked[0])
        else:
            _walked(view, run)
            run = []
    _walked(view, run)


def _steps(view: SessionView) -> list[tuple[list[int], list[int]]]:
    """Each stretch of practitioner turns, with the client turns after it up to the next
    practitioner turn (none at the end of a recording)."""
    steps, i, n = [], 0, len(view.texts)
    while i < n:
        if not view.practitioner[i]:
            i += 1
            continue
        asked, answer = [], []
        while i < n and view.practitioner[i]:
            asked.append(i)
            i += 1
        while i < n and not view.practitioner[i]:
            answer.append(i)
            i += 1
        steps.append((asked, answer))
    return steps


def _walked(view: SessionView, run: list[int]) -> None:
    if len(run) >= WALK_STEPS:
        view.add(
            "D4",
            run[0],
            SUPPORTS,
            f"D:incident_walked_through {READ_INVITATION}",
            0.6,
            f"{len(run)} questions in a row take the client through what happened, each answered",
        )
