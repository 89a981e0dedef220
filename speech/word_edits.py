"""A reviewer's corrections to a transcript line's words, as plain data: the words' timings kept
where the words are unchanged, and spread over the time they replace where they are new, so the
player's word highlight still follows the audio. Words are dicts as the pipeline stores them
(`start`, `end`, `text`, `probability`); no Django here."""

import difflib
import re

_NOT_A_LETTER = re.compile(r"[^\w']+")


def tokens(text: str) -> list[str]:
    """The words of a line as people read it: split at spaces."""
    return text.split()


def _key(token: str) -> str:
    # "summer," and "Summer" are the same word heard: punctuation and case do not change timings.
    return _NOT_A_LETTER.sub("", token.lower())


def _spread(texts, start, end, leading):
    """New words, one after the other over [start, end], each the same share of it."""
    if not texts:
        return []
    step = max(end - start, 0.0) / len(texts)
    return [
        {
            "start": round(start + number * step, 3),
            "end": round(start + (number + 1) * step, 3),
            "text": leading + text,
            "probability": None,
            "corrected": True,
        }
        for number, text in enumerate(texts)
    ]


def retime(words: list[dict], text: str, start: float, end: float) -> list[dict]:
    """One word dict per token of `text`: an unchanged word keeps its timing (its text takes the
    new spelling), new words share the time of the words they replace or, where nothing was
    replaced, the gap between their neighbours (the line's own span at its ends)."""
    new = tokens(text)
    old = [w for w in words if str(w.get("text", "")).strip()]
    leading = " " if old and str(old[0]["text"]).startswith(" ") else ""
    matcher = difflib.SequenceMatcher(
        a=[_key(str(w["text"])) for w in old], b=[_key(t) for t in new], autojunk=False
    )
    result = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [
                {**word, "text": leading + token}
                for word, token in zip(old[i1:i2], new[j1:j2], strict=True)
            ]
            continue
        if tag == "delete":
            continue
        if i1 < i2:  # replace: the new words take the replaced words' time
            span_start, span_end = old[i1]["start"], old[i2 - 1]["end"]
        else:  # insert: between the neighbouring words, or the line's edge
            span_start = result[-1]["end"] if result else start
            span_end = old[i1]["start"] if i1 < len(old) else end
        result += _spread(new[j1:j2], span_start, max(span_start, span_end), leading)
    return result


def aligned(words: list[dict], text: str, start: float, end: float) -> list[dict]:
    """The line's words, one per token of its text: as stored when they already match, else
    retimed (a line saved without word timings gets them spread over its span)."""
    if [str(w.get("text", "")).strip() for w in words] == tokens(text):
        return list(words)
    return retime(words, text, start, end)


def split(words: list[dict], text: str, start: float, end: float, at: int):
    """The line cut before its word number `at` (0-based, 1 to len-1): two (start, end, text,
    words) tuples; the cut falls between the two words' timings."""
    parts = tokens(text)
    if not 0 < at < len(parts):
        raise ValueError("A line is split between two of its words.")
    timed = aligned(words, text, start, end)
    first, second = timed[:at], timed[at:]
    return (
        (start, first[-1]["end"], " ".join(parts[:at]), first),
        (second[0]["start"], end, " ".join(parts[at:]), second),
    )


def merge(first: tuple, second: tuple):
    """Two lines, each (start, end, text, words), as one (start, end, text, words)."""
    start_a, end_a, text_a, words_a = first
    start_b, end_b, text_b, words_b = second
    words = aligned(words_a, text_a, start_a, end_a) + aligned(words_b, text_b, start_b, end_b)
    return start_a, max(end_a, end_b), f"{text_a} {text_b}".strip(), words


def overlaps_within(spans, start: float, end: float) -> tuple[tuple[float, float], ...]:
    """The parts of the stretches (start, end) where both people talk (`spans`) that fall
    between `start` and `end`: a speaker turn's, or each half's of a line a reviewer splits."""
    return tuple((max(a, start), min(b, end)) for a, b in spans if a < end and b > start)
