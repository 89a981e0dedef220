"""The practitioner's self-assessment: when they may give it, when the manager may see it,
and how it compares with the manager's ratings on the feedback page.

Blind first: the manager sees the self-assessment only once their own latest version of the
review (draft or shared) has an overall rating for every skill, so the practitioner's view
cannot anchor theirs.
"""

from django.db import transaction
from wagtail.log_actions import log

from checklist.enums import Skill
from recordings.enums import RecordingStatus

from .models import Review, SelfAssessment

SELF_ASSESS = "reviews.self_assess"


def is_shared(recording) -> bool:
    return Review.objects.filter(recording=recording, live=True).exists()


def may_self_assess(user, recording) -> bool:
    """The owner, once the recording is transcribed, until the feedback is first shared."""
    return (
        recording.owner_id == user.pk
        and recording.status == RecordingStatus.READY
        and not is_shared(recording)
    )


def of(recording) -> SelfAssessment | None:
    return SelfAssessment.objects.filter(recording=recording).first()


def manager_has_rated(review: Review | None) -> bool:
    """True when `review` (the manager's working copy) rates every skill overall."""
    if review is None or review.pk is None:
        return False
    rated = {rating.skill for rating in review.skill_ratings.all() if rating.rating}
    return set(Skill.values) <= rated


@transaction.atomic
def save(recording, user, *, ratings, proudest_line, proudest_note, redo_line, redo_note):
    assessment, _ = SelfAssessment.objects.update_or_create(
        recording=recording,
        defaults={
            "ratings": ratings,
            "proudest_line": proudest_line,
            "proudest_note": proudest_note,
            "redo_line": redo_line,
            "redo_note": redo_note,
        },
    )
    # No personal text in the audit entry: only that it happened.
    log(assessment, SELF_ASSESS, user=user, data={"recording": recording.pk})
    return assessment


def comparison(assessment: SelfAssessment, review: Review) -> dict:
    """Per skill, the practitioner's rating beside the manager's, and whether they agree."""
    rows = []
    for skill in Skill:
        own = assessment.rating(skill.value)
        manager = review.skill_rating(skill.value)
        manager_value = manager.rating if manager else ""
        rows.append(
            {
                "skill": skill,
                "own": assessment.rating_label(skill.value) or "Not rated",
                "manager": manager.get_rating_display() if manager else "Not rated",
                "agreed": bool(own) and own == manager_value,
            }
        )
    return {"rows": rows, "agreed": sum(row["agreed"] for row in rows), "total": len(rows)}
