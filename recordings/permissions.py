"""Who may do what with a recording: the one place every recording view asks.

Owner, the treatment managers of the owner's team, and administrators may see a recording;
anyone else is told it does not exist (404, the rule in core.permissions), so ids cannot be
probed. Among those who may see it, retrying, deleting and withdrawing consent are for the
owner and administrators, reviewing for the owner's managers and administrators; correcting
the transcript (its words, lines and speakers) for those and for the owner until feedback on it
is shared (after that, what the feedback quotes stays as it was shared); the others get 403.
"""

from enum import Enum

from django.db.models import Q

from accounts.teams import practitioners_managed_by
from core.permissions import get_or_refuse

from .models import Recording


class Action(Enum):
    VIEW = "view"
    RETRY = "retry"
    REVIEW = "review"
    ERASE = "erase"  # delete it, or withdraw the client's consent
    CORRECT = "correct"  # fix the transcript's words, lines or speakers


# What only the owner (and administrators) may do, whoever else may see the recording.
OWNER_ACTIONS = (Action.RETRY, Action.ERASE)


def reviewable_recordings(user):
    """The recordings `user` may review: those of the practitioners they manage, never their own."""
    return Recording.objects.filter(owner__in=practitioners_managed_by(user))


def visible_recordings(user):
    """The recordings `user` may see, as a queryset: their own and those they may review."""
    if not user.is_authenticated:
        return Recording.objects.none()
    if user.is_administrator:
        return Recording.objects.all()
    return Recording.objects.filter(Q(owner=user) | Q(owner__in=practitioners_managed_by(user)))


def can(user, action: Action, recording) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_administrator:
        return True
    if action is Action.VIEW:
        return recording.owner_id == user.pk or user.manages(recording.owner)
    if action in OWNER_ACTIONS:
        return recording.owner_id == user.pk
    if action is Action.REVIEW:
        return user.manages(recording.owner)
    if action is Action.CORRECT:
        if recording.owner_id == user.pk:
            return recording.feedback_shared_at is None
        return user.manages(recording.owner)
    return False


def allowed_ids(user, action: Action, recordings) -> set[int]:
    """The ids among `recordings` that `user` may do `action` with: `can` for a whole list, in
    at most one query."""
    ids = [recording.pk for recording in recordings]
    if not user.is_authenticated or not ids:
        return set()
    if user.is_administrator:
        return set(ids)
    if action in OWNER_ACTIONS:
        return {recording.pk for recording in recordings if recording.owner_id == user.pk}
    if action is Action.CORRECT:
        return {recording.pk for recording in recordings if can(user, action, recording)}
    allowed = reviewable_recordings(user) if action is Action.REVIEW else visible_recordings(user)
    return set(allowed.filter(pk__in=ids).values_list("pk", flat=True))


def get_recording_for(user, pk, action: Action = Action.VIEW, queryset=None) -> Recording:
    """The recording `pk` if `user` may do `action` with it; 404 if they may not even see it."""
    queryset = visible_recordings(user) if queryset is None else queryset & visible_recordings(user)
    return get_or_refuse(
        queryset.select_related("owner", "owner__team"),
        pk,
        allowed=lambda recording: can(user, action, recording),
        what="recording",
    )
