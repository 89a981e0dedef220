"""A recording is never stranded: a job that never reached the queue is queued again, a file that
kills its worker again and again is stopped with a message, and a person can still try again."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from recordings.enums import RecordingStatus, Stage
from recordings.models import Recording
from recordings.processing import claim
from recordings.tasks import enqueue_processing, process_recording, recover_stale_recordings
from recordings.uploads import check_audio, store_recording

from .conftest import jobs, make_recording

pytestmark = pytest.mark.django_db

WAITING = (
    "Waiting for a worker: if this does not change within a few minutes, tell an administrator"
)


@pytest.fixture
def db_tasks(settings):
    """The database backend, as in development: jobs wait in a table until a worker runs them."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["default", "recordings"],
        }
    }


def jobs_waiting_for(recording):
    """The recording's jobs in the database queue that no worker has taken yet."""
    waiting = DBTaskResult.objects.ready().filter(task_path="recordings.tasks.process_recording")
    return waiting.filter(
        pk__in=[job.pk for job in waiting if job.args_kwargs["args"] == [recording.pk]]
    )


def queued_for(recording, minutes):
    Recording.objects.filter(pk=recording.pk).update(
        queued_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_a_recording_whose_job_never_reached_the_queue_is_queued_again(
    people, spoken, db_tasks, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    real_enqueue = DatabaseBackend.enqueue

    def locked(backend, task, args, kwargs):
        if task.func is process_recording.func:
            raise OperationalError("database is locked")
        return real_enqueue(backend, task, args, kwargs)

    monkeypatch.setattr(DatabaseBackend, "enqueue", locked)
    with django_capture_on_commit_callbacks(execute=True):
        recording, _ = store_recording(
            people["practitioner"],
            open(spoken, "rb"),  # noqa: SIM115  (closed with the File by Django)
            check_audio(spoken),
            original_name="session.wav",
            session_date=timezone.localdate(),
            client_pseudonym="Client A",
            skills=["structuring"],
        )
    # The upload itself succeeded; the failure to queue is logged for the administrator.
    recording.refresh_from_db()
    assert recording.status == RecordingStatus.QUEUED
    assert "Could not queue recording" in caplog.text
    assert not jobs_waiting_for(recording).exists()

    monkeypatch.undo()
    # Not before the recheck time: a busy queue is not a lost job.
    assert recover_stale_recordings() == []
    queued_for(recording, 11)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == [recording.pk]
    assert jobs_waiting_for(recording).count() == 1

    # Its job now waits in the queue: later checks leave it alone, however long it waits.
    queued_for(recording, 30)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == []
    assert jobs_waiting_for(recording).count() == 1


def test_a_job_the_backend_finished_without_running_the_recording_is_queued_again(
    people, db_tasks, django_capture_on_commit_callbacks
):
    recording = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(recording.pk)
    # A worker took the job and died before claiming the recording; the backend says failed.
    jobs_waiting_for(recording).update(status="FAILED")
    queued_for(recording, 11)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == [recording.pk]
    assert jobs_waiting_for(recording).count() == 1


def test_the_status_says_to_tell_an_administrator_when_no_worker_takes_it(
    client, people, db_tasks, django_capture_on_commit_callbacks
):
    recording = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(recording.pk)
    client.force_login(people["practitioner"])
    status_url = reverse("recordings:status", args=[recording.pk])

    assert client.get(status_url).json()["notice"] == ""
    assert WAITING not in client.get(recording.get_absolute_url()).content.decode()

    queued_for(recording, 11)  # its job waits, but no worker is running
    status = client.get(status_url).json()
    assert status["status"] == "queued"
    assert status["notice"].startswith(WAITING)
    assert WAITING in client.get(recording.get_absolute_url()).content.decode()


def stale(recording, attempts):
    Recording.objects.filter(pk=recording.pk).update(
        status=RecordingStatus.TRANSCRIBING,
        stage=Stage.TRANSCRIBE,
        heartbeat_at=timezone.now() - timedelta(minutes=10),
        attempts=attempts,
    )


def test_a_recording_whose_worker_died_is_queued_again_until_the_limit(
    people, dummy_tasks, settings, django_capture_on_commit_callbacks
):
    settings.RECORDINGS_MAX_ATTEMPTS = 3
    recording = make_recording(people["practitioner"], status=RecordingStatus.TRANSCRIBING)
    stale(recording, attempts=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == [recording.pk]
    assert Recording.objects.get(pk=recording.pk).status == RecordingStatus.QUEUED
    assert [job.args for job in jobs(dummy_tasks)] == [[recording.pk]]


def test_a_file_that_killed_its_worker_three_times_is_stopped_and_kept(
    client, people, dummy_tasks, settings, django_capture_on_commit_callbacks
):
    settings.RECORDINGS_MAX_ATTEMPTS = 3
    recording = make_recording(people["practitioner"], status=RecordingStatus.TRANSCRIBING)
    stale(recording, attempts=3)

    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == []
    assert jobs(dummy_tasks) == [], "not queued again"
    recording.refresh_from_db()
    assert recording.status == RecordingStatus.FAILED
    assert recording.stage == Stage.TRANSCRIBE, "a retry resumes where it stopped"
    assert recording.error_message.startswith("Processing stopped 3 times")
    assert "tell an administrator" in recording.error_message.lower()
    assert "the recording is kept" in recording.error_message
    assert recording.audio.storage.exists(recording.audio.name)

    # A job for it still in a queue does not take it either.
    stale(recording, attempts=3)
    assert claim(recording.pk) is None
    Recording.objects.filter(pk=recording.pk).update(status=RecordingStatus.FAILED)

    # The owner's "Try again" works, with the count started again.
    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert "Processing stopped 3 times" in page and "Try again" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("recordings:retry", args=[recording.pk]))
    recording.refresh_from_db()
    assert (recording.status, recording.attempts) == (RecordingStatus.QUEUED, 0)
    assert [job.args for job in jobs(dummy_tasks)] == [[recording.pk]]


def running_job_of(recording, django_capture_on_commit_callbacks):
    """The recording's job in the database queue, taken by a worker that then died."""
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_processing(recording.pk)
    recording.refresh_from_db()
    job = DBTaskResult.objects.get(pk=recording.task_id)
    job.claim("worker-that-died")
    return job


@pytest.mark.parametrize(("attempts", "then"), [(1, "queued"), (3, "failed")])
def test_the_task_row_of_a_dead_worker_is_closed_when_its_recording_is_handed_on(
    people, db_tasks, settings, django_capture_on_commit_callbacks, attempts, then
):
    settings.RECORDINGS_MAX_ATTEMPTS = 3
    recording = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    dead = running_job_of(recording, django_capture_on_commit_callbacks)
    stale(recording, attempts=attempts)

    with django_capture_on_commit_callbacks(execute=True):
        recover_stale_recordings()

    dead.refresh_from_db()
    assert dead.status == "FAILED"
    assert dead.finished_at is not None
    assert "worker running this job stopped" in dead.traceback
    assert not DBTaskResult.objects.running().exists()
    assert Recording.objects.get(pk=recording.pk).status == then
    assert jobs_waiting_for(recording).count() == (1 if then == "queued" else 0)


def test_a_running_job_whose_worker_still_beats_is_left_alone(
    people, db_tasks, django_capture_on_commit_callbacks
):
    recording = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    alive = running_job_of(recording, django_capture_on_commit_callbacks)
    Recording.objects.filter(pk=recording.pk).update(
        status=RecordingStatus.TRANSCRIBING, heartbeat_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == []
    alive.refresh_from_db()
    assert alive.status == "RUNNING"
