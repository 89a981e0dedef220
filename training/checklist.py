"""The shipped skills checklist as training needs it: item titles and the practised skills."""

from functools import lru_cache

from recordings.enums import Skill
from scoring.checklist import load_checklist


@lru_cache(maxsize=1)
def checklist_titles() -> dict[str, str]:
    """Item id -> title (the checklist is read once per process)."""
    return {item.id: item.title for item in load_checklist().items}


def checklist_choices():
    return [(item_id, f"{item_id} {title}") for item_id, title in checklist_titles().items()]


def practice_skill_choices():
    """The skills a recording is scored against, which a lesson can send a learner to practise."""
    return list(Skill.choices)
