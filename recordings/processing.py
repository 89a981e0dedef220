"""Runs a recording through the pipeline's stages, saving as it goes so work survives a crash.

The pure pipeline (speech) knows nothing of Django; this module adapts it: it
claims a recording, keeps its heartbeat while it works, runs each stage from the one recorded
on the recording (so a retry or a re-queued job resumes), and records timings and failures.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from .enums import STAGE_STATUS, RecordingStatus, SpeakerRole, Stage
from .models import Recording, TranscriptSegment, WhisperSegment
from .signals import recording_ready

logger = logging.getLogger(__name__)


def stale_cutoff():
    return timezone.now() - timedelta(seconds=settings.RECORDINGS_STALE_AFTER_SECONDS)


def stale_recordings():
    """Recordings a worker should hold whose heartbeat has stopped: that worker is gone."""
    cutoff = stale_cutoff()
    return Recording.objects.filter(status__in=RecordingStatus.processing()).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, updated_at__lt=cutoff)
    )


def long_queued_recordings():
    """Recordings queued for longer than a worker should take to start them: their job may
    never have reached the queue."""
    cutoff = timezone.now() - timedelta(seconds=settings.RECORDINGS_QUEUED_RECHECK_SECONDS)
    return Recording.objects.filter(status=RecordingStatus.QUEUED).filter(
        Q(queued_at__lt=cutoff) | Q(queued_at__isnull=True, created_at__lt=cutoff)
    )


# ---------------------------------------------------------------- claiming and heartbeat


def claim(recording_id) -> Recording | None:
    """Takes the recording for this worker, or None when it is not waiting for one.

    One conditional UPDATE, so two jobs for the same recording (a double retry, a job re-queued
    while its old worker was only slow) cannot both run it.
    """
    # A stale recording whose workers died too often is left to the recovery, which fails it.
    waiting = Q(status=RecordingStatus.QUEUED) | Q(
        Q(heartbeat_at__lt=stale_cutoff()) | Q(heartbeat_at__isnull=True),
        status__in=RecordingStatus.processing(),
        attempts__lt=settings.RECORDINGS_MAX_ATTEMPTS,
    )
    status_for_stage = Case(
        *[When(stage=stage, then=Value(status)) for stage, status in STAGE_STATUS.items()],
        default=Value(RecordingStatus.SCORING),
    )
    taken = (
        Recording.objects.filter(waiting, pk=recording_id)
        .exclude(stage=Stage.DONE)
        .update(
            status=status_for_stage,
            heartbeat_at=timezone.now(),
            attempts=F("attempts") + 1,
            error_code="",
            error_message="",
        )
    )
    if not taken:
        # A job for a recording that had only scoring left and finished: nothing to do but
        # make sure it shows as ready.
        Recording.objects.filter(
            pk=recording_id, stage=Stage.DONE, status=RecordingStatus.QUEUED
        ).update(status=RecordingStatus.READY)
        return None
    return Recording.objects.get(pk=recording_id)


# A heartbeat (and the progress it carries) is advisory: a database locked for a moment by
# another writer (SQLite under a busy site) must not fail the transcription. Each try is its
# own savepoint, so a failed one leaves the caller's transaction usable.
BEAT_RETRIES = (0.05, 0.2, 0.5)  # seconds to wait before each try after the first


def beat(recording_id, **fields) -> bool:
    """Stamps ``heartbeat_at`` (and ``fields``, such as progress); False when the database
    stayed busy through every try (logged; the next beat writes again)."""
    for wait in (0, *BEAT_RETRIES):
        time.sleep(wait)
        try:
            with transaction.atomic():
                Recording.objects.filter(pk=recording_id).update(
                    heartbeat_at=timezone.now(), **fields
                )
            return True
        except OperationalError:
            continue
    logger.warning("Heartbeat of recording %s not written: the database stayed busy", recording_id)
    return False


class Heartbeat:
    """Stamps `heartbeat_at` from a background thread while the worker's main thread is busy
    inside long calls (model loading, decoding a window) that save nothing for a while."""

    def __init__(self, recording_id, interval=None):
        self.recording_id = recording_id
        self.interval = interval or settings.RECORDINGS_HEARTBEAT_SECONDS
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="recording-heartbeat", daemon=True)

    def _run(self):
        try:
            while not self._stop.wait(self.interval):
                try:
                    beat(self.recording_id)  # a busy database is retried in there
                except Exception:  # any other failure must not end the beating either
                    logger.warning("Heartbeat of recording %s failed", self.recording_id)
        finally:
            connection.close()  # this thread's own connection

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


class AudioFileMissing(Exception):
    """The recording's stored audio is gone: no stage can run, and retrying cannot help."""

    code = "audio_missing"
    message = Recording.AUDIO_MISSING_MESSAGE


@contextmanager
def local_audio(recording):
    """A path to the recording's audio on this machine: the stored file itself on local
    storage, else a temporary copy streamed down (S3) and removed afterwards."""
    if not recording.has_audio_file():
        raise AudioFileMissing
    storage = recording.audio.storage
    try:
        local_path = Path(storage.path(recording.audio.name))
    except NotImplementedError:
        local_path = None
    if local_path is not None:
        yield local_path
        return
    suffix = Path(recording.audio.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with storage.open(recording.audio.name, "rb") as source:
            shutil.copyfileobj(source, copy, 1024 * 1024)
        copy.flush()
        yield Path(copy.name)


# ---------------------------------------------------------------- stages


def decoded_path(recording) -> Path:
    """The worker's one decoded copy of the recording, which every stage after decoding reads."""
    return Path(settings.RECORDINGS_WORK_DIR) / f"recording-{recording.pk}.npy"


def remove_work_files(recording_ids, prefix: str = "recording-") -> None:
    """Deletes this machine's working files of the recordings `recording_ids`: the worker's
    decoded copies ("recording-") with their channel levels and the scratch file of a decoding
    cut off, or `fill_waveform_peaks`'s copies ("waveform-")."""
    files = _work_files_by_owner(prefix)
    for owner in {str(pk) for pk in recording_ids} & files.keys():
        for path in files[owner]:
            path.unlink(missing_ok=True)


def _work_files_by_owner(prefix: str) -> dict[str, list[Path]]:
    """This machine's working files named `prefix` + a recording's id ("recording-12.npy",
    "recording-12.channels.npy", "recording-12.npy.raw"), by that id."""
    folder = Path(settings.RECORDINGS_WORK_DIR)
    files: dict[str, list[Path]] = {}
    for path in folder.iterdir() if folder.is_dir() else ():
        owner = path.name.split(".", 1)[0].removeprefix(prefix)
        if path.name.startswith(prefix) and owner.isdigit():
            files.setdefault(owner, []).append(path)
    return files


def sweep_work_files(prefix: str = "recording-") -> None:
    """Deletes the working files a worker on this machine left when it stopped mid-job (killed,
    the machine restarted), for every recording no job is processing now: a decoded copy is the
    recording's audio and must not outlive the job, nor an erasure. A recording queued again
    simply decodes afresh. With "waveform-", what a `fill_waveform_peaks` cut off left (one
    runs at a time, so none of them is in use)."""
    files = _work_files_by_owner(prefix)
    if prefix == "recording-":
        held = Recording.objects.filter(pk__in=files, status__in=RecordingStatus.processing())
        for pk in held.values_list("pk", flat=True):
            files.pop(str(pk), None)
    for paths in files.values():
        for path in paths:
            path.unlink(missing_ok=True)


def decode(recording, target=None):
    """Decodes the stored audio once into `target` (the worker's `decoded_path` unless told),
    checked against the limits."""
    from speech.audio import decode_to_pcm

    target = decoded_path(recording) if target is None else target
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with local_audio(recording) as source:
        return decode_to_pcm(
            source,
            target,
            min_duration=settings.RECORDINGS_MIN_SECONDS,
            max_duration=settings.RECORDINGS_MAX_SECONDS,
            max_bytes=settings.RECORDINGS_MAX_BYTES,
        )


def decode_stage(recording, path):
    from speech.audio import require_speech

    info = decode(recording)
    recording.duration = info.duration
    recording.save(update_fields=["duration", "updated_at"])
    # Tone, noise or music would be "transcribed" as nothing, or as invented words, and scored:
    # such a recording stops here with a message saying so.
    require_speech(decoded_path(recording))
    store_waveform(recording, decoded_path(recording))


def store_waveform(recording, pcm_path) -> bool:
    """Keeps the waveform drawn by the review and feedback pages' player, which never decodes a
    long file itself, from a decoded copy (the worker's, or `manage.py fill_waveform_peaks`'s).
    Not on a recording whose audio was erased meanwhile: returns whether it was kept."""
    from speech.audio import load_pcm
    from speech.waveform import waveform_peaks

    peaks = waveform_peaks(load_pcm(pcm_path))
    kept = Recording.objects.filter(pk=recording.pk, audio_erased_at__isnull=True).update(
        waveform_peaks=peaks, updated_at=timezone.now()
    )
    if kept:
        recording.waveform_peaks = peaks
    return bool(kept)


def transcription_options(recording=None):
    """The worker's Whisper settings: the deployment's (WHISPER_*) and the administrators'
    vocabulary (Settings > Transcription), or the vocabulary and window length `recording`'s
    transcription started with (`keep_transcription_start`)."""
    from speech.transcribe import TranscriptionOptions

    from .models import TranscriptionSettings

    if recording is not None and recording.transcription_prompt is not None:
        prompt = recording.transcription_prompt or None
    else:
        prompt = TranscriptionSettings.current().initial_prompt()
    window = getattr(recording, "transcription_window_seconds", None)
    return TranscriptionOptions(
        initial_prompt=prompt,
        model=settings.WHISPER_MODEL,
        device=settings.WHISPER_DEVICE,
        compute_type=settings.WHISPER_COMPUTE_TYPE,
        beam_size=settings.WHISPER_BEAM_SIZE,
        batch_size=settings.WHISPER_BATCH_SIZE,
        cpu_threads=settings.WHISPER_CPU_THREADS,
        parallel_windows=settings.WHISPER_PARALLEL_WINDOWS,
        window_seconds=window or settings.WHISPER_WINDOW_SECONDS,
    )


def _stored_span(span):
    """The fields a stretch of speech (a Whisper segment or a speaker turn) is stored with, the
    same for `WhisperSegment` and `TranscriptSegment` rows: its times, its text without the
    recogniser's edge spaces, and its words' timings as JSON."""
    return {
        "start": span.start,
        "end": span.end,
        "text": span.text.strip(),
        "words": [
            {"start": w.start, "end": w.end, "text": w.text, "probability": w.probability}
            for w in span.words
        ],
    }


def keep_transcription_start(recording):
    """Notes the vocabulary and the window length a transcription starts with. An administrator
    may change the list, or the deployment WHISPER_WINDOW_SECONDS, while a recording waits to be
    resumed after a crash; the rest of it is then decoded with the list its first part was, and
    cut where an uninterrupted run would have cut it (`speech.transcribe.resume` finds where to
    start again by those cuts), not a mix of the two."""
    from .models import TranscriptionSettings

    recording.transcription_prompt = TranscriptionSettings.current().initial_prompt()
    recording.transcription_window_seconds = settings.WHISPER_WINDOW_SECONDS
    Recording.objects.filter(pk=recording.pk).update(
        transcription_prompt=recording.transcription_prompt,
        transcription_window_seconds=recording.transcription_window_seconds,
    )


def transcribe_stage(recording, path):
    """Saves each segment as Whisper produces it; after a crash, resumes after the last one,
    losing and repeating no words (`speech.transcribe.resume`)."""
    from speech.transcribe import Segment, transcribe

    last = recording.whisper_segments.order_by("-index").first()
    after = Segment(start=last.start, end=last.end, text=last.text) if last else None
    index = last.index + 1 if last else 0
    if last is None:
        keep_transcription_start(recording)
    duration = recording.duration or 0
    for segment in transcribe(path, transcription_options(recording), after=after):
        recording.progress = min(segment.end / duration, 1.0) if duration else 0.0
        # A line and the progress it makes are saved together: a worker killed between the two
        # would otherwise leave a saved line that the progress bar does not count.
        with transaction.atomic():
            WhisperSegment.objects.create(
                recording=recording,
                index=index,
                **_stored_span(segment),
                avg_logprob=segment.avg_logprob,
                no_speech_prob=segment.no_speech_prob,
                low_confidence=segment.low_confidence,
            )
            beat(recording.pk, progress=recording.progress)
        index += 1
    recording.progress = 1.0
    beat(recording.pk, progress=1.0)


def _as_pipeline_segments(rows):
    from speech.transcribe import Segment, Word

    return [
        Segment(
            start=row.start,
            end=row.end,
            text=row.text,
            words=[Word(w["start"], w["end"], w["text"], w["probability"]) for w in row.words],
            avg_logprob=row.avg_logprob or 0.0,
            no_speech_prob=row.no_speech_prob or 0.0,
            low_confidence=row.low_confidence,
        )
        for row in rows
    ]


def separate_stage(recording, path):
    """Writes the transcript's lines as speaker turns made from the Whisper segments, and names
    the practitioner's voice.

    The Whisper segments are kept as they are; the lines are written in one transaction, so a
    crash before the commit leaves none and the stage simply runs again.
    """
    from speech.speakers import choose_practitioner, likely_third_voice, separate_speakers

    from .voices import practitioner_voice

    rows = list(recording.whisper_segments.order_by("index"))
    if not rows:
        log(recording, Stage.SEPARATE, "No speech was found, so there are no speakers to separate.")
        return
    turns = separate_speakers(path, _as_pipeline_segments(rows))
    # The owner's enrolled voice print (recordings.voices), if any, names their voice; without
    # one, or when it fits neither voice clearly, the words decide.
    practitioner = choose_practitioner(
        turns, audio=path, practitioner_voice=practitioner_voice(recording.owner_id)
    )
    unsure = [(row.start, row.end) for row in rows if row.low_confidence]
    third_voice = likely_third_voice(path, turns)
    with transaction.atomic():
        # Lines are there already only when a worker died after writing them and before the
        # stage was marked done: this run makes the same lines again.
        recording.segments.all().delete()
        TranscriptSegment.objects.bulk_create(
            TranscriptSegment(
                recording=recording,
                index=index,
                **_stored_span(turn),
                low_confidence=any(s < turn.end and e > turn.start for s, e in unsure),
                overlaps=[list(span) for span in turn.overlaps],
                speaker=str(turn.speaker),
                role=SpeakerRole.PRACTITIONER
                if turn.speaker == practitioner
                else SpeakerRole.CLIENT,
            )
            for index, turn in enumerate(turns)
        )
        recording.practitioner_speaker = str(practitioner)
        recording.third_voice = third_voice
        recording.save(update_fields=["practitioner_speaker", "third_voice", "updated_at"])


def score_stage(recording, path=None):
    from .scorecards import score_recording

    note = score_recording(recording)
    if note:
        log(recording, Stage.SCORE, note)


STAGES = {
    Stage.DECODE: decode_stage,
    Stage.TRANSCRIBE: transcribe_stage,
    Stage.SEPARATE: separate_stage,
    Stage.SCORE: score_stage,
}


def log(recording, stage, message):
    """Keeps the latest note of each stage (a re-run replaces its stage's earlier note)."""
    recording.stage_log = [
        *(entry for entry in recording.stage_log if entry["stage"] != str(stage)),
        {"stage": str(stage), "at": timezone.now().isoformat(), "message": message},
    ]
    recording.save(update_fields=["stage_log", "updated_at"])


def _record_time(recording, stage, seconds):
    # Summed over attempts: a transcription resumed after a crash took both runs' time.
    timings = dict(recording.timings)
    timings[stage] = round(timings.get(stage, 0.0) + seconds, 3)
    recording.timings = timings


def failure_message(stage, error) -> tuple[str, str]:
    if getattr(error, "code", None) and getattr(error, "message", None):
        return error.code, error.message
    # An OSError's text names the file: the page shows no server paths.
    detail = error.strerror if isinstance(error, OSError) and error.strerror else error
    return (
        f"{stage}_failed",
        f"{Stage(stage).label} failed ({type(error).__name__}: {detail}). "
        "Press “Try again”; if it fails again, tell an administrator.",
    )


def run_stage(recording, stage, path=None):
    """Runs one stage and records its time; raises what the stage raised."""
    recording.stage = stage
    recording.status = STAGE_STATUS[stage]
    recording.heartbeat_at = timezone.now()
    recording.save(update_fields=["stage", "status", "heartbeat_at", "updated_at"])
    started = time.monotonic()
    STAGES[stage](recording, path)
    recording.refresh_from_db(fields=["progress", "stage_log"])
    _record_time(recording, stage, time.monotonic() - started)
    order = Stage.order()
    following = order[order.index(stage) + 1] if stage != order[-1] else Stage.DONE
    recording.stage = following
    recording.save(update_fields=["stage", "timings", "updated_at"])


def run(recording_id) -> str:
    """The whole job for one recording: returns its final status."""
    from speech.audio import remove_decoded

    recording = claim(recording_id)
    sweep_work_files()
    if recording is None:
        logger.info("Recording %s is not waiting for processing; nothing to do", recording_id)
        return Recording.objects.filter(pk=recording_id).values_list("status", flat=True).first()
    order = Stage.order()
    stage = recording.stage
    pcm = decoded_path(recording)
    with Heartbeat(recording.pk):
        try:
            for stage in order[order.index(recording.stage) :]:
                if stage in (Stage.TRANSCRIBE, Stage.SEPARATE) and not pcm.exists():
                    # Resumed on a worker that never decoded it (or after a restart cleaned up).
                    decode(recording)
                run_stage(recording, stage, pcm)
        except Exception as error:
            logger.exception("Recording %s failed at stage %s", recording.pk, stage)
            # "Try again" decodes again: a failed recording keeps no decoded copy lying about.
            remove_decoded(pcm)
            code, message = failure_message(stage, error)
            Recording.objects.filter(pk=recording.pk).update(
                status=RecordingStatus.FAILED,
                stage=stage,
                error_code=code[:40],
                error_message=message,
                updated_at=timezone.now(),
            )
            return RecordingStatus.FAILED
    remove_decoded(pcm)
    Recording.objects.filter(pk=recording.pk).update(
        status=RecordingStatus.READY, progress=1.0, updated_at=timezone.now()
    )
    recording_ready.send(sender=Recording, recording=recording)
    return RecordingStatus.READY


def rescore(recording):
    """Re-runs only the score stage (after a reviewer changes speakers) in the request."""
    started = time.monotonic()
    score_stage(recording)
    _record_time(recording, Stage.SCORE, time.monotonic() - started)
    recording.save(update_fields=["timings", "updated_at"])
