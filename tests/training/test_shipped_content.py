"""The modules shipped in training/content/ load, and meet the issue's bar for content."""

import io

import pytest
import yaml
from django.core.management import call_command

from training.loader import CONTENT_DIR
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
    # Some lessons draw each attempt's questions from a bank, which the content sets.
    assert lessons.filter(quiz_draw__isnull=False).exists()
    for lesson in lessons.filter(quiz_draw__isnull=False):
        assert lesson.quiz_draw < len(lesson.questions()), lesson.slug
    for lesson in lessons:
        kinds = [block.block_type for block in lesson.body]
        assert "practice_example" in kinds, lesson.slug
        assert "reflective_exercise" in kinds, lesson.slug
        assert "evidence" in kinds, lesson.slug
        assert kinds.count("quiz") >= 3, lesson.slug


def test_shipped_quizzes_spread_the_right_answers_over_the_positions():
    """A learner who always picks the first option should not pass: in at most 40% of the
    questions is the first option right, and every question has a right answer."""
    questions = [
        block["value"]
        for path in sorted(CONTENT_DIR.glob("*.yaml"))
        for lesson in yaml.safe_load(path.read_text())["lessons"]
        for block in lesson["body"]
        if block["type"] == "quiz"
    ]
    assert len(questions) >= 63
    assert all(any(o.get("correct") for o in q["options"]) for q in questions)
    first_right = sum(bool(q["options"][0].get("correct")) for q in questions)
    assert first_right / len(questions) <= 0.40
