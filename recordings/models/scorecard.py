"""A recording's scores: the scorer's output for one transcript against one checklist version."""

from django.db import models


class ScoreCard(models.Model):
    recording = models.OneToOneField(
        "recordings.Recording", on_delete=models.CASCADE, related_name="scorecard"
    )
    checklist_version = models.ForeignKey(
        "recordings.ChecklistVersion", on_delete=models.PROTECT, related_name="scorecards"
    )
    scorer_version = models.CharField(max_length=40)
    result = models.JSONField(help_text="SessionScore.to_dict(): codes, evidence, skills, metrics.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "score card"

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
