"""`manage.py process_recording FILE --owner USERNAME [--wait]`, the batch and check entry: the
same checks and storage as an upload, and with --wait a real transcription printed as JSON."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from recordings.enums import RecordingStatus
from recordings.models import Recording
from tests.fixtures.audio.make_dialogues import reference_of
from tests.fixtures.audio.reference import script_text, word_error_rate

from .conftest import BAD, DIALOGUE, DUMMY_TASKS, jobs, stored_files

pytestmark = pytest.mark.django_db

# tiny.en on the generated one-minute dialogue measured 8-12% (synthetic voices, British
# spellings); a broken pipeline (lost or repeated windows, wrong model) lands far above this.
MAX_WER = 0.2


@pytest.mark.slow
def test_wait_transcribes_for_real_and_prints_the_result(people):
    out = StringIO()
    call_command(
        "process_recording",
        str(DIALOGUE),
        owner=people["practitioner"].username,
        wait=True,
        stdout=out,
    )
    result = json.loads(out.getvalue())
    assert result["status"] == "ready"
    assert result["duration"] == pytest.approx(reference_of(DIALOGUE)["duration"], abs=0.5)
    assert set(result["timings"]) == {"decode", "transcribe", "separate", "score"}
    assert all(seconds >= 0 for seconds in result["timings"].values())
    assert len(result["stage_log"]) == 1 and result["stage_log"][0], "the score stage's note"

    segments = result["segments"]
    text = " ".join(s["text"] for s in segments)
    assert word_error_rate(script_text(DIALOGUE), text) < MAX_WER, text
    assert [s["start"] for s in segments] == sorted(s["start"] for s in segments)
    assert {s["role"] for s in segments} == {"practitioner", "client"}
    first = segments[0]
    assert first["role"] == "practitioner" and "Hello Sam" in first["text"]
    assert all(s["end"] > s["start"] for s in segments)

    recording = Recording.objects.get()
    assert recording.owner == people["practitioner"]
    assert recording.status == RecordingStatus.READY
    assert stored_files() == [recording.audio.name]


def test_without_wait_the_recording_is_queued_for_a_worker(
    people, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    from django_tasks import default_task_backend

    default_task_backend.clear()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("process_recording", str(DIALOGUE), owner="pat", stdout=out)
    recording = Recording.objects.get()
    assert json.loads(out.getvalue()) == {"id": recording.pk, "status": "queued"}
    assert [job.args for job in jobs(default_task_backend)] == [[recording.pk]]


def test_a_bad_file_is_refused_with_the_reason_and_nothing_is_kept(people):
    with pytest.raises(CommandError, match="could not be read as audio"):
        call_command("process_recording", str(BAD / "notes_renamed.mp3"), owner="pat")
    assert Recording.objects.count() == 0
    assert stored_files() == []


def test_an_unknown_owner_is_refused(people):
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("process_recording", str(DIALOGUE), owner="nobody")


@pytest.mark.slow
def test_the_demo_sample_recording_loads_once_and_is_ready(people):
    from tests.accounts.factories import PractitionerFactory

    demo = PractitionerFactory(username="practitioner")
    call_command("load_sample_recording", stdout=StringIO())
    call_command("load_sample_recording", stdout=StringIO())
    recording = Recording.objects.get(owner=demo)
    assert recording.status == RecordingStatus.READY
    roles = set(recording.segments.values_list("role", flat=True))
    assert roles == {"practitioner", "client"}
