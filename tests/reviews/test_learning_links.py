"""Feedback links each skill to lessons for practitioners, never to the managers' own module."""

import pytest
from django.core.management import call_command

from reviews.learning import learning_for
from training.models import Audience, LessonPage, ModulePage, split_ids

pytestmark = pytest.mark.django_db


def test_lessons_for_a_skill_leave_out_the_reflective_supervision_module():
    call_command("import_compendium", verbosity=0)
    call_command("load_training", verbosity=0)
    managers_module = ModulePage.objects.get(audience=Audience.TREATMENT_MANAGER)
    manager_lessons = set(LessonPage.objects.descendant_of(managers_module))
    codes = {code for lesson in manager_lessons for code in split_ids(lesson.checklist_items)}
    assert codes, "the shipped reflective supervision lessons list checklist items"

    for skill in ("structuring", "relationship_building", "prosocial_modelling"):
        lessons = {lesson for lesson, _ in learning_for(skill, codes)["lessons"]}
        assert lessons
        assert not lessons & manager_lessons
