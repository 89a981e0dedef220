"""A recording's scores: the scorer's output for one transcript against one checklist version.

Score cards are never changed: every scoring (the first, and each after a speaker fix) adds a
card, and a shared review points at the card it was shared with."""

from django.db import models


class ScoreCardQuerySet(models.QuerySet):
    def latest_for(self, recording):
        """The newest card of `recording`, or None before it is scored."""
        return (
            self.filter(recording=recording)
            .select_related("checklist_version")
            .order_by("-created_at", "-pk")
            .first()
        )


class ScoreCard(models.Model):
    recording = models.ForeignKey(
        "recordings.Recording", on_delete=models.CASCADE, related_name="scorecards"
    )
    checklist_version = models.ForeignKey(
        "checklist.ChecklistVersion", on_delete=models.PROTECT, related_name="scorecards"
    )
    scorer_version = models.CharField(max_length=40)
    result = models.JSONField(help_text="SessionScore.to_dict(): codes, evidence, skills, metrics.")
    roles = models.JSONField(
        default=dict, blank=True, help_text="Each transcript line's speaker role, as scored."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScoreCardQuerySet.as_manager()

    class Meta:
        verbose_name = "score card"
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]

    def __str__(self):
        return f"Scores for {self.recording}"

    @property
    def items(self):
        return self.result.get("items", {})

    @property
    def skills(self):
        return self.result.get("skills", {})

    @property
    def metrics(self):
        return self.result.get("metrics", {})

    @property
    def notes(self):
        """What the scorer said about this scoring (say, that it ran on its rules alone)."""
        return self.result.get("notes", [])

    def role_of(self, segment):
        """The line's speaker as this card was scored with (a later fix shows on a later card)."""
        return self.roles.get(str(segment.index), segment.role)
