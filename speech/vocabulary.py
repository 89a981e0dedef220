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

# faster-whisper keeps only the last max_length // 2 - 1 = 223 tokens of a prompt and drops the
# start (the opening words, the first terms). The default list is 82 tokens; 70 acronyms are
# about 275, so the setting counts tokens, not words.
MAX_PROMPT_TOKENS = 223


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


def prompt_tokens(prompt: str, model: str | None = None) -> int:
    """How many tokens Whisper makes of `prompt` with the tokenizer of `model` (as
    WHISPER_MODEL names it; tiny.en when None), counted as faster-whisper encodes a prompt."""
    from tokenizers import Tokenizer

    from .transcribe import tokenizer_json

    tokenizer = Tokenizer.from_str(tokenizer_json(model))
    return len(tokenizer.encode(" " + prompt.strip(), add_special_tokens=False).ids)


def hotwords(terms=PROBATION_TERMS) -> str:
    """The terms as faster-whisper's `hotwords` text (given as a prefix to every 30 s piece)."""
    return ", ".join(terms)
