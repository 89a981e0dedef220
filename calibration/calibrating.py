"""What a calibration goes through: the owner is asked and answers, a lead sets up an exercise
on a consented recording, checks its pseudonymised copy and opens it, managers submit their
ratings. Each step is written to Wagtail's audit log, with no personal text."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from recordings.models import ScoreCard
from reviews.agreement import machine_proposal

from .models import (
    CalibrationConsent,
    CalibrationExercise,
    CalibrationRating,
    ConsentStatus,
    ExerciseStatus,
)
from .pseudonymising import pseudonymised_lines

ASK = "calibration.ask"
ANSWER = "calibration.answer"
OPEN = "calibration.open"
CLOSE = "calibration.close"
SUBMIT = "calibration.submit"


class NoConsent(Exception):
    """The recording's owner has not agreed to calibration."""


@transaction.atomic
def ask_consent(recording, user) -> CalibrationConsent:
    consent, created = CalibrationConsent.objects.get_or_create(
        recording=recording, defaults={"asked_by": user}
    )
    if created:
        log(consent, ASK, user=user)
    return consent


@transaction.atomic
def answer_consent(consent, user, agree: bool):
    """The owner agrees or declines; declining (or withdrawing) deletes any copy made."""
    consent.status = ConsentStatus.GIVEN if agree else ConsentStatus.DECLINED
    consent.answered_at = timezone.now()
    consent.save()
    if not agree:
        consent.recording.calibration_exercises.all().delete()
    log(consent, ANSWER, user=user, data={"agreed": agree})


def _consented(recording) -> bool:
    return CalibrationConsent.objects.filter(
        recording=recording, status=ConsentStatus.GIVEN
    ).exists()


@transaction.atomic
def create_exercise(recording, user, *, title, participants) -> CalibrationExercise:
    if not _consented(recording):
        raise NoConsent
    card = ScoreCard.objects.latest_for(recording)
    lines, _ = pseudonymised_lines(recording)
    exercise = CalibrationExercise.objects.create(
        title=title,
        recording=recording,
        checklist_version=card.checklist_version,
        lines=lines,
        machine={code: machine_proposal(item) for code, item in card.items.items()},
        created_by=user,
    )
    exercise.participants.set(participants)
    return exercise


@transaction.atomic
def recheck(exercise, extra_terms: str):
    """The person checking asks for more words to be replaced: the copy is made again."""
    exercise.extra_terms = extra_terms
    exercise.lines, _ = pseudonymised_lines(exercise.recording, extra_terms)
    exercise.save(update_fields=["extra_terms", "lines"])


@transaction.atomic
def open_exercise(exercise, user):
    """Shares the checked copy with the participants."""
    if not _consented(exercise.recording):
        raise NoConsent
    exercise.status = ExerciseStatus.OPEN
    exercise.checked_by = user
    exercise.opened_at = timezone.now()
    exercise.save(update_fields=["status", "checked_by", "opened_at"])
    log(exercise, OPEN, user=user, data={"participants": exercise.participants.count()})


@transaction.atomic
def close_exercise(exercise, user):
    """No more ratings: the report stays as it is."""
    exercise.status = ExerciseStatus.CLOSED
    exercise.save(update_fields=["status"])
    log(exercise, CLOSE, user=user)


@transaction.atomic
def submit(exercise, user, *, items, skills) -> CalibrationRating:
    rating, _ = CalibrationRating.objects.update_or_create(
        exercise=exercise,
        rater=user,
        defaults={"items": items, "skills": skills, "submitted_at": timezone.now()},
    )
    log(exercise, SUBMIT, user=user)
    return rating
