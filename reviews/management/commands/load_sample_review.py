"""Writes and shares the demo manager's review of the demo sample recording. Safe to run again.

Run after load_sample_recording: `make run` then shows the whole flow at once, a recording
with scores, a review with its ratings and points, and shared feedback for the practitioner.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from checklist.enums import Skill
from recordings.enums import RecordingStatus, SpeakerRole
from recordings.management.commands.load_sample_recording import SAMPLE
from recordings.models import Recording, ScoreCard
from reviews import reviewing
from reviews.agreement import agreement, machine_proposal
from reviews.enums import PointKind, Rating
from reviews.models import FeedbackPoint, ItemRating, Review, SkillRating

SKILL_RATINGS = {
    Skill.STRUCTURING: Rating.SATISFACTORY,
    Skill.RELATIONSHIP_BUILDING: Rating.NEEDS_IMPROVEMENT,
    Skill.PROSOCIAL_MODELLING: Rating.NOT_APPLICABLE,
    Skill.COGNITIVE_TECHNIQUES: Rating.NOT_APPLICABLE,
}


class Command(BaseCommand):
    help = "Review the demo sample recording as the demo manager and share the feedback."

    def add_arguments(self, parser):
        parser.add_argument("--owner", default="practitioner")
        parser.add_argument("--reviewer", default="manager")

    def handle(self, *args, owner, reviewer, **options):
        users = get_user_model().objects
        manager = users.filter(username=reviewer).first()
        recording = Recording.objects.filter(
            owner__username=owner, original_name=SAMPLE.name, status=RecordingStatus.READY
        ).first()
        if manager is None or recording is None:
            raise CommandError("Run load_demo_data first: it makes the users and the sample.")
        if not manager.manages(recording.owner):
            raise CommandError(f"{reviewer} does not manage {owner}'s team.")
        existing = Review.objects.filter(recording=recording, live=True).first()
        if existing:
            self.stdout.write(f"Sample review {existing.pk}: already shared")
            return
        scorecard = ScoreCard.objects.latest_for(recording)
        review = reviewing.working_copy(recording, manager)
        review.checklist_version = scorecard.checklist_version
        review.item_ratings = [
            ItemRating(
                item=code,
                skill=item["skill"],
                rating=machine_proposal(item),
                machine_proposal=machine_proposal(item),
                agreement=agreement(item, machine_proposal(item)),
            )
            for code, item in scorecard.items.items()
            if machine_proposal(item)
        ]
        review.skill_ratings = [
            SkillRating(skill=skill, rating=rating) for skill, rating in SKILL_RATINGS.items()
        ]
        review.points = self.points(recording)
        reviewing.share(review, manager)
        self.stdout.write(f"Sample review {review.pk}: shared with {recording.owner}")

    def points(self, recording):
        lines = list(recording.segments.filter(role=SpeakerRole.PRACTITIONER))
        if not lines:
            lines = list(recording.segments.all())
        if not lines:
            raise CommandError("The sample recording has no transcript to anchor feedback to.")
        first, middle = lines[0], lines[len(lines) // 2]
        last = lines[-1]

        def point(kind, segment, text, example=""):
            return FeedbackPoint(
                kind=kind, text=text, example=example, line=segment.index, at=segment.start
            )

        return [
            point(
                PointKind.WENT_WELL,
                first,
                "A warm start: you checked in on how things had been before anything else.",
            ),
            point(
                PointKind.WENT_WELL,
                last,
                "You ended by agreeing what happens next, so the session had a clear close.",
            ),
            point(
                PointKind.WORK_ON,
                middle,
                "Here a reflection would have shown you heard what mattered to Sam, rather than "
                "another question.",
                "It sounds like getting this sorted matters a lot to you.",
            ),
        ]
