"""What Whisper is told before it listens (`TranscriptionOptions.initial_prompt`): the way
people talk, and the words of probation practice it should expect.

Text given before the audio (the initial prompt) is taken as what was said just before, and
Whisper carries on in its style and vocabulary:
- Whisper writes speech tidied, as people write: a speaker's repeated words and false starts
  ("I, I think", "since, since yesterday") drop out. A prompt written the way people talk
  makes it write what was said (`SPOKEN_STYLE`, always given).
- It writes what it hears as the likeliest common words: "rar" for RAR, "oasis" for OASys,
  "mapper" for MAPPA. A list of the terms shifts it towards them and their spelling.
  Administrators edit the list in the app's settings (Settings > Transcription, off by
  default: see `prompt_for`); these are the terms it starts with.
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
# start (the opening words, the first terms). The default list with the line of talk after it
# is 109 tokens (tiny.en; 119 for Whisper base); 70 acronyms are about 275, so the setting
# counts tokens, not words.
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


# A made-up line of talk, nothing from any recording measured. Fillers ("um", "uh") come out
# as well; the word error rates of bench/real_speech.py drop them on both sides.
SPOKEN_STYLE = (
    "Um, so, so I, I was, uh, I was gonna, gonna say, like, you know, I, I don't, I don't "
    "really, hmm."
)


def prompt_for(terms) -> str:
    """The initial prompt: `SPOKEN_STYLE`, after the list of `terms` when there are any (the
    style last, next to the audio, since Whisper reads the prompt as what came just before).

    Measured with the worker's decoding and Whisper base (bench/audio_pipeline.md,
    "Hesitations written"): on three real conversations the style alone took the word error
    rate from 0.083 to 0.071, for about an eighth more decoding time (Whisper writes more
    words); the list and the style 0.075 (the list alone, on 26 Nov: 0.087 against 0.083). In
    dictated sentences with the terms, 21 of 25 terms written right with the list and the style
    (WER 0.150) against 13 with the style alone (0.224). So the style is always given and the
    list is a setting, off unless an administrator turns it on. A list, not a sentence: the
    earlier sentence-like prompt made Whisper end pieces early and leave out their words
    (`speech.redecode.refill_unheard` now guards against that).
    """
    terms = [t for t in terms if t.strip()]
    return f"{listed(terms)} {SPOKEN_STYLE}" if terms else SPOKEN_STYLE


def listed(terms) -> str:
    """The words of the trade as Whisper is told them, before the line of talk."""
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
