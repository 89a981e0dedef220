"""Keeping the access log: writing a record for each access the recordings and reviews views
announce (recordings.signals), and deleting records older than the privacy settings allow."""

from datetime import timedelta

from django.utils import timezone

from core.site_settings import for_default_site
from recordings.signals import AccessKind

from .models import AccessRecord, PrivacySettings

# A player fetches the start of the audio more than once as it starts (and again when the
# page is reloaded): starts by the same person of the same recording this close together are
# one listening.
PLAYBACK_REPEAT = timedelta(minutes=5)


def capacity(user, owner_id):
    """In what capacity `user` accessed data about the person `owner_id`."""
    if user.pk == owner_id:
        return "Owner"
    if user.is_administrator:
        return "Administrator"
    if user.is_treatment_manager:
        return "Treatment manager"
    return ", ".join(role.value for role in user.roles)[:40]


def log_access(sender, user, kind, recordings, **kwargs):
    """The receiver of `recording_accessed`: one record per recording."""
    now = timezone.now()
    if kind == AccessKind.PLAYBACK:
        recent = set(
            AccessRecord.objects.filter(
                accessor=user,
                kind=AccessKind.PLAYBACK,
                recording__in=recordings,
                accessed_at__gte=now - PLAYBACK_REPEAT,
            ).values_list("recording_id", flat=True)
        )
        recordings = [recording for recording in recordings if recording.pk not in recent]
    AccessRecord.objects.bulk_create(
        AccessRecord(
            accessor=user,
            accessor_role=capacity(user, recording.owner_id),
            subject_id=recording.owner_id,
            recording=recording,
            kind=kind,
            accessed_at=now,
        )
        for recording in recordings
    )


def log_subject_access_export(user, subject):
    """A subject-access export of everything about `subject`: one record about the person."""
    return AccessRecord.objects.create(
        accessor=user,
        accessor_role=capacity(user, subject.pk),
        subject=subject,
        kind=AccessKind.SUBJECT_ACCESS_EXPORT,
    )


def retention_days():
    return for_default_site(PrivacySettings).access_log_days


def delete_expired_access_records(now=None):
    """Delete the records older than the retention period; returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    deleted, _ = AccessRecord.objects.filter(accessed_at__lt=cutoff).delete()
    return deleted
