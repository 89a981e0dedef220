"""Assignments in their states (due, overdue, completed, with a practice task), recordings tagged
to a practice task, and a shared review with chosen skill ratings."""

from datetime import timedelta

import factory
from django.utils import timezone

from assignments.models import Assignment, PracticeRecording
from checklist.enums import Skill
from reviews import reviewing
from reviews.enums import PointKind, Rating
from reviews.models import FeedbackPoint, SkillRating
from tests.accounts.factories import ManagerFactory, PractitionerFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import LessonPageFactory


def days_from_today(days):
    return timezone.localdate() + timedelta(days=days)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A lesson assigned by a manager of the practitioner's team, due in two weeks;
    `overdue=True` was due three days ago, `completed=True` is done, `practice=True` carries a
    practice task."""

    class Meta:
        model = Assignment

    class Params:
        overdue = factory.Trait(due_date=factory.LazyFunction(lambda: days_from_today(-3)))
        completed = factory.Trait(completed_at=factory.LazyFunction(timezone.now))
        practice = factory.Trait(
            practice_task="Open the next session with a check-in before any business.",
            skill=Skill.STRUCTURING,
        )

    practitioner = factory.SubFactory(PractitionerFactory)
    assigned_by = factory.LazyAttribute(
        lambda assignment: ManagerFactory(teams=[assignment.practitioner.team])
    )
    lesson = factory.SubFactory(LessonPageFactory)
    due_date = factory.LazyFunction(lambda: days_from_today(14))


class PracticeRecordingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeRecording

    assignment = factory.SubFactory(AssignmentFactory, practice=True)
    recording = factory.SubFactory(
        RecordingFactory,
        scored=True,
        owner=factory.SelfAttribute("..assignment.practitioner"),
    )


def share_review(recording, reviewer=None, work_on="", **ratings):
    """Shares a review of `recording` rating each skill as given (others satisfactory), with
    `work_on` as its one thing to work on."""
    review = ReviewFactory(recording=recording, **({"reviewer": reviewer} if reviewer else {}))
    review.skill_ratings = [
        SkillRating(skill=skill, rating=ratings.get(skill, Rating.SATISFACTORY))
        for skill in Skill.values
    ]
    if work_on:
        review.points = [
            *review.points.all(),
            FeedbackPoint(kind=PointKind.WORK_ON, text=work_on, line=2, at=10.0),
        ]
    reviewing.share(review, review.reviewer)
    return review
