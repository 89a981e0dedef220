"""The skills scorer: plain data in (utterances), plain data out (codes, evidence, metrics).

No Django here; the recordings app adapts it. See docs/scoring.md.
"""

from .checklist import Checklist, ChecklistItem, Skill, checklist_from_dict, load_checklist
from .session import SCORER_VERSION, SessionScore, Utterance, score_session

__all__ = [
    "SCORER_VERSION",
    "Checklist",
    "ChecklistItem",
    "SessionScore",
    "Skill",
    "Utterance",
    "checklist_from_dict",
    "load_checklist",
    "score_session",
]
