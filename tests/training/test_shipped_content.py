"""The modules shipped in training/content/ load, and meet the issue's bar for content."""

import io

import pytest
from django.core.management import call_command

from training.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


# One test, because importing the compendium and loading every module takes a while.
def test_shipped_modules_load_published_with_the_required_content():
    call_command("import_compendium", stdout=io.StringIO())
    call_command("load_training", stdout=io.StringIO())

    modules = ModulePage.objects.live()
    lessons = LessonPage.objects.live()
    assert modules.count() == 7
    assert lessons.count() >= 21
    assert sum(len(lesson.questions()) for lesson in lessons) >= 63
    assert not ModulePage.objects.not_live().exists()
    assert not LessonPage.objects.not_live().exists()
    for module in modules:
        assert module.lessons().count() >= 3, module.slug
    for lesson in lessons:
        kinds = [block.block_type for block in lesson.body]
        assert "practice_example" in kinds, lesson.slug
        assert "reflective_exercise" in kinds, lesson.slug
        assert "evidence" in kinds, lesson.slug
        assert kinds.count("quiz") >= 3, lesson.slug
