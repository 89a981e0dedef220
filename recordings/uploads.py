"""Turns an audio file (a browser upload or a file on disk) into a queued Recording.

The same path for the upload view and `manage.py process_recording`: check the audio by
decoding it, refuse a duplicate, store it in the private storage and queue the job, with
nothing left behind if anything fails on the way.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .enums import RecordingStatus
from .models import Recording
from .pipeline.audio import AudioInfo, probe_audio
from .tasks import enqueue_processing

# What browsers are told each kind of file is, so the audio player can play it.
AUDIO_CONTENT_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/ogg",
    "webm": "audio/webm",
    "flac": "audio/flac",
}
ACCEPTED_EXTENSIONS = tuple(AUDIO_CONTENT_TYPES)
# The same file from the same person this soon again is a resubmitted form, not a new session.
DUPLICATE_WINDOW = timedelta(minutes=30)

CONSENT_STATEMENT = (
    "The client agreed, at the start of the recording, to this session being recorded and "
    "used for coaching and supervision, and was told who will hear it and how long it is kept."
)


@dataclass(frozen=True)
class CheckedAudio:
    info: AudioInfo
    sha256: str
    size: int


@contextmanager
def uploaded_file_path(uploaded):
    """A path on disk for an uploaded file: Django's own temporary file for large uploads,
    a temporary copy for the small ones it kept in memory."""
    if hasattr(uploaded, "temporary_file_path"):
        yield Path(uploaded.temporary_file_path())
        return
    suffix = Path(uploaded.name or "").suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        uploaded.seek(0)
        shutil.copyfileobj(uploaded, copy, 1024 * 1024)
        copy.flush()
        uploaded.seek(0)
        yield Path(copy.name)


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def check_audio(path) -> CheckedAudio:
    """Decodes the file against the configured limits; raises AudioRejected with a message
    that says what is wrong and what to do."""
    info = probe_audio(
        path,
        min_duration=settings.RECORDINGS_MIN_SECONDS,
        max_duration=settings.RECORDINGS_MAX_SECONDS,
        max_bytes=settings.RECORDINGS_MAX_BYTES,
    )
    return CheckedAudio(info=info, sha256=sha256_of(path), size=Path(path).stat().st_size)


def recent_duplicate(owner, sha256) -> Recording | None:
    return (
        Recording.objects.filter(
            owner=owner,
            content_hash=sha256,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


def store_recording(
    owner,
    content,
    checked: CheckedAudio,
    *,
    original_name,
    session_date,
    client_pseudonym,
    skills,
    consent_statement=CONSENT_STATEMENT,
    upload_token=None,
) -> tuple[Recording, bool]:
    """Saves the file and the row together and queues the job; returns (recording, created).

    A second submit of the same form (same one-time token) returns the first recording.
    """
    recording = Recording(
        owner=owner,
        session_date=session_date,
        client_pseudonym=client_pseudonym,
        skills=list(skills),
        consent_given=True,
        consent_statement=consent_statement,
        original_name=Path(original_name).name[:255],
        size=checked.size,
        duration=checked.info.duration,
        content_hash=checked.sha256,
        upload_token=upload_token,
        status=RecordingStatus.QUEUED,
    )
    try:
        with transaction.atomic():
            recording.audio.save(recording.original_name, content, save=False)
            recording.save()
            enqueue_processing(recording.pk)
    except IntegrityError:
        _discard_file(recording)
        existing = Recording.objects.filter(owner=owner, upload_token=upload_token).first()
        if upload_token is None or existing is None:
            raise
        return existing, False
    except BaseException:
        _discard_file(recording)
        raise
    return recording, True


def content_type_of(name) -> str:
    return AUDIO_CONTENT_TYPES.get(
        Path(name).suffix.lstrip(".").lower(), "application/octet-stream"
    )


def _discard_file(recording):
    if recording.audio.name and recording.audio.storage.exists(recording.audio.name):
        recording.audio.storage.delete(recording.audio.name)
