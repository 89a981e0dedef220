"""How much one piece of talk takes up another: the semantic overlap the judgements rest on.

With the sentence encoder (``scoring.encoder``, when it is installed and ``available()``) the
overlap is the cosine of sentence vectors; without it, a lexical fallback: the share of a
text's content words (stemmed, so "drinking" meets "drink") that the other text also used.
Synonyms are out of reach of the fallback ("mates" does not meet "friends").
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from .text import FILLERS, normalise

# Words that carry no topic: function words, fillers, generic verbs and hedges.
STOPWORDS = (
    frozenset(
        [
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "any",
            "anything",
            "are",
            "aren't",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "by",
            "can",
            "can't",
            "cannot",
            "could",
            "couldn't",
            "did",
            "didn't",
            "do",
            "does",
            "doesn't",
            "doing",
            "don't",
            "down",
            "during",
            "each",
            "even",
            "ever",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "gets",
            "getting",
            "got",
            "gonna",
            "had",
            "hadn't",
            "has",
            "hasn't",
            "have",
            "haven't",
            "having",
            "he",
            "he'd",
            "he'll",
            "he's",
            "her",
            "here",
            "here's",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "how's",
            "i",
            "i'd",
            "i'll",
            "i'm",
            "i've",
            "if",
            "in",
            "into",
            "is",
            "isn't",
            "it",
            "it's",
            "its",
            "itself",
            "just",
            "know",
            "let's",
            "lot",
            "me",
            "mean",
            "more",
            "most",
            "much",
            "must",
            "mustn't",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "of",
            "off",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "ought",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "really",
            "said",
            "same",
            "say",
            "says",
            "see",
            "seem",
            "seems",
            "some",
            "something",
            "she",
            "she's",
            "she'd",
            "she'll",
            "such",
            "than",
            "that",
            "that's",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "there",
            "there's",
            "these",
            "they",
            "they'd",
            "they'll",
            "they're",
            "they've",
            "thing",
            "things",
            "think",
            "this",
            "those",
            "though",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "us",
            "very",
            "want",
            "wanna",
            "was",
            "wasn't",
            "way",
            "we",
            "we'd",
            "we'll",
            "we're",
            "we've",
            "were",
            "weren't",
            "what",
            "what's",
            "when",
            "when's",
            "where",
            "where's",
            "which",
            "while",
            "who",
            "who's",
            "whom",
            "why",
            "why's",
            "will",
            "with",
            "won't",
            "would",
            "wouldn't",
            "you",
            "you'd",
            "you'll",
            "you're",
            "you've",
            "your",
            "yours",
            "yourself",
            "yourselves",
            "kind",
            "sort",
            "bit",
            "maybe",
            "go",
            "going",
            "gone",
            "come",
            "came",
            "make",
            "made",
            "take",
            "took",
            "tell",
            "told",
            "put",
            "back",
            "still",
            "yet",
            "just",
            "actually",
            "basically",
            "quite",
            "pretty",
            "stuff",
            "cos",
            "cause",
            "gonna",
            "gotta",
            "wanna",
            "ain't",
            "aint",
            "dunno",
            "innit",
        ]
    )
    | FILLERS
)  # fillers carry no content either
_SUFFIXES = (
    "ingly",
    "edly",
    "ness",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)
# "vectors" compares texts by the pretrained sentence vectors' cosine; otherwise (the default)
# by the content words they share. Apart from the codes encoder's switch: on the probation twins
# (scorer 2.2) the vectors lowered cognitive techniques (AUC 0.947 to 0.915), and the codes
# encoder is measured on its own (docs/scoring.md).
OVERLAP_ENV = "OEP_SCORING_OVERLAP"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet inflections, not a linguistic stemmer."""
    word = word.replace("'", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopp(ed)" -> "stop", "drinkk" never happens but "sitt" does
    return word.rstrip("e") if len(word) > 4 else word


@lru_cache(maxsize=20000)
def content_stems(text: str) -> frozenset[str]:
    """The stems of the topic-bearing words of a text."""
    return frozenset(stem(w) for w in normalise(text).split() if w not in STOPWORDS and len(w) > 2)


def lexical_overlap(text: str, other: str) -> float:
    """Share of ``text``'s content stems that ``other`` also has (0 when text has none)."""
    mine = content_stems(text)
    if not mine:
        return 0.0
    return len(mine & content_stems(other)) / len(mine)


def shared_stems(text: str, other: str) -> frozenset[str]:
    return content_stems(text) & content_stems(other)


# Cosine of sentence vectors above which two texts count as about the same thing (with
# OEP_SCORING_OVERLAP=vectors; chosen by hand, and not measured again since scorer 2.2).
COSINE_RELATED = 0.5


def _encoder():
    """The encoder module when vectors are asked for and its embedder runs here. Read on every
    call, so a switch set later in the process (OEP_SCORING_ENCODER=off too) counts."""
    if os.environ.get(OVERLAP_ENV, "").strip().lower() != "vectors":
        return None
    try:
        from . import encoder
    except ImportError:  # onnxruntime or tokenizers not installed
        return None
    try:
        return encoder if encoder.embedder_available() else None
    except Exception:  # an embedder that cannot load must never stop scoring
        return None


def uses_encoder() -> bool:
    return _encoder() is not None


@lru_cache(maxsize=20000)
def _vector(text: str):
    """One text's sentence vector, cached: a session compares the same turns many times."""
    return _encoder().embed([text])[0]


def cosine(text: str, other: str) -> float | None:
    """Cosine of the two texts' sentence vectors, or None without the encoder."""
    if _encoder() is None or not text.strip() or not other.strip():
        return None
    try:
        return max(0.0, float(_vector(text) @ _vector(other)))
    except Exception:  # no embedder file, or it failed: fall back to words
        return None


def related(text: str, other: str, lexical_min: float) -> bool:
    """Does ``text`` take up ``other``? The encoder's cosine when it is there, else the share
    of ``text``'s content words found in ``other`` against ``lexical_min``."""
    value = cosine(text, other)
    if value is not None:
        return value >= COSINE_RELATED
    return lexical_overlap(text, other) >= lexical_min


_WORDS = re.compile(r"[a-z']+")


@lru_cache(maxsize=65536)
def word_count(text: str) -> int:
    return len(_WORDS.findall(normalise(text)))
