"""The job behind a recording: a failed stage is kept with a readable message, "Try again"
resumes from it (a transcription from its last saved line), and a job whose worker stopped
beating is queued again."""

import os
import subprocess
import sys
import threading
from datetime import date, timedelta

import pytest
from django.conf import settings as django_settings
from django.core.files import File
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from recordings import processing
from recordings.enums import RecordingStatus, Stage
from recordings.models import Recording, TranscriptionSettings
from recordings.tasks import process_recording, recover_stale_recordings
from recordings.uploads import CheckedAudio, check_audio, sha256_of, store_recording
from speech import speakers
from speech import transcribe as transcribe_module
from speech.audio import decode_to_pcm, probe_audio
from speech.vocabulary import prompt_for
from tests.fixtures.audio.reference import script_text, true_speaker, word_error_rate

from .conftest import DIALOGUE, DUMMY_TASKS, jobs, make_recording, tone_wav, write_wav

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_dialogue(people, settings):
    """The one-minute generated dialogue, uploaded and waiting for a worker."""
    settings.TASKS = DUMMY_TASKS
    return uploaded(people["practitioner"], DIALOGUE)


def uploaded(owner, path, checked=None):
    """`path` stored as `owner`'s upload would be, checked (unless `checked` is given) and
    waiting for a worker."""
    with path.open("rb") as handle:
        recording, _ = store_recording(
            owner,
            File(handle, name=path.name),
            checked or check_audio(path),
            original_name=path.name,
            session_date=date(2026, 1, 15),
            client_pseudonym="Sam",
            skills=["structuring"],
        )
    return recording


def transcribe_that_dies_once(real, lines, calls):
    """`real` transcription that fails after `lines` lines on its first call, as a worker
    whose disk went away; each call's (options, keyword arguments) is appended to `calls`."""

    def transcribe(path, options, **kwargs):
        calls.append((options, kwargs))
        for count, segment in enumerate(real(path, options, **kwargs), 1):
            yield segment
            if len(calls) == 1 and count == lines:
                raise OSError("the disk went away")

    return transcribe


def retry_as_owner(client, people, recording, settings, capture):
    """Presses "Try again"; the job runs in this process once the request commits."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default", "recordings"],
        }
    }
    client.force_login(people["practitioner"])
    with capture(execute=True):
        response = client.post(reverse("recordings:retry", args=[recording.pk]))
    assert response.status_code == 302
    recording.refresh_from_db()
    return recording


@pytest.mark.slow
def test_a_failed_stage_is_kept_and_try_again_resumes_from_it(
    client, people, queued_dialogue, monkeypatch, settings, django_capture_on_commit_callbacks
):
    real_separate = speakers.separate_speakers
    calls = {"transcribe": 0}
    real_transcribe = transcribe_module.transcribe

    def counting_transcribe(*args, **kwargs):
        calls["transcribe"] += 1
        yield from real_transcribe(*args, **kwargs)

    def broken_separate(path, segments):
        raise MemoryError("not enough memory for the speaker model")

    monkeypatch.setattr(transcribe_module, "transcribe", counting_transcribe)
    monkeypatch.setattr(speakers, "separate_speakers", broken_separate)
    assert process_recording.call(queued_dialogue.pk) == RecordingStatus.FAILED

    recording = Recording.objects.get(pk=queued_dialogue.pk)
    assert recording.status == RecordingStatus.FAILED
    assert recording.stage == Stage.SEPARATE
    assert recording.error_message.startswith("Separating speakers failed")
    assert "not enough memory" in recording.error_message
    assert "Try again" in recording.error_message
    transcribed = list(recording.whisper_segments.values_list("text", flat=True))
    assert len(transcribed) > 5, "the finished transcription is kept"
    assert not recording.segments.exists(), "no lines until the speakers are separated"
    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert "Processing stopped at “Separating speakers”" in page
    assert "Try again" in page

    monkeypatch.setattr(speakers, "separate_speakers", real_separate)
    recording = retry_as_owner(
        client, people, recording, settings, django_capture_on_commit_callbacks
    )
    assert recording.status == RecordingStatus.READY
    assert calls["transcribe"] == 1, "transcription was not run again"
    assert recording.attempts == 1, "a person's “Try again” starts the count of attempts again"
    assert recording.error_message == ""
    roles = set(recording.segments.values_list("role", flat=True))
    assert roles == {"practitioner", "client"}
    assert recording.whisper_segments.count() == len(transcribed), "Whisper's segments are kept"
    assert set(recording.timings) == {"decode", "transcribe", "separate", "score"}


@pytest.mark.slow
def test_a_transcription_that_stopped_resumes_after_its_last_saved_line(
    client,
    people,
    queued_dialogue,
    monkeypatch,
    settings,
    django_capture_on_commit_callbacks,
    tmp_path,
):
    real_transcribe = transcribe_module.transcribe
    calls = []
    monkeypatch.setattr(
        transcribe_module, "transcribe", transcribe_that_dies_once(real_transcribe, 3, calls)
    )
    process_recording.call(queued_dialogue.pk)
    recording = Recording.objects.get(pk=queued_dialogue.pk)
    assert (recording.status, recording.stage) == (RecordingStatus.FAILED, Stage.TRANSCRIBE)
    saved = list(recording.whisper_segments.order_by("index"))
    assert len(saved) == 3
    assert 0 < recording.progress < 1, "progress is the share of the audio transcribed"
    assert recording.progress == pytest.approx(saved[-1].end / recording.duration, abs=0.01)

    recording = retry_as_owner(
        client, people, recording, settings, django_capture_on_commit_callbacks
    )
    assert recording.status == RecordingStatus.READY
    resumed_after = [kwargs.get("after") for _, kwargs in calls]
    assert resumed_after[0] is None
    assert (resumed_after[1].start, resumed_after[1].end) == (saved[-1].start, saved[-1].end)
    text = " ".join(recording.segments.order_by("index").values_list("text", flat=True))
    assert word_error_rate(script_text(DIALOGUE), text) < 0.25, text
    assert text.count(saved[0].text) == 1, "no line transcribed twice"

    # Word for word what an uninterrupted run of the same decoded audio gives.
    monkeypatch.undo()
    pcm = tmp_path / "whole.npy"
    decode_to_pcm(DIALOGUE, pcm)
    whole = list(real_transcribe(pcm, processing.transcription_options()))
    stored = recording.whisper_segments.order_by("index")
    assert [w["text"] for row in stored for w in row.words] == [
        w.text for segment in whole for w in segment.words
    ]
    assert [row.text for row in stored] == [segment.text for segment in whole]


@pytest.mark.slow
def test_a_resumed_transcription_is_told_the_vocabulary_and_cut_by_the_windows_it_started_with(
    client, people, queued_dialogue, monkeypatch, settings, django_capture_on_commit_callbacks
):
    vocabulary = TranscriptionSettings.current()
    vocabulary.use_vocabulary, vocabulary.vocabulary = True, "Pathfinder\nOASys"
    vocabulary.save()
    calls = []
    monkeypatch.setattr(
        transcribe_module,
        "transcribe",
        transcribe_that_dies_once(transcribe_module.transcribe, 2, calls),
    )
    process_recording.call(queued_dialogue.pk)
    # An administrator changes the list, and the deployment its windows, while the recording
    # waits to be tried again.
    vocabulary.vocabulary = "HDC\nMAPPA"
    vocabulary.save()
    started_window, settings.WHISPER_WINDOW_SECONDS = settings.WHISPER_WINDOW_SECONDS, 40.0
    before_the_change = len(calls)

    recording = retry_as_owner(
        client,
        people,
        Recording.objects.get(pk=queued_dialogue.pk),
        settings,
        django_capture_on_commit_callbacks,
    )

    assert recording.status == RecordingStatus.READY
    prompts = [options.initial_prompt for options, _ in calls]
    started_with = prompt_for(["Pathfinder", "OASys"])
    assert prompts[0] == started_with
    resumed = prompts[before_the_change:]
    assert resumed and set(resumed) == {started_with}, "the rest is not decoded with the new list"
    assert recording.transcription_prompt == started_with
    # resume() starts again where an uninterrupted run cut the audio: the same cuts
    assert {options.window_seconds for options, _ in calls} == {started_window}
    assert recording.transcription_window_seconds == started_window
    assert processing.transcription_options().initial_prompt == prompt_for(["HDC", "MAPPA"]), (
        "recordings transcribed from now on are told the new list"
    )


def test_trying_again_a_recording_that_has_not_failed_does_nothing(client, people, settings):
    settings.TASKS = DUMMY_TASKS
    recording = make_recording(people["practitioner"], status=RecordingStatus.READY)
    client.force_login(people["practitioner"])
    client.post(reverse("recordings:retry", args=[recording.pk]))
    recording.refresh_from_db()
    assert recording.status == RecordingStatus.READY


def test_a_second_job_for_the_same_recording_does_nothing(people):
    recording = make_recording(people["practitioner"], status=RecordingStatus.TRANSCRIBING)
    Recording.objects.filter(pk=recording.pk).update(heartbeat_at=timezone.now())
    assert processing.claim(recording.pk) is None, "a live worker holds it"
    recording.refresh_from_db()
    assert recording.attempts == 0


# ---------------------------------------------------------------- dead workers


def silent_worker(owner, seconds_ago):
    recording = make_recording(owner, status=RecordingStatus.TRANSCRIBING)
    Recording.objects.filter(pk=recording.pk).update(
        stage=Stage.TRANSCRIBE, heartbeat_at=timezone.now() - timedelta(seconds=seconds_ago)
    )
    return recording


@pytest.fixture
def dummy(settings):
    settings.TASKS = DUMMY_TASKS
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def test_the_status_poll_only_reads(client, people, dummy, django_capture_on_commit_callbacks):
    dead = silent_worker(people["practitioner"], seconds_ago=600)
    client.force_login(people["practitioner"])
    with django_capture_on_commit_callbacks(execute=True):
        data = client.get(reverse("recordings:status", args=[dead.pk])).json()
    assert data["status"] == RecordingStatus.TRANSCRIBING
    assert jobs(dummy) == []
    dead.refresh_from_db()
    assert dead.status == RecordingStatus.TRANSCRIBING


def test_the_periodic_check_requeues_a_dead_job_and_leaves_a_live_one(
    people, dummy, django_capture_on_commit_callbacks
):
    dead = silent_worker(people["practitioner"], seconds_ago=600)
    alive = silent_worker(people["colleague"], seconds_ago=5)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_stale_recordings")
    assert [job.args for job in jobs(dummy)] == [[dead.pk]]
    alive.refresh_from_db()
    assert alive.status == RecordingStatus.TRANSCRIBING, "a live worker is left alone"
    dead.refresh_from_db()
    assert dead.status == RecordingStatus.QUEUED
    assert dead.stage == Stage.TRANSCRIBE, "it resumes where it stopped"


def test_the_command_requeues_recordings_whose_worker_died(
    people, dummy, django_capture_on_commit_callbacks
):
    dead = silent_worker(people["practitioner"], seconds_ago=600)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_stale_recordings")
    dead.refresh_from_db()
    assert dead.status == RecordingStatus.QUEUED
    assert [job.args for job in jobs(dummy)] == [[dead.pk]]
    with django_capture_on_commit_callbacks(execute=True):
        assert recover_stale_recordings() == [], "queued once only"


def test_a_worker_starting_a_job_requeues_recordings_of_dead_workers(
    people, dummy, django_capture_on_commit_callbacks
):
    from django_tasks.signals import task_started

    dead = silent_worker(people["practitioner"], seconds_ago=600)
    other_job = process_recording.enqueue(12345)
    with django_capture_on_commit_callbacks(execute=True):
        task_started.send(sender=type(dummy), task_result=other_job)
    dead.refresh_from_db()
    assert dead.status == RecordingStatus.QUEUED


def _told_when_beaten(monkeypatch, before=None):
    """An event set once the heartbeat thread has written a beat. The test reads the row only
    after the thread has stopped: reading while it writes can find an in-memory SQLite table
    locked, which says nothing about the heartbeat. ``before`` runs before every beat (it may
    raise, as a failing database would)."""
    real_beat, beaten = processing.beat, threading.Event()

    def beat(recording_id, **fields):
        if before is not None:
            before(recording_id)
        written = real_beat(recording_id, **fields)
        if written:
            beaten.set()
        return written

    monkeypatch.setattr(processing, "beat", beat)
    return beaten


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_is_stamped_while_the_job_is_busy(people, monkeypatch):
    recording = silent_worker(people["practitioner"], seconds_ago=600)
    before = Recording.objects.get(pk=recording.pk).heartbeat_at
    beaten = _told_when_beaten(monkeypatch)
    with processing.Heartbeat(recording.pk, interval=0.05):
        assert beaten.wait(10), "no beat written while the job was busy"
    assert Recording.objects.get(pk=recording.pk).heartbeat_at > before
    assert processing.stale_recordings().filter(pk=recording.pk).count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_keeps_beating_after_an_unexpected_failure(people, monkeypatch):
    recording = silent_worker(people["practitioner"], seconds_ago=600)
    before = Recording.objects.get(pk=recording.pk).heartbeat_at
    failed = []

    def fail_once(recording_id):
        if not failed:
            failed.append(recording_id)
            raise RuntimeError("connection dropped")

    beaten = _told_when_beaten(monkeypatch, before=fail_once)
    with processing.Heartbeat(recording.pk, interval=0.05):
        assert beaten.wait(10), "the beating stopped after one failure"
    assert failed == [recording.pk]
    assert Recording.objects.get(pk=recording.pk).heartbeat_at > before


def _busy_for(monkeypatch, tries):
    """The database refuses the next ``tries`` updates as a locked SQLite table does."""
    from django.db import OperationalError
    from django.db.models.query import QuerySet

    real_update, refused = QuerySet.update, []

    def update(self, **kwargs):
        if len(refused) < tries:
            refused.append(kwargs)
            raise OperationalError("database table is locked: recordings_recording")
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update)
    monkeypatch.setattr(processing, "BEAT_RETRIES", (0, 0, 0))
    return refused


@pytest.mark.django_db
def test_a_progress_beat_waits_out_a_busy_database_inside_the_lines_transaction(
    people, monkeypatch
):
    from django.db import transaction

    recording = silent_worker(people["practitioner"], seconds_ago=600)
    refused = _busy_for(monkeypatch, tries=2)
    with transaction.atomic():  # as transcribe_stage saves a line and its progress together
        assert processing.beat(recording.pk, progress=0.5)
        # the failed tries rolled back to their own savepoints: the transaction goes on
        assert Recording.objects.filter(pk=recording.pk).exists()
    assert len(refused) == 2
    assert Recording.objects.get(pk=recording.pk).progress == 0.5


@pytest.mark.django_db
def test_a_beat_the_database_never_takes_is_logged_and_the_job_goes_on(people, monkeypatch, caplog):
    recording = silent_worker(people["practitioner"], seconds_ago=600)
    refused = _busy_for(monkeypatch, tries=len(processing.BEAT_RETRIES) + 1)
    assert processing.beat(recording.pk, progress=0.5) is False
    assert len(refused) == len(processing.BEAT_RETRIES) + 1
    assert "stayed busy" in caplog.text
    assert Recording.objects.get(pk=recording.pk).progress != 0.5


@pytest.mark.slow
def test_the_audio_is_decoded_once_and_every_stage_reads_the_decoded_copy(
    queued_dialogue, monkeypatch
):
    from speech import audio

    decoded, read_by = [], []
    real_decode = audio.decode_to_pcm
    real_transcribe = transcribe_module.transcribe
    real_separate = speakers.separate_speakers

    def counting_decode(source, target, **limits):
        decoded.append(source)
        return real_decode(source, target, **limits)

    def transcribe_reading(path, *args, **kwargs):
        read_by.append(("transcribe", str(path)))
        yield from real_transcribe(path, *args, **kwargs)

    def separate_reading(path, segments):
        read_by.append(("separate", str(path)))
        return real_separate(path, segments)

    monkeypatch.setattr(audio, "decode_to_pcm", counting_decode)
    monkeypatch.setattr(transcribe_module, "transcribe", transcribe_reading)
    monkeypatch.setattr(speakers, "separate_speakers", separate_reading)

    assert process_recording.call(queued_dialogue.pk) == RecordingStatus.READY
    copy = processing.decoded_path(queued_dialogue)
    assert len(decoded) == 1
    assert read_by == [("transcribe", str(copy)), ("separate", str(copy))]
    assert not copy.exists(), "the decoded copy goes once the recording is ready"
    recording = Recording.objects.get(pk=queued_dialogue.pk)
    assert 50 < recording.duration < 70, "the decoded length of the one-minute dialogue"


def test_a_recording_with_no_voices_stops_with_a_message_and_is_not_scored(
    people, settings, tmp_path
):
    # Stored before uploads were checked for voices, or brought in past that check.
    settings.TASKS = DUMMY_TASKS
    hum = tone_wav(tmp_path / "hum.wav", 12, rate=16000)
    checked = CheckedAudio(probe_audio(hum, require_voices=False), sha256_of(hum), 1)
    recording = uploaded(people["practitioner"], hum, checked)

    assert process_recording.call(recording.pk) == RecordingStatus.FAILED

    recording.refresh_from_db()
    assert (recording.error_code, recording.stage) == ("no_speech", Stage.DECODE)
    assert "No one can be heard speaking" in recording.error_message
    assert not recording.scorecards.exists()
    assert recording.audio.storage.exists(recording.audio.name), "the upload is kept"
    assert not processing.decoded_path(recording).exists()


def test_the_worker_transcribes_with_the_whisper_settings(settings):
    settings.WHISPER_MODEL, settings.WHISPER_BEAM_SIZE = "whisper-base", 1
    settings.WHISPER_BATCH_SIZE, settings.WHISPER_CPU_THREADS = 2, 2
    settings.WHISPER_PARALLEL_WINDOWS, settings.WHISPER_WINDOW_SECONDS = 1, 420.0
    options = processing.transcription_options()
    assert (options.model, options.beam_size, options.batch_size) == ("whisper-base", 1, 2)
    assert (options.cpu_threads, options.parallel_windows) == (2, 1)
    assert options.window_seconds == 420.0
    arguments = options.decoding_arguments()
    assert arguments["word_timestamps"], "speaker separation and the highlight need word timings"
    assert arguments["vad_filter"], "only what the voice detector hears goes to Whisper"


def test_whisper_base_is_the_default_model_outside_the_test_settings():
    from oep.settings import base

    assert base.WHISPER_MODEL == "whisper-base"
    assert base.WHISPER_BATCH_SIZE > 1


WINDOW_WITH_BATCH_SIZE = (
    "import os, sys; os.environ['WHISPER_BATCH_SIZE'] = sys.argv[1];"
    "from oep.settings import base; print(base.WHISPER_WINDOW_SECONDS)"
)


@pytest.mark.parametrize("batch_size, window", [("2", 600.0), ("1", 180.0)])
def test_the_sequential_loop_keeps_short_windows_by_default(batch_size, window):
    # The sequential loop's features take about 50 MB a minute of window: a ten-minute window
    # alone would add some 350 MB to a worker, two side by side (its usual layout) over 1 GB.
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_WITH_BATCH_SIZE, batch_size],
        cwd=django_settings.BASE_DIR,
        env={k: v for k, v in os.environ.items() if k != "WHISPER_WINDOW_SECONDS"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(done.stdout.strip()) == window


def test_the_shipped_whisper_settings_are_the_decoding_the_bench_measures():
    from oep.settings import base
    from speech.transcribe import BATCHED

    shipped = {
        "batch_size": base.WHISPER_BATCH_SIZE,
        "beam_size": base.WHISPER_BEAM_SIZE,
        "cpu_threads": base.WHISPER_CPU_THREADS,
        "parallel_windows": base.WHISPER_PARALLEL_WINDOWS,
        "window_seconds": base.WHISPER_WINDOW_SECONDS,
    }
    assert shipped == BATCHED, "bench/real_speech.py measures BATCHED as the worker's decoding"


@pytest.mark.slow
def test_a_call_with_each_person_on_a_channel_is_split_by_channel_and_marks_both_talking(
    people, settings, tmp_path, client
):
    from speech import channels
    from tests.speech.voices import LINES, PRACTITIONER, RATE, as_call, conversation, speak

    settings.TASKS = DUMMY_TASKS
    # One voice at both ends: only the channels can tell the two people apart.
    audio, turns = conversation([PRACTITIONER], ["A", "B"], LINES)
    stereo = as_call(audio, turns)
    # On the second channel, the client talks over the practitioner's fifth line.
    talked_over = turns[4]
    over = speak("No, no, I already told you that I went there on Monday.", PRACTITIONER)
    at = int(talked_over.start * RATE)
    length = min(len(over), int((talked_over.end - talked_over.start) * RATE))
    stereo[at : at + length, 1] += over[:length]
    call = write_wav(tmp_path / "call.wav", stereo)
    recording = uploaded(people["practitioner"], call)

    assert process_recording.call(recording.pk) == RecordingStatus.READY

    recording.refresh_from_db()
    lines = list(recording.segments.all())
    # Whisper hears the two channels together, as a listener would: over the talking, it may
    # write either person's words (timed a little either side). Those words have no one right
    # speaker and are not counted.
    both = (talked_over.start, talked_over.start + length / RATE)
    intervals = [(t.start, t.end, t.speaker) for t in turns] + [(both[0] - 1, both[1] + 1, "B")]
    said = [
        (line.speaker, true_speaker(intervals, w["start"], w["end"]))
        for line in lines
        for w in line.words
    ]
    counted = [(found, truth) for found, truth in said if truth is not None]
    assert len(counted) > 50
    assert all(found == truth for found, truth in counted), said
    marked = [span for line in lines for span in line.overlaps]
    assert marked and all(both[0] - 0.5 <= a and b <= both[1] + 0.5 for a, b in marked)
    assert not channels.levels_path(processing.decoded_path(recording)).exists()

    client.force_login(people["practitioner"])
    page = client.get(reverse("recordings:detail", args=[recording.pk])).content.decode()
    assert 'data-testid="both-talking-' in page


@pytest.mark.slow
def test_a_third_voice_in_one_speakers_lines_is_flagged_for_the_reviewer(
    people, settings, tmp_path, client
):
    from tests.speech.voices import CLIENT, LINES, PRACTITIONER, conversation

    settings.TASKS = DUMMY_TASKS
    # An interpreter speaks every other of the client's lines, in a voice of their own.
    voices = [PRACTITIONER, CLIENT, PRACTITIONER, "en-gb-x-rp"]
    audio, _ = conversation(voices, ["A", "B"], LINES * 2)
    recording = uploaded(people["practitioner"], write_wav(tmp_path / "three.wav", audio))

    assert process_recording.call(recording.pk) == RecordingStatus.READY

    recording.refresh_from_db()
    assert recording.third_voice
    client.force_login(people["practitioner"])
    page = client.get(reverse("recordings:detail", args=[recording.pk])).content.decode()
    assert 'data-testid="third-voice"' in page


def _work_files(*names):
    folder = django_settings.RECORDINGS_WORK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"audio")
    return folder


def test_a_job_starting_deletes_what_dead_workers_left_of_recordings_no_job_holds(people):
    left = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    busy = make_recording(people["practitioner"], status=RecordingStatus.TRANSCRIBING)
    folder = _work_files(
        f"recording-{left.pk}.npy",
        f"recording-{left.pk}.channels.npy",
        f"recording-{left.pk}.npy.raw",
        f"waveform-{left.pk}.npy",
        f"recording-{busy.pk}.npy",
        "recording-notes.txt",
    )

    processing.run(left.pk + busy.pk + 1000)  # any job, even one with nothing to do

    kept = {p.name for p in folder.iterdir()}
    assert not kept & {
        f"recording-{left.pk}.npy",
        f"recording-{left.pk}.channels.npy",
        f"recording-{left.pk}.npy.raw",
    }
    assert kept >= {
        f"recording-{busy.pk}.npy",  # its worker is still on it
        "recording-notes.txt",  # not a working file
        f"waveform-{left.pk}.npy",  # fill_waveform_peaks's own, swept when it starts
    }
