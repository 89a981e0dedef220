"""The practice plan's last step: did the skill move? For a recording tagged to a practice task,
the skill's machine score and the manager's shared rating beside the previous session's.

Reads only the public data of recordings and reviews: a recording's score cards and its
shared review (the scores as shared, the manager's skill rating)."""

from dataclasses import dataclass

from django.db.models import Q

from checklist.enums import Skill
from recordings.enums import RecordingStatus
from recordings.models import Recording, ScoreCard
from reviews.enums import Rating
from reviews.models import Review


@dataclass
class SessionSkill:
    recording: Recording | None
    score: float | None  # the machine's skill score, 0 to 1
    rating: str  # the manager's shared rating, "" when not rated or not shared

    @property
    def rating_label(self):
        return Rating(self.rating).label if self.rating else "Not rated"


@dataclass
class SkillMove:
    skill: str
    previous: SessionSkill
    current: SessionSkill

    @property
    def skill_label(self):
        return Skill(self.skill).label

    @property
    def score_moved(self):
        return _direction(self.previous.score, self.current.score)

    @property
    def rating_moved(self):
        scale = Rating.scale()
        return _direction(scale.get(self.previous.rating), scale.get(self.current.rating))


def _direction(before, after):
    if before is None or after is None:
        return "no comparison"
    if after > before:
        return "up"
    return "down" if after < before else "same"


def shared_review_of(recording):
    return Review.objects.shared().filter(recording=recording).first()


def session_skill(recording, skill, review=None) -> SessionSkill:
    """The skill in one session: as shared when feedback is shared, the machine's newest card
    (and no rating) until then."""
    if recording is None:
        return SessionSkill(None, None, "")
    review = review if review is not None else shared_review_of(recording)
    card = review.shared_scorecard if review else ScoreCard.objects.latest_for(recording)
    score = card.skills.get(skill, {}).get("score") if card else None
    rated = review.skill_rating(skill) if review else None
    return SessionSkill(recording, score, rated.rating if rated else "")


def previous_session(recording):
    """The practitioner's transcribed session before this one (by session date, then upload)."""
    earlier = Q(session_date__lt=recording.session_date) | Q(
        session_date=recording.session_date, created_at__lt=recording.created_at
    )
    return (
        Recording.objects.filter(owner=recording.owner_id, status=RecordingStatus.READY)
        .filter(earlier)
        .exclude(pk=recording.pk)
        .order_by("-session_date", "-created_at")
        .first()
    )


def skill_move(recording, skill, review=None) -> SkillMove:
    return SkillMove(
        skill=skill,
        previous=session_skill(previous_session(recording), skill),
        current=session_skill(recording, skill, review),
    )
