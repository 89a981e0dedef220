"""How far learners have got: module progress, quiz scores and last lesson."""

from dataclasses import dataclass

from django.db.models import BooleanField, Value
from wagtail.models import Page

from core.content_cache import remember

from .quiz import percent


@dataclass
class ModuleProgress:
    module: object
    total: int
    completed: int

    @property
    def percent(self) -> int:
        return percent(self.completed, self.total)

    @property
    def done(self) -> bool:
        return self.total > 0 and self.completed == self.total


def _lesson_modules():
    """Live modules in tree order, and each live lesson's module id (kept until content
    changes)."""
    return remember("lesson-modules", _read_lesson_modules)


def _read_lesson_modules():
    from .models import LessonPage, ModulePage

    modules = list(ModulePage.objects.live().order_by("path"))
    by_path = {module.path: module for module in modules}
    lesson_module = {}
    for lesson_id, path in LessonPage.objects.live().values_list("id", "path"):
        module = by_path.get(path[: -Page.steplen])
        if module is not None:
            lesson_module[lesson_id] = module.pk
    return modules, lesson_module


def _progress_rows(modules, lesson_module, completed_ids):
    totals = {module.pk: 0 for module in modules}
    done = {module.pk: 0 for module in modules}
    for lesson_id, module_id in lesson_module.items():
        totals[module_id] += 1
        if lesson_id in completed_ids:
            done[module_id] += 1
    return [ModuleProgress(module, totals[module.pk], done[module.pk]) for module in modules]


def module_progress(user) -> list[ModuleProgress]:
    """Completed lessons out of the live lessons of each live module, in the modules' order."""
    from .models import LessonCompletion

    modules, lesson_module = _lesson_modules()
    completed = set(
        LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_module).values_list(
            "lesson_id", flat=True
        )
    )
    return _progress_rows(modules, lesson_module, completed)


def next_lesson(user):
    """(lesson, module) to study next, or None when every lesson is done: the first lesson not
    completed, in course order, of the module of the learner's latest completion, else of
    any live module for their audience (managers' modules for managers)."""
    from .models import Audience, LessonCompletion, LessonPage

    modules, lesson_module = _lesson_modules()
    audience = (
        Audience.TREATMENT_MANAGER
        if user.is_treatment_manager and not user.is_practitioner
        else Audience.PRACTITIONER
    )
    by_pk = {module.pk: module for module in modules if module.audience == audience}
    completions = list(
        LessonCompletion.objects.filter(user=user)
        .order_by("-completed_at", "-pk")
        .values_list("lesson_id", flat=True)
    )
    latest_module = lesson_module.get(completions[0]) if completions else None
    done = set(completions)
    todo = [
        lesson_id
        for lesson_id, module_id in lesson_module.items()
        if module_id in by_pk and lesson_id not in done
    ]
    lessons = list(LessonPage.objects.live().filter(pk__in=todo).defer("body").order_by("path"))
    if not lessons:
        return None
    lesson = next((p for p in lessons if lesson_module[p.pk] == latest_module), lessons[0])
    return lesson, by_pk[lesson_module[lesson.pk]]


@dataclass
class LessonScore:
    lesson: object
    attempts: int
    latest: int
    best: int
    passed: bool


def quiz_scores(user) -> list[LessonScore]:
    """Per lesson the learner has attempted: attempts, latest and best score, whether passed."""
    from .models import QuizAttempt

    scores: dict[int, LessonScore] = {}
    # Newest first, so the first attempt seen for a lesson is the latest.
    for attempt in QuizAttempt.objects.filter(user=user).select_related("lesson"):
        row = scores.get(attempt.lesson_id)
        if row is None:
            scores[attempt.lesson_id] = LessonScore(
                attempt.lesson, 1, attempt.score, attempt.score, attempt.passed
            )
        else:
            row.attempts += 1
            row.best = max(row.best, attempt.score)
            row.passed = row.passed or attempt.passed
    return sorted(scores.values(), key=lambda row: row.lesson.path)


def last_lesson(user, viewer):
    """The lesson of the learner's most recent activity: a completion, quiz or reflection.

    Only reflections `viewer` may read count, so the answer cannot give away that a private
    one was written."""
    from .models import LessonCompletion, LessonPage, QuizAttempt, ReflectiveLogEntry

    reflections = ReflectiveLogEntry.objects.visible_to(viewer, owner=user).filter(
        lesson__isnull=False
    )
    # One query for the three kinds of activity.
    latest = (
        LessonCompletion.objects.filter(user=user)
        .order_by()
        .values_list("completed_at", "lesson_id")
        .union(
            QuizAttempt.objects.filter(user=user).order_by().values_list("created_at", "lesson_id"),
            reflections.order_by().values_list("updated_at", "lesson_id"),
        )
        .order_by("-completed_at", "-lesson_id")
        .first()
    )
    if latest is None:
        return None
    _when, lesson_id = latest
    return remember("live-lesson", LessonPage.objects.live().filter(pk=lesson_id).first, lesson_id)


@dataclass
class LearnerSummary:
    learner: object
    modules: list[ModuleProgress]
    lessons_completed: int
    lessons_total: int
    quizzes_passed: int

    @property
    def percent(self) -> int:
        return percent(self.lessons_completed, self.lessons_total)


def team_summary(practitioners) -> list[LearnerSummary]:
    """One row per practitioner, computed in a fixed number of queries however many there are."""
    from .models import LessonCompletion, QuizAttempt

    modules, lesson_module = _lesson_modules()
    ids = [person.pk for person in practitioners]
    completed: dict[int, set[int]] = {pk: set() for pk in ids}
    passed: dict[int, set[int]] = {pk: set() for pk in ids}
    # Completions and passed quizzes in one query, told apart by a constant column.
    activity = (
        LessonCompletion.objects.filter(user_id__in=ids, lesson_id__in=lesson_module)
        .order_by()
        .values_list("user_id", "lesson_id", Value(False, output_field=BooleanField()))
        .union(
            QuizAttempt.objects.filter(user_id__in=ids, passed=True, lesson_id__in=lesson_module)
            .order_by()
            .values_list("user_id", "lesson_id", Value(True, output_field=BooleanField()))
        )
    )
    for user_id, lesson_id, is_quiz in activity:
        (passed if is_quiz else completed)[user_id].add(lesson_id)
    return [
        LearnerSummary(
            learner=person,
            modules=_progress_rows(modules, lesson_module, completed[person.pk]),
            lessons_completed=len(completed[person.pk]),
            lessons_total=len(lesson_module),
            quizzes_passed=len(passed[person.pk]),
        )
        for person in practitioners
    ]
