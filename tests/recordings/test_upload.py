"""Uploading a recording: refusals that say what to do and leave nothing behind, a double submit
that saves once, and the job queued for a worker."""

import re
import uuid
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.db import IntegrityError
from django.urls import reverse

from recordings.enums import RecordingStatus
from recordings.models import Recording
from recordings.uploads import (
    CONSENT_STATEMENT,
    RecordingSizeLimitHandler,
    check_audio,
    store_recording,
    stored_type,
)
from speech.audio import AudioInfo

from .conftest import BAD, jobs, speech_wav, stored_files, tone_wav

pytestmark = pytest.mark.django_db

UPLOAD = reverse("recordings:upload")


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Posts the upload form with `path` as the file and good values for the other fields."""

    def post(path, name=None, **fields):
        return _post(client, django_capture_on_commit_callbacks, path, name, **fields)

    return post


def _post(client, capture_on_commit, path, name=None, **fields):
    data = {
        "session_date": "2026-01-15",
        "client_pseudonym": "Client A",
        "skills": ["structuring", "relationship_building"],
        "consent": "on",
        "upload_token": str(uuid.uuid4()),
        **fields,
    }
    with open(path, "rb") as handle:
        data["audio"] = SimpleUploadedFile(name or path.name, handle.read())
    # Runs what the request schedules for after its commit (the job is enqueued then), as in
    # production; the test's own transaction would otherwise hold it back.
    with capture_on_commit(execute=True):
        return client.post(UPLOAD, data)


@pytest.fixture
def pat(client, people):
    client.force_login(people["practitioner"])
    return people["practitioner"]


def shown_errors(page):
    """The server's error summary and the error messages by the fields: the page also carries
    the required-answer messages as data for the browser's own check, which say nothing here."""
    summary = page.partition('data-module="govuk-error-summary"')[2].partition("</ul>")[0]
    messages = re.findall(r'class="govuk-error-message"[^>]*>(.*?)</p>', page, re.S)
    return summary + "\n".join(messages)


def assert_refused(response, *phrases):
    assert response.status_code == 200, "the form is shown again"
    page = response.content.decode()
    assert "There is a problem" in page
    errors = shown_errors(page)
    for phrase in phrases:
        assert phrase in errors
    assert Recording.objects.count() == 0
    assert stored_files() == []


def test_upload_form_preselects_the_skill_named_in_the_link(client, pat):
    response = client.get(UPLOAD + "?skill=prosocial_modelling")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="prosocial_modelling" id="id_skills_2" checked' in page
    assert 'value="structuring" id="id_skills_0" checked' not in page


def test_a_good_upload_is_stored_privately_and_queued(client, pat, spoken, dummy_tasks, upload):
    response = upload(spoken)
    recording = Recording.objects.get()
    assert response.status_code == 302
    assert response["Location"] == recording.get_absolute_url()
    assert recording.owner == pat
    assert recording.status == RecordingStatus.QUEUED
    assert recording.session_date == date(2026, 1, 15)
    assert recording.skills == ["structuring", "relationship_building"]
    assert recording.consent_given
    assert recording.consent_statement == CONSENT_STATEMENT
    assert recording.original_name == "session.wav"
    assert recording.duration == pytest.approx(12, abs=0.1)
    assert stored_files() == [recording.audio.name]
    assert "media" not in recording.audio.path
    assert [r.args for r in jobs(dummy_tasks)] == [[recording.pk]]
    assert jobs(dummy_tasks)[0].task.queue_name == "recordings"


@pytest.mark.parametrize(
    ("filename", "phrases"),
    [
        ("notes_renamed.mp3", ["could not be read as audio", "Upload the recording as MP3"]),
        ("silent_15s.wav", ["silent"]),
        ("short_3s.ogg", ["seconds"]),
        ("video_only.mp4", ["no sound track"]),
        ("truncated.mp3", ["incomplete or damaged"]),
    ],
)
def test_a_bad_file_is_refused_with_what_to_do_and_nothing_is_kept(
    client, pat, dummy_tasks, filename, phrases, upload
):
    response = upload(BAD / filename)
    assert_refused(response, *phrases)
    assert jobs(dummy_tasks) == []


def test_an_empty_file_is_refused(client, pat, dummy_tasks, upload):
    response = upload(BAD / "empty.wav")
    assert_refused(response, "The file is empty", "upload it again")


def test_a_recording_longer_than_the_limit_is_refused(client, pat, spoken, settings, upload):
    settings.RECORDINGS_MAX_SECONDS = 11
    response = upload(spoken)
    assert_refused(response, "longer")


def test_a_recording_bigger_than_the_limit_is_refused(client, pat, spoken, settings, upload):
    settings.RECORDINGS_MAX_BYTES = 100_000
    response = upload(spoken)
    assert_refused(response, "more than the", "lower quality")


def test_a_text_file_named_mp3_is_refused_whatever_its_name(client, pat, tmp_path, upload):
    notes = tmp_path / "session.mp3"
    notes.write_text("Session notes: client arrived on time.\n" * 50)
    assert_refused(upload(notes), "could not be read as audio")


def test_consent_skills_and_pseudonym_are_required(client, pat, spoken, upload):
    response = upload(spoken, consent="", skills=[], client_pseudonym="")
    assert_refused(
        response,
        "Confirm the client consented",
        "Select at least one skill",
    )


def test_a_session_date_in_the_future_is_refused(client, pat, spoken, upload):
    assert_refused(upload(spoken, session_date="2999-01-01"), "today or in the past")


def test_a_real_looking_full_name_warns_but_does_not_block(
    client, pat, spoken, dummy_tasks, upload
):
    response = upload(spoken, client_pseudonym="John Smith")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "looks like a real full name" in page
    assert Recording.objects.get().client_pseudonym == "John Smith"


def test_a_pseudonym_is_not_mistaken_for_a_name(client, pat, spoken, dummy_tasks, upload):
    response = upload(spoken, client_pseudonym="Client B")
    page = client.get(response["Location"]).content.decode()
    assert "looks like a real full name" not in page


def test_the_same_form_submitted_twice_saves_one_recording(
    client, pat, tmp_path, dummy_tasks, upload
):
    first_file = speech_wav(tmp_path / "a.wav", 12)
    second_file = speech_wav(tmp_path / "b.wav", 13)  # even if the file differs
    token = str(uuid.uuid4())
    first = upload(first_file, upload_token=token)
    second = upload(second_file, upload_token=token)
    recording = Recording.objects.get()
    assert first["Location"] == second["Location"] == recording.get_absolute_url()
    assert len(stored_files()) == 1
    assert len(jobs(dummy_tasks)) == 1
    assert "already uploaded" in client.get(second["Location"]).content.decode()


def test_the_same_file_sent_again_soon_goes_to_the_first_recording(
    client, pat, spoken, dummy_tasks, upload
):
    first = upload(spoken)
    again = upload(spoken)  # a fresh form: the back button, then upload again
    assert Recording.objects.count() == 1
    assert again["Location"] == first["Location"]
    assert len(stored_files()) == 1


def test_two_simultaneous_saves_with_one_token_keep_one_file(people, spoken, dummy_tasks):
    """Both requests passed the token check before either saved: the database decides."""
    token = uuid.uuid4()
    checked = check_audio(spoken)

    def save():
        with open(spoken, "rb") as handle:
            return store_recording(
                people["practitioner"],
                SimpleUploadedFile("s.wav", handle.read()),
                checked,
                original_name="s.wav",
                session_date=date(2026, 1, 1),
                client_pseudonym="C",
                skills=["structuring"],
                upload_token=token,
            )

    first, created_first = save()
    second, created_second = save()
    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert stored_files() == [first.audio.name]


def test_a_failed_database_save_removes_the_stored_file(people, spoken, dummy_tasks):
    checked = check_audio(spoken)
    with pytest.raises(IntegrityError), open(spoken, "rb") as handle:
        store_recording(
            people["practitioner"],
            SimpleUploadedFile("s.wav", handle.read()),
            checked,
            original_name="s.wav",
            session_date=None,  # the row cannot be saved, after the file was
            client_pseudonym="C",
            skills=[],
        )
    assert Recording.objects.count() == 0
    assert stored_files() == []


def test_a_large_upload_is_streamed_to_disk_not_memory(
    client, pat, tmp_path, settings, dummy_tasks, upload
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    big = speech_wav(tmp_path / "long.wav", 20)
    response = upload(big)
    assert response.status_code == 302
    recording = Recording.objects.get()
    assert recording.size == big.stat().st_size
    with recording.audio.open("rb") as stored:
        assert stored.read() == big.read_bytes()


@pytest.mark.parametrize("role", ["manager", "editor", "other_manager"])
def test_only_practitioners_upload(client, people, role):
    client.force_login(people[role])
    assert client.get(UPLOAD).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_refused_form_keeps_the_details_typed(pat, upload):
    response = upload(BAD / "empty.wav", client_pseudonym="JB", session_date="2026-01-15")
    page = response.content.decode()
    assert 'value="2026-01-15"' in page, "the date field shows the date again"
    assert 'value="JB"' in page


# ---------------------------------------------------------------- size limit while uploading

RECEIVED = []


class CountingHandler(FileUploadHandler):
    """Counts the bytes of an upload that get past the size limit towards the disk."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        RECEIVED.append(0)

    def receive_data_chunk(self, raw_data, start):
        RECEIVED[-1] += len(raw_data)
        return raw_data

    def file_complete(self, file_size):
        return None


def test_an_oversized_upload_is_stopped_while_it_arrives_not_after(
    client, pat, tmp_path, settings, upload
):
    settings.FILE_UPLOAD_HANDLERS = [
        f"{__name__}.CountingHandler",
        *settings.FILE_UPLOAD_HANDLERS,
    ]
    settings.RECORDINGS_MAX_BYTES = 100_000
    RECEIVED.clear()
    big = tone_wav(tmp_path / "long.wav", 60)  # about 960 kB
    response = upload(big, client_pseudonym="Client Z")
    assert_refused(response, "more than the", "lower quality")
    assert sum(RECEIVED) < 100_000, "the file was not kept past the limit"
    page = response.content.decode()
    assert 'value="Client Z"' in page, "the other fields, sent after the file, are kept"
    assert "more than the" in shown_errors(page)
    assert "Choose the audio file" not in shown_errors(page)


def test_the_size_limit_also_stops_a_file_whose_request_understates_its_length(settings):
    settings.RECORDINGS_MAX_BYTES = 1000
    handler = RecordingSizeLimitHandler()
    handler.handle_raw_input(None, {}, 500, b"boundary")
    handler.new_file("audio", "session.wav", "audio/wav", None)
    assert handler.receive_data_chunk(b"x" * 600, 0) == b"x" * 600
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"x" * 600, 600)
    assert handler.refused.refusal.code == "too_big"


# ---------------------------------------------------------------- stored type


def test_the_stored_suffix_and_content_type_come_from_the_audio_not_its_name(
    client, pat, spoken, dummy_tasks, upload
):
    response = upload(spoken, name="session.mp3")
    assert response.status_code == 302
    recording = Recording.objects.get()
    assert recording.original_name == "session.mp3"
    assert recording.audio.name.endswith(".wav")
    assert recording.content_type == "audio/wav"
    audio = client.get(reverse("recordings:audio", args=[recording.pk]))
    assert audio["Content-Type"] == "audio/wav"


@pytest.mark.parametrize(
    ("container", "codec", "expected"),
    [
        ("mov,mp4,m4a,3gp,3g2,mj2", "aac", ("m4a", "audio/mp4")),
        ("matroska,webm", "opus", ("webm", "audio/webm")),
        ("ogg", "vorbis", ("ogg", "audio/ogg")),
        ("mp3", "mp3", ("mp3", "audio/mpeg")),
        ("flac", "flac", ("flac", "audio/flac")),
        ("avi", "pcm_s16le", ("audio", "application/octet-stream")),
    ],
)
def test_the_type_follows_the_container_the_decoder_found(container, codec, expected):
    info = AudioInfo(
        duration=12.0,
        sample_rate=8000,
        channels=1,
        codec=codec,
        container=container,
        size_bytes=1,
        rms_dbfs=-10.0,
        peak_dbfs=-3.0,
    )
    assert stored_type(info) == expected
