"""The session as the judges read it, judged acts, and the tests of talk they share."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import lexicon as lx
from ..similarity import related, shared_stems, uses_encoder, word_count
from ..text import normalise
from ..units import Unit
from .cues import CLOSERS, DISMISSIVE, JUDGING, PRAISE, PROSOCIAL, PUSHBACK, SORRY, TOPIC_SHIFT

SUPPORTS, AGAINST = "supports", "counts_against"
RECENT_CLIENT_TURNS = 2  # what a reflection may restate: the client's last two turns
RESTATES = 0.2  # lexical share of the reflection's content found in the client's recent turns
TAKES_UP = 0.15  # share of the client's answer the practitioner's follow-up picks up
ELABORATES_WORDS = 8  # a client reply this long, not a closer, is elaboration
SUBSTANTIVE_WORDS = 5  # a client answer at least this long says something
LECTURE_WORDS = 60  # a practitioner turn this long with no question and mostly telling
PRAISE_OBJECT_WORDS = 25  # the end of the client's turn that praise right after it answers
TOPIC_MENTIONS = 2  # later turns that must come back to an agenda topic for it to be covered
TELLING_SHARE = 0.6  # a turn this much telling, with no question or reflection, tells

# an invitation to think that no cue found, read by meaning (``judgement.cognitive``): judged
# by what followed like any other, so it is not a reading weighed as its own term
READ_INVITATION = "(invitation read by meaning)"


@dataclass
class Act:
    """One judged act: the item it bears on and whether it supports it or counts against."""

    item: str
    turn: int
    polarity: str
    rule: str
    confidence: float
    reason: str = ""
    weight: float = 1.0


@dataclass
class SessionView:
    """The session as the judgements read it: turns, who spoke, units of practitioner turns."""

    texts: list[str]
    practitioner: list[bool]
    units: dict[int, list[Unit]]
    acts: list[Act] = field(default_factory=list)
    # the exchanges the stance model read (``scoring.stance.Exchange``); none when it did not run
    exchanges: list = field(default_factory=list)
    # client turns whose procriminal or breach talk the cue rules decided, with an act or on
    # purpose without one (explored, answered, come back to): not for another reading
    decided: set[int] = field(default_factory=set)
    # what the client shared and the replies, as the rapport model read them
    # (``scoring.rapport``), and the practitioner's structuring moves as the moves model read
    # them (``scoring.moves``); none when they did not run
    disclosures: list = field(default_factory=list)
    moves: list = field(default_factory=list)
    # practitioner turns as the invitations model read them (``scoring.invitations``)
    invitations: list = field(default_factory=list)
    # practitioner turns as the example model read them (``scoring.example``): praise and
    # conduct
    examples: list = field(default_factory=list)

    def client_before(self, i: int, turns: int = RECENT_CLIENT_TURNS) -> list[str]:
        found = []
        for j in range(i - 1, -1, -1):
            if not self.practitioner[j]:
                found.append(self.texts[j])
                if len(found) == turns:
                    break
        return found

    def reply(self, i: int) -> tuple[int | None, str]:
        """The client's turn right after turn i (None when the practitioner speaks on)."""
        j = i + 1
        if j < len(self.texts) and not self.practitioner[j]:
            return j, self.texts[j]
        return None, ""

    def next_practitioner(self, i: int) -> int | None:
        for j in range(i + 1, len(self.texts)):
            if self.practitioner[j]:
                return j
        return None

    def add(self, item, turn, polarity, rule, confidence, reason="", weight=1.0) -> None:
        self.acts.append(Act(item, turn, polarity, rule, round(confidence, 2), reason, weight))

    def reply_reading(self, turn: int) -> dict[str, float] | None:
        """What the rapport model read the practitioner's turn ``turn`` as doing with the client
        turn before it (``scoring.rapport.RESPONSES``' probabilities), or None where it read no
        exchange there (the client turn too short to carry an account, or no model)."""
        for exchange in self.disclosures:
            if exchange.reply == turn and exchange.turn == turn - 1:
                return exchange.response
        return None

    def cognitive_work(self, turn: int) -> bool:
        """The cognitive judge credited the turn (a question about the client's thinking,
        explored): cognitive work, counted there and not again as relationship's exploring
        (2.7, ``judge_disclosures``) or its shares of questions and replies (2.15,
        ``skill_scores.session_rates``). A walk-through (D4, 2.18) is left out: its act sits on
        the run's first question only, and whether a run's questions should leave
        relationship's shares, as an explored thinking question does, was not measured."""
        return self.credited(turn, ("D1", "D2", "D3", "D5", "D6", "D7", "D8"))

    def credited(self, turn: int, items) -> bool:
        """An act already judged at ``turn`` counts for one of ``items``: item codes ("B3"),
        or a skill's letter ("D") for any of its items."""
        return any(
            a.turn == turn and (a.item in items or a.item[:1] in items) and a.polarity == SUPPORTS
            for a in self.acts
        )


def elaborates(reply: str) -> bool:
    norm = normalise(reply)
    if not norm or PUSHBACK.search(norm):
        return False
    return word_count(norm) >= ELABORATES_WORDS or (
        word_count(norm) >= SUBSTANTIVE_WORDS and not CLOSERS.search(norm)
    )


def closes_down(reply: str) -> bool:
    norm = normalise(reply)
    if not norm:
        return False
    return bool(PUSHBACK.search(norm)) or (word_count(norm) <= 3 and bool(CLOSERS.search(norm)))


def judges(text: str) -> bool:
    norm = normalise(text)
    return bool(JUDGING.search(norm) or lx.CONFRONTATION.search(norm))


def telling(unit: Unit) -> bool:
    """A unit that tells rather than asks or reflects: advice, judgement, information."""
    return unit.code.behaviour == "therapist_input" or judges(unit.text)


def brushes_off(text: str) -> bool:
    """The turn judges what the client said or dismisses it."""
    return bool(judges(text) or DISMISSIVE.search(normalise(text)))


def takes_up(follow: str, answer: str, follow_units: list[Unit] = ()) -> bool:
    """The practitioner's follow-up picks up what the client answered and does not brush it
    off: it shares content with the answer, or opens by reflecting, empathising, affirming or
    asking openly about it, without judging."""
    norm = normalise(follow)
    # words in common are not enough: a verdict or a piece of telling about the answer
    # answers it for the client instead of taking it up
    if not follow or brushes_off(follow) or TOPIC_SHIFT.search(norm):
        return False
    if mostly_telling(follow_units):
        return False
    shared = shared_stems(follow, answer)
    if len(shared) >= 2 or (related(answer, follow, TAKES_UP) and (shared or uses_encoder())):
        return True
    first = follow_units[0] if follow_units else None
    if first is None or judges(follow):
        return False
    code = first.code
    return (
        code.behaviour == "reflection"
        or code.question_subtype == "open"
        or bool({"empathy", "affirmation"} & set(code.tags))
        or bool(PRAISE.search(normalise(first.text)) or SORRY.search(normalise(first.text)))
    )


def mostly_telling(units: list[Unit]) -> bool:
    """A turn that tells (information, advice, judgement) in most of its words and neither
    asks nor reflects: it hands the client a conclusion rather than their turn."""
    words = sum(word_count(u.text) for u in units)
    told = sum(word_count(u.text) for u in units if telling(u))
    engages = any(u.code.behaviour in ("question", "reflection") for u in units)
    return words > 0 and told >= TELLING_SHARE * words and not engages


def _rest_is_lecture(units: list[Unit], k: int) -> bool:
    """The units after unit k tell more than the reflection said (a lecture after the cue)."""
    rest = units[k + 1 :]
    told = sum(word_count(u.text) for u in rest if telling(u))
    return told >= max(12, 1.5 * word_count(units[k].text))


def lx_prosocial(text: str) -> bool:
    return bool(PROSOCIAL.search(normalise(text)))


def follow_asks(view: SessionView, j: int) -> bool:
    return any(u.code.behaviour == "question" for u in view.units.get(j, []))


def _follow_up_of(view: SessionView, i: int) -> tuple[str, str, int | None]:
    """(client answer, practitioner follow-up, follow-up turn) after practitioner turn i."""
    at, answer = view.reply(i)
    if at is None:
        return "", "", None
    j = view.next_practitioner(at)
    if j is None or j != at + 1:
        return answer, "", None
    return answer, view.texts[j], j
