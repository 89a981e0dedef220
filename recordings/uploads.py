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
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from core.text import strip_bidi_controls
from speech.audio import AudioInfo, probe_audio, too_big

from .consent import CURRENT as CURRENT_CONSENT
from .consent import ConsentStatement
from .enums import RecordingStatus
from .models import Recording
from .tasks import enqueue_processing

# What the stored file is called and what browsers are told it is, by the container (and, for
# the ambiguous ones, the codec) the decoder found: never from the name the user gave it.
# PyAV names containers as FFmpeg does ("mov,mp4,m4a,3gp,3g2,mj2" for M4A).
AUDIO_TYPES = {
    "mp3": ("mp3", "audio/mpeg"),
    "mov": ("m4a", "audio/mp4"),
    "mp4": ("m4a", "audio/mp4"),
    "wav": ("wav", "audio/wav"),
    "ogg": ("ogg", "audio/ogg"),
    "webm": ("webm", "audio/webm"),
    "matroska": ("webm", "audio/webm"),
    "flac": ("flac", "audio/flac"),
    "aac": ("aac", "audio/aac"),
}
UNKNOWN_TYPE = ("audio", "application/octet-stream")
# What the upload form offers to choose.
ACCEPTED_EXTENSIONS = ("mp3", "m4a", "wav", "ogg", "oga", "opus", "webm", "flac")
# The same file from the same person this soon again is a resubmitted form, not a new session.
DUPLICATE_WINDOW = timedelta(minutes=30)

# The words the upload form shows; each recording keeps the version it was given under.
CONSENT_STATEMENT = CURRENT_CONSENT.text


class UploadTokenUsed(Exception):
    """The form's one-time token belongs to someone else's upload: the form was copied or
    replayed, not submitted twice by its owner."""

    message = (
        "This upload form was already used, so nothing was saved. Your details are kept below: "
        "choose the audio file again and upload it."
    )


def token_taken(owner, token) -> bool:
    """Whether another person's recording was saved with this one-time form token."""
    return Recording.objects.filter(upload_token=token).exclude(owner=owner).exists()


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


def stored_type(info: AudioInfo) -> tuple[str, str]:
    """(file suffix, Content-Type) for audio as the decoder found it."""
    names = info.container.split(",")
    if "matroska" in names and info.codec not in ("opus", "vorbis"):
        return "mka", "audio/x-matroska"  # not WebM: a browser is not promised to play it
    for name in names:
        if name in AUDIO_TYPES:
            return AUDIO_TYPES[name]
    return UNKNOWN_TYPE


def recent_duplicate(owner, sha256) -> Recording | None:
    return earlier_duplicate(owner, sha256, since=timezone.now() - DUPLICATE_WINDOW)


def earlier_duplicate(owner, sha256, since=None) -> Recording | None:
    """The latest recording of the same file by the same owner (since a time, if given)."""
    recordings = Recording.objects.filter(owner=owner, content_hash=sha256)
    if since is not None:
        recordings = recordings.filter(created_at__gte=since)
    return recordings.order_by("-created_at").first()


def store_recording(
    owner,
    content,
    checked: CheckedAudio,
    *,
    original_name,
    session_date,
    client_pseudonym,
    skills,
    consent: ConsentStatement = CURRENT_CONSENT,
    upload_token=None,
) -> tuple[Recording, bool]:
    """Saves the file and the row together and queues the job; returns (recording, created).

    A second submit of the same form (same one-time token) returns the first recording.
    `consent` is the statement the practitioner confirmed (the current one, unless told).
    """
    recording = Recording(
        owner=owner,
        session_date=session_date,
        client_pseudonym=strip_bidi_controls(client_pseudonym),
        skills=list(skills),
        consent_given=True,
        consent_statement=consent.text,
        consent_version=consent.version,
        original_name=strip_bidi_controls(Path(original_name).name)[:255],
        size=checked.size,
        duration=checked.info.duration,
        content_hash=checked.sha256,
        upload_token=upload_token,
        status=RecordingStatus.QUEUED,
    )
    recording.stored_suffix, recording.content_type = stored_type(checked.info)
    try:
        with transaction.atomic():
            recording.audio.save(recording.original_name, content, save=False)
            recording.save()
            enqueue_processing(recording.pk)
    except IntegrityError:
        _discard_file(recording)
        existing = Recording.objects.filter(owner=owner, upload_token=upload_token).first()
        if upload_token is not None and existing is None and token_taken(owner, upload_token):
            raise UploadTokenUsed from None
        if upload_token is None or existing is None:
            raise
        return existing, False
    except BaseException:
        _discard_file(recording)
        raise
    return recording, True


def content_type_of(recording) -> str:
    """The Content-Type the audio view sends: what the decoder found when it was stored."""
    return recording.content_type or UNKNOWN_TYPE[1]


def _discard_file(recording):
    if recording.audio.name and recording.audio.storage.exists(recording.audio.name):
        recording.audio.storage.delete(recording.audio.name)


# ---------------------------------------------------------------- size limit while uploading

# The request also carries the form's other fields and the multipart boundaries.
FORM_FIELDS_ALLOWANCE = 64 * 1024


class RefusedUpload(UploadedFile):
    """Stands in for a file that was not kept, so the form can say why."""

    def __init__(self, name, size, refusal):
        super().__init__(file=None, name=name, size=size)
        self.refusal = refusal


class RecordingSizeLimitHandler(FileUploadHandler):
    """Stops keeping an upload once more than RECORDINGS_MAX_BYTES have arrived, or as soon as
    the request's length says it will be more, so an oversized file is never written to disk.

    It raises SkipFile rather than StopUpload: the rest of the file is read and thrown away, and
    the form's other fields, which follow the file, still arrive, so the form can be shown again
    with only the size refused.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.max_bytes = settings.RECORDINGS_MAX_BYTES
        self.request_length = None
        self.refused = None

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.request_length = content_length
        return None

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.request_length and self.request_length > self.max_bytes + FORM_FIELDS_ALLOWANCE:
            self.refuse(self.request_length)
        if self.content_length and self.content_length > self.max_bytes:
            self.refuse(self.content_length)

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_bytes:
            self.refuse(max(start + len(raw_data), self.request_length or 0))
        return raw_data

    def file_complete(self, file_size):
        return None

    def refuse(self, size):
        self.refused = RefusedUpload(self.file_name, size, too_big(size, self.max_bytes))
        self.refused.field_name = self.field_name
        raise SkipFile


def limit_upload_size(view):
    """Wraps an upload view so oversized files are refused while they arrive.

    Upload handlers must be set before the CSRF check reads the POST data, hence Django's
    documented pattern: exempt the outer view, protect the inner one.
    """

    @csrf_exempt
    @wraps(view)
    def outer(request, *args, **kwargs):
        limit = RecordingSizeLimitHandler(request)
        request.upload_handlers.insert(0, limit)
        return inner(request, limit, *args, **kwargs)

    @csrf_protect
    def inner(request, limit, *args, **kwargs):
        # Reading FILES parses the body now (the CSRF check does not always), through `limit`.
        if request.method == "POST" and request.FILES is not None and limit.refused is not None:
            request.FILES[limit.refused.field_name] = limit.refused
        return view(request, *args, **kwargs)

    return outer
