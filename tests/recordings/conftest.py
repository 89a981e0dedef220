"""Audio files and recordings for the recordings tests."""

import functools
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest
from django.core.files.storage import storages

from recordings.enums import RecordingStatus, Stage
from tests.fixtures.audio.wav import write_wav  # noqa: F401  (the recordings tests import it from here)
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
    """A plain audible tone: decodes as audio, not silent, of a known length, but no voices
    (refused at upload as holding no speech)."""
    t = np.arange(int(seconds * rate)) / rate
    return write_wav(path, 0.3 * np.sin(2 * np.pi * 440 * t), rate)


SPOKEN_RATE = 16000
SPOKEN_LINES = (
    "Thanks for coming in today. Shall we start with how the week has gone?",
    "It has been all right. I went to the job centre on Monday and Wednesday.",
    "That is good to hear. What did you find out while you were there?",
    "They said there might be some warehouse work next month, if I get my forms in.",
)


@functools.cache
def _spoken_samples() -> np.ndarray:
    """A few lines said by espeak-ng (made once per test run), at 16 kHz."""
    from speech.audio import decode_window

    pieces = []
    with tempfile.TemporaryDirectory() as folder:
        for number, line in enumerate(SPOKEN_LINES):
            wav = Path(folder) / f"line{number}.wav"
            voice = ("en-gb", "en-gb-x-gbcwmd+m3")[number % 2]
            subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), line], check=True)
            pieces += [decode_window(wav, 0, None), np.zeros(SPOKEN_RATE // 3, np.float32)]
    return np.concatenate(pieces)


def speech_wav(path: Path, seconds: float) -> Path:
    """People talking for exactly `seconds` (the lines again if needed): a good upload."""
    spoken = _spoken_samples()
    wanted = int(seconds * SPOKEN_RATE)
    samples = np.tile(spoken, wanted // len(spoken) + 1)[:wanted]
    return write_wav(path, samples, SPOKEN_RATE)


@pytest.fixture
def spoken(tmp_path):
    """A 12-second WAV of two voices talking: what a good upload looks like to the checks."""
    return speech_wav(tmp_path / "session.wav", 12)


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
