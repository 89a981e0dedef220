"""What a review goes through: drafts saved as revisions, sharing (publishing, which shares the
comments written so far), the practitioner's response and read receipt; each step written to
Wagtail's audit log."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from recordings.models import Recording, ScoreCard

from .models import Reading, Response, Review

SHARE = "reviews.share"
RATE = "reviews.rate"
RESPOND = "reviews.respond"
READ = "reviews.read"
# Speaker fixes made from the review page before recordings.speakers logged them itself;
# kept so those audit entries still read well.


def working_copy(recording, user) -> Review:
    """The review as its reviewer last left it: the latest revision (a draft, or what was
    shared), or a new, unsaved, unshared review."""
    review = Review.objects.filter(recording=recording).first()
    if review is None:
        return Review(recording=recording, reviewer=user, live=False)
    return review.get_latest_revision_as_object()


def shared_review(recording) -> Review | None:
    """The version the practitioner may see: the database row, once shared."""
    return (
        Review.objects.filter(recording=recording, live=True)
        .select_related("reviewer", "live_revision")
        .prefetch_related("item_ratings", "skill_ratings", "points", "responses__author")
        .first()
    )


def _ratings(review):
    return sorted((r.item, r.rating) for r in review.item_ratings.all()) + sorted(
        (r.skill, r.rating) for r in review.skill_ratings.all()
    )


@transaction.atomic
def save_draft(review: Review, user, *, previous=None, autosave=False):
    """Saves the review as a new revision and returns it.

    An autosave replaces the reviewer's own latest draft instead of piling up a revision every
    few seconds; "Save draft" and sharing always make a new one, so edits after sharing are
    versioned. Until the first share the row holds the draft too (it is not live, so it is
    never shown to the practitioner); after that the row keeps the shared version.
    """
    review.reviewer = review.reviewer or user
    if review.pk is None or not review.live:
        review.save()
    latest = review.get_latest_revision()
    overwrite = (
        latest
        if autosave
        and latest is not None
        and latest.pk != review.live_revision_id
        and latest.user_id == user.pk
        else None
    )
    revision = review.save_revision(user=user, log_action=True, overwrite_revision=overwrite)
    if previous is None or _ratings(previous) != _ratings(review):
        log(
            review,
            RATE,
            user=user,
            revision=revision,
            data={
                "items_rated": len(review.item_ratings.all()),
                "skills_rated": len(review.skill_ratings.all()),
            },
        )
    return revision


@transaction.atomic
def share(review: Review, user, *, previous=None):
    """Saves and publishes the review: the practitioner sees this version from now on, with the
    scores and speaker roles as they are now (a later speaker fix shows once shared again)."""
    review.scorecard = ScoreCard.objects.latest_for(review.recording)
    revision = save_draft(review, user, previous=previous)
    # Who may share is decided by recordings.permissions (the owner's managers and
    # administrators), checked by the view; Wagtail's model permissions know nothing of teams.
    revision.publish(user=user, log_action=SHARE, skip_permission_checks=True)
    # Comments written since the last share are the practitioner's to read from now on.
    review.comments.filter(shared_at__isnull=True).update(shared_at=timezone.now())
    # The recordings app counts how long audio and transcript are kept from the last share.
    Recording.objects.filter(pk=review.recording_id).update(feedback_shared_at=timezone.now())
    return revision


@transaction.atomic
def respond(review: Review, user, text: str) -> Response:
    response = Response.objects.create(review=review, author=user, text=text)
    log(review, RESPOND, user=user, data={"response": response.pk})
    return response


@transaction.atomic
def mark_read(review: Review, user) -> Reading:
    reading = Reading.objects.create(review=review, revision=review.live_revision, reader=user)
    log(review, READ, user=user, revision=review.live_revision)
    return reading


def is_read(review: Review) -> Reading | None:
    """The reading of the version shared now, if the practitioner has marked it read."""
    return review.readings.filter(revision=review.live_revision).first()
