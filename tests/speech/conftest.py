"""Audio for the pipeline tests: the committed dialogue and bad files, and transcripts made once."""

from pathlib import Path

import pytest

from speech.transcribe import TranscriptionOptions, transcribe

AUDIO = Path(__file__).resolve().parent.parent / "fixtures" / "audio"
DIALOGUE = AUDIO / "dialogue_1min.ogg"
BAD = AUDIO / "bad"


@pytest.fixture(scope="session")
def dialogue_segments():
    """A real tiny.en transcription of the committed one-minute dialogue (about 5 s of CPU)."""
    return list(transcribe(DIALOGUE, TranscriptionOptions()))
