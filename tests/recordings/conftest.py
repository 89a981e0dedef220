"""Audio files and recordings for the recordings tests."""

import wave
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from recordings.enums import RecordingStatus, Stage
from recordings.models import Recording, TranscriptSegment

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
    recording = Recording(
        owner=owner,
        session_date=fields.pop("session_date", date(2026, 1, 15)),
        client_pseudonym=fields.pop("client_pseudonym", "Client A"),
        skills=["structuring"],
        consent_given=True,
        consent_statement="Agreed on tape.",
        original_name="session.wav",
        content_type=fields.pop("content_type", "audio/wav"),
        size=len(content),
        duration=fields.pop("duration", 30.0),
        status=status,
        stage=Stage.DONE if status == RecordingStatus.READY else Stage.DECODE,
        practitioner_speaker="A",
        **fields,
    )
    recording.audio.save("session.wav", ContentFile(content), save=False)
    recording.save()
    return recording


def add_lines(recording, lines):
    """lines: (speaker label, role, text[, low_confidence])."""
    for index, (speaker, role, text, *rest) in enumerate(lines):
        TranscriptSegment.objects.create(
            recording=recording,
            index=index,
            start=index * 5.0,
            end=index * 5.0 + 4.0,
            text=text,
            speaker=speaker,
            role=role,
            low_confidence=bool(rest and rest[0]),
        )
