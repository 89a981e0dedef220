"""The skills checklist as training needs it: item titles from the current published version,
so an item an editor retitles reads the same in lessons as on the review page."""

from checklist.enums import Skill
from checklist.models import ChecklistVersion
from core.content_cache import remember


def checklist_titles() -> dict[str, str]:
    """Item id -> title in the current checklist version (kept until content changes)."""
    return remember("checklist-titles", _current_titles)


def _current_titles() -> dict[str, str]:
    return {item.id: item.title for item in ChecklistVersion.objects.current().checklist().items}


def checklist_choices():
    return [(item_id, f"{item_id} {title}") for item_id, title in checklist_titles().items()]


def practice_skill_choices():
    """The skills a recording is scored against, which a lesson can send a learner to practise."""
    return list(Skill.choices)
