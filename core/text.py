"""Clean-up of text people type or name files with, before it is stored and shown."""

import re

# Embedding, override and isolate controls, and the invisible direction marks: in a file name
# they can show "recording‮3pm.exe" as "recordingexe.mp3". Nobody needs them in a name or title.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    """`text` without Unicode bidirectional control characters."""
    return BIDI_CONTROLS.sub("", text)
