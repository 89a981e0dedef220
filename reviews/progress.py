"""Progress over time: each skill's shared rating and each session metric across recordings,
as charts and as CSV rows. Only shared reviews count; drafts never show. A shared recording's
metrics are the ones it was shared with."""

from django.utils import timezone

from checklist.enums import Skill
from checklist.models import ChecklistVersion
from core.content_cache import remember
from recordings.enums import RecordingStatus
from recordings.models import Recording

from .charts import Series, line_chart
from .enums import ChartRange, Rating

RATING_TICKS = [(2, "Satisfactory"), (1, "Needs improvement"), (0, "Missed opportunity")]
# What the machine's skill scores can and cannot say across sessions, beside the download and
# in the spreadsheet's own column names. From scorer 2.6's figures on sessions written for the
# project where the client's manner and each skill varied apart (docs/scoring-model-card.md,
# skill-weights-5; docs/scoring.md, sets u and v): held out AUC relationship 0.88, prosocial
# 0.92, cognitive 0.98, structuring 0.99; on the two sets never seen, relationship and prosocial
# down to 0.83 and 0.78. Older cards (the CSV names their scorer) were measured lower.
MACHINE_SCORES_CAVEAT = (
    "The spreadsheet also holds the machine's skill scores: its first reading of each session, "
    "before a manager's review. They are not a measure of progress. On sessions written to "
    "test this, where the client's manner and the practitioner's skills varied apart, it put "
    "the better session first about 8 or 9 times in 10 for relationship building and prosocial "
    "modelling, more often for the other two: a warm, talkative client can still lift a score. "
    "Follow the shared ratings over time instead."
)
MACHINE_SCORE_COLUMN = "machine's first reading, not a progress measure: {skill}"
# Metrics that are shares are charted 0 to 100%; the reflection ratio 0 to 3 (2:1 is good).
RATIO_MAX = 3.0


def sessions(recordings, chart_range=ChartRange.ALL, today=None):
    """Ready recordings in `chart_range` (ending today), oldest session first, with their
    score card and shared review."""
    since = chart_range.since(today or timezone.localdate())
    if since is not None:
        recordings = recordings.filter(session_date__gte=since)
    return list(
        recordings.filter(status=RecordingStatus.READY)
        .select_related("owner", "review__scorecard")
        .prefetch_related("review__skill_ratings", "scorecards")
        .order_by("session_date", "created_at")
    )


def shared_of(recording):
    review = getattr(recording, "review", None) if _has_review(recording) else None
    return review if review is not None and review.live else None


def _has_review(recording):
    try:
        recording.review  # noqa: B018
    except Recording.review.RelatedObjectDoesNotExist:
        return False
    return True


def _scorecard(recording):
    """The scores as shared with the practitioner; the machine's current card until then."""
    review = shared_of(recording)
    if review is not None:
        return review.shared_scorecard
    # Prefetched newest first (ScoreCard's ordering).
    cards = recording.scorecards.all()
    return cards[0] if cards else None


def _by_person(session_list, by_person):
    """[(name, sessions)]: one group per practitioner (by name), or one group of them all."""
    if not by_person:
        return [("", session_list)]
    groups = {}
    for recording in session_list:
        groups.setdefault(recording.owner, []).append(recording)
    return sorted(((str(owner), rows) for owner, rows in groups.items()), key=lambda g: g[0])


def skill_ratings(recording) -> dict[str, str]:
    review = shared_of(recording)
    return {r.skill: r.rating for r in review.skill_ratings.all()} if review else {}


def skill_charts(session_list, by_person=False):
    scale = Rating.scale()
    charts = []
    groups = _by_person(session_list, by_person)
    for skill in Skill:
        series = []
        for name, recordings in groups:
            values = []
            for recording in recordings:
                rating = skill_ratings(recording).get(skill.value)
                label = Rating(rating).label if rating else "Not rated"
                values.append((recording.session_date, scale.get(rating), label))
            series.append(Series(name, values))
        charts.append(
            line_chart(
                skill.label, series, y_min=0, y_max=2, ticks=RATING_TICKS, by_person=by_person
            )
        )
    return charts


def benchmark_metrics():
    """The current checklist's metrics with a benchmark (kept until content changes)."""
    return remember("benchmark-metrics", _benchmark_metrics)


def _benchmark_metrics():
    return [m for m in ChecklistVersion.objects.current().checklist().metrics if not m.prompt]


def metric_charts(session_list, by_person=False):
    charts = []
    groups = _by_person(session_list, by_person)
    for metric in benchmark_metrics():
        is_share = metric.key.endswith("_share")
        top = 1.0 if is_share else RATIO_MAX
        series = []
        for name, recordings in groups:
            values = []
            for recording in recordings:
                card = _scorecard(recording)
                value = card.metrics.get(metric.key, {}).get("value") if card else None
                values.append((recording.session_date, value, format_metric(metric, value)))
            series.append(Series(name, values))
        bands = []
        if metric.good is not None:
            if metric.fair is not None:
                bands.append((metric.fair, metric.good, "fair"))
            bands.append((metric.good, top, "good"))
        ticks = (
            [(0, "0%"), (0.5, "50%"), (1.0, "100%")]
            if is_share
            else [(0, "0:1"), (1, "1:1"), (2, "2:1"), (3, "3:1")]
        )
        chart = line_chart(
            f"{metric.id} {metric.title}",
            series,
            y_min=0,
            y_max=top,
            ticks=ticks,
            bands=bands,
            by_person=by_person,
        )
        chart.benchmark = metric.benchmark
        charts.append(chart)
    return charts


def format_metric(metric, value):
    if value is None:
        return "none"
    if metric.key.endswith("_share"):
        return f"{value:.0%}"
    return f"{value:.1f}:1"


def csv_rows(session_list):
    """A header and one row per session: metric values, machine skill scores, shared ratings."""
    metrics = benchmark_metrics()
    header = ["session date", "client", "reviewed"]
    header += [f"{m.id} {m.title}" for m in metrics]
    header += [MACHINE_SCORE_COLUMN.format(skill=skill.label) for skill in Skill]
    header += ["machine scorer"]
    header += [f"rating: {skill.label}" for skill in Skill]
    rows = [header]
    for recording in session_list:
        card = _scorecard(recording)
        ratings = skill_ratings(recording)
        row = [
            recording.session_date.isoformat(),
            recording.client_pseudonym,
            "yes" if shared_of(recording) else "no",
        ]
        row += [_blank(card.metrics.get(m.key, {}).get("value") if card else None) for m in metrics]
        row += [
            _blank(card.skills.get(skill.value, {}).get("score") if card else None)
            for skill in Skill
        ]
        row += [card.scorer_version if card else ""]
        row += [
            Rating(ratings[skill.value]).label if skill.value in ratings else "" for skill in Skill
        ]
        rows.append(row)
    return rows


def _blank(value):
    return "" if value is None else value
