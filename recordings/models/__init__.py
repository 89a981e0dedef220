"""Recordings of practice sessions, their transcripts, and score cards."""

from .recording import Recording, TranscriptSegment, recordings_storage
from .scorecard import ScoreCard

__all__ = [
    "Recording",
    "ScoreCard",
    "TranscriptSegment",
    "recordings_storage",
]
