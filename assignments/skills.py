"""Which SEEDS skill an assignment works on: the growth point's, else what the lesson or
module practises."""

from checklist.enums import Skill


def skill_of(assignment) -> str:
    if assignment.skill:
        return assignment.skill
    if assignment.lesson_id and assignment.lesson.practice_skill in Skill.values:
        return assignment.lesson.practice_skill
    module = assignment.module or assignment.lesson.get_parent().specific
    return module.skill if module.skill in Skill.values else ""
