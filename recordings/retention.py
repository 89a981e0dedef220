"""When a recording's audio and transcript are deleted, and the job that deletes them.

The periods are the administrators' `RetentionSettings` (of the default site: recordings belong
to no site). Audio goes N days after the feedback on it was last shared, or M days after upload
if feedback never was; the transcript goes K days after the same moment (the last share, or the
upload). Only finished recordings (ready or failed) are erased: a worker may hold the others.
Feedback, ratings and scores are kept (recordings.erasure says what is erased).

`apply_retention()` runs from `manage.py apply_retention` (once, for cron, or `--every SECONDS`
beside the workers, as `make run` starts it).
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from core.site_settings import for_default_site

from . import erasure
from .enums import ErasureReason, RecordingStatus
from .models import Recording, RetentionSettings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionPolicy:
    audio_days_after_feedback: int
    audio_days_if_never_reviewed: int
    transcript_days: int

    @classmethod
    def current(cls) -> "RetentionPolicy":
        settings = for_default_site(RetentionSettings)
        return cls(
            audio_days_after_feedback=settings.audio_days_after_feedback,
            audio_days_if_never_reviewed=settings.audio_days_if_never_reviewed,
            transcript_days=settings.transcript_days,
        )

    def audio_due(self, recording) -> datetime:
        if recording.feedback_shared_at:
            return recording.feedback_shared_at + timedelta(days=self.audio_days_after_feedback)
        return recording.created_at + timedelta(days=self.audio_days_if_never_reviewed)

    def transcript_due(self, recording) -> datetime:
        since = recording.feedback_shared_at or recording.created_at
        return since + timedelta(days=self.transcript_days)

    def audio_overdue(self, now) -> Q:
        return Q(feedback_shared_at__lte=now - timedelta(days=self.audio_days_after_feedback)) | Q(
            feedback_shared_at__isnull=True,
            created_at__lte=now - timedelta(days=self.audio_days_if_never_reviewed),
        )

    def transcript_overdue(self, now) -> Q:
        cutoff = now - timedelta(days=self.transcript_days)
        return Q(feedback_shared_at__lte=cutoff) | Q(
            feedback_shared_at__isnull=True, created_at__lte=cutoff
        )


@dataclass(frozen=True)
class Schedule:
    """What a recording's page says about its deletion."""

    audio_due: datetime | None
    transcript_due: datetime | None
    counts_from_feedback: bool


def schedule_for(recording, policy: RetentionPolicy | None = None) -> Schedule:
    policy = policy or RetentionPolicy.current()
    return Schedule(
        audio_due=None if recording.audio_erased_at else policy.audio_due(recording),
        transcript_due=None if recording.transcript_erased_at else policy.transcript_due(recording),
        counts_from_feedback=recording.feedback_shared_at is not None,
    )


def _finished():
    return Recording.objects.filter(status__in=[RecordingStatus.READY, RecordingStatus.FAILED])


def apply_retention(now=None) -> dict[str, list[int]]:
    """Erases every finished recording's audio and transcript whose time has come; returns the
    ids erased, as {"audio": [...], "transcript": [...]}."""
    now = now or timezone.now()
    policy = RetentionPolicy.current()
    done = {"audio": [], "transcript": []}
    audio_due = _finished().filter(audio_erased_at__isnull=True).filter(policy.audio_overdue(now))
    for recording in audio_due.only("pk"):
        if erasure.erase_audio(recording, ErasureReason.RETENTION):
            done["audio"].append(recording.pk)
    transcript_due = _finished().filter(transcript_erased_at__isnull=True)
    for recording in transcript_due.filter(policy.transcript_overdue(now)).only("pk"):
        if erasure.erase_transcript(recording, ErasureReason.RETENTION):
            done["transcript"].append(recording.pk)
    for kind, ids in done.items():
        if ids:
            logger.info("Retention erased the %s of recordings %s", kind, ids)
    return done
