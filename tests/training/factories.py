"""Training pages, each under the page type it lives under (one training index, found if it
exists)."""

import factory
import wagtail_factories

from tests.home.factories import HomePageFactory
from training.models import (
    Audience,
    LessonCompletion,
    LessonPage,
    ModulePage,
    ModuleTopic,
    QuizAttempt,
    ReflectiveLogEntry,
    TrainingIndexPage,
)


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TrainingIndexPage
        django_get_or_create = ("slug", "parent")

    title = "Training"
    slug = "training"
    parent = factory.SubFactory(HomePageFactory)


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    skill = ModuleTopic.values[0]
    audience = Audience.values[0]
    summary = "What the module teaches."
    parent = factory.SubFactory(TrainingIndexPageFactory)


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "What the lesson teaches."
    body = factory.LazyFunction(lambda: [("text", "<p>Start each session with a check-in.</p>")])
    parent = factory.SubFactory(ModulePageFactory)


def quiz_body(questions=4, options=5, right=(0,)):
    """A lesson body of `questions` quiz blocks with `options` options each; the options at the
    positions in `right` are the right ones. Texts name the question and option, e.g. "Q2 O3"."""
    return [
        {
            "type": "quiz",
            "id": f"00000000-0000-4000-8000-{q:012d}",
            "value": {
                "question": f"Question {q}?",
                "options": [
                    {
                        "type": "item",
                        "id": f"00000000-0000-4000-9000-{q:06d}{o:06d}",
                        "value": {
                            "text": f"Q{q} O{o}",
                            "correct": o in right,
                            "explanation": f"Why Q{q} O{o} is or is not right.",
                        },
                    }
                    for o in range(options)
                ],
            },
        }
        for q in range(questions)
    ]


class LessonCompletionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonCompletion

    lesson = factory.SubFactory(LessonPageFactory)


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    """A submitted quiz: `passed=True` for one answered all right."""

    class Meta:
        model = QuizAttempt

    lesson = factory.SubFactory(LessonPageFactory)
    answers = factory.LazyFunction(dict)
    right = 1
    total = 2
    score = 50
    passed = False

    class Params:
        all_right = factory.Trait(right=2, score=100, passed=True)


class ReflectiveLogEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReflectiveLogEntry

    lesson = factory.SubFactory(LessonPageFactory)
    exercise_id = factory.Sequence(lambda n: f"exercise-{n}")
    prompt = "What went well in your last session?"
    text = "I checked in and agreed an agenda."
