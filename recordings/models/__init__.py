"""Recordings of practice sessions, their transcripts, and score cards."""

from .recording import Recording, TranscriptSegment, WhisperSegment, recordings_storage
from .scorecard import ScoreCard

__all__ = [
    "Recording",
    "ScoreCard",
    "TranscriptSegment",
    "WhisperSegment",
    "recordings_storage",
]
