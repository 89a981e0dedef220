"""Words of probation practice that Whisper should expect, for `TranscriptionOptions`.

Whisper writes what it hears as the likeliest common words: "rar" for RAR, "oasis" for OASys,
"mapper" for MAPPA. Text given before the audio (the initial prompt) shifts it towards these
terms and their spelling. The app passes its own setting; this is the default.
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

PROBATION_PROMPT = (
    "A probation supervision session. We talked about your licence conditions, the curfew, "
    "unpaid work, your RAR days, MAPPA, your OASys assessment, Approved Premises, breach and "
    "recall, Building Choices and the Thinking Skills Programme."
)


def hotwords(terms=PROBATION_TERMS) -> str:
    """The terms as faster-whisper's `hotwords` text (given as a prefix to every 30 s piece)."""
    return ", ".join(terms)
