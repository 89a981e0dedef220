"""A treatment manager's review of a recording: item and skill ratings and coached feedback.

The review is a Wagtail draft-state model: every save is a revision, the database row holds only
what has been shared (published), so the practitioner can never be shown a draft. Ratings and
feedback points are child rows in the review's cluster, so each revision holds all of them.
The practitioner's responses and read receipts are separate rows: publishing a new version
must not wipe them. Sharing points the review at the newest score card (which holds the speaker
roles it was scored with), so what the practitioner sees changes only when the manager shares
again.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin

from checklist.enums import Skill
from core.timecodes import timecode
from recordings.models import Recording, ScoreCard

from .enums import Agreement, PointKind, Rating


class ReviewQuerySet(models.QuerySet):
    def shared(self):
        return self.filter(live=True)


class Review(DraftStateMixin, RevisionMixin, ClusterableModel):
    recording = models.OneToOneField(
        "recordings.Recording", on_delete=models.CASCADE, related_name="review"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checklist_version = models.ForeignKey(
        "checklist.ChecklistVersion",
        null=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        help_text="The checklist version of the score card the ratings were made against.",
    )
    scorecard = models.ForeignKey(
        "recordings.ScoreCard",
        null=True,
        blank=True,
        editable=False,
        # Not PROTECT: deleting the recording (its owner's erasure, or the owner's) takes its
        # cards and its review together; a card alone still cannot go while a review uses it.
        on_delete=models.RESTRICT,
        related_name="reviews",
        help_text="The score card this version was shared with: its scores and speaker roles.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="review")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "review"

    def __str__(self):
        return f"Review of {self.recording}"

    @property
    def revisions(self):
        return self._revisions

    def get_absolute_url(self):
        return reverse("reviews:feedback", args=[self.recording_id])

    @property
    def shared_scorecard(self) -> ScoreCard | None:
        """The score card as it was when this version was shared."""
        return self.scorecard

    def shared_role(self, segment):
        return self.scorecard.role_of(segment) if self.scorecard else segment.role

    # The shape of the feedback, read by the templates.
    def points_of(self, kind):
        return [point for point in self.points.all() if point.kind == kind]

    @property
    def went_well(self):
        return self.points_of(PointKind.WENT_WELL)

    @property
    def work_on(self):
        points = self.points_of(PointKind.WORK_ON)
        return points[0] if points else None

    def item_rating(self, code):
        return next((r for r in self.item_ratings.all() if r.item == code), None)

    def skill_rating(self, code):
        return next((r for r in self.skill_ratings.all() if r.skill == code), None)


class ItemRating(Orderable):
    review = ParentalKey(Review, on_delete=models.CASCADE, related_name="item_ratings")
    item = models.CharField(max_length=10, help_text="Checklist item id, e.g. B1.")
    skill = models.CharField(max_length=40, choices=Skill.choices)
    rating = models.CharField(max_length=20, choices=Rating.choices)
    machine_proposal = models.CharField(
        max_length=20, choices=Rating.choices, blank=True, help_text="Empty: no proposal."
    )
    agreement = models.CharField(max_length=20, choices=Agreement.choices, blank=True)

    def __str__(self):
        return f"{self.item}: {self.get_rating_display()}"


class SkillRating(Orderable):
    review = ParentalKey(Review, on_delete=models.CASCADE, related_name="skill_ratings")
    skill = models.CharField(max_length=40, choices=Skill.choices)
    rating = models.CharField(max_length=20, choices=Rating.choices)

    def __str__(self):
        return f"{self.get_skill_display()}: {self.get_rating_display()}"


class FeedbackPoint(Orderable):
    """One point of feedback, anchored to a line of the transcript and its moment."""

    review = ParentalKey(Review, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(max_length=20, choices=PointKind.choices)
    text = models.TextField()
    example = models.TextField(blank=True, help_text="What it could have sounded like.")
    line = models.PositiveIntegerField(null=True, blank=True, help_text="Transcript line index.")
    at = models.FloatField(null=True, blank=True, help_text="Seconds into the recording.")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:40]}"

    @property
    def at_label(self):
        return timecode(self.at)


class Response(models.Model):
    """The practitioner's reply to shared feedback; the manager reads it on the review page."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="responses")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"Response by {self.author} on {self.created_at:%d %b %Y}"


class Reading(models.Model):
    """The practitioner marked one shared version as read; a newer shared version is unread."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="readings")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-read_at"]

    def __str__(self):
        return f"Read by {self.reader} on {self.read_at:%d %b %Y}"


class RecordingToReview(Recording):
    """A recording as the managers' review queue in the Wagtail admin lists it (no table of its
    own: a proxy, so the queue can have its own permission policy)."""

    class Meta:
        proxy = True
        verbose_name = "recording to review"
        verbose_name_plural = "recordings to review"

    @property
    def review_state(self):
        try:
            review = self.review
        except Review.DoesNotExist:
            return "Not started"
        return "Shared" if review.live else "Draft"


class SelfAssessment(models.Model):
    """The practitioner's own view of a session, given before the feedback is shared: a rating
    of each SEEDS skill (the managers' scale), the moment they are proudest of and one they
    would do again differently. The manager sees it only once they have rated every skill
    themselves (reviews.self_assessment), so the two views are independent."""

    recording = models.OneToOneField(
        "recordings.Recording", on_delete=models.CASCADE, related_name="self_assessment"
    )
    ratings = models.JSONField(default=dict, help_text="Skill code -> rating (reviews.Rating).")
    proudest_line = models.PositiveIntegerField(help_text="Transcript line index.")
    proudest_note = models.TextField(blank=True, help_text="Why this moment.")
    redo_line = models.PositiveIntegerField(help_text="Transcript line index.")
    redo_note = models.TextField(blank=True, help_text="What they would do instead.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Self-assessment of {self.recording}"

    def rating(self, skill) -> str:
        return self.ratings.get(skill, "")

    def rating_label(self, skill) -> str:
        value = self.rating(skill)
        return Rating(value).label if value in Rating.values else ""


class Comment(models.Model):
    """The manager's comment at a moment of the session: the player's position, a line, or
    words selected in a line (kept as `quote`). Not part of the review's revisions: written at
    once, without a page reload, and shown to the practitioner from the next share on
    (`shared_at`)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.FloatField(help_text="Seconds into the recording.")
    line = models.PositiveIntegerField(null=True, blank=True, help_text="Transcript line index.")
    quote = models.TextField(blank=True, help_text="The words selected in the line, if any.")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    shared_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty until the manager shares the feedback."
    )

    class Meta:
        ordering = ["at", "created_at"]

    def __str__(self):
        return f"Comment at {self.at_label}"

    @property
    def at_label(self):
        return timecode(self.at)


class Reply(models.Model):
    """One message in a thread between the practitioner and the manager: on a comment, or on
    the practitioner's response to the feedback."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="replies")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    response = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "replies"
        constraints = [
            models.CheckConstraint(
                name="reply_to_a_comment_or_a_response",
                condition=models.Q(comment__isnull=False, response__isnull=True)
                | models.Q(comment__isnull=True, response__isnull=False),
            )
        ]

    def __str__(self):
        return f"Reply by {self.author} on {self.created_at:%d %b %Y}"
