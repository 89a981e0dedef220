"""Assignments and the practice plan.

A treatment manager assigns a training lesson or module to a practitioner (or to each member of
a team) with a due date, often from a growth point in their feedback, with a practice task for
the next session. The assignment is complete once the practitioner has completed the lesson (or
every lesson of the module). The practitioner tags the next recording to the practice task
(`PracticeRecording`), and that recording's feedback shows whether the skill moved.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from accounts.teams import practitioners_managed_by
from checklist.enums import Skill


class AssignmentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at__isnull=True)

    def completed(self):
        return self.filter(completed_at__isnull=False)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def overseen_by(self, user):
        """The assignments of the practitioners `user` manages (accounts.teams, the one rule)."""
        return self.filter(practitioner__in=practitioners_managed_by(user))

    def visible_to(self, user):
        """Their own assignments, and those of the practitioners they manage."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(practitioner=user) | Q(practitioner__in=practitioners_managed_by(user))
        )

    def open_practice_tasks(self, practitioner):
        """The practitioner's practice tasks no recording has been tagged to yet."""
        return self.filter(practitioner=practitioner, practice_recordings__isnull=True).exclude(
            practice_task=""
        )


class Assignment(models.Model):
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    team = models.ForeignKey(
        "accounts.Team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Set when the whole team was given this assignment.",
    )
    lesson = models.ForeignKey(
        "training.LessonPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    module = models.ForeignKey(
        "training.ModulePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
        help_text="A whole module: complete once every lesson in it is.",
    )
    due_date = models.DateField()
    note = models.TextField(blank=True, help_text="A note from the manager to the practitioner.")
    skill = models.CharField(
        max_length=40, choices=Skill.choices, blank=True, help_text="The skill to work on."
    )
    growth_point = models.TextField(
        blank=True, help_text="The growth point in the feedback this assignment came from."
    )
    practice_task = models.TextField(
        blank=True, help_text="What to practise in the next recorded session."
    )
    source_recording = models.ForeignKey(
        "recordings.Recording",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The recording whose feedback the growth point is in.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When a reminder was last emailed."
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lesson__isnull=False, module__isnull=True)
                | Q(lesson__isnull=True, module__isnull=False),
                name="assignment_is_a_lesson_or_a_module",
                violation_error_message="Choose a lesson or a module, not both.",
            )
        ]

    def __str__(self):
        return f"{self.target} for {self.practitioner}, due {self.due_date:%d %b %Y}"

    @property
    def target(self):
        """The lesson or module assigned, as its specific page."""
        return self.lesson or self.module

    @property
    def is_module(self):
        return self.module_id is not None

    @property
    def is_complete(self):
        return self.completed_at is not None

    @property
    def is_overdue(self):
        return not self.is_complete and self.due_date < timezone.localdate()

    @property
    def status_label(self):
        if self.is_complete:
            return "Completed"
        return "Overdue" if self.is_overdue else "To do"


class PracticeRecording(models.Model):
    """A recording the practitioner tagged to an assignment's practice task when uploading it."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="practice_recordings"
    )
    recording = models.OneToOneField(
        "recordings.Recording", on_delete=models.CASCADE, related_name="practice_tag"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.recording} practises {self.assignment.target}"
