"""Layer 3: a continuous score (0..1) per skill from the judged acts and the exchange.

Each score is a logistic of a sum of named terms (``skill_terms``). Two kinds of input:
- the **judged acts** (``judged_terms``): per skill, balances of the acts for and against an
  item (a good agenda counts once, not once per mention), capped counts and rates per
  practitioner turn (so a longer session gains nothing from its length). Acts that count
  against weigh more than cue words could: one "well done" for a breach undoes more than one
  unexamined phrase adds. Their weights within the sum were set by reasoning about the
  practice each skill describes (the cognitive balance's from a small grid, 2.2);
- the **exchange** (``judgement.exchange``, 2.3): whether the client takes up what the
  practitioner says, whether the client's words come back in the practitioner's turns, and
  who does the talking; shares that read no cue words, so they hold for any writer's wording.
How much each input weighs (three weights and a bias per skill) is fitted, sign-constrained,
on the probation development set by ``bench/fit_skill_weights.py`` and read from
``models/skill-weights.json``; leave-one-writer-out figures in docs/scoring.md.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from .judgement import AGAINST, SUPPORTS, SessionView, closes_down, elaborates
from .judgement.exchange import exchange_rates
from .judgement.occasions import read_by_meaning
from .judgement.promises import UNDONE
from .judgement.prosocial import GOING_ALONG
from .judgement.structuring import ENDING

WEIGHTS_PATH = Path(__file__).resolve().parent / "models" / "skill-weights.json"
# The exchange measures each skill's score reads besides its judged acts: for cognitive
# techniques, who does the talking (and so the thinking) rather than whose words come back.
EXCHANGE_INPUTS = {
    # (2.6) none for structuring: a client who follows and takes up measures a warm session,
    # and across sessions they ranked warm drifting sessions above brisk organised ones
    # (bench/skill_inputs_auc.py); the moves read by meaning judge the structure itself
    "structuring": (),
    "relationship_building": ("client_follows", "words_taken_up"),
    # (2.5) none for prosocial modelling: a client who talks more and takes up more measures a
    # warm session, and a warm session that colludes is poor prosocial modelling
    "prosocial_modelling": (),
    "cognitive_techniques": ("client_follows", "client_share"),
}
# An exchange rate counts at most this many spreads from the set's mean: in a short or odd
# session one rate far out (no reply taken up in four turns) must not decide the score alone.
EXCHANGE_CLIP = 2.5
STRUCTURING_ELEMENTS = ("A1", "A2", "A3", "A8", "A9")  # expected in every supervision session
ITEM_WEIGHT = 1.2
COGNITIVE_ITEMS = ("D1", "D3", "D4", "D5", "D6", "D7")  # judged in scoring.judgement.cognitive
COGNITIVE_WEIGHT = 2.0
GOING_ALONG_TERM = 0.5  # per agreement left there, against prosocial modelling
# (2.5) the exchanges read by meaning (``judgement.occasions``), as a balance; chosen by
# cross-validation by set with the stance models held out (docs/scoring.md)
OCCASIONS_WEIGHT = 3.0
# (2.6) what the client shared and the replies, read by meaning (``judgement.disclosures``),
# as a balance; and the structuring moves read by meaning (``judgement.structuring_moves``),
# each move counted once at its best; chosen as above (docs/scoring.md)
DISCLOSURES_WEIGHT = 3.0
MOVES_WEIGHT = 2.0
EMPTY_MOVE_SHARE = 0.5  # an empty move counts against at this share of a real one's worth
# (2.10) chosen on the development sets' judged sums where the gain levels off (mixed sessions
# 0.920 without, 0.929 at 0.5, 0.934 at 1, 0.936 at 1.5, 0.937 at 2 and 3; twins unchanged);
# (2.11) with the client's reminders too, 2 (prosocial across 240 mixed sessions, each set held
# out with its reading models: 0.925 at 1, 0.932 at 1.5, 0.935 at 2, 0.936 at 3)
UNDONE_PROMISE_WEIGHT = 2.0
# (2.13) the practitioner's own example read by meaning (``judgement.example``): praise and
# conduct, as a balance; chosen as above (docs/scoring.md)
EXAMPLE_WEIGHT = 2.0


def _capped(acts, item: str, polarity: str, cap: float = 2.0, prefix: str = "") -> float:
    total = sum(
        a.weight
        for a in acts
        if a.item == item and a.polarity == polarity and a.rule.startswith(prefix)
    )
    return min(cap, total)


def _balance(acts, *items: str, prior: float = 0.0) -> float:
    """-1..1: how the session's judged acts on the items came out, as a balance of the weight
    for against the weight against, never a count: one check-in taken up scores as three do,
    a mixed record scores between, a single weak act ("asked") counts for its weight, and an
    item the session gave no occasion for scores 0."""
    shown = sum(a.weight for a in acts if a.item in items and a.polarity == SUPPORTS)
    against = sum(a.weight for a in acts if a.item in items and a.polarity == "counts_against")
    return (shown - against) / max(1.0, shown + against + prior)


def moves_read(acts) -> float:
    """The structuring moves read by meaning: per move (check-in, review, agenda, steer,
    summary, next steps) its best reading as done, less a share of its best reading as only
    words. A session that summarises well twice shows no more summarising than one that does
    it once; one that never summarises shows none, however often it says "to sum up"."""
    best: dict[tuple[str, str], float] = {}
    for a in acts:
        if read_by_meaning(a) and a.item in STRUCTURING_ELEMENTS:
            key = (a.rule.split()[0], a.polarity)
            best[key] = max(best.get(key, 0.0), a.weight)
    done = sum(v for (_, polarity), v in best.items() if polarity == SUPPORTS)
    words = sum(v for (_, polarity), v in best.items() if polarity != SUPPORTS)
    return done - EMPTY_MOVE_SHARE * words


def _built_on(acts) -> float:
    """Client answers the practitioner went on to explore with a question or reflection, each
    weighed as its act is (an invitation read by meaning by how sure the reading is)."""
    return sum(
        a.weight
        for a in acts
        if a.item in COGNITIVE_ITEMS and a.polarity == SUPPORTS and "(answer built on)" in a.rule
    )


def _praise_value(act) -> float:
    """What one judged act of praise is worth to prosocial modelling."""
    if act.item == "C1":
        if act.polarity != SUPPORTS:
            return -1.5  # rewards a breach or offending
        specific = "says why" in act.rule or "plain words" in act.rule
        return 1.0 if specific else 0.6
    return 0.0 if act.polarity == SUPPORTS else -0.5  # warm but aimless; taken back


def praise_quality(acts) -> float:
    """The mean worth of the session's praise, one value per turn that praises (its worst
    when it rewards a breach, else its best); 0 when there is no praise."""
    by_turn: dict[int, list[float]] = {}
    for act in acts:
        # praise read by meaning is weighed as its own term (``example_read``)
        if act.item in ("C1", "B5") and not read_by_meaning(act):
            by_turn.setdefault(act.turn, []).append(_praise_value(act))
    values = [min(v) if min(v) < 0 else max(v) for v in by_turn.values()]
    return sum(values) / len(values) if values else 0.0


def _logistic(raw: float) -> float:
    return round(1.0 / (1.0 + math.exp(-raw)), 4)


def session_rates(view: SessionView, codes, utterances) -> dict[str, float]:
    """Rates the relationship score rests on; each a share, never a count.

    (2.15) The questions, reflections and replies are read over the turns the cognitive judge
    did not credit (``SessionView.cognitive_work``): a question about the client's thinking
    ("what went through your head?") is cognitive work, open and answered at length whatever
    the relationship, and counted there; counted here too, it ranked brisk technique-led
    sessions above warm plain ones (docs/scoring.md). A reflection after it still counts here
    unless its own turn was credited. When every turn was credited the shares fall back as
    in a session without questions or replies (0.5 open, the others 0). The rates per turn
    (lecturing, empty reflections, advice) still count every practitioner turn."""
    turns = [i for i, p in enumerate(view.practitioner) if p]
    n = max(1, len(turns))
    cognitive = {i for i in turns if view.cognitive_work(i)}
    own = [i for i in turns if i not in cognitive]
    units = [u for i in own for u in view.units.get(i, [])]
    questions = [u for u in units if u.code.behaviour == "question"]
    opened = [u for u in questions if u.code.question_subtype == "open"]
    replies = [view.reply(i)[1] for i in own]
    answered = [r for r in replies if r]
    genuine = sum(
        1
        for a in view.acts
        if a.item in ("B3", "B4") and a.polarity == SUPPORTS and a.turn not in cognitive
    )
    words = [len((u.text or "").split()) for u in utterances]
    mine = sum(w for w, p in zip(words, view.practitioner, strict=True) if p)
    return {
        "reflection_share": genuine / max(1, genuine + len(questions)),
        "open_share": len(opened) / len(questions) if questions else 0.5,
        "elaboration": sum(map(elaborates, answered)) / max(1, len(answered)),
        "closing_down": sum(map(closes_down, answered)) / max(1, len(answered)),
        "empty_reflections": _count(view, "B3", "counts_against") / n,
        "lecturing": _count(view, "B10", "counts_against") / n,
        "talk_share": mine / sum(words) if sum(words) else 0.5,
        "advice": sum(1 for c in codes if c.input_subtype == "advice") / n,
    }


def _count(view: SessionView, item: str, polarity: str, prefix: str = "") -> int:
    # the readings by meaning are weighed as their own terms, not as the cue rules' counts
    return sum(
        1
        for a in view.acts
        if a.item == item
        and a.polarity == polarity
        and a.rule.startswith(prefix)
        and not read_by_meaning(a)
    )


def judged_terms(view: SessionView, codes, utterances, items: dict) -> dict[str, dict[str, float]]:
    """Per skill, the named terms from the judged acts and session rates, in their own scale
    (``skill_terms`` weighs their sum against the exchange)."""
    acts = view.acts
    r = session_rates(view, codes, utterances)
    present = {key: bool(v.get("present")) for key, v in items.items()}
    ending = [a for a in acts if a.rule.startswith(ENDING)]
    answered = [a for a in acts if not a.rule.startswith(GOING_ALONG) and not read_by_meaning(a)]
    read = [a for a in acts if read_by_meaning(a)]
    body = [a for a in answered if not a.rule.startswith(ENDING)]
    structuring = {
        # each element judged once for the session, however often it came up: a long session
        # that asks "did you ring them?" five times shows review no more than one that asks once
        **{f"{it}_judged": ITEM_WEIGHT * _balance(body, it) for it in STRUCTURING_ELEMENTS},
        # (2.4) how the session closes, on its own: a next step pinned to a time with the
        # client, or an ending with no time for anything (``judge_ending``)
        "ending": ITEM_WEIGHT * _balance(ending, "A9"),
        # (2.3) the phrase detectors for role (A4) and conditions (A5) no longer add: left out
        # in the rotation they changed nothing or raised the held-out AUC (docs/scoring.md);
        # (2.9) nor goals (A7): its phrases came up more in sessions rated poor at structuring
        # (AUC 0.45 across the development sessions); the items still show on the card
        "lecturing": -3.0 * r["lecturing"],
        # (2.6) the moves read by meaning, in any words (``judgement.structuring_moves``);
        # no talk balance and no client going on: like the exchange rates, they measure the
        # relationship (docs/scoring.md), and A10 still shows on the card
        "moves_read": MOVES_WEIGHT * moves_read(acts),
    }
    relationship = {
        "reflection_share": 4.0 * r["reflection_share"],
        "open_share": 1.0 * r["open_share"],
        "elaboration": 2.0 * r["elaboration"],
        "closing_down": -2.0 * r["closing_down"],
        "empty_reflections": -6.0 * r["empty_reflections"],
        "lecturing": -6.0 * r["lecturing"],
        # (2.3) a count of affirmations no longer adds: it did not survive leave-one-writer-out
        # (docs/scoring.md); praise taken back still counts against
        "hedged_praise": -0.5 * _capped(acts, "B5", "counts_against", 2),
        "talk_share": -3.0 * max(0.0, r["talk_share"] - 0.5),
        # (2.6) what the client shared and what the replies did with it, read by meaning
        # (``judgement.disclosures``)
        "disclosures_read": DISCLOSURES_WEIGHT * _balance(read, "B1", "B6", "B10", prior=1.0),
    }
    prosocial = {
        # what the praise rewards, on average: a specific word for a prosocial act scores as
        # well once as five times, and "brilliant" said to anything dilutes it
        "praise_quality": 1.5 * praise_quality(acts),
        # what the practitioner did with the procriminal talk there was; none, no opportunity
        "procriminal_balance": 1.5 * _balance(answered, "C2", "C3", prior=1.0),
        # (2.4) collusion by friendliness: the client's account agreed with and left there,
        # in any words (``judge_going_along``); a habit, so counted up to three times
        "going_along": -GOING_ALONG_TERM * min(3, _count(view, "C3", AGAINST, GOING_ALONG)),
        # (2.5) every exchange the stance model reads as an occasion, by what the reply did
        # with it, in any words: the cue terms above see only the words they know
        "occasions_read": OCCASIONS_WEIGHT * _balance(read, "C2", "C3", prior=1.0),
        # (2.3) the own-commitments phrase detector (C5) no longer adds: it did not survive
        # leave-one-writer-out (docs/scoring.md); (2.10) an undertaking of the practitioner's
        # own admitted not done counts against, once (``judgement.promises``)
        "undone_promises": 0.0
        - UNDONE_PROMISE_WEIGHT * min(1, _count(view, "C5", AGAINST, UNDONE)),
        # (2.13) the practitioner's own example read by meaning, in any words: what their
        # praise rewards and how they keep their word and the rules (``judge_example``)
        "example_read": EXAMPLE_WEIGHT * _balance(read, "C1", "C4", prior=1.0),
        "services": 0.3 * present.get("C6", False),
        "lecturing": -4.0 * r["lecturing"],
        # (2.5) no advice rate and no client going on: they measure the relationship and the
        # cognitive work, and across sessions they ranked warm colluding sessions above brisk
        # challenging ones (bench/skill_inputs_auc.py; docs/scoring.md)
    }
    cognitive = {
        # what happened when the client's thinking, a problem or a rehearsal came up: explored
        # and built on, or answered for the client; a balance, so asking often gains nothing
        # (prior 2: one act explored is a start, not a session's cognitive work)
        "techniques_judged": COGNITIVE_WEIGHT * _balance(acts, *COGNITIVE_ITEMS, prior=2.0),
        # depth: answers built on with a further question or reflection, capped
        "built_on": 0.3 * min(3, _built_on(acts)),
        "advice": -3.0 * r["advice"],
        "lecturing": -2.0 * r["lecturing"],
    }
    return {
        "structuring": structuring,
        "relationship_building": relationship,
        "prosocial_modelling": prosocial,
        "cognitive_techniques": cognitive,
    }


def skill_inputs(view: SessionView, codes, utterances, items: dict) -> dict:
    """What the skill scores are made of before weighing: per skill its judged terms, and the
    session's exchange rates (``bench/fit_skill_weights.py`` fits the weights on these)."""
    return {
        "judged": judged_terms(view, codes, utterances, items),
        "exchange": exchange_rates(view),
    }


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> dict:
    """The fitted weights (``models/skill-weights.json``): per skill a bias and, per input,
    the mean and spread it is standardised with and its weight."""
    return json.loads(Path(path or WEIGHTS_PATH).read_text())


def weighted_terms(inputs: dict, weights: dict | None = None) -> dict[str, dict[str, float]]:
    """Per skill, the named terms whose sum the skill's score is the logistic of: the judged
    terms scaled by the judged acts' fitted weight, one term per exchange rate, and an offset
    (the bias and the centring). What a reviewer (or ``bench/probation_twins.py --failures``)
    reads to see why a score is what it is. An exchange rate the session cannot give (no
    client turn to take up) sits at its mean: it moves the score neither way."""
    weights = weights or load_weights()
    out = {}
    for skill, judged in inputs["judged"].items():
        spec = weights["skills"][skill]
        scale = spec["inputs"]["judged"]["weight"] / spec["inputs"]["judged"]["sd"]
        terms = {name: scale * value for name, value in judged.items()}
        offset = spec["bias"] - scale * spec["inputs"]["judged"]["mean"]
        for name in EXCHANGE_INPUTS[skill]:
            value, norm = inputs["exchange"].get(name), spec["inputs"][name]
            terms[name] = 0.0 if value is None else norm["weight"] * standardised(value, norm)
        terms["offset"] = offset
        out[skill] = terms
    return out


def standardised(value: float, norm: dict) -> float:
    """How many spreads from the fitted mean, clipped to ``EXCHANGE_CLIP``."""
    z = (value - norm["mean"]) / norm["sd"]
    return max(-EXCHANGE_CLIP, min(EXCHANGE_CLIP, z))


def skill_terms(view: SessionView, codes, utterances, items: dict) -> dict[str, dict[str, float]]:
    """Per skill, the weighted terms of this session (``weighted_terms``)."""
    return weighted_terms(skill_inputs(view, codes, utterances, items))


def skill_scores(view: SessionView, codes, utterances, items: dict) -> dict[str, float]:
    """Per skill, the logistic of the sum of its terms (``skill_terms``)."""
    return scores_of(skill_terms(view, codes, utterances, items))


def scores_of(terms: dict[str, dict[str, float]]) -> dict[str, float]:
    return {skill: _logistic(sum(parts.values())) for skill, parts in terms.items()}


def overall_score(scores: dict[str, float], quality: float) -> float:
    """The session as a whole: the skills' mean, with MI quality (itself from rates) beside it."""
    mean = sum(scores.values()) / max(1, len(scores))
    return round(0.75 * mean + 0.25 * (1.0 / (1.0 + math.exp(-quality))), 4)
