"""A recording whose audio file went missing from storage: the page says so without any server
path, offers no "Try again" that cannot work, and the audio URL answers 410 with a message."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from recordings.enums import RecordingStatus, Stage
from recordings.processing import failure_message
from recordings.tasks import process_recording

from .conftest import DUMMY_TASKS, jobs, make_recording

pytestmark = pytest.mark.django_db

MISSING = "The audio file of this recording is missing from storage"


def lose_audio(recording):
    recording.audio.storage.delete(recording.audio.name)
    assert not recording.audio.storage.exists(recording.audio.name)


def storage_folder():
    return str(Path(django_settings.STORAGES["recordings"]["OPTIONS"]["location"]))


@pytest.mark.parametrize("role", ["practitioner", "manager", "admin"])
def test_a_ready_recording_without_its_audio_says_so_instead_of_a_player(client, people, role):
    recording = make_recording(people["practitioner"])
    lose_audio(recording)
    client.force_login(people[role])

    page = client.get(recording.get_absolute_url()).content.decode()

    assert MISSING in page
    assert 'id="player"' not in page
    assert storage_folder() not in page and recording.audio.name not in page


@pytest.mark.parametrize("role", ["practitioner", "manager", "admin"])
def test_the_audio_url_of_a_lost_file_answers_410_with_a_message(client, people, role):
    recording = make_recording(people["practitioner"])
    lose_audio(recording)
    client.force_login(people[role])

    response = client.get(reverse("recordings:audio", args=[recording.pk]))

    assert response.status_code == 410
    assert MISSING in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_the_audio_url_still_refuses_people_who_may_not_see_it(client, people):
    recording = make_recording(people["practitioner"])
    lose_audio(recording)
    client.force_login(people["other_manager"])
    assert client.get(reverse("recordings:audio", args=[recording.pk])).status_code == 404


def test_processing_a_lost_file_fails_with_a_message_and_no_server_path(client, people, settings):
    settings.TASKS = DUMMY_TASKS
    recording = make_recording(people["practitioner"], status=RecordingStatus.QUEUED)
    lose_audio(recording)

    assert process_recording.call(recording.pk) == RecordingStatus.FAILED

    recording.refresh_from_db()
    assert (recording.error_code, recording.stage) == ("audio_missing", Stage.DECODE)
    assert MISSING in recording.error_message
    assert "/" not in recording.error_message
    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert MISSING in page
    assert "Try again" not in page
    assert storage_folder() not in page


def test_try_again_is_refused_when_the_audio_is_gone(client, people, dummy_tasks):
    recording = make_recording(
        people["practitioner"],
        status=RecordingStatus.FAILED,
        error_code="decode_failed",
        error_message="Decoding failed (FileNotFoundError: [Errno 2] No such file)",
    )
    lose_audio(recording)
    client.force_login(people["practitioner"])

    page = client.get(recording.get_absolute_url()).content.decode()
    assert "Try again" not in page
    assert MISSING in page

    response = client.post(reverse("recordings:retry", args=[recording.pk]), follow=True)
    assert MISSING in response.content.decode()
    recording.refresh_from_db()
    assert recording.status == RecordingStatus.FAILED
    assert jobs(dummy_tasks) == []


def test_an_unexpected_file_error_is_reported_without_its_path():
    error = FileNotFoundError(2, "No such file or directory", "/srv/private/recordings/x.wav")
    code, message = failure_message(Stage.DECODE, error)
    assert code == "decode_failed"
    assert "/srv" not in message
    assert "No such file or directory" in message
