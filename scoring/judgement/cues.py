"""Cue patterns the judgements match on normalised text (see ``text.normalise``).

A cue only makes an act a candidate; the judges in this package decide from its context
whether it counts. Apostrophes are optional, so the patterns hold for ASR output too.
"""

from __future__ import annotations

from ..lexicon import rx
from ..similarity import content_stems

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
# Client replies that go along without agreeing: resignation, not assent.
GRUDGING = rx(
    r"^(?:(?:yeah|yes|ok|okay) )?(?:i suppose|suppose so|s'pose|if you say so|whatever|i guess)\b"
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
    r"proud|credit to you|(?:that|it) (?:took|takes) (?:real |a lot of |some )?"
    r"(?:courage|guts|bottle|commitment|effort|strength|determination)?|(?:that|it) (?:shows|"
    r"showed) (?:you|(?:real |a lot of |some )?(?:courage|guts|bottle|commitment|effort|"
    r"strength|determination))|you've done (?:really )?"
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
    r"her|them|jordan|my co)|"
    # driving reported as done, mostly by the client, not any driving: "my mam drove me" and
    # "my driving test" are not breaches; "I only drove round the corner" may be
    r"i(?: (?:just|only|still|even|then|actually|literally))* "
    r"(?:drove|was(?: (?:just|only|still|even|actually))* driving)|"
    r"i(?:'ve|ve|'d|d| have| had)?(?: (?:just|only|still|even|then|actually))* been driving|"
    r"i(?:'ve|ve|'d|d| have| had) driven|(?:we|me and \w+|\w+ and me|\w+ and i) drove|"
    r"^(?:(?:yeah|yes|so|well|um|er|and|just) )*(?:drove|been driving)|"
    r"(?:caught|stopped|pulled over|nicked|done) (?:for |while |whilst )?driving|"
    r"drove (?:home|off|away|back|there|round|it)|"
    r"driving (?:again|while|whilst|without|banned|disqualified|on a ban))\b"
)
# Force the client reports using, besides BREACH's offences: with BREACH and PROCRIMINAL, what
# makes a client turn an occasion for going along (C3). Kept apart from BREACH so that the
# praise and C2 judgements, fitted on BREACH, are unchanged.
FORCE = rx(
    r"\b(?:shoved|pushed (?:him|her|them|someone)|slapped|headbutted|kicked (?:him|her|them|"
    r"someone|his|her|their)|grabbed (?:him|her|them|someone)|threw (?:a|the) \w+ at)\b"
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
    r"it's not a big deal|no big deal|it's only(?! (?:round|around|down|up|across|over|next door|"
    r"me|us|you|him|her|a (?:short )?walk|\w+ minutes? (?:away|walk|from)|last|yesterday|today|"
    r"(?:\w+day|a (?:few )?(?:days?|weeks?|months?))\b(?!'?s? (?:wages|money|pay|takings|worth))|"
    r"when|after|now|fair|natural|right|a matter of))|"
    r"(?:he|she) needed (?:a slap|sorting|telling)|"
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
# A reply that opens by laughing: laughing along with what the client just said.
LAUGHS = rx(r"^(?:ha|haha|hahaha|lol|laughs?|laughter)\b")
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
    r"\b(?:tell me if (?:i've|i have|i|i'm) (?:got )?(?:\w+ ){0,3}wrong|"
    r"have i (?:got|missed|left)|did i (?:get|miss)|is that (?:right|fair)|anything "
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
    # another person's view of it: "how might it look to someone else?"
    r"(?:look|seem|sound|come across) to (?:someone|anyone|somebody|other people|others|"
    r"him|her|them|the \w+|your \w+)|(?:someone|somebody) else's (?:side|view|shoes)|"
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

# Not being caught named as the good thing ("at least you didn't get pinched"): praise in the
# same turn rewards getting away with it. Only where the words make it the good thing ("at
# least", "lucky", "good thing", "good job", "glad", "thank god", "thankfully"): "you could have
# got away with it and you told them" praises honesty, "it's not about not getting caught"
# challenges, and "caught up in it", "caught in the rain" are other senses.
EVADED = rx(
    r"\b(?:at least|least|good (?:thing|job)|lucky|glad|thank god|thankfully) (?:that )?"
    r"(?:(?:you |they )?(?:didn't|did not|never|weren't|wasn't|won't|don't) (?:get |got |getting "
    r"|be |been )?(?:caught|pinched|nicked|lifted|collared)\b(?! up| out| on| in| short| into)|"
    r"(?:you |they )?got away with (?:it|that)\b|(?:nobody|no one) (?:caught|nicked|saw|noticed|"
    r"found out)\b|(?:they|the police) (?:didn't|did not|never) (?:catch|caught|nick|nicked|see|"
    r"saw|find out|found out)\b)"
)
# A temptation the client reports resisting, not a breach: the words just before an offending
# cue make it something that nearly happened ("I nearly didn't bother"), or the client turns it
# down after it ("... but then I thought no"). A plain "but I didn't ..." is not enough: "I had a
# drink but I didn't get drunk" minimises. Nearly being caught is not nearly offending.
NEARLY = rx(
    r"\b(?:nearly|almost|was going to|were going to|was about to|tempted to|close to)\W+"
    r"(?:\w+\W+){0,2}$"
)
CAUGHT = rx(
    r"\b(?:got|get|been|being|was|were)\W+(?:(?:nearly|almost)\W+)?(?:caught|arrested|nicked|"
    r"lifted|pulled|stopped|done)\b"
)
TURNED_DOWN = rx(
    r"^\W*(?:\w+\W+){0,14}?but (?:then )?(?:i |we )?(?:thought (?:no\b(?! more)|better|twice|"
    r"again)|said no|changed my mind|decided (?:not|against)|walked (?:away|off|out)|"
    r"put (?:it|them) back|didn't go through with it|held back|stopped myself)\b"
)
# What makes an act the client reports something they meant or were offered, not something
# done: only such an act can be turned down afterwards ("I wanted to hit him, but I walked
# away"); "I hit him but then I walked away" reports the hitting.
INTENDED = rx(
    r"\b(?:wanted to|felt like|was going to|were going to|was about to|tempted to|offered(?: me)?|"
    r"had it in my (?:coat|pocket|bag|hand)|could have|thought about)\W+"
    r"(?:(?!(?:so|but|because|cos|then|and)\b)\w+\W+){0,3}$"
)
# A practitioner who negates a procriminal phrase is disagreeing with it ("it's not
# victimless", "I don't think everyone does it"), not voicing it. The negation must govern
# the phrase: "not surprised, everyone does it", "no doubt everyone does it" and "I don't think
# it matters, everyone does it" voice it.
NEGATED = rx(
    r"(?:\b(?:not|isn't|wasn't|aren't|weren't)\W+(?:(?:just|exactly|entirely|totally|all|that|so|"
    r"really|even|actually)\W+)?|\bwouldn't (?:call|say) (?:it |that )?|\b(?:don't|do not) "
    r"(?:really )?(?:think|believe) (?:that )?(?:it's |it is |it was |that's |everyone |everybody "
    r"|they |they're |he |she )?)$"
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
# When something will happen: a day, a date, a clock time or a span from now. Ordinary time
# words, no skill's cue: the ending judge asks whether a next step is pinned to a time. Each
# piece is narrow on purpose, since everyday words look like times: an ordinal only as a date
# ("the 3rd", "the fifth of March", "see you on the twelfth", not "the first thing"), "at ten"
# but not "at one point", "half" only on a clock ("half ten", not "half the time"), "the week"
# only as "next week" or "this week" (not "how was the week"), "same time" but not "at the
# same time".
_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|twenty (?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth)|thirty first)"
)
# What an ordinal counts when it is not a date: "on the second attempt", "the first thing".
_COUNTED = (
    r"(?:things?|times?|ones?|go|attempt|day|week|month|year|person|people|floor|place|step|"
    r"bit|part|question|point|session|appointment|stage|round|half|lot|of (?:them|us|those))\b"
)
_PERIOD = r"(?:week|weekend|month|morning|afternoon|evening)"
_TIME_ANCHOR = (
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|"
    rf"(?:next|this|coming|following) {_PERIOD}|later (?:on )?(?:today|this {_PERIOD})|"
    r"(?<!last )(?<!past )fortnight|(?<!at the )same time|"
    r"(?:in|within) (?:a|one|two|three|four|\d+) (?:days?|weeks?)|"
    rf"{_NUMBER}(?: \d\d)? ?(?:am|pm|o'clock|thirty|fifteen|forty ?five)|"
    rf"at {_NUMBER}\b(?! (?:points?|stages?|times?|things?|of|another|each|go|bits?|steps?|"
    r"ways?|side|level|place|pounds?|percent|minutes?|hours?|days?|weeks?|years?))|"
    rf"half (?:past|{_NUMBER}\b)|quarter (?:past|to) {_NUMBER}\b|"
    rf"the \d{{1,2}}(?:st|nd|rd|th)\b(?! (?:time|thing|one|go|attempt|person|floor))|"
    rf"(?:the )?{_ORDINAL} of (?:the month|this month|next month|{_MONTH})|"
    rf"(?:on|before|after|by|until|till|from) the {_ORDINAL}\b(?! {_COUNTED})|"
    rf"^(?:on )?the {_ORDINAL}$|"
    rf"(?:{_MONTH}(?<!may) (?:the )?|may the ){_ORDINAL}|\d{{1,2}} {_MONTH}|"
    rf"by (?:the )?end of (?:the |this |next )?(?:day|{_PERIOD}|fortnight|{_MONTH}))\b"
)
TIME_ANCHOR = rx(_TIME_ANCHOR)
# A time that leaves the step open: "sometime next week", "whenever you need". The ending judge
# removes it, with any time it governs, before looking for a time, so that "ring me whenever"
# in the same turn as "Thursday at ten" leaves Thursday standing.
VAGUE_TIME = rx(
    r"\b(?:sometime|some time|whenever|at some point|one of these days)\b"
    rf"(?: (?:(?:in|on|during|over|around|by|before|after) (?:the )?)?{_TIME_ANCHOR})?"
)
# (2.10) The practitioner says their own undertaking is not done ("I haven't got round to it",
# "I completely forgot", "I haven't sent that letter yet"): modelling reliability, read from
# what the practitioner admits, never from promises made (which any session can say).
_TASK = (
    r"(?:ring|call|phone|send|do|sort|write|chase|look|speak|email|book|print|bring|check|"
    r"find|make|fill)"
)
_TASKING = (
    r"(?:it|that|them|ringing|calling|phoning|sending|doing|sorting|writing|chasing|looking|"
    r"speaking|emailing|booking|printing|bringing|checking)"
)
_AFTER_ADMITTING = r"(?= sorry| i'll| i will| yet| its| it's|$)"  # what follows "I forgot it"
_FORGOT = r"i (?:completely |clean |totally )?forgot"
UNDONE_PROMISE = rx(
    r"\b(?:"
    rf"i (?:haven't|have not|didn't|did not) (?:had|got|get) (?:a|the) chance"
    rf"(?: to {_TASK}|{_AFTER_ADMITTING})|"
    rf"i (?:haven't|have not|didn't|did not|never) (?:got|get|gotten) (?:a)?round to {_TASKING}|"
    rf"i (?:haven't|have not|didn't|did not) manage(?:d)? to {_TASK}|"
    r"i (?:haven't|have not) (?:done|sent|rung|written|booked|chased|sorted|finished) "
    rf"(?:(?:it|that|them){_AFTER_ADMITTING}|(?:the|your) \w+(?: \w+)? yet)|"
    rf"{_FORGOT} (?:all )?(?:about )?(?:it|that){_AFTER_ADMITTING}|"
    rf"{_FORGOT} (?:all )?about (?:the|your) \w+|"
    rf"{_FORGOT} to {_TASK}|"
    rf"{_FORGOT}{_AFTER_ADMITTING}|"
    r"(?:it|that) (?:completely |totally )?(?:slipped|went out of) my mind"
    r"(?! to (?:say|ask|mention|tell))|"
    r"i still (?:haven't|have not) (?:sent|done|rung|written|booked|chased|sorted)"
    r")\b"
)
# (2.11) The client holds the practitioner to an undertaking ("you said you'd ring them last
# week", "you were supposed to do the letter", "that's the third time you've said that"): the
# client's side of the same lapse, which the reply may never admit ("did I? I'll look"). Only
# tasks the practitioner takes on, so that "you said you'd recall me" or "you said you'd be
# late" are not read as undertakings; "promised" only with one, not "you promised yourself".
_UNDERTAKEN = (
    rf"(?:{_TASK}|e mail|get|help|come|text|contact|refer|put|ask|give|arrange|apply|post|pass)"
)
_UNDERTAKEN_PAST = (
    r"(?:did|done|rang|rung|called|phoned|sent|sorted|wrote|written|chased|looked|found|spoke|"
    r"emailed|booked|brought|checked|got|helped|came|texted|contacted|referred|put|filled|"
    r"printed|asked|gave|made|arranged|posted|passed)"
)
REMINDS_OF_UNDERTAKING = rx(
    r"\byou (?:said|told me|promised)(?: (?:me|that|before|last \w+|the other \w+|on \w+day))* "
    r"(?:you'd|you would|youd|you will|you'll|youll|you were going to|you was going to|"
    rf"you were gonna|you was gonna|you're going to|to) {_UNDERTAKEN}\b|"
    rf"\byou (?:were|was) (?:supposed|meant) to {_UNDERTAKEN}\b|"
    rf"\byou (?:never|still haven't|still havent|still have not|still ain't|didn't|didnt) "
    rf"(?:{_UNDERTAKEN_PAST}|{_UNDERTAKEN})(?<!got)(?<!get) (?:me|it|that|them|the \w+|my \w+|"
    r"back|round|anything)\b(?! (?:for|to) (?:me|yourself)\b)|"
    r"\byou said you (?:would|will|d)$|"
    r"\b(?:that's|thats|that is) (?:like )?(?:the )?(?:second|third|fourth|fifth|\d+(?:nd|rd|th)) "
    r"time you(?:'ve| have|ve)? (?:said|told|promised)\b|"
    r"\b(?:two|three|four|five) times you(?:'ve| have|ve)? said\b|"
    r"\b(?:that's what )?you said (?:that|the same)(?: the)? last (?:time|week|weak)\b"
)
# It is a reminder of something owed, not an echo of what the practitioner has just taken on
# ("so you said you'd ring her tomorrow") or thanks for something done ("and you did"): the
# client places it before today, or the reply owns it up or puts it off.
BEFORE_TODAY = rx(
    r"\b(?:last (?:time|week|weak|visit|appointment|month)|the other (?:day|week)|weeks ago|"
    r"ages ago|before|(?:second|third|fourth|fifth) time|times you|you never|still|supposed|"
    r"meant to|on (?:mon|tues|wednes|thurs|fri)day)\b"
)
KEPT_AFTER_ALL = rx(
    r"\b(?:and|which|that) you (?:did|have|had)\b(?! ?n'?t)|\band it (?:has|did|worked)\b"
)
PUTS_OFF = rx(
    r"\b(?:did i|sorry|apologies|haven't|havent|have not|not had|not yet|forgot|forgotten|"
    r"gone out (?:of )?my head|slipped my mind|didn't get|didnt get|did not get|been (?:mad|busy|"
    r"manic|crazy|hectic|a nightmare|snowed)|snowed under|on my (?:to do )?list|get to it|"
    r"remind me|didn't happen|didnt happen|not done|no joy|try again|wrong|i thought i)\b"
)
# What the reply says when the undertaking is kept after all ("here it is", "I rang them
# Tuesday", "I'll write it down now"): then the reminder found nothing undone, unless the same
# reply owns up or puts off (``PUTS_OFF``: "I rang them but no joy, I'll try again").
DELIVERS = rx(
    r"\b(?:here it is|here you go|here you are|here's|there you go|(?:it's|its|it is) here|"
    r"got it here|i have it here|i(?:'ve| have|ve)? got (?:it|the \w+|your \w+)(?! on)|"
    r"i have(?: done)?(?= it's| its| here)|(?:it's|its|it is) (?:done|sorted|gone off|in the post)|"
    r"i(?:'ve| have|ve)? (?:already )?(?:done|sent|rung|brought|booked|written|emailed|chased|"
    r"posted|sorted|phoned|called|spoken|handed|looked into|checked)\b|"
    r"i already did|i did (?:it|that|do|ring|call|phone|send|email|write|look|speak|check|sort|"
    r"book)|i (?:sent|rang|phoned|called|emailed|wrote|spoke|posted|handed|looked)\b|"
    r"(?:i'll|i will|ill) (?:(?:do|write) (?:it|that)(?: down)? )?now\b(?! that))"
)
