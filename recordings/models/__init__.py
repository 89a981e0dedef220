"""Recordings of practice sessions, their transcripts, score cards, and enrolled voices."""

from .recording import Recording, TranscriptSegment, WhisperSegment, recordings_storage
from .retention import RetentionSettings
from .scorecard import ScoreCard
from .transcription import TranscriptionSettings
from .voice import VoicePrint

__all__ = [
    "Recording",
    "RetentionSettings",
    "ScoreCard",
    "TranscriptSegment",
    "TranscriptionSettings",
    "VoicePrint",
    "WhisperSegment",
    "recordings_storage",
]
