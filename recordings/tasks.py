"""Background jobs for recordings, through the Django Tasks API on the "recordings" queue.

Dead workers are noticed by their recording's stopped heartbeat. `recover_stale_recordings()`
queues such recordings again (they resume from their stage), fails those whose workers died
RECORDINGS_MAX_ATTEMPTS times (the file itself may kill them), and queues again recordings left
queued for RECORDINGS_QUEUED_RECHECK_SECONDS with no job in the task backend (the enqueue after
the commit failed: Redis down, database locked). It runs:
- whenever a worker starts a job on the "recordings" queue (see apps.py), so a surviving or
  restarted worker picks up what a dead one left as soon as it has anything to do;
- from `manage.py requeue_stale_recordings` (once, for cron or a systemd timer, or with
  `--every SECONDS` beside the workers, as `make run` starts it), which covers a machine where
  nobody is looking and nothing new arrives. Viewing a recording never changes it.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from . import processing
from .enums import RecordingStatus

logger = logging.getLogger(__name__)

QUEUE_NAME = "recordings"


@task(queue_name=QUEUE_NAME)
def process_recording(recording_id: int) -> str:
    """Decode, transcribe, separate speakers, score; resumes from the recording's stage."""
    return processing.run(recording_id)


def enqueue_processing(recording_id):
    """Queues the job once the current transaction commits, so the worker finds the row.

    A failure to queue (Redis down, SQLite locked) must not fail the request that saved the
    recording: it is logged, and `recover_stale_recordings` queues it again later, because the
    recording stays queued with no job the backend knows of.
    """
    from .models import Recording

    Recording.objects.filter(pk=recording_id).update(queued_at=timezone.now(), task_id="")

    def enqueue_now():
        _enqueue_now(recording_id)

    # Not a functools.partial: Django logs a robust callback's failure by its __qualname__.
    transaction.on_commit(enqueue_now, robust=True)


def _enqueue_now(recording_id):
    from .models import Recording

    try:
        result = process_recording.enqueue(recording_id)
    except Exception:
        logger.exception(
            "Could not queue recording %s; it will be queued again by the recovery", recording_id
        )
        raise
    # The immediate backend has run the job by now; the id is still worth keeping.
    Recording.objects.filter(pk=recording_id).update(task_id=str(result.id)[:64])


def retry(recording):
    """Queues a failed recording again; it resumes from the stage that failed. A person asked,
    so the count of dead workers starts again."""
    from .models import Recording

    with transaction.atomic():
        queued = Recording.objects.filter(pk=recording.pk, status=RecordingStatus.FAILED).update(
            status=RecordingStatus.QUEUED, attempts=0, updated_at=timezone.now()
        )
        if queued:
            enqueue_processing(recording.pk)
    return bool(queued)


def job_waiting(recording) -> bool | None:
    """Whether the task backend still holds a job for the recording that has not finished:
    True or False, or None when the backend cannot say (it does not keep results)."""
    if not recording.task_id:
        return False
    if not process_recording.get_backend().supports_get_result:
        return None
    try:
        result = process_recording.get_result(recording.task_id)
    except TaskResultDoesNotExist:
        return False
    return result.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)


class WorkerStopped(Exception):
    """Recorded on the task row of a job whose worker stopped without finishing it."""


ORPHANED_JOB_NOTE = (
    "The worker running this job stopped (killed, or its machine restarted) without finishing "
    "it; the recording was handed on (queued again or failed by the recovery)."
)


def close_orphaned_job(task_id) -> bool:
    """Marks the task row of a job whose worker died as failed, so the task admin does not show
    it running for ever. Only the database backend keeps such rows (RQ moves a dead worker's
    job to its own failed registry)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not task_id or not isinstance(process_recording.get_backend(), DatabaseBackend):
        return False
    closed = DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        return_value=None,
        exception_class_path=f"{__name__}.{WorkerStopped.__qualname__}",
        traceback=f"{__name__}.{WorkerStopped.__qualname__}: {ORPHANED_JOB_NOTE}\n",
    )
    return bool(closed)


def gave_up_message(attempts):
    return (
        f"Processing stopped {attempts} times without finishing: the worker doing it was stopped "
        "each time, perhaps by this file. It was not tried again. Tell an administrator; "
        "the recording is kept."
    )


def recover_stale_recordings() -> list[int]:
    """Queues again every recording whose worker has stopped beating, and every recording
    queued long ago whose job the backend does not hold; returns their ids.

    A recording whose workers died RECORDINGS_MAX_ATTEMPTS times is failed instead.
    """
    from .models import Recording

    recovered, gave_up = [], []
    max_attempts = settings.RECORDINGS_MAX_ATTEMPTS
    stale = processing.stale_recordings().only(
        "pk", "status", "heartbeat_at", "attempts", "task_id"
    )
    for recording in stale:
        # Conditional on the state just read, so two callers act on a recording once.
        same_state = Recording.objects.filter(
            pk=recording.pk, status=recording.status, heartbeat_at=recording.heartbeat_at
        )
        with transaction.atomic():
            if recording.attempts >= max_attempts:
                if same_state.update(
                    status=RecordingStatus.FAILED,
                    error_code="worker_died",
                    error_message=gave_up_message(recording.attempts),
                    updated_at=timezone.now(),
                ):
                    close_orphaned_job(recording.task_id)
                    gave_up.append(recording.pk)
            elif same_state.update(status=RecordingStatus.QUEUED, updated_at=timezone.now()):
                # The dead worker's task row would otherwise say "running" for ever.
                close_orphaned_job(recording.task_id)
                enqueue_processing(recording.pk)
                recovered.append(recording.pk)
    for recording in processing.long_queued_recordings().only(
        "pk", "status", "queued_at", "task_id", "created_at"
    ):
        if job_waiting(recording):
            continue
        with transaction.atomic():
            if Recording.objects.filter(
                pk=recording.pk, status=RecordingStatus.QUEUED, queued_at=recording.queued_at
            ).update(updated_at=timezone.now()):
                enqueue_processing(recording.pk)
                recovered.append(recording.pk)
    for pk in gave_up:
        logger.error("Recording %s: its worker died %s times; failed", pk, max_attempts)
    for pk in recovered:
        logger.warning("Recording %s lost its worker or its job; queued again to resume", pk)
    return recovered
