"""`manage.py process_recording FILE --owner USERNAME --client-consented [--wait]`, the batch
and check entry: the same checks and storage as an upload (consent included), and with --wait a
real transcription printed as JSON."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from recordings.enums import RecordingStatus, Stage
from recordings.models import Recording
from tests.fixtures.audio.make_dialogues import reference_of
from tests.fixtures.audio.reference import OPENING, script_text, word_error_rate

from .conftest import BAD, DIALOGUE, DUMMY_TASKS, jobs, stored_files

pytestmark = pytest.mark.django_db

# tiny.en on the generated one-minute dialogue measured 8-12% (synthetic voices, British
# spellings); a broken pipeline (lost or repeated windows, wrong model) lands far above this.
MAX_WER = 0.2


@pytest.fixture
def import_dialogue(settings, django_capture_on_commit_callbacks):
    """Imports the one-minute dialogue with the consent flag, queueing (not running) its job."""
    settings.TASKS = DUMMY_TASKS

    def run(owner="pat", stdout=None, **options):
        stdout = stdout if stdout is not None else StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "process_recording",
                str(DIALOGUE),
                owner=owner,
                client_consented=True,
                stdout=stdout,
                **options,
            )
        return stdout

    return run


@pytest.mark.slow
def test_wait_transcribes_for_real_and_prints_the_result(people):
    out = StringIO()
    call_command(
        "process_recording",
        str(DIALOGUE),
        owner=people["practitioner"].username,
        client_consented=True,
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
    assert first["role"] == "practitioner" and OPENING.search(first["text"])
    assert all(s["end"] > s["start"] for s in segments)

    recording = Recording.objects.get()
    assert recording.owner == people["practitioner"]
    assert recording.status == RecordingStatus.READY
    assert stored_files() == [recording.audio.name]


def test_without_wait_the_recording_is_queued_for_a_worker(people, import_dialogue):
    from django_tasks import default_task_backend

    default_task_backend.clear()
    out = import_dialogue()
    recording = Recording.objects.get()
    assert json.loads(out.getvalue()) == {"id": recording.pk, "status": "queued"}
    assert [job.args for job in jobs(default_task_backend)] == [[recording.pk]]


def test_a_bad_file_is_refused_with_the_reason_and_nothing_is_kept(people):
    with pytest.raises(CommandError, match="could not be read as audio"):
        call_command(
            "process_recording", str(BAD / "notes_renamed.mp3"), owner="pat", client_consented=True
        )
    assert Recording.objects.count() == 0
    assert stored_files() == []


def test_an_unknown_owner_is_refused(people):
    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("process_recording", str(DIALOGUE), owner="nobody", client_consented=True)


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


@pytest.mark.slow
def test_the_sample_left_mid_processing_by_a_stopped_run_is_finished_on_the_next(
    people, settings, django_capture_on_commit_callbacks
):
    from django.core.files import File

    from recordings.management.commands.load_sample_recording import SAMPLE
    from recordings.uploads import check_audio, store_recording
    from tests.accounts.factories import PractitionerFactory

    settings.TASKS = DUMMY_TASKS  # the earlier run's job never ran
    demo = PractitionerFactory(username="practitioner")
    with SAMPLE.open("rb") as handle:
        sample, _ = store_recording(
            demo,
            File(handle, name=SAMPLE.name),
            check_audio(SAMPLE),
            original_name=SAMPLE.name,
            session_date=timezone.localdate(),
            client_pseudonym="Sam (sample)",
            skills=["structuring"],
        )
    # `make run` stopped with Ctrl-C a moment ago, in the middle of the transcription.
    Recording.objects.filter(pk=sample.pk).update(
        status=RecordingStatus.TRANSCRIBING,
        stage=Stage.TRANSCRIBE,
        heartbeat_at=timezone.now(),
        attempts=1,
    )

    out = StringIO()
    call_command("load_sample_recording", stdout=out)
    sample.refresh_from_db()
    assert sample.status == RecordingStatus.READY
    assert f"Sample recording {sample.pk}: Ready" in out.getvalue()
    assert Recording.objects.filter(owner=demo).count() == 1
    # The sample review, which runs next, finds it ready.
    assert set(sample.segments.values_list("role", flat=True)) == {"practitioner", "client"}


def test_a_date_that_is_not_a_date_is_refused_with_the_format(people):
    with pytest.raises(CommandError, match=r"--date '15/01/2026' is not a date: use YYYY-MM-DD"):
        call_command(
            "process_recording",
            str(DIALOGUE),
            owner="pat",
            date="15/01/2026",
            client_consented=True,
        )
    with pytest.raises(CommandError, match="in the future"):
        call_command(
            "process_recording",
            str(DIALOGUE),
            owner="pat",
            date="2999-01-01",
            client_consented=True,
        )
    assert Recording.objects.count() == 0


def test_a_batch_import_run_again_later_does_not_import_the_same_audio_twice(
    people, import_dialogue
):
    import_dialogue(date="2026-01-15")
    first = Recording.objects.get()
    Recording.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=40))

    err = StringIO()
    out = import_dialogue(stderr=err)
    assert Recording.objects.count() == 1
    assert json.loads(out.getvalue())["id"] == first.pk
    assert f"same audio as recording {first.pk}" in err.getvalue()
    assert "dialogue_1min.ogg, session of 2026-01-15" in err.getvalue()

    # Another practitioner's copy of the same file is theirs, not a duplicate.
    import_dialogue(owner="colin")
    # And the owner can import it again on purpose.
    import_dialogue(allow_duplicate=True)
    assert Recording.objects.filter(owner__username="pat").count() == 2
    assert Recording.objects.count() == 3


def test_an_import_without_the_consent_flag_is_refused_and_nothing_is_kept(people):
    with pytest.raises(CommandError, match="--client-consented"):
        call_command("process_recording", str(DIALOGUE), owner="pat", stdout=StringIO())
    assert Recording.objects.count() == 0
    assert stored_files() == []


def test_an_imported_recording_keeps_the_consent_version_it_was_given_under(
    people, import_dialogue
):
    from recordings.consent import CURRENT

    import_dialogue()
    recording = Recording.objects.get()
    assert (recording.consent_version, recording.consent_statement) == (
        CURRENT.version,
        CURRENT.text,
    )
