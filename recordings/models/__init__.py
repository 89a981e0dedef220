"""Recordings of practice sessions, their transcripts, and score cards."""

from .recording import Recording, TranscriptSegment, WhisperSegment, recordings_storage
from .retention import RetentionSettings
from .scorecard import ScoreCard

__all__ = [
    "Recording",
    "RetentionSettings",
    "ScoreCard",
    "TranscriptSegment",
    "WhisperSegment",
    "recordings_storage",
]
