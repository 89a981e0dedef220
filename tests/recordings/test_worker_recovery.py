"""A worker process killed in the middle of a real transcription: its recording is found by its
stopped heartbeat, queued again, and a new worker finishes it with every line once.

Real processes throughout (`manage.py db_worker`, SIGKILL), sharing a SQLite database file and
a recordings folder in a temporary directory under oep.settings.test_worker.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from speech.audio import decode_to_pcm
from speech.transcribe import TranscriptionOptions, transcribe
from speech.vocabulary import prompt_for
from tests.fixtures.audio.reference import OPENING, script_text, word_error_rate

from .conftest import DIALOGUE

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"
HEARTBEAT, STALE = 0.5, 3.0


@pytest.fixture
def project(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "oep.settings.test_worker",
        "OEP_VAR_DIR": str(tmp_path),
        "RECORDINGS_HEARTBEAT_SECONDS": str(HEARTBEAT),
        "RECORDINGS_STALE_AFTER_SECONDS": str(STALE),
        "DJANGO_SUPERUSER_PASSWORD": "not-used-here-1",
        "PYTHONUNBUFFERED": "1",
    }
    workers = []

    def manage(*args, timeout=300):
        done = subprocess.run(
            [sys.executable, str(MANAGE), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def start_worker():
        worker = subprocess.Popen(
            [
                sys.executable,
                str(MANAGE),
                "db_worker",
                "--queue-name",
                "recordings",
                "--no-reload",
                "--no-startup-delay",
                "--interval",
                "0.2",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        workers.append(worker)
        return worker

    def query(sql, *params):
        with sqlite3.connect(tmp_path / "db.sqlite3", timeout=30) as db:
            return db.execute(sql, params).fetchall()

    query.folder = tmp_path

    manage("migrate", "--noinput", "-v0")
    manage("createsuperuser", "--noinput", "--username", "pat", "--email", "pat@example.org")
    yield manage, start_worker, query
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def wait_for(condition, timeout, step=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"gave up after {timeout}s")


@pytest.mark.slow
def test_a_recording_whose_worker_was_killed_is_finished_by_another(project):
    manage, start_worker, query = project
    recording_id = json.loads(
        manage("process_recording", str(DIALOGUE), "--owner", "pat", "--client-consented")
    )["id"]

    def status():
        return query(
            "SELECT status, progress, attempts FROM recordings_recording WHERE id=?", recording_id
        )[0]

    def lines(table="recordings_transcriptsegment"):
        return query(
            'SELECT idx, start, text FROM (SELECT "index" AS idx, start, text '  # noqa: S608
            f"FROM {table} WHERE recording_id=?) ORDER BY idx",
            recording_id,
        )

    def heard():
        """What Whisper has produced so far (the lines come after the speaker stage)."""
        return lines("recordings_whispersegment")

    first = start_worker()
    # Kill it as soon as the first lines are saved, in the middle of the transcription.
    wait_for(heard, timeout=120)
    first.send_signal(signal.SIGKILL)
    first.wait()
    state, progress, attempts = status()
    saved_before = heard()
    assert state == "transcribing"
    assert 0 < progress < 1, "killed part-way"
    assert attempts == 1

    # Nothing moves while no worker holds it; once its heartbeat is stale it is queued again.
    time.sleep(STALE + 1)
    assert status()[0] == "transcribing"
    assert f"Queued again: {recording_id}" in manage("requeue_stale_recordings")
    assert status()[0] == "queued"

    second = start_worker()
    wait_for(lambda: status()[0] in ("ready", "failed"), timeout=180, step=0.2)
    second.send_signal(signal.SIGTERM)
    second.wait(timeout=30)

    state, progress, attempts = status()
    assert (state, progress, attempts) == ("ready", 1.0, 2)
    final = lines()
    assert [index for index, _, _ in final] == list(range(len(final)))
    starts = [start for _, start, _ in final]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    text = " ".join(line for _, _, line in final)
    assert len(OPENING.findall(text)) == 1, "the lines saved before the kill are not repeated"
    assert saved_before[0][2].split()[0] in text
    assert word_error_rate(script_text(DIALOGUE), text) < 0.2, text
    stage_log = json.loads(
        query("SELECT stage_log FROM recordings_recording WHERE id=?", recording_id)[0][0]
    )
    assert [entry["stage"] for entry in stage_log] == ["score"], "the score stage ran once more"

    # The killed worker's task row is closed, not left "running" for ever.
    table = DBTaskResult._meta.db_table
    rows = query(
        f"SELECT status FROM {table} WHERE task_path=? ORDER BY enqueued_at",  # noqa: S608
        "recordings.tasks.process_recording",
    )
    assert [status for (status,) in rows] == ["FAILED", "SUCCESSFUL"]

    # Word for word what an uninterrupted run of the same audio gives: none lost at the
    # resume point, none repeated.
    pcm = Path(query.folder) / "uninterrupted.npy"
    decode_to_pcm(DIALOGUE, pcm)
    # told what the worker is told with the words of the trade off: the way people talk
    uninterrupted = list(transcribe(pcm, TranscriptionOptions(initial_prompt=prompt_for([]))))
    resumed = [
        json.loads(words)
        for (words,) in query(
            'SELECT words FROM recordings_whispersegment WHERE recording_id=? ORDER BY "index"',
            recording_id,
        )
    ]
    assert [word["text"] for words in resumed for word in words] == [
        word.text for segment in uninterrupted for word in segment.words
    ]
