"""Test settings: fast hashing, tasks run in-process, files under a temporary folder."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, STORAGES

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

_TMP = Path(tempfile.mkdtemp(prefix="oep-test-"))
# Each test process (pytest, its xdist workers, the worker and web processes tests start) has
# its own folder; left behind, a day of test runs filled /tmp with hundreds of them.
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
MEDIA_ROOT = _TMP / "media"
STATIC_ROOT = _TMP / "static"
STATIC_ROOT.mkdir()
RECORDINGS_ROOT = _TMP / "recordings"
RECORDINGS_WORK_DIR = _TMP / "work"
STORAGES = {
    **STORAGES,
    "recordings": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": RECORDINGS_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The embedded default (files), in this run's own folder; tests start with it empty.
CACHES = {**CACHES, "pages": {**CACHES["pages"], "LOCATION": _TMP / "page-cache"}}

# The small model keeps the many real transcriptions of the suite quick; the default model
# (whisper-base) has its own tests (tests/speech/test_transcribe.py, tests/recordings).
WHISPER_MODEL = os.environ.get("WHISPER_MODEL") or "tiny.en"
# tiny.en decoded as before (beam 5, faster-whisper's sequential loop, two one-thread windows):
# batched and greedy, it lost words of the generated test dialogue ("Hello Sam").
WHISPER_BEAM_SIZE, WHISPER_BATCH_SIZE = 5, 1
WHISPER_CPU_THREADS, WHISPER_PARALLEL_WINDOWS, WHISPER_WINDOW_SECONDS = 1, 2, 180.0

# Tests that need the real database worker switch to the DB backend themselves.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "recordings"],
    }
}
