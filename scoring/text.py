"""Text normalisation shared by the rules and the optional model.

Everything downstream matches on normalised text (lower case, punctuation removed, apostrophes
kept), so the same rules hold for typed transcripts and for ASR output with little punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_BRACKETED = re.compile(r"\[[^\]]*\]")
_NON_WORD = re.compile(r"[^a-z0-9' ]+")
_SPACES = re.compile(r"\s+")
_STUTTER = re.compile(r"\b(\w+)(?:-\1\b)+")
_PUNCTUATION = re.compile(r"[^\w\s']")

# Words a speaker puts in front of a turn without changing what the turn does.
FILLERS = frozenset(
    [
        "okay",
        "ok",
        "so",
        "well",
        "um",
        "uh",
        "erm",
        "er",
        "ah",
        "oh",
        "hmm",
        "mm",
        "mhm",
        "mmhmm",
        "alright",
        "right",
        "yeah",
        "yes",
        "yep",
        "and",
        "but",
        "now",
        "then",
        "like",
        "anyway",
        "sure",
        "great",
        "good",
        "cool",
        "fine",
        "fair",
    ]
)
FILLER_PHRASES = ("mm hmm", "uh huh", "all right", "i see", "you know", "i mean")


@lru_cache(maxsize=65536)  # the same turn is normalised by every layer that reads it
def normalise(text: str) -> str:
    """Lower case, no punctuation except apostrophes, stutters ('wh-what') collapsed."""
    text = _BRACKETED.sub(" ", (text or "").translate(_APOSTROPHES).lower())
    text = _STUTTER.sub(r"\1", text)
    text = _NON_WORD.sub(" ", text.replace("-", " "))
    return _SPACES.sub(" ", text).strip()


def strip_punctuation(text: str) -> str:
    """What ASR output tends to look like: no punctuation, case kept."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text or "")).strip()


def words(text: str) -> list[str]:
    return normalise(text).split()


def strip_fillers(tokens: list[str]) -> list[str]:
    """Drop leading fillers ('okay so um what ...' -> 'what ...')."""
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2])
        if pair in FILLER_PHRASES:
            i += 2
        elif tokens[i] in FILLERS:
            i += 1
        else:
            break
    return tokens[i:]


def sentences(text: str) -> list[str]:
    """Split punctuated text into sentences; unpunctuated text stays one piece."""
    parts = re.split(r"(?<=[.?!])\s+", (text or "").strip())
    return [part for part in parts if part.strip()]
