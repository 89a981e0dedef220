"""Who may do what with a recording: the one place every recording view asks.

Owner, the treatment managers of the owner's team, and administrators may see a recording;
anyone else is told it does not exist (404), so ids cannot be probed. Among those who may see
it, retrying is for the owner and administrators, reviewing (swapping speakers, reassigning
lines) for the owner's managers and administrators; the others get 403.
"""

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .models import Recording


class Action(Enum):
    VIEW = "view"
    RETRY = "retry"
    REVIEW = "review"


def visible_recordings(user):
    """The recordings `user` may see, as a queryset."""
    if not user.is_authenticated:
        return Recording.objects.none()
    if user.is_administrator:
        return Recording.objects.all()
    allowed = Q(owner=user)
    if user.is_treatment_manager:
        allowed |= Q(owner__team__in=user.managed_teams.all())
    return Recording.objects.filter(allowed)


def is_managers_recording(user, recording) -> bool:
    return recording.owner_id != user.pk and user.manages(recording.owner)


def can(user, action: Action, recording) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_administrator:
        return True
    if action is Action.VIEW:
        return recording.owner_id == user.pk or is_managers_recording(user, recording)
    if action is Action.RETRY:
        return recording.owner_id == user.pk
    if action is Action.REVIEW:
        return is_managers_recording(user, recording)
    return False


def get_recording_for(user, pk, action: Action = Action.VIEW, queryset=None) -> Recording:
    """The recording `pk` if `user` may do `action` with it; 404 if they may not even see it."""
    queryset = visible_recordings(user) if queryset is None else queryset & visible_recordings(user)
    try:
        recording = queryset.select_related("owner", "owner__team").get(pk=pk)
    except Recording.DoesNotExist:
        raise Http404("No such recording.") from None
    if not can(user, action, recording):
        raise PermissionDenied
    return recording
