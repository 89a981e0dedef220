"""Tried and not shipped (2026-11-26): prosocial occasions, the client's excuses,
minimising, victim-blaming and procriminal talk, and reminders of the practitioner's own
promises, found by meaning; the practitioner's next turn judged as the response.

The occasion is found by the sentence embedder (``scoring.encoder.embed``, the pretrained
MiniLM vectors) against short DESCRIPTIONS of each kind of talk, written from the checklist
(C2-C4) in our own words, never from a transcript; without the embedder the procriminal and
breach cue patterns stand in. The response is judged by what it does, not its words:
- *answered*: the reply asks about what the client said or sets out another view (a question
  or reflection sharing the client's content, or a challenge) and does not open by agreeing;
- *let pass*: the reply agrees, laughs along, or asks about something else and leaves it.
A promise reminder is answered by owning it (an apology, or the promise made good with a
time) or shrugged off ("did I?", "I'll try").

Not part of the scorer: held out it did not raise prosocial modelling's AUC beyond noise
(docs/scoring.md, "Prosocial occasions found by meaning"). Run as a bench, it adds the judge
after ``judge_going_along`` and an ``occasions`` prosocial term (1.5 x the balance of its acts,
prior 1; its acts leave the procriminal balance) and runs ``bench/fit_skill_weights.py`` with
the same arguments (never ``--write``):

    python bench/prosocial_occasions.py [fit_skill_weights arguments]
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from scoring.judgement.context import AGAINST, SUPPORTS, SessionView, judges  # noqa: E402
from scoring.judgement.cues import (  # noqa: E402
    AGREES,
    BREACH,
    CHALLENGE,
    COLLUSION,
    LAUGHS,
    PRAISE,
    PROCRIMINAL,
    TOPIC_SHIFT,
)
from scoring.similarity import shared_stems, word_count  # noqa: E402
from scoring.text import normalise  # noqa: E402

OCCASION = "C3:occasion"  # rule prefix of every act this module adds
# What the kinds of talk are, described (not quoted): the embedder compares a client turn's
# sentences with each description.
DESCRIPTIONS = {
    "excuse": (
        "It was not my fault, I only did it because of what they did to me.",
        "I had no choice, anyone in my position would have done exactly the same thing.",
        "I was drunk so it does not really count, I was not myself that night.",
    ),
    "minimising": (
        "It was no big deal, nobody really got hurt, it was only a small thing.",
        "It was only a bit of cannabis, everybody does that, it is not really a crime.",
        "Missing one appointment is nothing, I do not see why everyone is making a fuss.",
    ),
    "victim_blaming": (
        "He was asking for it, he deserved what he got after what he said.",
        "She wound me up on purpose, she knew what would happen, it is her own fault.",
        "The shop is insured, they can afford it, nobody loses out when you take from them.",
    ),
    "procriminal": (
        "The police are the real criminals, they pick on people like us round here.",
        "You have to fight to get respect, if someone disrespects you, you sort them out.",
        "Grassing is the worst thing you can do, you never tell the police anything.",
        "I will just do it again and make sure I do not get caught next time.",
    ),
}
PROMISE_REMINDER = (
    "You said last time you would do something for me, and you have not done it.",
    "You promised you would ring them for me, did you do it?",
    "Have you sent that letter you said you would write?",
)
OCCASION_COSINE = 0.5  # a client sentence this close to a description is that kind of talk
PROMISE_COSINE = 0.5
# a reminder of a promise speaks to the practitioner about what they said they would do
ADDRESSED = re.compile(r"\byou(?:'d|'ll)?\b")
WINDOW = 14
ABOUT_COSINE = 0.3  # a question this close to the client's turn asks about it
MIN_WORDS = 4  # shorter sentences ("no", "yeah whatever") carry no account to judge
SIDES = re.compile(r"^(?:i know|same|me too|i get (?:that|it)|course|of course|tell me about it)\b")
APOLOGY = re.compile(r"\b(?:sorry|apologies|apologise|my fault|my mistake|i let you down)\b")
SHRUGS = re.compile(
    r"\b(?:did i|i'll try|i will try|haven't had (?:a )?chance|not had (?:a )?chance|"
    r"anyway|i'll see|i will see|when i get (?:a )?(?:chance|minute)|another time|"
    r"not my (?:job|problem)|forgot)\b"
)
OWNS = re.compile(
    r"\b(?:i've (?:done|sent|rung|called|written|spoken)|i have (?:done|sent|rung|called|"
    r"written|spoken)|as (?:i|we) (?:said|agreed|promised)|here it is|i've got it here|"
    r"(?:today|tomorrow|by (?:monday|tuesday|wednesday|thursday|friday)|this afternoon|"
    r"before you leave|after this))\b"
)


@lru_cache(maxsize=1)
def _description_vectors():
    """The descriptions' vectors, or None without the embedder."""
    from scoring import encoder

    try:
        if not encoder.embedder_available():  # the embedder alone, not the codes model
            return None
        kinds = [(kind, d) for kind, ds in DESCRIPTIONS.items() for d in ds]
        kinds += [("promise", d) for d in PROMISE_REMINDER]
        return [k for k, _ in kinds], encoder.embed([d for _, d in kinds])
    except Exception:  # an embedder that cannot run must never stop scoring
        return None


def _sentences(text: str) -> list[str]:
    """The text's sentences; unpunctuated speech-recognition text in overlapping windows of
    WINDOW words (one long run of words would blur every kind of talk into the average)."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text or "") if p.strip()]
    out = []
    for part in parts:
        words = part.split()
        if len(words) <= WINDOW:
            out.append(part)
        else:
            step = WINDOW // 2
            out += [" ".join(words[k : k + WINDOW]) for k in range(0, len(words) - step, step)]
    return [p for p in out if word_count(p) >= MIN_WORDS]


def kinds_of_talk(texts: list[str]) -> list[set[str]]:
    """Per text, the kinds of talk (DESCRIPTIONS' keys, or "promise") any sentence of it is
    close to; by the cue patterns when the embedder is not there."""
    found = [set() for _ in texts]
    described = _description_vectors()
    if described is None:
        for k, text in enumerate(texts):
            norm = normalise(text)
            if PROCRIMINAL.search(norm) or BREACH.search(norm):
                found[k].add("procriminal")
        return found
    from scoring import encoder

    labels, vectors = described
    owners, sentences = [], []
    for k, text in enumerate(texts):
        for s in _sentences(text):
            owners.append(k)
            sentences.append(s)
    if not sentences:
        return found
    cos = encoder.embed(sentences) @ vectors.T
    for row, k in enumerate(owners):
        for col, label in enumerate(labels):
            limit = PROMISE_COSINE if label == "promise" else OCCASION_COSINE
            if label == "promise" and not ADDRESSED.search(normalise(sentences[row])):
                continue
            if cos[row, col] >= limit:
                found[k].add(label)
    return found


def judge_occasions(view: SessionView) -> None:
    """C2/C3 and C4 from the client's turn as the occasion and the practitioner's next turn as
    the response; client turns the procriminal judge already answered are not judged again."""
    judged = {a.turn for a in view.acts if a.item in ("C2", "C3")}
    clients = [i for i, p in enumerate(view.practitioner) if not p]
    kinds = dict(zip(clients, kinds_of_talk([view.texts[i] for i in clients]), strict=True))
    for i, found in kinds.items():
        j = view.next_practitioner(i)
        if not found or j is None or j != i + 1:
            continue
        if "promise" in found:
            _promise(view, i, j)
        if found - {"promise"} and not {i, j} & judged:
            _account(view, i, j)


def _about(text: str, client: str) -> bool:
    """The practitioner's words are about the client's turn: shared content words, or (with
    the embedder) sentence vectors closer than ABOUT_COSINE."""
    if shared_stems(text, client):
        return True
    if _description_vectors() is None:
        return False
    from scoring import encoder

    first, second = encoder.embed([text, client])
    return float(first @ second) >= ABOUT_COSINE


def _account(view: SessionView, i: int, j: int) -> None:
    """The practitioner's reply to an account: taken up (a question or reflection that stays
    with it, or another view) counts for C2; agreed with, laughed along with, or left for
    another subject counts against (C3); a reply that does neither is not judged."""
    reply = normalise(view.texts[j])
    units = view.units.get(j, [])
    opening = normalise(units[0].text) if units else reply
    # agreeing, laughing along, siding with ("I know, same where I live") or praising the
    # account itself ("good on you"): the reply goes along with it, whatever follows
    agrees = (
        AGREES.search(reply)
        or LAUGHS.search(reply)
        or COLLUSION.search(reply)
        or SIDES.search(reply)
        or PRAISE.search(opening)
    )
    stays = [
        u
        for u in units
        # a question about it: a reflection may only give the excuse back ("so you had no
        # choice"), which takes it up but sets out no other view
        if u.code.behaviour == "question" and not TOPIC_SHIFT.search(normalise(u.text))
    ]
    # the reply's last act asks about something the client did not speak of: left there
    leaves = (
        bool(units)
        and units[-1].code.behaviour == "question"
        and not _about(units[-1].text, view.texts[i])
        and word_count(units[-1].text) >= MIN_WORDS
    )
    if judges(view.texts[j]) and not CHALLENGE.search(reply):
        # disapproval as a verdict on the person, not calm disapproval with an alternative
        view.add("C2", j, AGAINST, f"{OCCASION}_judged", 0.5, "judges rather than answers")
    elif agrees:
        view.add("C3", j, AGAINST, f"{OCCASION}_let_pass", 0.5, "agrees or laughs along")
    elif CHALLENGE.search(reply) or (stays and not leaves):
        view.add("C2", j, SUPPORTS, f"{OCCASION}_answered", 0.55, "stays with it or answers it")
    elif leaves or TOPIC_SHIFT.search(reply):
        view.add("C3", j, AGAINST, f"{OCCASION}_let_pass", 0.5, "moves on and leaves it")


def _promise(view: SessionView, i: int, j: int) -> None:
    reply = normalise(view.texts[j])
    if SHRUGS.search(reply) and not APOLOGY.search(reply):
        view.add("C4", j, AGAINST, f"{OCCASION}_promise_shrugged", 0.55, "own promise shrugged off")
    elif APOLOGY.search(reply) or OWNS.search(reply):
        view.add("C4", j, SUPPORTS, f"{OCCASION}_promise_owned", 0.55, "owns the promise")


OCCASION_WEIGHT = 1.5  # as the procriminal balance: one kind of act, found another way


def install() -> None:
    """Put the judge and its term into the scorer of this process (this bench only)."""
    import scoring.judgement as judgement
    import scoring.skill_scores as skill_scores
    from scoring.judgement.prosocial import judge_going_along

    at = judgement.JUDGES.index(judge_going_along) + 1
    judgement.JUDGES = (*judgement.JUDGES[:at], judge_occasions, *judgement.JUDGES[at:])
    shipped = skill_scores.judged_terms

    def judged_terms(view, codes, utterances, items):
        acts = view.acts
        occasions = [a for a in acts if a.rule.startswith(OCCASION)]
        view.acts = [a for a in acts if not a.rule.startswith(OCCASION)]
        try:
            terms = shipped(view, codes, utterances, items)
        finally:
            view.acts = acts
        balance = skill_scores._balance(occasions, "C2", "C3", "C4", prior=1.0)  # noqa: SLF001
        terms["prosocial_modelling"]["occasions"] = OCCASION_WEIGHT * balance
        return terms

    skill_scores.judged_terms = judged_terms


if __name__ == "__main__":
    if "--write" in sys.argv:
        sys.exit("not shipped: this bench never writes the weights")
    install()
    import fit_skill_weights

    sys.exit(fit_skill_weights.main())
