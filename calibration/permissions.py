"""Who does what in calibration: the one place every calibration view asks.

Calibration leads set up exercises and read every report: administrators, and anyone given the
permission "Can set up calibration exercises" (`calibration.run_calibration`, e.g. through a
"Calibration leads" group of senior treatment managers). A lead chooses only among recordings
they may see anyway (recordings.permissions), so the permission never widens who sees a
recording. Participants are treatment managers a lead invites; they see an exercise's
pseudonymised text only, and the report only after submitting their own ratings (blind first).
Anyone else is told the exercise does not exist (404).
"""

from django.contrib.auth import get_user_model

from accounts.roles import Role
from core.permissions import get_or_refuse
from recordings.enums import RecordingStatus
from recordings.permissions import visible_recordings

from .models import CalibrationExercise, ConsentStatus, ExerciseStatus

PERMISSION = "calibration.run_calibration"


def is_lead(user) -> bool:
    return user.is_authenticated and (user.is_administrator or user.has_perm(PERMISSION))


def candidate_recordings(user):
    """Scored recordings a lead may choose from: those they may see."""
    if not is_lead(user):
        return visible_recordings(user).none()
    return (
        visible_recordings(user)
        .filter(status=RecordingStatus.READY, scorecards__isnull=False)
        .select_related("owner", "owner__team")
        .distinct()
    )


def consented_recordings(user):
    """The candidates whose owners agreed to calibration: the only ones an exercise may use."""
    return candidate_recordings(user).filter(calibration_consent__status=ConsentStatus.GIVEN)


def possible_participants(recording=None):
    """Active treatment managers (never the recording's owner)."""
    people = get_user_model().objects.filter(
        is_active=True, groups__name=Role.TREATMENT_MANAGER.value
    )
    if recording is not None:
        people = people.exclude(pk=recording.owner_id)
    return people.distinct().order_by("last_name", "first_name", "username")


def led_exercises(user):
    """The exercises a lead runs: those on recordings they may see."""
    if not is_lead(user):
        return CalibrationExercise.objects.none()
    return CalibrationExercise.objects.filter(recording__in=visible_recordings(user))


def invited_exercises(user):
    """The exercises `user` takes part in, once a lead has checked and opened them."""
    if not user.is_authenticated:
        return CalibrationExercise.objects.none()
    return CalibrationExercise.objects.filter(participants=user).exclude(
        status=ExerciseStatus.CHECKING
    )


def exercise_to_lead(user, pk):
    return get_or_refuse(led_exercises(user), pk, what="exercise")


def exercise_to_rate(user, pk):
    return get_or_refuse(invited_exercises(user), pk, what="exercise")


def has_submitted(user, exercise) -> bool:
    return exercise.ratings.filter(rater=user, submitted_at__isnull=False).exists()


def exercise_for_report(user, pk):
    """Leads always; a participant once they have submitted (403 before: blind first)."""
    visible = (led_exercises(user) | invited_exercises(user)).distinct()
    return get_or_refuse(
        visible,
        pk,
        allowed=lambda exercise: is_leading(user, exercise) or has_submitted(user, exercise),
        what="exercise",
    )


def is_leading(user, exercise) -> bool:
    return led_exercises(user).filter(pk=exercise.pk).exists()
