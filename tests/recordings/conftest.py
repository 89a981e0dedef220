"""Audio files and recordings for the recordings tests."""

import wave
from pathlib import Path

import numpy as np
import pytest
from django.core.files.storage import storages

from recordings.enums import RecordingStatus, Stage
from tests.recordings.factories import RecordingFactory, add_lines  # noqa: F401

AUDIO = Path(__file__).resolve().parents[1] / "fixtures" / "audio"
DIALOGUE = AUDIO / "dialogue_1min.ogg"
BAD = AUDIO / "bad"

# Keeps jobs from running in tests that are about the web side: the Dummy backend records what
# was enqueued without running it.
DUMMY_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": ["default", "recordings"],
    }
}


def tone_wav(path: Path, seconds: float, rate: int = 8000) -> Path:
    """A plain audible tone: decodes as audio, not silent, of a known length."""
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * 440 * t) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture
def tone(tmp_path):
    return tone_wav(tmp_path / "session.wav", 12)


@pytest.fixture
def dummy_tasks(settings):
    settings.TASKS = DUMMY_TASKS
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def jobs(backend):
    """The process_recording jobs a backend was given (Wagtail queues its own search jobs)."""
    from recordings.tasks import process_recording

    return [r for r in backend.results if r.task.func is process_recording.func]


def stored_files():
    storage = storages["recordings"]
    found = []

    def walk(folder):
        dirs, files = storage.listdir(folder)
        found.extend(f"{folder}/{name}".lstrip("/") for name in files)
        for name in dirs:
            walk(f"{folder}/{name}".lstrip("/"))

    if Path(storage.location).exists():
        walk("")
    return found


def make_recording(owner, *, status=RecordingStatus.READY, content=b"RIFF-not-really", **fields):
    """A recording of `owner` in `status` (ready unless told), through RecordingFactory."""
    fields.setdefault("stage", Stage.DONE if status == RecordingStatus.READY else Stage.DECODE)
    return RecordingFactory(owner=owner, status=status, content=content, **fields)
