"""Split practitioner turns into units (sentences or clauses) and code each unit.

One turn often holds an affirmation, a reflection and a question; coding the turn as one act
loses two of them. Punctuated text splits at sentence ends; unpunctuated speech-recognition
text splits where a new clause starts: a discourse marker ("okay", "right", "so", "and then")
followed by a clause, or a question start (a wh-word or an auxiliary followed by a subject)
after a few words of something else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lexicon as lx
from .codes import UtteranceCode, code_utterance
from .text import sentences

MIN_UNIT_WORDS = 3  # shorter pieces stay with their neighbour ("okay so", "right")
# Markers that open a new clause when a clause follows them.
MARKERS = frozenset({"okay", "ok", "right", "alright", "so", "now", "anyway", "well", "but"})
MARKER_PAIRS = frozenset({"and then", "and so", "but then", "and now", "all right"})
# Two-word openings of an act of their own (a reflection, an affirmation, empathy).
ACT_STARTS = frozenset(
    {"it sounds", "sounds like", "i hear", "i can", "that must", "it must", "well done"}
    | {"that took", "thank you", "you sound", "you seem", "let me", "can i", "would it"}
)
# What may follow a marker for it to open a clause ("so you..." yes, "so tired" no).
CLAUSE_STARTS = (
    lx.SUBJECTS
    | lx.WH_WORDS
    | lx.AUXILIARIES
    | {"let's", "lets", "it's", "that's", "there's", "i'm", "i've", "i'd", "you're", "you've"}
    | {"you'd", "we're", "we'll", "i'll", "tell", "if", "when", "before", "today", "last"}
    | {"what's", "how's", "well", "thank", "thanks", "first", "next", "to"}
)
# A marker right after these belongs to the clause before ("is that okay", "that's right").
MARKER_TAKERS = frozenset(
    {"that's", "thats", "is", "it's", "its", "be", "feel", "feels", "all", "was", "are", "am"}
    | {"not", "seems", "sounds", "looks", "alright", "okay", "so", "and", "very", "really"}
)
# Verbs that make "what"/"who" a question on their own ("what happened", "who helped").
WH_VERBS = frozenset({"happened", "happens", "went", "helped", "stopped", "else", "made", "got"})
# Words after which a wh-word is embedded, not a new question ("about what happened").
EMBEDDERS = lx.EMBEDDING_WORDS | {
    *("about", "of", "on", "in", "at", "for", "from", "with", "to", "and", "or", "but"),
    *("ask", "asked", "asking", "wonder", "wondering", "sure", "decide", "out", "idea"),
    *("where", "when", "what", "how", "why", "who", "which", "that", "this", "depends"),
    *("doing", "did", "do", "like", "is", "be", "matter", "care", "figure", "work"),
}


@dataclass
class Unit:
    """One clause-sized act inside a practitioner turn."""

    turn: int  # position of the turn in the session
    n: int  # position of the unit in its turn
    text: str
    code: UtteranceCode
    doubts: list[str] = field(default_factory=list)

    @property
    def doubtful(self) -> bool:
        return bool(self.doubts)

    def to_dict(self) -> dict:
        return {
            "turn": self.turn,
            "n": self.n,
            "text": self.text,
            "behaviour": self.code.behaviour,
            "question_subtype": self.code.question_subtype,
            "reflection_subtype": self.code.reflection_subtype,
            "tags": list(self.code.tags),
            "confidence": round(self.code.confidence, 3),
            "check": self.doubts,
        }


def _split_tokens(tokens: list[str]) -> list[int]:
    """Indices where a new clause starts in an unpunctuated run of words."""
    cuts = []
    last = 0
    for i in range(1, len(tokens) - 1):
        # Whisper joins clauses with commas ("should be fine anyway, did you go"): the words
        # are matched without them, and a comma before a question start is a boundary itself
        word, nxt = _bare(tokens[i]), _bare(tokens[i + 1])
        prev = tokens[i - 1].lower()
        pair = f"{word} {nxt}"
        bare_prev = _bare(prev)
        cut = bool(
            prev.endswith(",")
            and _asks(word, nxt)
            or pair in MARKER_PAIRS
            and i + 2 < len(tokens)
            or pair in ACT_STARTS
            and bare_prev not in MARKERS | {"and", "but", "it"}
            or word in MARKERS
            and nxt in CLAUSE_STARTS
            and bare_prev not in MARKER_TAKERS
            or (
                word in lx.WH_WORDS
                and (nxt in lx.AUXILIARIES or nxt in WH_VERBS or word.endswith("'s"))
                and bare_prev not in EMBEDDERS
                and bare_prev not in MARKERS
            )
            or (
                word in lx.AUXILIARIES
                and nxt in ("you", "we", "i", "they", "he", "she")
                and bare_prev not in lx.WH_WORDS
                and bare_prev not in lx.SUBJECTS
                and bare_prev not in EMBEDDERS
                and bare_prev not in MARKERS
                and not word.endswith("n't")
            )
        )
        if cut and i - last >= MIN_UNIT_WORDS and len(tokens) - i >= MIN_UNIT_WORDS:
            cuts.append(i)
            last = i
    return cuts


def _bare(token: str) -> str:
    return token.lower().rstrip(",;:")


def _asks(word: str, nxt: str) -> bool:
    """A question opens here: a wh-word before a verb or subject ("what did", "how you"), or
    an auxiliary before a person ("did you", "are we")."""
    if word in lx.WH_WORDS:
        return nxt in lx.AUXILIARIES or nxt in lx.QUESTION_SUBJECTS or nxt in WH_VERBS
    return (
        word in lx.AUXILIARIES
        and nxt in ("you", "we", "i", "they", "he", "she")
        and not word.endswith("n't")
    )


def split_clauses(text: str) -> list[str]:
    """Sentence pieces, each further split at clause starts when it runs on unpunctuated."""
    pieces = []
    for sentence in sentences(text):
        tokens = sentence.split()
        bounds = [0, *_split_tokens(tokens), len(tokens)]
        pieces += [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    merged: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip() if carry else piece
        # a fragment too short to be an act ("Right.", "Okay so") joins the next piece,
        # unless it asks something ("Why?")
        if len(piece.split()) < MIN_UNIT_WORDS and not piece.rstrip().endswith("?"):
            carry = piece
            continue
        carry = ""
        merged.append(piece)
    if carry:
        if merged:
            merged[-1] = f"{merged[-1]} {carry}"
        else:
            merged.append(carry)
    return [m for m in merged if m.strip()] or [text]


def split_units(
    turn: int, text: str, previous_client: str = "", permission_asked: bool = False
) -> list[Unit]:
    """The coded units of one practitioner turn."""
    units = []
    for n, piece in enumerate(split_clauses(text)):
        code = code_utterance(turn, piece, previous_client, permission_asked)
        units.append(Unit(turn=turn, n=n, text=piece, code=code))
    return units


# Below these a code is a guess worth a person's look (measured in bench/flags_annomi.py).
MODEL_SURE = 0.6
RULES_SURE = 0.5


def flag_doubts(unit: Unit, rule_behaviour: str | None) -> None:
    """Mark a unit for checking only when its code is in doubt: the model is unsure, the rules
    fell back on a weak guess, or the rules and the model disagree."""
    code = unit.code
    doubts = []
    if code.source == "model":
        if code.confidence < MODEL_SURE:
            doubts.append("the model is unsure")
        if rule_behaviour and rule_behaviour != code.behaviour and code.confidence < 0.8:
            doubts.append("the rules read it differently")
    elif code.confidence < RULES_SURE:
        doubts.append("a weak rule decided")
    unit.doubts = doubts
    code.check = list(doubts)


def derive_turn_code(whole: UtteranceCode, units: list[Unit]) -> UtteranceCode:
    """One code for the whole turn, for outputs that keep one code per utterance.

    The rule (docs/scoring.md): the code of the turn read whole when one of its units has that
    code; otherwise a turn that ends by asking is a question (what it hands to the client);
    otherwise a turn holding a reflection is a reflection; otherwise one holding
    therapist input is therapist input; otherwise the code of the turn read whole. Tags are the
    union of the units' tags and the whole turn's.
    """
    if len(units) <= 1:
        return whole
    code = UtteranceCode(index=whole.index, speaker=whole.speaker, source=whole.source)
    code.tags = list(dict.fromkeys([*whole.tags, *(t for u in units for t in u.code.tags)]))
    last = units[-1].code
    reflections = [u.code for u in units if u.code.behaviour == "reflection"]
    inputs = [u.code for u in units if u.code.behaviour == "therapist_input"]
    if whole.behaviour in {u.code.behaviour for u in units}:
        decider = whole
    elif last.behaviour == "question":
        decider = last
    elif reflections:
        decider = next(
            (c for c in reflections if c.reflection_subtype == "complex"), reflections[0]
        )
    elif inputs:
        decider = inputs[0]
    else:
        decider = whole
    code.behaviour = decider.behaviour
    code.question_subtype = decider.question_subtype
    code.reflection_subtype = decider.reflection_subtype
    code.input_subtype = decider.input_subtype
    code.confidence = decider.confidence
    code.check = list(decider.check)
    return code
