"""Choices for a review: EPICS ratings, kinds of feedback point, agreement with the machine."""

from django.db import models


class Rating(models.TextChoices):
    SATISFACTORY = "satisfactory", "Satisfactory"
    NEEDS_IMPROVEMENT = "needs_improvement", "Needs improvement"
    MISSED_OPPORTUNITY = "missed_opportunity", "Missed opportunity"
    NOT_APPLICABLE = "not_applicable", "Not applicable"

    @classmethod
    def scale(cls):
        """A rating as a number for charts: higher is better; not applicable has no value."""
        return {
            cls.SATISFACTORY: 2,
            cls.NEEDS_IMPROVEMENT: 1,
            cls.MISSED_OPPORTUNITY: 0,
        }


class PointKind(models.TextChoices):
    WENT_WELL = "went_well", "What went well"
    WORK_ON = "work_on", "One thing to work on"
    COMMENT = "comment", "Comment"


class Agreement(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed the machine"
    OVERRIDDEN = "overridden", "Overrode the machine"
    # The machine found no evidence, yet the manager rated the item as if it had: a detector miss.
    MISSED = "missed", "Found by the manager only"
