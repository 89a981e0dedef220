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
scorer is handed.
"""

from __future__ import annotations

from dataclasses import replace

from .text import strip_punctuation


def as_recognised_speech(utterances: list) -> list:
    """The utterances as raw recognition text: lower case, no punctuation but apostrophes."""
    return [replace(u, text=strip_punctuation(u.text or "").lower()) for u in utterances]
