"""Background jobs for recordings, through the Django Tasks API on the "recordings" queue.

Dead workers are noticed by their recording's stopped heartbeat. `recover_stale_recordings()`
queues such recordings again (they resume from their stage). It runs:
- whenever a worker starts a job on the "recordings" queue (see apps.py), so a surviving or
  restarted worker picks up what a dead one left as soon as it has anything to do;
- when a recording page polls its status, so a person watching never waits on a dead job;
- from `manage.py requeue_stale_recordings`, for cron or a systemd timer, which also covers a
  machine where nobody is looking and nothing new arrives.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import processing
from .enums import RecordingStatus

logger = logging.getLogger(__name__)

QUEUE_NAME = "recordings"


@task(queue_name=QUEUE_NAME)
def process_recording(recording_id: int) -> str:
    """Decode, transcribe, separate speakers, score; resumes from the recording's stage."""
    return processing.run(recording_id)


def enqueue_processing(recording_id):
    """Queues the job once the current transaction commits, so the worker finds the row."""
    transaction.on_commit(lambda: process_recording.enqueue(recording_id))


def retry(recording):
    """Queues a failed recording again; it resumes from the stage that failed."""
    from .models import Recording

    with transaction.atomic():
        queued = Recording.objects.filter(pk=recording.pk, status=RecordingStatus.FAILED).update(
            status=RecordingStatus.QUEUED, updated_at=timezone.now()
        )
        if queued:
            enqueue_processing(recording.pk)
    return bool(queued)


def recover_stale_recordings() -> list[int]:
    """Queues again every recording whose worker has stopped beating; returns their ids."""
    from .models import Recording

    recovered = []
    for recording in processing.stale_recordings().only("pk", "status", "heartbeat_at"):
        with transaction.atomic():
            # Conditional on the state just read, so two callers re-queue a recording once.
            requeued = Recording.objects.filter(
                pk=recording.pk, status=recording.status, heartbeat_at=recording.heartbeat_at
            ).update(status=RecordingStatus.QUEUED, updated_at=timezone.now())
            if requeued:
                enqueue_processing(recording.pk)
                recovered.append(recording.pk)
    for pk in recovered:
        logger.warning("Recording %s lost its worker; queued again to resume", pk)
    return recovered
