"""Reviews as a treatment manager leaves them: a draft, or shared with the practitioner."""

import factory

from checklist.enums import Skill
from recordings.models import ScoreCard
from reviews import reviewing
from reviews.enums import PointKind, Rating
from reviews.models import FeedbackPoint, Review, SelfAssessment, SkillRating
from tests.accounts.factories import ManagerFactory
from tests.recordings.factories import RecordingFactory


class ReviewFactory(factory.django.DjangoModelFactory):
    """A review by a manager of the practitioner's team, saved as a draft revision with a rating
    for every skill and a point done well; `shared=True` publishes it through
    `reviews.reviewing.share`, as the review page's "Share" does; `shared__work_on="..."` adds
    the one thing to work on."""

    class Meta:
        model = Review
        skip_postgeneration_save = True

    recording = factory.SubFactory(RecordingFactory, scored=True)
    reviewer = factory.LazyAttribute(
        lambda review: ManagerFactory(teams=[review.recording.owner.team])
    )
    live = False
    checklist_version = factory.LazyAttribute(
        lambda review: ScoreCard.objects.latest_for(review.recording).checklist_version
    )

    @factory.post_generation
    def shared(review, create, extracted, **kwargs):
        if not create:
            return
        review.skill_ratings = [
            SkillRating(skill=skill, rating=Rating.SATISFACTORY) for skill in Skill.values
        ]
        review.points = [
            FeedbackPoint(kind=PointKind.WENT_WELL, text="You checked in warmly.", line=0, at=0.0)
        ]
        if kwargs.get("work_on"):
            review.points.add(
                FeedbackPoint(kind=PointKind.WORK_ON, text=kwargs["work_on"], line=1, at=5.0)
            )
        if extracted:
            reviewing.share(review, review.reviewer)
        else:
            reviewing.save_draft(review, review.reviewer)


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    """A practitioner's self-assessment of their scored recording: every skill satisfactory,
    proudest of the first line, would redo the second."""

    class Meta:
        model = SelfAssessment

    recording = factory.SubFactory(RecordingFactory, scored=True)
    ratings = factory.LazyFunction(lambda: dict.fromkeys(Skill.values, Rating.SATISFACTORY))
    proudest_line = 0
    proudest_note = "I checked in before anything else."
    redo_line = 1
    redo_note = "I would reflect before asking again."
