"""Calibration between managers: one consented recording, pseudonymised as text, rated blind by
several managers, then compared.

The owner's consent is asked and answered in the app (`CalibrationConsent`); an exercise can be
set up only on a recording whose owner agreed. Participants never see the recording: the
exercise keeps its own pseudonymised copy of the transcript (`lines`) and the machine's
proposals, so nothing in a participant's pages reads the recording, its names or its audio.
"""

from django.conf import settings
from django.db import models


class ConsentStatus(models.TextChoices):
    ASKED = "asked", "Asked, not answered"
    GIVEN = "given", "Agreed"
    DECLINED = "declined", "Declined"


class CalibrationConsent(models.Model):
    """The owner's answer to "may managers rate a pseudonymised text copy of this session?"."""

    recording = models.OneToOneField(
        "recordings.Recording", on_delete=models.CASCADE, related_name="calibration_consent"
    )
    status = models.CharField(
        max_length=20, choices=ConsentStatus.choices, default=ConsentStatus.ASKED
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Calibration consent for {self.recording}: {self.get_status_display()}"

    @property
    def given(self):
        return self.status == ConsentStatus.GIVEN


class ExerciseStatus(models.TextChoices):
    CHECKING = "checking", "Being checked"
    OPEN = "open", "Open for rating"
    CLOSED = "closed", "Closed"


class CalibrationExercise(models.Model):
    title = models.CharField(max_length=120)
    # Deleting the recording (erasure, withdrawn consent) deletes the copy made from it.
    recording = models.ForeignKey(
        "recordings.Recording", on_delete=models.CASCADE, related_name="calibration_exercises"
    )
    checklist_version = models.ForeignKey(
        "checklist.ChecklistVersion", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ExerciseStatus.choices, default=ExerciseStatus.CHECKING
    )
    lines = models.JSONField(
        default=list, help_text="The pseudonymised transcript: index, start, role, text."
    )
    extra_terms = models.TextField(
        blank=True, help_text="Words the person checking asked to replace as well."
    )
    machine = models.JSONField(
        default=dict, help_text="The machine's proposed rating per checklist item."
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="calibration_exercises"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            (
                "run_calibration",
                "Can set up calibration exercises on recordings they may see, and read reports",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("calibration:exercise", args=[self.pk])

    def submitted(self):
        return self.ratings.filter(submitted_at__isnull=False).select_related("rater")


class CalibrationRating(models.Model):
    """One participant's ratings of the exercise: final once submitted, so no one changes
    theirs after seeing the group's."""

    exercise = models.ForeignKey(
        CalibrationExercise, on_delete=models.CASCADE, related_name="ratings"
    )
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calibration_ratings"
    )
    items = models.JSONField(default=dict, help_text="Checklist item id -> rating.")
    skills = models.JSONField(default=dict, help_text="Skill code -> rating.")
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exercise", "rater"], name="one_rating_per_rater")
        ]

    def __str__(self):
        return f"{self.rater} on {self.exercise}"

    def rating_of(self, code) -> str:
        return self.items.get(code) or self.skills.get(code) or ""
