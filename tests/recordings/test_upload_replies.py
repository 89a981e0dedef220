"""The upload as upload.js sends it (asking for JSON, to show its progress): where to go next
once saved, and the server's refusals as messages linked to their fields, so the page shows
them without reloading and the chosen file stays chosen."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recordings.models import Recording

from .conftest import BAD, stored_files

pytestmark = pytest.mark.django_db

UPLOAD = reverse("recordings:upload")
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def send(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["practitioner"])

    def post(path, **fields):
        data = {
            "session_date": "2026-01-15",
            "client_pseudonym": "Client A",
            "skills": ["structuring"],
            "consent": "on",
            "upload_token": str(uuid.uuid4()),
            **fields,
        }
        with open(path, "rb") as handle:
            data["audio"] = SimpleUploadedFile(path.name, handle.read())
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(UPLOAD, data, **JSON)

    return post


def test_a_saved_upload_answers_where_to_go_and_the_page_there_says_it_worked(
    client, send, spoken, dummy_tasks
):
    response = send(spoken)
    recording = Recording.objects.get()
    assert response.status_code == 200
    assert response.json() == {"location": recording.get_absolute_url()}
    page = client.get(response.json()["location"]).content.decode()
    assert "Your recording is uploaded." in page, "the message waits for the page, not the script"


def test_missing_answers_are_refused_with_messages_linked_to_their_fields(send, spoken):
    response = send(spoken, skills=[], consent="")
    assert response.status_code == 400
    errors = {error["id"]: error["message"] for error in response.json()["errors"]}
    assert errors["id_skills_0"] == "Select at least one skill you practised in this session."
    assert "consented" in errors["id_consent"]
    assert Recording.objects.count() == 0


def test_a_file_that_is_not_audio_is_refused_with_what_to_do(send, dummy_tasks):
    response = send(BAD / "notes_renamed.mp3")
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["id"] == "id_audio" and "could not be read as audio" in error["message"]
    assert Recording.objects.count() == 0 and stored_files() == []


def test_the_same_form_sent_twice_answers_with_the_first_recording(send, spoken, dummy_tasks):
    token = str(uuid.uuid4())
    assert send(spoken, upload_token=token).status_code == 200
    response = send(spoken, upload_token=token, client_pseudonym="Someone else")
    assert response.json() == {"location": Recording.objects.get().get_absolute_url()}
