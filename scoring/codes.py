"""Layer 1: code each practitioner utterance as in MI coding (rules and lexicons).

Behaviour: question (open/closed), reflection (simple/complex), therapist input (information,
advice, advice with permission), other; plus tags such as affirmation or summary. The optional
model in ``model.py`` refines behaviour and subtypes; the tags always come from the rules here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .text import normalise, sentences, strip_fillers

PRACTITIONER = "practitioner"
CLIENT = "client"
BEHAVIOURS = ("question", "reflection", "therapist_input", "other")

_REFLECTION_OPENERS = re.compile(
    r"^(?:so )?(?:it sounds like|sounds like|it sounds as if|it seems like|it seems|seems like|"
    r"you sound|you seem|what i'm hearing|i'm hearing|i hear|so you|you feel|you're feeling|"
    r"you felt|you're|you are|you've|you have|you'd|you want|you don't|you didn't|you wanted|"
    r"you think|you know that|you were|you really|you kind of|you're saying|you said|"
    r"part of you|on the one hand|on one hand|it's like|for you|you'd like|you would like|"
    r"your|you|it's been|that's been|that was|it was|it's|that's|a lot of|because you|"
    r"and you|but you|even though)\b"
)
_COMPLEX_CUES = re.compile(
    r"\b(?:sounds like|part of you|on the one hand|on the other hand|even though|"
    r"it's important|really important|matters to you|you value|you care|for you|"
    r"you're worried|you're afraid|you're scared|you're torn|a big deal|"
    r"if i'm hearing|you're wondering|what you really want|you're not sure|at the same time)\b"
)
_BACKCHANNEL_MAX_WORDS = 3


@dataclass
class UtteranceCode:
    """The Layer 1 code of one utterance (client utterances keep behaviour None)."""

    index: int
    speaker: str
    behaviour: str | None = None
    question_subtype: str | None = None
    reflection_subtype: str | None = None
    input_subtype: str | None = None
    tags: list[str] = field(default_factory=list)
    confidence: float = 0.0
    source: str = "rules"
    check: list[str] = field(default_factory=list)  # why a person should check this code

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "behaviour": self.behaviour,
            "question_subtype": self.question_subtype,
            "reflection_subtype": self.reflection_subtype,
            "input_subtype": self.input_subtype,
            "tags": list(self.tags),
            "confidence": round(self.confidence, 3),
            "source": self.source,
            "check": list(self.check),
        }


def _question_start(tokens: list[str]) -> str | None:
    """'open' or 'closed' when the tokens open like a question, else None."""
    tokens = strip_fillers(tokens)
    if not tokens:
        return None
    head = " ".join(tokens[:5])
    if any(head.startswith(opener) for opener in lx.OPEN_OPENERS):
        return "open"
    first = tokens[0]
    if first in lx.WH_WORDS:
        # "what a day" or "how much" are still questions when they open a turn
        return "open"
    if first in lx.AUXILIARIES and len(tokens) > 1 and tokens[1] in lx.SUBJECTS:
        return "closed"
    if first in ("any", "anything", "anybody", "anyone") and len(tokens) > 1:
        return "closed"
    return None


def question_type(text: str) -> str | None:
    """'open' / 'closed' if the utterance asks a question, None otherwise.

    With punctuation, a sentence ending in '?' is a question. Without it, a clause that opens
    with a wh-word or with an auxiliary followed by a subject ('do you', 'have you') is one.
    """
    found = None
    for sentence in sentences(text):
        tokens = normalise(sentence).split()
        kind = _question_start(tokens)
        if sentence.rstrip().endswith("?"):
            found = kind or _open_inside(tokens) or "closed"
        elif kind:
            found = kind
    if found:
        return found
    # unpunctuated turns: a question clause after a boundary word ("okay so what ...")
    # unpunctuated turns: "what would you ...", "who could you ..." anywhere is a question;
    # an auxiliary-first clause only after a boundary word ("okay so do you ...")
    tokens = normalise(text).split()
    for i in range(1, len(tokens) - 2):
        if (
            tokens[i] in lx.WH_WORDS
            and tokens[i + 1] in lx.AUXILIARIES
            and tokens[i + 2] in lx.QUESTION_SUBJECTS
            and tokens[i - 1] not in lx.EMBEDDING_WORDS
        ):
            return "open"
        if (
            tokens[i - 1] in lx.CLAUSE_BOUNDARIES
            and tokens[i] in lx.AUXILIARIES
            and tokens[i + 1] in ("you", "we", "it", "that", "there")
        ):
            return "closed"
    return None


def _open_inside(tokens: list[str]) -> str | None:
    joined = " ".join(tokens)
    if re.search(r"\b(?:what|how|why|tell me)\b", joined) and not re.search(
        r"\b(?:is that|isn't it|right|yeah)$", joined
    ):
        return "open"
    return None


def _is_backchannel(tokens: list[str]) -> bool:
    return len(tokens) <= _BACKCHANNEL_MAX_WORDS and not strip_fillers(tokens)


def tags_for(norm: str) -> list[str]:
    tags = []
    for name, pattern in (
        ("affirmation", lx.AFFIRMATION),
        ("summary", lx.SUMMARY),
        ("structuring", lx.STRUCTURING),
        ("permission", lx.PERMISSION),
        ("empathy", lx.EMPATHY),
        ("autonomy", lx.AUTONOMY),
        ("check_understanding", lx.CHECK_UNDERSTANDING),
        ("confrontation", lx.CONFRONTATION),
        ("commitment", lx.COMMITMENT),
        ("advice", lx.ADVICE),
    ):
        if pattern.search(norm):
            tags.append(name)
    return tags


def reflection_subtype(norm: str, previous_client: str) -> str:
    """Complex when the reflection adds meaning or feeling the client did not say."""
    if _COMPLEX_CUES.search(norm):
        return "complex"
    said = set(normalise(previous_client).split())
    added_feelings = [w for w in norm.split() if w in lx.FEELING_WORDS and w not in said]
    if added_feelings:
        return "complex"
    content = [w for w in norm.split() if len(w) > 3]
    if content and said:
        overlap = sum(1 for w in content if w in said) / len(content)
        if overlap < 0.25 and len(content) >= 6:
            return "complex"
    return "simple"


def code_utterance(
    index: int, text: str, previous_client: str = "", permission_asked: bool = False
) -> UtteranceCode:
    """Code one practitioner utterance by rules."""
    norm = normalise(text)
    tokens = norm.split()
    code = UtteranceCode(index=index, speaker=PRACTITIONER, tags=tags_for(norm))
    if not tokens or _is_backchannel(tokens):
        code.behaviour, code.confidence = "other", 0.9
        return code
    qtype = question_type(text)
    core = " ".join(strip_fillers(tokens))
    if qtype:
        code.behaviour, code.question_subtype, code.confidence = "question", qtype, 0.8
    elif "advice" in code.tags or lx.INFORMATION.search(norm):
        code.behaviour, code.confidence = "therapist_input", 0.6
    elif _REFLECTION_OPENERS.search(core) and len(tokens) >= 3:
        code.behaviour, code.confidence = "reflection", 0.55
    elif _restates(tokens, previous_client):
        code.behaviour, code.confidence = "reflection", 0.5
    elif len(strip_fillers(tokens)) >= 6 and re.search(r"\b(?:i|we|it|there|the)\b", core):
        code.behaviour, code.confidence = "therapist_input", 0.4
    else:
        code.behaviour, code.confidence = "other", 0.5
    if code.behaviour == "reflection":
        code.reflection_subtype = reflection_subtype(norm, previous_client)
    if code.behaviour == "therapist_input":
        code.input_subtype = input_subtype(code.tags, permission_asked)
    return code


def _restates(tokens: list[str], previous_client: str) -> bool:
    """Most of the content words come from the client's last turn: a simple reflection."""
    said = set(normalise(previous_client).split())
    content = [w for w in tokens if len(w) > 2 and w not in lx.FUNCTION_WORDS]
    return (
        bool(said) and len(content) >= 2 and sum(w in said for w in content) / len(content) >= 0.5
    )


def input_subtype(tags: list[str], permission_asked: bool) -> str:
    if "advice" in tags:
        return "advice_with_permission" if permission_asked or "permission" in tags else "advice"
    return "information"
