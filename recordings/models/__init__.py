"""Recordings of practice sessions, their transcripts, the skills checklist and score cards."""

from .checklist import ChecklistVersion, SkillsChecklist, SkillsChecklistItem
from .recording import Recording, TranscriptSegment, recordings_storage
from .scorecard import ScoreCard

__all__ = [
    "ChecklistVersion",
    "Recording",
    "ScoreCard",
    "SkillsChecklist",
    "SkillsChecklistItem",
    "TranscriptSegment",
    "recordings_storage",
]
