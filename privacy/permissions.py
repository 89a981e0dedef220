"""Who may read a recording's access log: its owner and administrators. A manager who may see
the recording gets 403; anyone who may not see it, 404 (recordings.permissions)."""

from django.core.exceptions import PermissionDenied

from recordings.permissions import get_recording_for


def may_see_access_log(user, recording) -> bool:
    return user.is_authenticated and (recording.owner_id == user.pk or user.is_administrator)


def recording_with_access_log(user, pk):
    recording = get_recording_for(user, pk)
    if not may_see_access_log(user, recording):
        raise PermissionDenied("Only the recording's owner and administrators see who saw it.")
    return recording
