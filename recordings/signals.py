"""Signals recordings sends for apps above it (notifications, the access log), so that it
needs to import none of them.

`recording_accessed` is sent whenever a person sees or hears a recording (the `privacy` app
keeps the access log from it); `record_access(user, kind, recordings)` is the one way to send it.
"""

from django.db import models
from django.dispatch import Signal

# Sent once a recording has been transcribed and scored: sender=Recording, recording=...
recording_ready = Signal()


class AccessKind(models.TextChoices):
    """What was seen or heard. Written literally: the access log stores these codes."""

    RECORDING_PAGE = "recording_page", "Recording page and transcript"
    REVIEW_PAGE = "review_page", "Review page: transcript, scores and feedback"
    FEEDBACK_PAGE = "feedback_page", "Feedback page: scores and feedback"
    PLAYBACK = "playback", "Audio playback started"
    EXPORT = "export", "Exported in a spreadsheet"
    ADMIN_INSPECT = "admin_inspect", "Inspected in the admin"
    ADMIN_EDIT = "admin_edit", "Opened for editing in the admin"
    SUBJECT_ACCESS_EXPORT = "subject_access_export", "Included in a subject-access export"


# Sent with user (who), kind (an AccessKind) and recordings (a list of Recording).
recording_accessed = Signal()


def record_access(user, kind: AccessKind, recordings):
    """Tell the access log that `user` accessed each of `recordings` in the way `kind` says."""
    recordings = list(recordings)
    if recordings and user is not None and user.is_authenticated:
        recording_accessed.send(sender=AccessKind, user=user, kind=kind, recordings=recordings)
