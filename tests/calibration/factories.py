"""Calibration as leads and owners leave it: consent asked or given, exercises being checked or
open, participants' submitted ratings."""

import factory
from django.utils import timezone

from calibration import calibrating
from calibration.models import (
    CalibrationConsent,
    CalibrationExercise,
    CalibrationRating,
    ConsentStatus,
    ExerciseStatus,
)
from checklist.enums import Skill
from reviews.enums import Rating
from tests.accounts.factories import AdministratorFactory, ManagerFactory
from tests.recordings.factories import RecordingFactory


class CalibrationConsentFactory(factory.django.DjangoModelFactory):
    """The owner's consent to calibration, given unless `status` says otherwise."""

    class Meta:
        model = CalibrationConsent

    recording = factory.SubFactory(RecordingFactory, scored=True)
    status = ConsentStatus.GIVEN
    asked_by = factory.SubFactory(AdministratorFactory)


class CalibrationExerciseFactory(factory.django.DjangoModelFactory):
    """An exercise made as the set-up page makes it (the pseudonymised copy, the machine's
    proposals) on a consented recording, with two participating managers; `open=True` shares
    it with them."""

    class Meta:
        model = CalibrationExercise

    class Params:
        open = factory.Trait(status=ExerciseStatus.OPEN)

    title = factory.Sequence(lambda n: f"Calibration {n}")
    recording = factory.LazyAttribute(lambda _: CalibrationConsentFactory().recording)
    created_by = factory.SubFactory(AdministratorFactory)
    participants = factory.LazyFunction(lambda: [ManagerFactory(), ManagerFactory()])
    status = ExerciseStatus.CHECKING

    @classmethod
    def _create(cls, model_class, *args, recording, created_by, title, participants, status,
                **kwargs):  # fmt: skip
        exercise = calibrating.create_exercise(
            recording, created_by, title=title, participants=participants
        )
        if status == ExerciseStatus.OPEN:
            calibrating.open_exercise(exercise, created_by)
        return exercise


class CalibrationRatingFactory(factory.django.DjangoModelFactory):
    """A participant's submitted ratings: every skill satisfactory unless told."""

    class Meta:
        model = CalibrationRating

    exercise = factory.SubFactory(CalibrationExerciseFactory, open=True)
    rater = factory.LazyAttribute(lambda rating: rating.exercise.participants.first())
    items = factory.LazyFunction(dict)
    skills = factory.LazyFunction(lambda: dict.fromkeys(Skill.values, Rating.SATISFACTORY))
    submitted_at = factory.LazyFunction(timezone.now)
