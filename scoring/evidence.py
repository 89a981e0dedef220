"""Layer 2: evidence for each checklist item, with timestamps, the rule that found it and a
confidence.

Each detector returns (present, evidence). Items the checklist marks L are prompts: their
evidence is shown to the reviewer and ``present`` stays None. Items with no detector (added by
editors later) come out as "rate by hand".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon as lx
from .checklist import Checklist, ChecklistItem
from .codes import UtteranceCode
from .judgement.occasions import listed_as_evidence
from .lexicon import rx
from .text import normalise

MAX_EVIDENCE = 12
EXCERPT_CHARS = 240
MANUAL_NOTE = "no automatic detector; rate by hand"
CONFIDENCE = {"H": 0.85, "H/M": 0.75, "M/H": 0.7, "M": 0.6, "M/L": 0.5, "L/M": 0.4, "L": 0.3}

CHECK_IN = rx(
    r"\b(?:how have you been|how are you(?: doing| keeping| getting on| feeling)?|"
    r"how(?:'s| has| have| is| are) (?:things|the week|your week|everything|life|you been)|"
    r"anything (?:happened|changed|come up|new)|(?:has|have) (?:anything|there been any)|"
    r"how's it been|since (?:we last|i last|last time|i saw you)|"
    r"any (?:problems|issues|crises|concerns|worries) since)\b"
)
REVIEW = rx(
    r"\b(?:last time (?:we|you|i)|when we (?:last )?(?:met|spoke)|did you manage to|"
    r"how did (?:the|your|it)\b.{0,40}\bgo|last (?:week|session|appointment) (?:we|you)|"
    r"you (?:said|told me) last|we agreed|were you able to|did you get (?:round|a chance) to)\b"
)
AGENDA = rx(
    r"\b(?:today i'd like|today i want|today we(?:'ll| will| could| can| are going| need)|"
    r"what (?:would|do) you (?:like|want) to (?:talk|focus|cover|start)|"
    r"anything (?:else )?you(?:'d| would) like to (?:talk|add|cover|put)|agenda|"
    r"the plan for today|(?:like|want|need) to cover today|for today's session|"
    r"what we(?:'ll| will| could) (?:cover|do|talk about) today)\b"
)
ROLE = rx(
    r"\b(?:my (?:job|role) is|part of my (?:job|role)|i have to (?:report|tell|let|inform|share|"
    r"pass|record|write)|i(?:'d| would) have to (?:report|tell|pass|share|let|act)|"
    r"(?:that's|it's|that is|it is) not (?:negotiable|up for negotiation)|non negotiable|"
    r"confidential(?:ity)?|can't keep (?:that|it) (?:to myself|between us)|i'm required to|"
    r"my duty|what is up to you and what)\b"
)
CONDITIONS = rx(
    r"\b(?:licence conditions?|conditions? (?:of|on) your (?:licence|order)|your licence|"
    r"your order|your conditions|the conditions|curfew|tag|exclusion zone|unpaid work|"
    r"approved premises|residence requirement)\b"
)
REASONS = rx(
    r"\b(?:the reason (?:for|is|why|we)|that's (?:why|because)|because|so that|the point of|"
    r"if you (?:miss|don't|breach|fail|do not|break)|breach|recall(?:ed)?|back to court|"
    r"enforcement|warning)\b"
)
NEEDS = rx(
    r"\b(?:drink|drinking|drunk|alcohol|drugs?|using|cannabis|weed|heroin|crack|cocaine|"
    r"spice|mates|friends|associates|crowd|peers|work|job|employment|training|college|course|"
    r"money|debt|benefits|housing|accommodation|family|partner|girlfriend|boyfriend|kids|"
    r"children|relationship|offending|offence|attitude|temper|anger|angry|violence|fight|"
    r"leisure|bored|boredom|free time|gambling|thinking)\b"
)
GOALS = rx(
    r"\b(?:what would you like to (?:achieve|get out of|change|work on)|goals?|by next time|"
    r"what do you want to (?:achieve|get|change|work on)|aims?|targets?|sentence plan|"
    r"what are you hoping|where would you like to be|what would a good)\b"
)
NEXT_STEPS = rx(
    r"\b(?:before next time|next (?:appointment|session|time|week)|see you (?:next|on|again|in)|"
    r"same time next|between now and|what (?:might|could|would) get in the way|"
    r"anything (?:that )?(?:might|could) (?:stop you|get in the way)|homework|"
    r"what will you do (?:before|this week|by)|book (?:you|in) (?:for|another))\b"
)
PROSOCIAL_REPORT = rx(
    r"\b(?:got (?:a|the|an) (?:job|place|interview|flat|offer|course)|started (?:work|college|"
    r"a course|the course|my course|volunteering)|went to (?:the|my|an|a) (?:interview|meeting|"
    r"appointment|group|aa|na|job ?centre|college|gym|session)|(?:walked|stayed|kept) away|"
    r"didn't (?:drink|use|go|take|rise|react|hit|kick off|touch)|haven't (?:drunk|used|had a "
    r"drink|touched|been drinking|been using)|been (?:clean|sober|dry)|(?:stayed|kept) (?:clean|"
    r"sober|out of trouble)|apologi[sz]ed|said sorry|helped (?:my|her|him|out|them)|"
    r"volunteer(?:ed|ing)?|passed|finished (?:my|the) (?:course|hours|unpaid)|paid (?:back|off)|"
    r"told (?:him|her|them) no|said no|turned (?:it|them|him|her) down|on time|"
    r"did all my hours|kept (?:to|my) (?:curfew|appointments?))\b"
)
PRAISE = rx(
    r"\b(?:well done|good on you|good for you|that's (?:really |so |a )?(?:great|brilliant|"
    r"fantastic|excellent|impressive|good|big step)|i'm (?:really )?(?:impressed|pleased|proud)|"
    r"you should be (?:really )?proud|credit to you|that took (?:courage|guts|a lot))\b"
)
PRAISE_REASON = rx(
    r"\b(?:because|that shows|shows (?:that|you|me)|which means|that means|matters|important|"
    r"exactly the kind|that's the kind|that's what)\b"
)
PROCRIMINAL = rx(
    r"\b(?:deserved it|had it coming|asked for it|everyone does it|everybody does it|"
    r"everyone's doing it|no one got hurt|nobody got hurt|didn't hurt anyone|"
    r"(?:they|shops?|insurance|the shop) can afford it|grass(?:es)?|snitch(?:es)?|"
    r"nothing wrong with (?:it|a bit|having|smoking|nicking)|(?:only|just) (?:a bit of )?weed|"
    r"not (?:really )?a crime|wasn't my fault|not my fault|police (?:are|were) (?:pigs|out to get)|"
    r"(?:i'd|i would) do it again|what (?:else )?was i supposed to do|had no choice|"
    r"(?:he|she|they) started it|victimless|(?:only|just) (?:shoplifting|nicking)|"
    r"just borrowed|what they don't know|not getting caught|won't get caught)\b"
)
CHALLENGE = rx(
    r"\b(?:i (?:don't|do not|can't) agree|i see it differently|i'd see it|not (?:ok|okay|"
    r"acceptable|right)|(?:another|a different|other) way|instead|could (?:you|have) (?:have )?"
    r"(?:done|said|walked)|what else could|the victim|i'm not comfortable|i don't accept|"
    r"that worries me|i hear that but|i understand\b.{0,40}\bbut|"
    r"how (?:would|might|do you think) (?:he|she|they|the)\b.{0,20}\bfeel|"
    r"is (?:that|it) really|(?:it|that) does matter|still a crime|someone (?:did|does) get hurt)\b"
)
FOLLOW_UP = rx(
    r"\b(?:as i said i would|as promised|like i promised|sorry (?:i'm|i was|for being) late|"
    r"sorry to keep you waiting|i(?:'ve| have) (?:done|sent|rung|called|spoken|chased|sorted|"
    r"looked into|checked|booked)|i did (?:ring|call|speak|send|check)|"
    r"i said i(?:'d| would)\b.{0,40}\b(?:and|so) i)\b"
)
SERVICES = rx(
    r"\b(?:job ?centre|work coach|citizens advice|housing (?:officer|team|association|office|"
    r"advice|support|services)|the council|gp|doctor|samaritans|alcoholics anonymous|"
    r"narcotics anonymous|aa|na meetings?|(?:drug|alcohol|substance) (?:service|team|worker|"
    r"misuse service)|change grow live|cgl|turning point|food ?bank|referral|refer(?:red)? you|"
    r"signpost|shelter|stepchange|step change|national careers service|mentor|support group|"
    r"debt advice|nacro|st giles|women's centre|employment (?:advisor|adviser|support)|dwp|"
    r"recovery (?:worker|service|cafe))\b"
)
TFB = rx(
    r"\b(?:what were you thinking|what (?:was|were) you (?:feeling|thinking)|"
    r"how did (?:that|it|this|he|she) make you feel|how were you feeling|"
    r"how did you feel (?:when|about|after|then)|how do you feel when|"
    r"(?:thoughts|thinking)\b.{0,25}\b(?:feelings?|feel)\b.{0,40}\b(?:do|did|behaviour|act)|"
    r"what you think (?:affects|changes|leads)|thought led to)\b"
)
RISKY_THINKING = rx(
    r"\b(?:what was going through your (?:mind|head)|what (?:did|do) you (?:tell|say to) "
    r"yourself|what were you telling yourself|risky thinking|thinking traps?|"
    r"(?:that|this) (?:thought|thinking) (?:is|was|might be)|what thoughts|the thought that|"
    r"hot thoughts?|when you think like that)\b"
)
CHALLENGE_THINKING = rx(
    r"\b(?:another way (?:to|of) (?:look|see|think)|(?:a )?different way (?:to|of) "
    r"(?:look|see|think)|what would you say to a (?:friend|mate)|(?:is there|could there be) "
    r"(?:another|a different|any other) (?:way|explanation|reason)|evidence (?:for|against) "
    r"(?:that|this|the)|how else (?:could|might) you|look at it (?:another|differently|a "
    r"different)|what (?:else )?might (?:he|she|they) have (?:meant|been)|(?:a )?more helpful "
    r"(?:thought|way)|instead of thinking|what would be a (?:more )?(?:helpful|balanced))\b"
)
CHAIN = rx(
    r"\b(?:what happened (?:before|next|then|after|first|just before)|and then what|"
    r"what did you do (?:then|next|after)|what led up to|walk me through|take me through|"
    r"talk me through|what was the (?:trigger|first thing)|how did it (?:end|start)|"
    r"what happened after that|step by step|right from the (?:start|beginning)|"
    r"what happened when)\b"
)
CONSEQUENCES = rx(
    r"\b(?:what (?:might|would|could) happen if|what (?:might|would|could) the consequences|"
    r"consequences?|how (?:would|might|do you think|did) (?:he|she|they|your \w+|the victim|"
    r"people) (?:feel|have felt|felt)|in (?:his|her|their) shoes|from (?:his|her|their) "
    r"(?:point of view|side|perspective)|what would (?:your|the) \w+ (?:think|say)|"
    r"where (?:would|might|could) that (?:lead|end up)|what (?:would|could) that mean for)\b"
)
PROBLEM_SOLVING = rx(
    r"\b(?:what are (?:your|the|some) options|what options|pros and cons|first step|"
    r"what could you do|what else could you (?:do|try)|which (?:option|one) (?:would|do|will|"
    r"might)|brainstorm|weigh (?:it |them |that )?up|list (?:the|some|your) (?:options|ideas)|"
    r"break it down|what would be the best option|good points and bad)\b"
)
PRACTICE = rx(
    r"\b(?:let's practi[sc]e|practi[sc]e (?:it|that|saying|what)|try saying it|say it to me|"
    r"role ?play|rehearse|pretend (?:i'm|i am|that i)|have a go|show me how you(?:'d| would)|"
    r"let's try (?:it|that)|how would you say (?:it|that))\b"
)
COPING = rx(
    r"\b(?:risky situations?|high risk|what will you do instead|what (?:could|would|will|might) "
    r"you do (?:if|instead|when)|coping plan|safety plan|relapse prevention|warning signs|"
    r"triggers?|if you (?:find yourself|bump into|see|get offered|are offered|feel the urge)|"
    r"plan for (?:if|when|the weekend|that)|what's your plan|who (?:could|can) you "
    r"(?:ring|call|go to))\b"
)


COGNITIVE_CUES = (
    TFB,
    RISKY_THINKING,
    CHALLENGE_THINKING,
    CHAIN,
    CONSEQUENCES,
    PROBLEM_SOLVING,
    PRACTICE,
    COPING,
)


@dataclass
class Context:
    utterances: list
    codes: list[UtteranceCode]
    norms: list[str]

    @property
    def positions(self) -> dict[int, int]:
        return {u.index: i for i, u in enumerate(self.utterances)}

    def practitioner(self) -> list[int]:
        return [i for i, u in enumerate(self.utterances) if u.is_practitioner]

    def client(self) -> list[int]:
        return [i for i, u in enumerate(self.utterances) if not u.is_practitioner]

    def early(self, i: int) -> bool:
        """In the opening of the session: first five minutes or first fifth of the turns."""
        start = self.utterances[i].start
        if start is not None:
            return start <= 300
        return i <= max(6, len(self.utterances) // 5)

    def next_practitioner(self, i: int, within: int = 2) -> int | None:
        for j in range(i + 1, min(len(self.utterances), i + 1 + within)):
            if self.utterances[j].is_practitioner:
                return j
        return None

    def evidence(self, i: int, rule: str, confidence: float, polarity: str = "supports") -> dict:
        utt = self.utterances[i]
        text = utt.text if len(utt.text) <= EXCERPT_CHARS else utt.text[:EXCERPT_CHARS] + "…"
        return {
            "utterance": utt.index,
            "start": utt.start,
            "end": utt.end,
            "text": text,
            "rule": rule,
            "confidence": round(confidence, 2),
            "polarity": polarity,
        }


def ctx_turn(ctx: Context, entry: dict) -> int:
    """Position in the session of the utterance an evidence entry quotes."""
    return ctx.positions.get(entry["utterance"], -1)


Detector = Callable[[Context, ChecklistItem], tuple[bool | None, list[dict]]]


def phrase(pattern, rule: str, early_only: bool = False, min_hits: int = 1) -> Detector:
    """Present when the practitioner says a matching phrase (at least ``min_hits`` times)."""

    def detect(ctx: Context, item: ChecklistItem):
        conf = CONFIDENCE.get(item.detect, 0.5)
        hits = [
            ctx.evidence(i, rule, conf)
            for i in ctx.practitioner()
            if pattern.search(ctx.norms[i]) and (not early_only or ctx.early(i))
        ]
        return len(hits) >= min_hits, hits

    return detect


def tagged(tag: str, rule: str) -> Detector:
    """Present when a Layer 1 tag is on any practitioner utterance."""

    def detect(ctx: Context, item: ChecklistItem):
        conf = CONFIDENCE.get(item.detect, 0.5)
        hits = [ctx.evidence(i, rule, conf) for i in ctx.practitioner() if tag in ctx.codes[i].tags]
        return bool(hits), hits

    return detect


def coded(field: str, value: str, rule: str, min_hits: int = 1) -> Detector:
    """Present when Layer 1 gave at least ``min_hits`` utterances this code."""

    def detect(ctx: Context, item: ChecklistItem):
        hits = [
            ctx.evidence(i, rule, ctx.codes[i].confidence)
            for i in ctx.practitioner()
            if getattr(ctx.codes[i], field) == value
        ]
        return len(hits) >= min_hits, hits

    return detect


def detect_conditions(ctx: Context, item: ChecklistItem):
    hits, bare = [], []
    for i in ctx.practitioner():
        if CONDITIONS.search(ctx.norms[i]):
            if REASONS.search(ctx.norms[i]):
                hits.append(ctx.evidence(i, "A5:condition_with_reason", 0.65))
            else:
                bare.append(ctx.evidence(i, "A5:condition_without_reason", 0.4))
    return bool(hits), hits + bare


def detect_needs_focus(ctx: Context, item: ChecklistItem):
    touching = [i for i in range(len(ctx.utterances)) if NEEDS.search(ctx.norms[i])]
    share = len(touching) / len(ctx.utterances) if ctx.utterances else 0.0
    hits = [
        ctx.evidence(i, "A6:needs_topic", 0.5)
        for i in touching
        if ctx.utterances[i].is_practitioner
    ]
    return share >= 0.3 and len(touching) >= 3, hits


def detect_talk_balance(ctx: Context, item: ChecklistItem):
    words = [len(n.split()) for n in ctx.norms]
    total = sum(words) or 1
    practitioner = ctx.practitioner()
    share = sum(words[i] for i in practitioner) / total
    if not practitioner:
        return False, []
    longest = max(practitioner, key=lambda i: words[i])
    utt = ctx.utterances[longest]
    seconds = (utt.end - utt.start) if utt.start is not None and utt.end is not None else None
    monologue = words[longest] > 150 or (seconds is not None and seconds > 90)
    balanced = share <= 0.65 and not monologue
    polarity = "supports" if balanced else "counts_against"
    rule = f"A10:longest_turn ({words[longest]} words, practitioner share {share:.0%})"
    return balanced, [ctx.evidence(longest, rule, 0.8, polarity)]


def detect_closed_questions(ctx: Context, item: ChecklistItem):
    closed = [i for i in ctx.practitioner() if ctx.codes[i].question_subtype == "closed"]
    opened = [i for i in ctx.practitioner() if ctx.codes[i].question_subtype == "open"]
    hits = [
        ctx.evidence(i, "B2:closed_question", ctx.codes[i].confidence, "counts_against")
        for i in closed
    ]
    return len(closed) >= 3 and len(closed) > len(opened), hits


def detect_jargon(ctx: Context, item: ChecklistItem):
    hits, unexplained = [], False
    for i in ctx.practitioner():
        if lx.JARGON.search(ctx.norms[i]):
            if lx.JARGON_EXPLAINED.search(ctx.norms[i]):
                hits.append(ctx.evidence(i, "B11:jargon_explained", 0.5))
            else:
                unexplained = True
                hits.append(ctx.evidence(i, "B11:jargon_unexplained", 0.6, "counts_against"))
    return not unexplained, hits


def detect_specific_praise(ctx: Context, item: ChecklistItem):
    hits = []
    for i in ctx.client():
        if not PROSOCIAL_REPORT.search(ctx.norms[i]):
            continue
        for j in range(i + 1, min(len(ctx.utterances), i + 4)):
            if ctx.utterances[j].is_practitioner and (
                PRAISE.search(ctx.norms[j]) or "affirmation" in ctx.codes[j].tags
            ):
                specific = bool(PRAISE_REASON.search(ctx.norms[j]))
                rule = "C1:praise_after_prosocial_report" + (" (says why)" if specific else "")
                hits.append(ctx.evidence(j, rule, 0.7 if specific else 0.5))
                break
    return bool(hits), hits


def _procriminal_responses(ctx: Context):
    """(client index, practitioner reply index or None, challenged?) for procriminal talk."""
    for i in ctx.client():
        if PROCRIMINAL.search(ctx.norms[i]):
            j = ctx.next_practitioner(i)
            challenged = j is not None and bool(CHALLENGE.search(ctx.norms[j]))
            if j is not None and not challenged:
                # a challenge may come one turn later, after a reflection of the client's view
                k = ctx.next_practitioner(j + 1, within=2)
                if k is not None and CHALLENGE.search(ctx.norms[k]):
                    j, challenged = k, True
            yield i, j, challenged


def detect_challenge(ctx: Context, item: ChecklistItem):
    hits = [
        ctx.evidence(j, "C2:challenge_after_procriminal_talk", 0.55)
        for _, j, challenged in _procriminal_responses(ctx)
        if challenged
    ]
    return bool(hits), hits


def detect_unanswered_procriminal(ctx: Context, item: ChecklistItem):
    hits = [
        ctx.evidence(i, "C3:procriminal_talk_unanswered", 0.6, "counts_against")
        for i, _, challenged in _procriminal_responses(ctx)
        if not challenged
    ]
    return bool(hits), hits


def detect_chain(ctx: Context, item: ChecklistItem):
    hits = [
        ctx.evidence(i, "D4:incident_chain_question", 0.6)
        for i in ctx.practitioner()
        if CHAIN.search(ctx.norms[i])
    ]
    return len(hits) >= 2, hits


DETECTORS: dict[str, Detector] = {
    "A1": phrase(CHECK_IN, "A1:check_in_phrase", early_only=True),
    "A2": phrase(REVIEW, "A2:review_phrase"),
    "A3": phrase(AGENDA, "A3:agenda_phrase"),
    "A4": phrase(ROLE, "A4:role_phrase"),
    "A5": detect_conditions,
    "A6": detect_needs_focus,
    "A7": phrase(GOALS, "A7:goal_phrase"),
    "A8": tagged("summary", "A8:summary_phrase"),
    "A9": phrase(NEXT_STEPS, "A9:next_steps_phrase"),
    "A10": detect_talk_balance,
    "B1": coded("question_subtype", "open", "B1:open_question (layer 1)", min_hits=2),
    "B2": detect_closed_questions,
    "B3": coded("reflection_subtype", "simple", "B3:simple_reflection (layer 1)"),
    "B4": coded("reflection_subtype", "complex", "B4:complex_reflection (layer 1)"),
    "B5": tagged("affirmation", "B5:affirmation_phrase"),
    "B6": tagged("empathy", "B6:empathy_phrase"),
    "B7": tagged("autonomy", "B7:autonomy_phrase"),
    "B8": tagged("permission", "B8:permission_phrase"),
    "B9": tagged("check_understanding", "B9:check_understanding_phrase"),
    "B10": tagged("confrontation", "B10:confronting_phrase"),
    "B11": detect_jargon,
    "C1": detect_specific_praise,
    "C2": detect_challenge,
    "C3": detect_unanswered_procriminal,
    "C4": phrase(FOLLOW_UP, "C4:follow_up_phrase"),
    "C5": tagged("commitment", "C5:own_commitment_phrase"),
    "C6": phrase(SERVICES, "C6:named_service"),
    "D1": phrase(TFB, "D1:thoughts_feelings_phrase"),
    "D2": phrase(RISKY_THINKING, "D2:risky_thinking_phrase"),
    "D3": phrase(CHALLENGE_THINKING, "D3:alternative_thought_phrase"),
    "D4": detect_chain,
    "D5": phrase(CONSEQUENCES, "D5:consequences_phrase"),
    "D6": phrase(PROBLEM_SOLVING, "D6:problem_solving_phrase"),
    "D7": phrase(PRACTICE, "D7:skill_practice_phrase"),
    "D8": phrase(COPING, "D8:coping_plan_phrase"),
}


# Items whose verdict comes from the judged acts (scoring/judgement/), not from wording alone.
JUDGED = {"A1", "A2", "A3", "A8", "A9", "B3", "B4", "B5", "C1", "C2", "C3"}
# Items a phrase detector finds that the rapport model's readings (``judgement.disclosures``)
# also show or count against, and (2.13) the example model's reading of the practitioner's own
# conduct (``judgement.example``): a promise kept or shrugged off in words no phrase list holds.
READ_ALSO = {"B1", "B6", "C4"}
# Cognitive items: a cue phrase counts only in a turn where the client's thinking was explored.
COGNITIVE = {"D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8"}


def act_evidence(ctx: Context, acts, item_id: str) -> list[dict]:
    out = []
    for act in acts:
        if act.item != item_id:
            continue
        entry = ctx.evidence(act.turn, act.rule, act.confidence, act.polarity)
        entry["reason"] = act.reason
        out.append(entry)
    return out


def judged_verdict(ctx: Context, acts, item_id: str) -> tuple[bool, list[dict]]:
    """Present when some act supports the item; acts against it are kept as evidence."""
    evidence = act_evidence(ctx, acts, item_id)
    supports = [e for e in evidence if e["polarity"] == "supports"]
    against = [e for e in evidence if e["polarity"] == "counts_against"]
    return bool(supports), supports + against


EXPLORING = ("D1", "D5", "D6", "D7")  # the judged techniques (scoring.judgement.cognitive)


def explored_turns(acts) -> set[int]:
    """Turns whose invitation to think, solve a problem or rehearse was judged to happen."""
    return {a.turn for a in acts if a.item in EXPLORING and a.polarity == "supports"}


def consistent(present: bool, item: ChecklistItem, evidence: list[dict]) -> list[dict]:
    """Evidence that agrees with the verdict: a 'not found' never lists supporting evidence.

    For an item that counts against (B2, C3), evidence that it happened only shows when the
    verdict says it did.
    """
    if item.counts_against:
        return evidence if present else []
    if present:
        return evidence
    return [e for e in evidence if e["polarity"] == "counts_against"]


def verdict_label(present: bool, item: ChecklistItem, evidence: list[dict]) -> str:
    """'shown', 'counts against' or 'not found', in words that match the evidence listed."""
    if item.counts_against:
        return "counts against" if present else "not found"
    if present:
        return "shown"
    return "counts against" if evidence else "not found"


def collect_evidence(utterances, codes: list[UtteranceCode], checklist: Checklist, acts=()) -> dict:
    """{item id: result} for every item of the checklist; ``acts`` are the judged acts."""
    ctx = Context(utterances=utterances, codes=codes, norms=[normalise(u.text) for u in utterances])
    acts = [a for a in acts if listed_as_evidence(a)]
    explored = explored_turns(acts)
    out = {}
    for item in checklist.items:
        base = {
            "skill": item.skill,
            "title": item.title,
            "detect": item.detect,
            "counts_against": item.counts_against,
        }
        detector = DETECTORS.get(item.id)
        if detector is None:
            out[item.id] = {**base, "mode": "manual", "present": None, "evidence": []}
            out[item.id]["note"] = MANUAL_NOTE
            continue
        present, evidence = detector(ctx, item)
        if item.id in JUDGED:
            present, evidence = judged_verdict(ctx, acts, item.id)
            if item.id == "C3":
                present = bool(evidence)
            elif item.id == "B3":
                # a plain restatement or an extending one both count as reflecting
                present, evidence = judged_verdict(ctx, acts, "B3")
        elif item.id in COGNITIVE:
            kept = [e for e in evidence if ctx_turn(ctx, e) in explored]
            dropped = [
                {**e, "polarity": "counts_against", "rule": e["rule"] + " (not explored)"}
                for e in evidence
                if ctx_turn(ctx, e) not in explored
            ]
            # Every judged act of the item shows, whatever found it: the judge's own cues, or
            # (2.8) an invitation read by meaning. An act the score counts is never missing
            # from the card (2.16: the judge's D1 cues reach questions the D1 detector's
            # phrases do not, and those acts were weighed but not shown).
            judged = act_evidence(ctx, acts, item.id)
            dropped += [e for e in judged if e["polarity"] != "supports"]
            shown = {ctx_turn(ctx, e) for e in kept}
            kept += [
                e for e in judged if e["polarity"] == "supports" and ctx_turn(ctx, e) not in shown
            ]
            present, evidence = bool(kept), kept + dropped
            if item.id == "D4":
                # a walk-through: two chain questions or more, or (2.18) one run of them judged
                present = len(kept) >= 2 or any(e["polarity"] == "supports" for e in judged)
        if item.id == "B10":
            evidence = evidence + act_evidence(ctx, acts, "B10")
        elif item.id == "C5":
            # (2.10) an undertaking of the practitioner's own admitted not done outweighs any
            # "I'll ring them" said in the session: the item counts against, and says where
            undone = act_evidence(ctx, acts, "C5")
            if undone:
                present, evidence = False, undone + evidence
        elif item.id in READ_ALSO:
            # (2.6) what the rapport model read: a reply that shows the client was understood,
            # or asks more, in words no detector knows, is evidence the item was shown (and
            # for C4, what the example model read of the practitioner's own conduct)
            read = act_evidence(ctx, acts, item.id)
            present = present or any(e["polarity"] == "supports" for e in read)
            # first, so the detector's many open questions do not push them off the card
            evidence = read + evidence
        if item.mode != "prompt":
            evidence = consistent(bool(present), item, evidence)
        evidence = evidence[:MAX_EVIDENCE]
        if item.mode == "prompt":
            out[item.id] = {**base, "mode": "prompt", "present": None, "evidence": evidence}
            out[item.id]["note"] = "for the reviewer to judge" if evidence else "nothing found"
        else:
            out[item.id] = {
                **base,
                "mode": "verdict",
                "present": bool(present),
                "verdict": verdict_label(bool(present), item, evidence),
                "evidence": evidence,
            }
    return out
