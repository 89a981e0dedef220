"""Choices for a review: EPICS ratings, kinds of feedback point, agreement with the machine."""

from datetime import date, timedelta

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


class ChartRange(models.TextChoices):
    """How far back the progress charts go (the `range` query parameter)."""

    LAST_3_MONTHS = "3m", "Last 3 months"
    LAST_12_MONTHS = "12m", "Last 12 months"
    ALL = "all", "All sessions"

    @classmethod
    def from_query(cls, value):
        return cls(value) if value in cls.values else cls.ALL

    def since(self, today: date) -> date | None:
        """The first session date in range, or None for all of them."""
        days = {self.LAST_3_MONTHS: 91, self.LAST_12_MONTHS: 365}.get(self)
        return today - timedelta(days=days) if days else None
