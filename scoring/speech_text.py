"""Reading a speech recogniser's output as unpunctuated speech-recognition text.

Whisper punctuates what it hears, but not as a typist does: it joins a speaker's clauses with
commas where a typist ends sentences, drops the "?" of almost half the questions, and ends a
line with a comma where the other person cut in. The scorer has two readings of a session, one
for typed punctuation and one for raw recognition text without it (the model variants and the
unit rules of ``scoring.model`` and ``scoring.units``); read with the typed one, the spoken
twins lost 0.125-0.19 of structuring AUC against their written text, read without punctuation
they keep within 0.05 with Whisper base (docs/scoring.md, "Spoken aloud").

``as_recognised_speech(utterances)`` gives the utterances lower case and without punctuation
(apostrophes kept, times unchanged), so ``score_session`` reads them with the unpunctuated
variant and rules. The transcript a reviewer reads keeps Whisper's text: this is only what the
scorer is handed. ``score_speech`` does both for the worker: scores the recognised reading and
puts the transcript's own words back in every piece of evidence, so a reviewer reads quotes as
the transcript shows them.
"""

from __future__ import annotations

from dataclasses import replace

from .evidence import EXCERPT_CHARS
from .session import score_session
from .text import strip_punctuation


def as_recognised_speech(utterances: list) -> list:
    """The utterances as raw recognition text: lower case, no punctuation but apostrophes."""
    return [replace(u, text=strip_punctuation(u.text or "").lower()) for u in utterances]


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…"


def _quote_originals(value, originals: dict):
    """Every evidence entry ({"utterance": index, "text": ...}) anywhere in a result, quoting
    the original utterance."""
    if isinstance(value, dict):
        out = {key: _quote_originals(item, originals) for key, item in value.items()}
        if "utterance" in out and "text" in out and out["utterance"] in originals:
            out["text"] = _excerpt(originals[out["utterance"]])
        return out
    if isinstance(value, list):
        return [_quote_originals(item, originals) for item in value]
    return value


def score_speech(utterances: list, checklist=None) -> dict:
    """The score card of a recognised session as a dict (``SessionScore.to_dict``): read as raw
    recognition text, quoted as transcribed."""
    result = score_session(as_recognised_speech(utterances), checklist).to_dict()
    return _quote_originals(result, {u.index: u.text or "" for u in utterances})
