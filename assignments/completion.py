"""When an assignment is complete: the practitioner has completed the lesson, or every live
lesson of the module (training's LessonCompletion, the one record of a finished lesson)."""

from django.utils import timezone
from wagtail.log_actions import log

from training.models import LessonCompletion, LessonPage

COMPLETE = "assignments.complete"


def lesson_ids(assignment) -> set[int]:
    if assignment.lesson_id:
        return {assignment.lesson_id}
    return set(LessonPage.objects.child_of(assignment.module).live().values_list("pk", flat=True))


def is_done(assignment, completed_ids) -> bool:
    needed = lesson_ids(assignment)
    # A module with no published lessons cannot be finished yet.
    return bool(needed) and needed <= completed_ids


def complete_finished(practitioner) -> list:
    """Marks complete the practitioner's open assignments whose lessons are all completed."""
    from .models import Assignment

    completed_ids = set(
        LessonCompletion.objects.filter(user=practitioner).values_list("lesson_id", flat=True)
    )
    done = []
    for assignment in Assignment.objects.filter(practitioner=practitioner).open():
        if is_done(assignment, completed_ids):
            assignment.completed_at = timezone.now()
            assignment.save(update_fields=["completed_at"])
            log(assignment, COMPLETE, user=practitioner)
            done.append(assignment)
    return done


def complete_on_lesson_completion(sender, instance, created, **kwargs):
    if created:
        complete_finished(instance.user)
