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

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .lexicon import rx
from .similarity import (
    content_stems,
    lexical_overlap,
    related,
    shared_stems,
    uses_encoder,
    word_count,
)
from .text import normalise
from .units import Unit

SUPPORTS, AGAINST = "supports", "counts_against"
RECENT_CLIENT_TURNS = 2  # what a reflection may restate: the client's last two turns
RESTATES = 0.2  # lexical share of the reflection's content found in the client's recent turns
TAKES_UP = 0.15  # share of the client's answer the practitioner's follow-up picks up
ELABORATES_WORDS = 8  # a client reply this long, not a closer, is elaboration
SUBSTANTIVE_WORDS = 5  # a client answer at least this long says something
LECTURE_WORDS = 60  # a practitioner turn this long with no question and mostly telling
PRAISE_OBJECT_WORDS = 25  # the end of the client's turn that praise right after it answers
TOPIC_MENTIONS = 2  # later turns that must come back to an agenda topic for it to be covered

# What the practitioner says about the client rather than with them: judgement, blame,
# telling them what they think or must do.
JUDGING = rx(
    r"\b(?:you (?:just )?(?:think|thought) (?:the rules|you can|it's ok|everyone|you're above)|"
    r"(?:don't|doesn't) apply to you|not (?:really )?(?:giving|trying|bothering|taking|"
    r"listening|helping yourself)|you put yourself|your own (?:fault|doing)|no excuse|"
    r"excuses|you (?:need|have|had|ought|must|should|'ve got) to|you (?:can't|won't|don't) "
    r"(?:handle|cope|be bothered|listen|learn|help yourself)|you chose|you decided to (?:go|"
    r"kick|drink)|that's (?:just )?(?:how|what) (?:adults|it is)|whose fault|"
    r"how it looks|i'm (?:just )?telling you|full stop|end of|beggars|"
    r"you're (?:lucky|not (?:a victim|the victim))|i've seen it "
    r"(?:happen|a hundred|before)|if you want it enough|grow up|sort yourself out|"
    r"you'll (?:be|end up) back|what do you expect)\b"
)
# Openings that announce a reflection; said emptily they count against.
REFLECTION_CUE = rx(
    r"^(?:so |and |but |right |okay |ok )?(?:it sounds (?:like|as if)|sounds like|it seems|"
    r"seems like|you sound|you seem|what i'm hearing|i'm hearing|i hear|so you're saying|"
    r"you're saying|you feel|you're feeling|you felt|it must (?:be|have been)|that must "
    r"(?:be|have been)|i can see (?:that|how|why)|i understand)\b"
)
# Endings that take back what came before ("well done, I suppose"): not an affirmation.
HEDGED = rx(r"\b(?:i suppose|i guess|for once|for a change|at least|i'll give you that)\b")
# Client turns that close down or push back after a practitioner move.
CLOSERS = rx(
    r"^(?:whatever|fine|ok|okay|yeah|yes|no|right|i suppose|i know|suppose so|if you say so|"
    r"brilliant|great|i'll try|dunno|i don't know|not really|nothing|s'pose)\b"
)
PUSHBACK = rx(
    r"\b(?:i didn't say that|that's not what i|not what i said|that's out of order|"
    r"you're not listening|you don't (?:get it|understand|know)|that's not fair|"
    r"i've told you|i told you|i never said|that's nothing to do with)\b"
)
DISMISSIVE = rx(
    r"\b(?:if you want it enough|you'll find a way|people manage|not my (?:department|problem|"
    r"job)|(?:that's|it's) the \w+'s (?:department|problem|job)|we'll come back to (?:it|that)|"
    r"not now|no excuse|it won't kill you|that's not the point|there you go then|"
    r"we'll see|put it that way|just get on with it|walk it|ask for one|never mind|not to worry|"
    r"doesn't matter)\b"
)
TOPIC_SHIFT = rx(r"^(?:ok |okay |right |good |fine )*(?:right|anyway|moving on|let's move|next)\b")
SORRY = rx(r"\b(?:sorry to hear|sorry about|oh no|that's a shame|poor)\b")
NOTHING = rx(r"^(?:no|nothing|nope|not really|none|can't think)\b")
PRAISE = rx(
    r"\b(?:well done|good on you|good for you|nice one|good stuff|great stuff|brilliant|"
    r"that's (?:really |so |a )?(?:great|brilliant|fantastic|excellent|impressive|good|big step|"
    r"a real|a lot)|i'm (?:really )?(?:impressed|pleased|proud|glad)|you should be (?:really )?"
    r"proud|credit to you|(?:that|it) (?:took|takes|shows|showed) (?:real |a lot of |some )?"
    r"(?:courage|guts|bottle|commitment|effort|strength|determination)?|you've done (?:really )?"
    r"(?:well|brilliant|great)|you did (?:really )?(?:well|great|the right thing)|"
    r"that's (?:exactly )?the right (?:thing|call))\b"
)
# "well done for ...": what the praise names (not "good for you")
PRAISE_OBJECT = rx(
    r"\b(?:done|thanks|thank you|proud of you|credit to you|pleased|impressed|"
    r"good on you|respect) for ([a-z' ]+)"
)
# Breaches and offending the client reports: praise of these rewards the wrong thing.
BREACH = rx(
    r"\b(?:missed (?:my|the|an|your|it|unpaid|curfew|appointment)|late (?:for|back|in)|"
    r"breach(?:ed)?|broke (?:my|the) (?:curfew|conditions?|licence|order)|didn't (?:go|turn up|"
    r"show|come in|bother)|skipped|got (?:drunk|wasted|high|stoned|arrested|nicked|lifted)|"
    r"(?:had|have) a (?:drink|few drinks|smoke|spliff|joint)|smoked|was drinking|went drinking|"
    r"used (?:again|gear|drugs|heroin|crack|coke)|relapsed|kicked off|lost (?:my|it)|"
    r"hit (?:him|her|them|someone)|"
    r"punched|glassed|smacked|battered|nicked|robbed|stole|shoplift(?:ed|ing)|"
    r"(?:gave|told) (?:him|her|them) (?:a|what)|walked out|had a word|went round|"
    r"sorted (?:him|her|them) out|threatened|"
    r"told (?:him|her|them) where to go|"
    r"not going back|didn't tell (?:you|anyone)|met up with|went round to|(?:saw|seen) (?:him|"
    r"her|them|jordan|my co)|drove|driving)\b"
)
PROCRIMINAL = rx(
    r"\b(?:deserved it|had it coming|asked for it|everyone does it|everybody does it|"
    r"everyone's (?:doing it|at it)|no one got hurt|nobody got hurt|didn't hurt anyone|"
    r"can afford it|(?:they're|they are|are|it's|shops are) insured|"
    r"no one (?:actually |really )?(?:gets?|got) hurt|nobody (?:actually |really )?(?:gets?|got) "
    r"hurt|(?:gonna|going to|would have) (?:buy|get|do|happen) (?:it|them)? ?anyway|"
    r"teach (?:him|her|them) a lesson|(?:they've|they have|they've got|they've) (?:got )?"
    r"insurance|(?:everyone|everybody|they all|we all)\s+(?:\w+\s+)?(?:does it|do it|did it|"
    r"at it|fiddles?|fiddled|nicks?|steals?|cheats?|rounds? up|takes? stuff)|"
    r"it's not like (?:you|i|he|she) (?:robbed|hurt|killed)|you were (?:just )?the one who got "
    r"caught|grass(?:es|ing)?|snitch(?:es|ing)?|nothing wrong with|"
    r"(?:only|just) (?:a bit of )?weed|not (?:really )?a crime|wasn't my fault|not my fault|"
    r"(?:i'd|i would) do it again|what (?:else )?was i supposed to do|had no choice|"
    r"(?:he|she|they) started it|victimless|(?:only|just) (?:shoplifting|nicking|a bit)|"
    r"just borrowed|what they don't know|won't get caught|not getting caught|"
    r"it's not a big deal|no big deal|it's only|(?:he|she) needed (?:a slap|sorting|telling)|"
    r"should have (?:hit|smacked|battered)|stand up for (?:myself|yourself)|"
    r"(?:can't|couldn't) (?:just )?let (?:him|her|them) (?:get away|disrespect|mug)|"
    r"police (?:are|were) (?:pigs|out to get)|treated like a criminal|i'm not a criminal)\b"
)
COLLUSION = rx(
    r"\b(?:fair play|that's fair|fair enough|i don't blame you|can't blame you|"
    r"(?:i'd|i would) have done the same|"
    r"(?:he|she|they) had it coming|you're right|to be fair|i'd be the same|"
    r"no harm done|it's not (?:that|a) big (?:deal|thing)|don't worry about (?:it|that)|"
    r"(?:happens|it happens) to (?:everyone|the best)|(?:we've|we have) all (?:done|been))\b"
)
# A reply that opens by agreeing ("yeah, exactly") with what came before.
AGREES = rx(r"^(?:ha |haha |oh )?(?:yeah|yes|exactly|true|totally|fair|i agree|too right)\b")
CHALLENGE = rx(
    r"\b(?:i (?:don't|do not|can't) agree|i disagree|i see it differently|(?:i )?(?:don't|do not) "
    r"see it (?:that way|like that|the same)|(?:somebody|someone|people) (?:does|do|did) get|"
    r"i'd see it|(?:not|isn't) (?:ok|okay|"
    r"acceptable|right|fair)|(?:another|a different|other) way|instead|could (?:you|have) "
    r"(?:have )?(?:done|said|walked)|what else could|the victim|i'm not comfortable|"
    r"i don't accept|that worries me|i hear that but|i understand\b.{0,40}\bbut|"
    r"how (?:would|might|do you think|did) (?:he|she|they|the|your|it)\b.{0,30}\bfeel|"
    r"is (?:that|it) really|(?:it|that) does matter|still a crime|someone (?:did|does) get hurt|"
    r"who (?:pays|paid|got hurt|loses)|what about (?:the|them|him|her)|"
    r"(?:would|how would) you (?:feel|like it) if|where does that (?:leave|lead)|"
    r"what (?:did|does|would) (?:it|that) cost|let me (?:push|challenge)|i wonder (?:if|whether))\b"
)
AGENDA_INTENT = rx(
    r"\b(?:agenda|today i(?:'d| would)? (?:like|want|need|thought)|today we(?:'ll| will| could|"
    r" can| are going| need| should)|(?:for|in) today(?:'s session)?|this (?:session|morning|"
    r"afternoon)|the plan (?:for|is)|(?:things|bits|stuff) (?:in my head|to (?:cover|get through|"
    r"talk about|look at|do))|i(?:'ve| have) got (?:two|three|four|a few) things|"
    r"(?:want|like|need) to (?:cover|get through|go through|talk about|look at)|"
    r"what (?:would|do) you (?:like|want) to (?:talk|focus|cover|start|add|put)|"
    r"what would you (?:want|like) to add|anything (?:else )?you(?:'d| would)? (?:like|want) to "
    r"(?:talk|add|cover|put)|(?:first|start with)\b.{0,60}\b(?:then|after that|and then))\b"
)
AGENDA_INVITES = rx(
    r"\b(?:what (?:would|do) you (?:like|want) to|(?:want|like) to add|anything (?:else )?"
    r"(?:you|on your mind|from you)|is that (?:ok|okay|alright|all right)|does that (?:work|sound|"
    r"suit)|what's (?:top|most important) for you|where do you want to start|"
    r"which (?:one|first)|your (?:list|things|item))\b"
)
AGENDA_WORDS = frozenset(
    content_stems(
        "agenda today session morning afternoon plan talk cover first then look want like need "
        "things bits stuff head three four two few also after add start end time minute "
        "quick focus wanted going through okay alright"
    )
)
SUMMARY_CUE = rx(
    r"\b(?:sum(?:mer|ma|me)? (?:it |that |things )?up|summari[sz]e|summary|recap|"
    r"let me (?:just )?(?:check|see) (?:i've|if i've|i have|that i've)|(?:pull|bring|draw) "
    r"(?:that|this|it|everything|things) together|go(?:ing)? back over|what we've (?:said|"
    r"agreed|talked|covered|done)|before you go\b.{0,30}\b(?:so|we))\b"
)
CHECK_BACK = rx(
    r"\b(?:have i (?:got|missed|left)|did i (?:get|miss)|is that (?:right|fair)|anything "
    r"(?:i've |i have )?(?:missed|left out|to add)|does that (?:sound|fit) right|is that about "
    r"right|what have i missed)\b"
)
BARRIER_Q = rx(
    r"\b(?:get in the way|stop you|stopped you|make it (?:hard|harder|difficult|tricky)|"
    r"(?:could|might|would) go wrong|trip you up|what if|anything that (?:might|could)|"
    r"(?:problems?|obstacles?|barriers?|difficult|hard|tricky) (?:about|with|with that|"
    r"bit)|(?:what|anything) (?:might|could|would) (?:stop|prevent|get)|what would help)\b"
)
NEXT_STEPS = rx(
    r"\b(?:before next time|next (?:appointment|session|time|week)|see you (?:next|on|again|in)|"
    r"same time next|between now and|homework|what will you do (?:before|this week|by)|"
    r"book (?:you|in) (?:for|another))\b"
)
CHECK_IN = rx(
    r"\b(?:how (?:have|are|you) (?:you )?(?:been|doing|keeping|getting on|feeling)|"
    r"how(?:'s| has| have| is| are) (?:things|the week|your week|everything|life|it been|"
    r"you been)|anything (?:happened|changed|come up|new|i need to know)|since (?:we last|i last|"
    r"last time|i saw you)|how's it going|how you doing)\b"
)
REVIEW_Q = rx(
    r"\b(?:last (?:time|week|session|appointment)|did you (?:manage|get (?:round|a chance)|"
    r"do|ring|go|speak|call|try)|were you able to|how did (?:the|your|it|that)\b.{0,40}\bgo|"
    r"what (?:we|you) (?:said|agreed)|you were going to)\b"
)
# Questions that explore the client's own thinking, feelings and choices.
COGNITIVE_Q = rx(
    r"\b(?:what (?:was|were) (?:going through|in) your (?:mind|head)|what (?:were|was) you "
    r"(?:thinking|feeling|telling yourself)|what (?:did|do) you (?:think|tell yourself|say to "
    r"yourself|reckon|make of)|what (?:went|goes) through|how did (?:that|it|you|he|she) "
    r"(?:make you )?feel|how (?:were|was) you feeling|what (?:happened|did you do) (?:before|"
    r"next|then|after|first)|and then what|what (?:happened|did you do) when|walk me through|"
    r"take me through|talk me through|what led up to|what (?:set|sets) (?:it|you) off|"
    r"what (?:might|would|could) happen (?:if|when)|what (?:would|might|could) you do "
    r"(?:instead|differently|if|when|next time)|what else could you|what (?:are|were) (?:your|"
    r"the) (?:options|choices)|what options|pros and cons|first step|another way (?:to|of)|"
    r"what would you say to a (?:friend|mate)|how else|how (?:would|might|did) (?:he|she|they|"
    r"your \w+|the \w+) (?:feel|have felt|see it|think)|in (?:his|her|their) shoes|"
    r"what would (?:help|work|that look like)|what's (?:the|your) plan|how (?:would|will|could) "
    r"you (?:handle|deal|cope|manage|say|do)|what (?:could|would) you say|let's (?:practi[sc]e|"
    r"try)|try (?:saying|it)|say it to me|what's the evidence|is there another|"
    r"what (?:makes|made) you think|what did you notice|what was the (?:trigger|first)|"
    r"when you (?:think|thought) that)\b"
)
# Telling the client what their thinking is, instead of exploring it.
LABELLING = rx(
    r"\b(?:that's (?:your|a|the|what we call) (?:thinking|risky|problem|attitude|thinking "
    r"error|thinking trap|excuse|victim)|(?:thinking|thought) (?:error|trap|distortion)|"
    r"what you (?:should|need to|want to) (?:do|think|say) is|next time (?:just|you) "
    r"(?:walk|ignore|think|count|don't)|you were (?:thinking|just) |your problem is|the problem "
    r"is you|you've got (?:an|a) (?:attitude|temper|problem)|that's (?:the|your) temper|"
    r"you (?:need to|have to|should|must) (?:think|stop|walk|learn|calm|control|count))\b"
)
CONCERN = rx(
    r"\b(?:i (?:can't|don't know|don't understand|'m worried|am worried|'m scared|need|'ve got "
    r"no|haven't got|can't afford|never got)|what about|can we (?:talk|do|go)|but i|"
    r"how (?:do|am) i (?:supposed|meant|get)|why not|what's the point)\b"
)


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

    def n_practitioner(self) -> int:
        return max(1, sum(self.practitioner))


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


def takes_up(follow: str, answer: str, follow_units: list[Unit] = ()) -> bool:
    """The practitioner's follow-up picks up what the client answered and does not brush it
    off: it shares content with the answer, or opens by reflecting, empathising, affirming or
    asking openly about it, without judging."""
    norm = normalise(follow)
    if not follow or DISMISSIVE.search(norm) or TOPIC_SHIFT.search(norm):
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


def _rest_is_lecture(units: list[Unit], k: int) -> bool:
    """The units after unit k tell more than the reflection said (a lecture after the cue)."""
    rest = units[k + 1 :]
    told = sum(word_count(u.text) for u in rest if telling(u))
    return told >= max(12, 1.5 * word_count(units[k].text))


# ---------------------------------------------------------------- relationship


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
            confirmed = (is_cue or strong_cue) and last_unit and elaborates(reply)
            if (restating or confirmed) and not judging and not pushed_back:
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


def judge_affirmations(view: SessionView) -> None:
    """B5 and C1: praise counts when its object is prosocial; against when it rewards a breach."""
    for i, units in view.units.items():
        recent = view.client_before(i)
        # what praise answers is the end of the client's last turn, not every word of it
        before = " ".join(normalise(recent[0]).split()[-PRAISE_OBJECT_WORDS:]) if recent else ""
        for unit in units:
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
            if HEDGED.search(norm):
                view.add("B5", i, AGAINST, "B5:hedged_praise", 0.5, "praise taken back")
                continue
            # the object: what the praise names ("for ...") or else what the client just said
            named_at = PRAISE_OBJECT.search(norm)
            named = named_at.group(1) if named_at else ""
            if named:
                bad = bool(BREACH.search(named) or PROCRIMINAL.search(named))
            else:
                bad = bool(BREACH.search(before) or PROCRIMINAL.search(before)) and not (
                    lx_prosocial(before)
                )
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
            if lx_prosocial(named or before) or lx_prosocial(norm):
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


PROSOCIAL = rx(
    r"\b(?:got (?:a|the|an) (?:job|place|interview|flat|offer|course)|start(?:ed|ing)? (?:work|"
    r"college|a course|the course|volunteering)|went (?:to|along)|go(?:ing)? to (?:the|my|a|an) "
    r"(?:interview|meeting|appointment|group|job ?centre|college|doctor|gp)|(?:walked|stayed|"
    r"kept) away|walked off|didn't (?:drink|use|go|take|rise|react|hit|kick off|touch|reply|"
    r"answer|bite)|haven't (?:drunk|used|had a drink|touched|been)|not touched|been (?:clean|"
    r"sober|dry)|clean|sober|(?:stayed|kept) (?:clean|sober|out of)|apologi[sz]ed|said sorry|"
    r"helped|volunteer|passed|finished|paid (?:off|back|my|the|it)|told (?:him|her|them) no|"
    r"said no|turned (?:it|them|"
    r"him|her) down|on time|rang (?:them|the|him|her|you|up)|rang|called|phoned|asked for help|"
    r"registered|applied|stick(?:ing)? (?:to|at|with)|stuck (?:to|at|with)|signed up|"
    r"every (?:appointment|session|night|week)|kept (?:to|my|every)|"
    r"cut down|cutting down|attended|turned up|came in|told you|was honest|owned up|"
    r"thought about|stopped myself|counted|took a breath|left it|let it go|handed in|"
    r"filled in|saved)\b"
)


EVALUATES = rx(
    r"\b(?:that's|that is|which is|it's|shows|showed|means|matters|mattered|big (?:thing|deal|"
    r"step)|exactly|the kind of|not easy|took|takes|difference|counts|proper|real)\b"
)


def names_prosocial_act(unit: Unit, recent: list[str]) -> bool:
    """Plain-words praise: a statement that restates a prosocial act the client just reported
    and says what it is worth ("you said no, and that's how you stay out of court")."""
    if unit.code.behaviour == "question" or judges(unit.text):
        return False
    norm = normalise(unit.text)
    if not EVALUATES.search(norm):
        return False
    return any(
        lx_prosocial(c) and not BREACH.search(normalise(c)) and len(shared_stems(unit.text, c)) >= 2
        for c in recent
    )


def lx_prosocial(text: str) -> bool:
    return bool(PROSOCIAL.search(normalise(text)))


# ---------------------------------------------------------------- prosocial


def follow_asks(view: SessionView, j: int) -> bool:
    return any(u.code.behaviour == "question" for u in view.units.get(j, []))


def judge_procriminal(view: SessionView) -> None:
    """C2/C3 and collusion: what the practitioner does with procriminal or breach talk, and
    procriminal views the practitioner voices themselves."""
    for i, is_practitioner in enumerate(view.practitioner):
        if is_practitioner:
            voiced = [
                u
                for u in view.units.get(i, [])
                if PROCRIMINAL.search(normalise(u.text)) and u.code.behaviour != "reflection"
            ]
            if voiced and not CHALLENGE.search(normalise(view.texts[i])):
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
                view.add(
                    "C2",
                    at,
                    AGAINST,
                    "C2:lecture_not_challenge",
                    0.5,
                    "disapproval as a lecture, no alternative explored",
                )
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
            view.add(
                "C2",
                j,
                AGAINST,
                "C2:lecture_not_challenge",
                0.5,
                "disapproval as a lecture, no alternative explored",
            )
        else:
            view.add(
                "C3",
                i,
                AGAINST,
                "C3:procriminal_talk_unanswered",
                0.6,
                "procriminal talk left unanswered",
            )


# ---------------------------------------------------------------- structuring


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
    """A3: an agenda counts when the session then covers its topics; imposed or dropped, against."""
    n = len(view.texts)
    early = max(8, n // 3)
    for i in range(min(n, early)):
        if not view.practitioner[i] or not AGENDA_INTENT.search(normalise(view.texts[i])):
            continue
        topics = [t for u in view.units.get(i, []) for t in _topics(u.text)]
        # the client's items, when asked for, join the agenda
        invited = bool(AGENDA_INVITES.search(normalise(view.texts[i])))
        reply_at, reply = view.reply(i)
        if invited and reply_at is not None:
            topics += _topics(reply)
        if len(topics) < 2:
            continue
        later_stems = [content_stems(t) for t in view.texts[i + 2 :]]
        covered = [t for t in topics if _covered(t, later_stems)]
        share = len(covered) / len(topics)
        # the client's own items taken forward; a "yeah" to an imposed list is not agreement
        agreed = invited and reply_at is not None and not closes_down(reply)
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
        return


def _draws_together(view: SessionView, i: int) -> tuple[int, float, bool]:
    """(earlier client turns this turn picks up, share of its content the client had said,
    whether those turns span the session: some from its first half, some from later)."""
    text = view.texts[i]
    earlier = [j for j in range(i) if not view.practitioner[j]]
    picked = [j for j in earlier if len(shared_stems(text, view.texts[j])) >= 1]
    share = lexical_overlap(text, " ".join(view.texts[j] for j in earlier))
    spans = bool(picked) and min(picked) < i / 2 <= max(picked)
    return len(picked), share, spans


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
        told = sum(word_count(u.text) for u in units if judges(u.text) or "advice" in u.code.tags)
        verdict = told >= 0.4 * word_count(norm)
        if drawn >= 3 and share >= 0.25 and spans and not verdict:
            view.add(
                "A8",
                i,
                SUPPORTS,
                f"A8:summary_draws_together ({drawn} client turns)",
                0.75 if cue or checks else 0.55,
                "draws together what the client said",
                weight=1.0 if cue or checks else 0.7,
            )
        elif cue:
            why = (
                "the practitioner's verdict" if verdict else "does not draw on what the client said"
            )
            view.add("A8", i, AGAINST, "A8:summary_without_client", 0.6, f"summary cue but {why}")


def _follow_up_of(view: SessionView, i: int) -> tuple[str, str, int | None]:
    """(client answer, practitioner follow-up, follow-up turn) after practitioner turn i."""
    at, answer = view.reply(i)
    if at is None:
        return "", "", None
    j = view.next_practitioner(at)
    if j is None or j != at + 1:
        return answer, "", None
    return answer, view.texts[j], j


def judge_asked_and_taken_up(view: SessionView) -> None:
    """A1 check-in, A2 review, A9 barriers: the question counts when the answer is taken up."""
    n = len(view.texts)
    for i in view.units:
        norm = normalise(view.texts[i])
        for item, pattern, where in (
            ("A1", CHECK_IN, i <= max(6, n // 5)),
            ("A2", REVIEW_Q, i <= max(10, n // 2)),
            ("A9", BARRIER_Q, i >= n // 3),
        ):
            if item == "A9" and NEXT_STEPS.search(norm) and not BARRIER_Q.search(norm):
                view.add(item, i, SUPPORTS, "A9:next_steps", 0.6, "agrees next steps", weight=0.5)
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
            if takes_up(follow, answer, view.units.get(j, [])):
                view.add(
                    item,
                    j,
                    SUPPORTS,
                    f"{item}:answer_taken_up",
                    0.7,
                    "the client's answer is taken up",
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


# ---------------------------------------------------------------- cognitive


def asks_about_thinking(norm: str) -> bool:
    """A unit that invites the client's own thinking: the general pattern or a D item's cue."""
    from .evidence import COGNITIVE_CUES  # the D items' cues live with their detectors

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


JUDGES = (
    judge_reflections,
    judge_talk,
    judge_affirmations,
    judge_procriminal,
    judge_agenda,
    judge_summary,
    judge_asked_and_taken_up,
    judge_cognitive,
)


def judge_session(texts: list[str], practitioner: list[bool], units: dict[int, list[Unit]]):
    """All judged acts of a session, in the order of the judges above."""
    view = SessionView(texts=texts, practitioner=practitioner, units=units)
    for judge in JUDGES:
        judge(view)
    return view
