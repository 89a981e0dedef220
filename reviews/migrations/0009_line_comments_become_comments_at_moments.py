"""The per-line comment boxes' comments (feedback points of kind "comment") become comments at
moments: a shared one stays shared (from when the review was last shared), one only in the
latest draft is not shared yet. The points leave the review's rows; old revisions keep them, and
the form no longer reads them."""

from django.db import migrations

COMMENT = "comment"


def _start_of(TranscriptSegment, recording_id, line):
    segment = TranscriptSegment.objects.filter(recording_id=recording_id, index=line).first()
    return segment.start if segment else 0.0


def _draft_comments(Revision, review):
    """(line, text, at) of the comments in the latest revision when it is newer than the
    shared one: a draft's."""
    if review.latest_revision_id is None or review.latest_revision_id == review.live_revision_id:
        return []
    revision = Revision.objects.filter(pk=review.latest_revision_id).first()
    points = (revision.content or {}).get("points", []) if revision else []
    return [
        (point.get("line"), point.get("text", ""), point.get("at"))
        for point in points
        if point.get("kind") == COMMENT and point.get("text", "").strip()
    ]


def forwards(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    FeedbackPoint = apps.get_model("reviews", "FeedbackPoint")
    Comment = apps.get_model("reviews", "Comment")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranscriptSegment = apps.get_model("recordings", "TranscriptSegment")

    for review in Review.objects.all():
        rows = list(FeedbackPoint.objects.filter(review=review, kind=COMMENT))
        shared_at = review.last_published_at if review.live else None
        made = set()
        for point in rows:
            at = point.at if point.at is not None else _start_of(
                TranscriptSegment, review.recording_id, point.line
            )
            Comment.objects.create(
                review=review,
                author_id=review.reviewer_id,
                at=at,
                line=point.line,
                text=point.text,
                shared_at=shared_at,
            )
            made.add((point.line, point.text.strip()))
        if review.live:
            for line, text, at in _draft_comments(Revision, review):
                if (line, text.strip()) in made:
                    continue
                if at is None:
                    at = _start_of(TranscriptSegment, review.recording_id, line)
                Comment.objects.create(
                    review=review, author_id=review.reviewer_id, at=at, line=line, text=text
                )
                made.add((line, text.strip()))
        FeedbackPoint.objects.filter(pk__in=[point.pk for point in rows]).delete()


def backwards(apps, schema_editor):
    """Comments on a line become that line's comment point again (one per line, joined)."""
    Review = apps.get_model("reviews", "Review")
    FeedbackPoint = apps.get_model("reviews", "FeedbackPoint")
    Comment = apps.get_model("reviews", "Comment")
    for review in Review.objects.all():
        by_line = {}
        for comment in Comment.objects.filter(review=review).order_by("at", "created_at"):
            if comment.line is not None:
                by_line.setdefault(comment.line, []).append(comment)
        for line, comments in by_line.items():
            FeedbackPoint.objects.create(
                review=review,
                kind=COMMENT,
                text="\n\n".join(comment.text for comment in comments),
                line=line,
                at=comments[0].at,
            )
        Comment.objects.filter(review=review).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0008_comments_at_moments_and_replies"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
