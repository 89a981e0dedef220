"""Word lists and phrase patterns the rules match on normalised text (see ``text.normalise``).

Patterns are written without punctuation so they hold for ASR output as well as typed text.
"""

from __future__ import annotations

import re


def rx(pattern: str) -> re.Pattern:
    """Compile a pattern so apostrophes are optional: ASR writes "id like" as often as "i'd"."""
    return re.compile(pattern.replace("'", "'?"))


WH_WORDS = frozenset(
    [
        *("what", "how", "why", "when", "where", "who", "which", "whats", "hows", "whys"),
        *("what's", "how's", "why's", "where's", "who's", "when's"),
    ]
)
AUXILIARIES = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "can",
        "could",
        "would",
        "will",
        "should",
        "shall",
        "may",
        "might",
        "am",
        "isn't",
        "aren't",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "wouldn't",
        "couldn't",
        "haven't",
        "hasn't",
        "wasn't",
        "weren't",
        "can't",
        "shouldn't",
    ]
)
SUBJECTS = frozenset(
    [
        "you",
        "i",
        "we",
        "it",
        "that",
        "this",
        "there",
        "he",
        "she",
        "they",
        "your",
        "things",
        "anything",
        "anyone",
    ]
)
OPEN_OPENERS = (
    "tell me",
    "describe",
    "talk me through",
    "walk me through",
    "take me through",
    "help me understand",
    "say more",
    "explain",
    "i wonder what",
    "i'm wondering what",
    "i wonder how",
    "i'm wondering how",
    "i'm curious",
    "i'm interested in what",
    "i'm interested in how",
)
QUESTION_SUBJECTS = frozenset(
    [
        "you",
        "i",
        "we",
        "he",
        "she",
        "they",
        "it",
        "be",
        "that",
        "this",
        "your",
        "the",
        "there",
        "things",
    ]
)
# "I know what you mean", "that's what it is": a wh-word after these is not a question
EMBEDDING_WORDS = frozenset(
    [
        "know",
        "knew",
        "see",
        "understand",
        "remember",
        "that's",
        "thats",
        "is",
        "was",
        "exactly",
        "matter",
        "mean",
        "tell",
        "told",
    ]
)
CLAUSE_BOUNDARIES = frozenset(
    [
        "so",
        "and",
        "okay",
        "ok",
        "but",
        "now",
        "well",
        "right",
        "yeah",
        "alright",
        "then",
    ]
)

FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "but",
        "for",
        "you",
        "your",
        "you're",
        "you've",
        "that",
        "this",
        "with",
        "have",
        "has",
        "had",
        "was",
        "were",
        "are",
        "not",
        "just",
        "really",
        "very",
        "what",
        "when",
        "then",
        "them",
        "they",
        "there",
        "their",
        "it's",
        "its",
        "about",
        "from",
        "into",
    ]
)
FEELING_WORDS = frozenset(
    [
        "feel",
        "feeling",
        "feelings",
        "felt",
        "angry",
        "anger",
        "upset",
        "sad",
        "scared",
        "afraid",
        "frightened",
        "worried",
        "worry",
        "anxious",
        "anxiety",
        "nervous",
        "frustrated",
        "frustrating",
        "frustration",
        "stressed",
        "stress",
        "stressful",
        "overwhelmed",
        "hopeless",
        "helpless",
        "ashamed",
        "embarrassed",
        "guilty",
        "guilt",
        "hurt",
        "lonely",
        "alone",
        "proud",
        "relieved",
        "happy",
        "excited",
        "hopeful",
        "confident",
        "torn",
        "stuck",
        "trapped",
        "fed",
        "up",
        "tired",
        "exhausted",
        "pressure",
        "pressured",
        "hard",
        "difficult",
        "tough",
        "important",
        "matters",
        "care",
        "cares",
        "caring",
        "values",
        "scary",
        "struggle",
        "struggling",
        "conflicted",
        "ambivalent",
        "mixed",
    ]
)

ADVICE = rx(
    r"\b(?:you should|you shouldn't|you need to|you've got to|you have got to|you have to|"
    r"you must|you ought to|i'd suggest|i would suggest|i suggest|i'd recommend|"
    r"i would recommend|i recommend|i'd advise|i would advise|i advise|my advice|"
    r"i want you to|why don't you|you might want to|you could try|try to|make sure you|"
    r"it's best to|it would be best|you'd be better|you had better|you'd better)\b"
)
INFORMATION = rx(
    r"\b(?:research|studies|study shows|evidence|we know that|the guidelines|recommended|"
    r"per cent|percent|statistics|the risk of|increases the risk|can cause|causes|"
    r"what happens is|the way it works|the law|the rules|the court|the magistrates|"
    r"your licence|licence conditions|the conditions|the order|this form|the results)\b"
)
PERMISSION = rx(
    r"\b(?:would it be (?:ok|okay|alright|all right) if i|is it (?:ok|okay|alright|all right) "
    r"if i|can i (?:share|tell|suggest|give|offer|make|mention|say)|could i (?:share|tell|"
    r"suggest|give|offer|make|mention)|may i|do you mind if i|would you like (?:me to|some|to "
    r"hear|to know)|would you be interested in|shall i|would that be (?:ok|okay|alright))\b"
)
AFFIRMATION = rx(
    r"\b(?:well done|good on you|good for you|that took (?:courage|guts|a lot)|"
    r"you should be (?:really )?proud|i'm (?:really )?(?:impressed|proud)|credit to you|"
    r"that's (?:really |so )?(?:great|brilliant|fantastic|excellent|impressive|amazing)|"
    r"you've done (?:really )?(?:well|brilliant|great)|you did (?:really )?(?:well|great)|"
    r"that's a (?:real |big )?(?:achievement|strength)|you've worked (?:really )?hard|"
    r"you're (?:clearly |really )?(?:committed|determined|resourceful|strong)|"
    r"you clearly (?:care|are|have)|i appreciate|thank you for (?:being|coming|sharing)|"
    r"(?:that|it|this) (?:takes|took|shows|showed) (?:real |a lot of |some )?(?:commitment|"
    r"courage|guts|effort|strength|determination|bottle)|"
    r"that was (?:really |very )?(?:clear|good|well done|brave)|^(?:brilliant|excellent|"
    r"fantastic|great stuff|nice one))\b"
)
SUMMARY = rx(
    r"\b(?:to sum up|so to sum up|sum that up|summing up|to summari[sz]e|let me summari[sz]e|"
    r"just to summari[sz]e|let me check i've got|let me check i have got|let me just check "
    r"i've got|let me recap|just to recap|to recap|pull (?:that|this|it) together|"
    r"so far you've (?:told|said)|what i'm hearing is|what i've heard)\b"
)
STRUCTURING = rx(
    r"\b(?:today i'd like|today i would like|today we|what would you like to (?:talk|focus|"
    r"cover|start)|agenda|before we finish|before we start|to start with|first of all i'd|"
    r"the plan for today|things to cover|let's move on|move on to|i'd like to talk about|"
    r"i want to talk about|last time we|next time|next appointment|next session)\b"
)
EMPATHY = rx(
    r"\b(?:that must (?:have been|be)|it must (?:have been|be)|i can (?:see|understand|imagine)"
    r" (?:why|how|that)|i can hear (?:that|how)|no wonder|that sounds (?:really )?(?:hard|"
    r"difficult|tough|frustrating|awful|scary|painful|horrible|stressful)|understandable|"
    r"makes sense (?:that|you)|anyone would (?:feel|be))\b"
)
AUTONOMY = rx(
    r"\b(?:it's up to you|it is up to you|up to you|your (?:choice|decision|call)|you decide|"
    r"only you can|what do you think would work|what would work for you|you're the expert|"
    r"you know yourself best|it's your life|whatever you decide|you don't have to)\b"
)
CHECK_UNDERSTANDING = rx(
    r"\b(?:does (?:that|this|it) make sense|in your own words|is that clear|"
    r"do you understand|what do you make of (?:that|this)|any questions|"
    r"have i explained|tell me what you understand|what's your understanding|"
    r"does that sound right|have i got that right|did i get that right)\b"
)
CONFRONTATION = rx(
    r"\b(?:you always|you never|you need to just|you just need to|you've got to stop|"
    r"you have to stop|grow up|sort yourself out|sort it out|your own fault|"
    r"how many times|i've told you|i have told you|you should know better|you know better|"
    r"that's (?:just )?(?:stupid|ridiculous|pathetic|rubbish|nonsense)|no excuse|"
    r"stop making excuses|excuses|don't give me|i don't believe you|you're lying|"
    r"what were you thinking|you're not listening|that's not good enough|last warning|"
    r"i'm not (?:interested|having it))\b"
)
COMMITMENT = rx(
    r"\b(?:i'll|i will|i'm going to|i am going to|i can|leave it with me)\s+(?:\w+\s+)?"
    r"(?:ring|call|phone|send|write|email|speak|talk to|chase|sort|book|look into|find out|"
    r"check|get|contact|arrange|text|refer|pass|put|print|bring|follow)\b"
)
JARGON = rx(
    r"\b(?:mappa|oasys|ogrs|rosh|ete|rar|upw|iom|nsd|crc|atr|drr|asro|tsp|bcst|"
    r"sara|ospr|rsr|ipp|hdc|ldu|nps|cas3|ap)\b"
)
JARGON_EXPLAINED = rx(
    r"\b(?:which is|that's the|that is the|stands for|that means|which means|what that means|"
    r"in other words|basically|is where|is when|is a|is the)\b"
)
