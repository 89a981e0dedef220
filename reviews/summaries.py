"""What the dashboards show of reviews, each in one or two queries however much there is: a
manager's queue with the age of each recording, a practitioner's feedback not yet read and
current growth point, and the team's skill ratings lately against before."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Case, Count, Exists, FloatField, OuterRef, Q, When, Window
from django.utils import timezone

from checklist.enums import Skill
from recordings.enums import RecordingStatus
from recordings.permissions import reviewable_recordings

from .enums import PointKind, Rating
from .models import FeedbackPoint, Reading, Review, SkillRating

QUEUE_SHOWN = 10
# Team trends compare the last TREND_DAYS with the TREND_DAYS before them.
TREND_DAYS = 90
# A change in the average rating smaller than this (on the 0-2 scale) reads as "about the same".
TREND_STEADY = 0.1


def review_queue(user, shown=QUEUE_SHOWN):
    """(the oldest `shown` recordings waiting for review, how many wait in all): transcribed
    recordings of the people `user` manages whose feedback is not shared, oldest first, each
    with `waiting_days`, the days since it was uploaded."""
    waiting = (
        reviewable_recordings(user)
        .filter(status=RecordingStatus.READY)
        .exclude(review__live=True)
        .order_by("created_at", "pk")
    )
    now = timezone.now()
    # The total rides along as a window over the whole queue: one query, however long it is.
    oldest = list(
        waiting.select_related("owner", "review").annotate(queue_length=Window(Count("pk")))[:shown]
    )
    for recording in oldest:
        recording.waiting_days = (now - recording.created_at).days
    return oldest, (oldest[0].queue_length if oldest else 0)


def unread_feedback(user):
    """The practitioner's shared reviews whose current version they have not marked read,
    newest share first."""
    read_now = Reading.objects.filter(review=OuterRef("pk"), revision=OuterRef("live_revision"))
    return list(
        Review.objects.shared()
        .filter(recording__owner=user)
        .exclude(Exists(read_now))
        .select_related("recording")
        .order_by("-last_published_at", "-pk")
    )


def current_growth_point(user) -> FeedbackPoint | None:
    """ "One thing to work on" from the practitioner's most recently shared feedback."""
    return (
        FeedbackPoint.objects.filter(
            kind=PointKind.WORK_ON, review__live=True, review__recording__owner=user
        )
        .select_related("review__recording")
        .order_by("-review__last_published_at", "-review__pk", "sort_order")
        .first()
    )


@dataclass
class SkillTrend:
    skill: str
    label: str
    recent: float | None  # average shared rating, 0 (missed) to 2 (satisfactory)
    earlier: float | None
    recent_count: int
    earlier_count: int

    @property
    def direction(self) -> str:
        if self.recent is None or self.earlier is None:
            return "new" if self.recent is not None else "none"
        change = self.recent - self.earlier
        if abs(change) < TREND_STEADY:
            return "steady"
        return "up" if change > 0 else "down"


def team_skill_trends(people, today: date | None = None, days: int = TREND_DAYS):
    """Per skill, the average shared rating of `people`'s sessions in the last `days` against
    the `days` before, in one query. Not applicable counts for neither."""
    today = today or timezone.localdate()
    recent_from, earlier_from = today - timedelta(days=days), today - timedelta(days=2 * days)
    score = Case(
        *(When(rating=rating, then=value) for rating, value in Rating.scale().items()),
        output_field=FloatField(),
    )
    recent = Q(review__recording__session_date__gte=recent_from)
    earlier = Q(review__recording__session_date__lt=recent_from)
    rows = (
        SkillRating.objects.filter(
            review__live=True,
            review__recording__owner__in=people,
            review__recording__session_date__gte=earlier_from,
            review__recording__session_date__lte=today,
            rating__in=list(Rating.scale()),
        )
        .annotate(score=score)
        .values("skill")
        .annotate(
            recent=Avg("score", filter=recent),
            earlier=Avg("score", filter=earlier),
            recent_count=Count("pk", filter=recent),
            earlier_count=Count("pk", filter=earlier),
        )
    )
    found = {row["skill"]: row for row in rows}
    return [
        SkillTrend(
            skill=skill.value,
            label=skill.label,
            recent=found.get(skill.value, {}).get("recent"),
            earlier=found.get(skill.value, {}).get("earlier"),
            recent_count=found.get(skill.value, {}).get("recent_count", 0),
            earlier_count=found.get(skill.value, {}).get("earlier_count", 0),
        )
        for skill in Skill
    ]
