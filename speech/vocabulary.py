"""Words of probation practice that Whisper should expect, for `TranscriptionOptions`.

Whisper writes what it hears as the likeliest common words: "rar" for RAR, "oasis" for OASys,
"mapper" for MAPPA. Text given before the audio (the initial prompt) shifts it towards these
terms and their spelling. Administrators edit the list in the app's settings (Settings >
Transcription, off by default: see `prompt_for`); these are the terms it starts with.
"""

from __future__ import annotations

PROBATION_TERMS = (
    "probation",
    "licence",
    "licence conditions",
    "breach",
    "recall",
    "curfew",
    "tag",
    "unpaid work",
    "community order",
    "suspended sentence",
    "RAR",
    "Rehabilitation Activity Requirement",
    "MAPPA",
    "OASys",
    "Approved Premises",
    "Building Choices",
    "Thinking Skills Programme",
    "sentence plan",
    "risk assessment",
    "supervision",
    "offender manager",
)

# Whisper reads at most 223 tokens of prompt and drops the earliest beyond that. The default
# list is 2.4 tokens a word (82 tokens for 34 words), and acronyms take more, so the list is
# capped in words (tests/speech/test_vocabulary.py holds a full list of them under 223).
MAX_VOCABULARY_WORDS = 70


def terms_in(text: str) -> list[str]:
    """The terms of a list typed one per line (or with commas), blanks and repeats dropped."""
    seen, terms = set(), []
    for line in text.replace(",", "\n").splitlines():
        term = " ".join(line.split())
        if term and term.lower() not in seen:
            seen.add(term.lower())
            terms.append(term)
    return terms


def prompt_for(terms) -> str | None:
    """The initial prompt that makes Whisper expect `terms` (None for no terms).

    Measured with the worker's batched decoding and Whisper base (bench/audio_pipeline.md,
    "Probation vocabulary"): in dictated sentences it writes 21 of 25 terms right against 15;
    on three real conversations that do not use the terms, 5% more words wrong (0.087 against
    0.083). So the app offers it as a setting, off unless an administrator turns it on. A
    list, not a sentence: the earlier sentence-like prompt made Whisper end pieces early and
    leave out their words (`speech.redecode.refill_unheard` now guards against that).
    """
    terms = [t for t in terms if t.strip()]
    if not terms:
        return None
    return "A probation supervision session. Terms: " + ", ".join(terms) + "."


PROBATION_PROMPT = prompt_for(PROBATION_TERMS)


def hotwords(terms=PROBATION_TERMS) -> str:
    """The terms as faster-whisper's `hotwords` text (given as a prefix to every 30 s piece)."""
    return ", ".join(terms)
