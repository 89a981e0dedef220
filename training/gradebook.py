"""The gradebook: for each practitioner a manager oversees, their training (modules and lessons
completed, quiz scores, last activity, certificates) beside their recordings (how many, when a
review was last shared), for the page and its CSV export. A fixed number of queries, however
many practitioners there are."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Q
from django.utils import timezone

from recordings.models import Recording

from . import progress


@dataclass
class GradebookRow:
    learner: object
    modules_completed: int
    modules_total: int
    lessons_completed: int
    lessons_total: int
    quizzes_passed: int
    quizzes_attempted: int
    average_best_score: int | None
    last_activity: datetime | None
    recordings: int
    latest_review: datetime | None
    certificates: list = field(default_factory=list)


def _latest(*moments):
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None


def gradebook(practitioners) -> list[GradebookRow]:
    from .models import Certificate, LessonCompletion, QuizAttempt

    people = list(practitioners)
    ids = [person.pk for person in people]
    summaries = progress.team_summary(people)

    best: dict[int, list[int]] = {pk: [] for pk in ids}
    for user_id, score in (
        QuizAttempt.objects.filter(user_id__in=ids, lesson__live=True)
        .values("user_id", "lesson_id")
        .annotate(best=Max("score"))
        .values_list("user_id", "best")
    ):
        best[user_id].append(score)
    last_completion = dict(
        LessonCompletion.objects.filter(user_id__in=ids)
        .values("user_id")
        .annotate(last=Max("completed_at"))
        .values_list("user_id", "last")
    )
    last_attempt = dict(
        QuizAttempt.objects.filter(user_id__in=ids)
        .values("user_id")
        .annotate(last=Max("created_at"))
        .values_list("user_id", "last")
    )
    recordings = {
        row["owner_id"]: row
        for row in Recording.objects.filter(owner_id__in=ids)
        .values("owner_id")
        .annotate(
            count=Count("pk"),
            # Only shared reviews: a draft is not feedback the practitioner has had.
            latest_review=Max("review__last_published_at", filter=Q(review__live=True)),
        )
    }
    certificates: dict[int, list] = {pk: [] for pk in ids}
    for certificate in Certificate.objects.filter(
        user_id__in=ids, module__live=True
    ).select_related("module"):
        certificates[certificate.user_id].append(certificate)

    rows = []
    for summary in summaries:
        pk = summary.learner.pk
        scores = best[pk]
        recorded = recordings.get(pk, {})
        rows.append(
            GradebookRow(
                learner=summary.learner,
                modules_completed=sum(module.done for module in summary.modules),
                modules_total=len(summary.modules),
                lessons_completed=summary.lessons_completed,
                lessons_total=summary.lessons_total,
                quizzes_passed=summary.quizzes_passed,
                quizzes_attempted=len(scores),
                average_best_score=round(sum(scores) / len(scores)) if scores else None,
                last_activity=_latest(last_completion.get(pk), last_attempt.get(pk)),
                recordings=recorded.get("count", 0),
                latest_review=recorded.get("latest_review"),
                certificates=certificates[pk],
            )
        )
    return rows


CSV_HEADER = [
    "Name",
    "Username",
    "Team",
    "Modules completed",
    "Modules",
    "Lessons completed",
    "Lessons",
    "Quizzes passed",
    "Quizzes attempted",
    "Average best quiz score (%)",
    "Last training activity",
    "Recordings",
    "Latest review shared",
]


def _date(moment):
    return timezone.localtime(moment).date().isoformat() if moment else ""


def csv_rows(rows: list[GradebookRow]):
    """The header and one line per practitioner; run through core.exports before writing."""
    yield CSV_HEADER
    for row in rows:
        learner = row.learner
        yield [
            learner.get_full_name() or learner.username,
            learner.username,
            str(learner.team) if learner.team_id else "",
            row.modules_completed,
            row.modules_total,
            row.lessons_completed,
            row.lessons_total,
            row.quizzes_passed,
            row.quizzes_attempted,
            "" if row.average_best_score is None else row.average_best_score,
            _date(row.last_activity),
            row.recordings,
            _date(row.latest_review),
        ]
