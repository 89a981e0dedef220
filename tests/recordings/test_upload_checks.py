"""The upload form's checks are right, not only safe: a padded but complete file is taken, a cut
WAV and a file without voices are refused saying what to do, a form token from someone else's
upload is answered 400, and bidirectional controls never reach a stored name."""

import uuid

import numpy as np
import pytest
from django.urls import reverse

from recordings.models import Recording
from speech.audio import decode_window
from tests.speech.test_probe import encode

from .conftest import jobs, speech_wav, stored_files, tone_wav, write_wav
from .test_upload import _post, assert_refused

pytestmark = pytest.mark.django_db

UPLOAD = reverse("recordings:upload")


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    def post(path, name=None, **fields):
        return _post(client, django_capture_on_commit_callbacks, path, name, **fields)

    return post


@pytest.fixture
def pat(client, people):
    client.force_login(people["practitioner"])
    return people["practitioner"]


def test_a_complete_file_with_a_few_bytes_of_padding_is_accepted(
    pat, tmp_path, dummy_tasks, upload
):
    spoken = decode_window(speech_wav(tmp_path / "spoken.wav", 12), 0, None)
    padded = encode(spoken, tmp_path / "session.mp3", "libmp3lame")
    padded.write_bytes(padded.read_bytes() + b"\0" * 7)
    response = upload(padded)
    assert response.status_code == 302
    assert Recording.objects.get().duration == pytest.approx(12, abs=0.1)


def test_a_wav_cut_in_half_is_refused_with_what_to_do(pat, tmp_path, dummy_tasks, upload):
    whole = speech_wav(tmp_path / "whole.wav", 30).read_bytes()
    cut = tmp_path / "session.wav"
    cut.write_bytes(whole[: len(whole) // 2])
    assert_refused(upload(cut), "incomplete", "should last 30 seconds", "Copy it from the recorder")
    assert jobs(dummy_tasks) == []


@pytest.mark.parametrize(
    "sound",
    [
        lambda path: tone_wav(path, 12),
        lambda path: write_wav(
            path, 0.3 * np.random.default_rng(1).standard_normal(12 * 8000), 8000
        ),
        lambda path: write_wav(path, np.random.default_rng(2).uniform(-1, 1, 12 * 8000), 8000),
    ],
    ids=["pure tone", "white noise", "random PCM"],
)
def test_a_file_without_voices_is_refused_at_upload(pat, tmp_path, dummy_tasks, upload, sound):
    response = upload(sound(tmp_path / "session.wav"))
    assert_refused(response, "No one can be heard speaking", "upload it again")
    assert jobs(dummy_tasks) == []


def test_a_silent_file_is_refused_at_upload(pat, tmp_path, upload):
    silence = write_wav(tmp_path / "session.wav", np.zeros(12 * 8000), 8000)
    assert_refused(upload(silence), "silent", "microphone")


def test_another_persons_form_token_is_answered_400_with_a_message(
    client, people, pat, spoken, tmp_path, dummy_tasks, upload
):
    client.force_login(people["colleague"])
    token = str(uuid.uuid4())
    assert upload(spoken, upload_token=token).status_code == 302
    client.force_login(pat)

    response = upload(speech_wav(tmp_path / "mine.wav", 13), upload_token=token)

    assert response.status_code == 400
    page = response.content.decode()
    assert "This upload form was already used" in page
    assert token not in page, "a fresh token for the next try"
    assert 'value="Client A"' in page, "what was typed is kept"
    assert Recording.objects.filter(owner=pat).count() == 0
    assert len(stored_files()) == 1


def test_bidirectional_controls_are_stripped_from_names(pat, spoken, dummy_tasks, upload):
    response = upload(
        spoken,
        name="session\u202egpj.wav",
        client_pseudonym="\u2066Client\u200f \u202bA\u202c\u2069",
    )
    assert response.status_code == 302
    recording = Recording.objects.get()
    assert recording.original_name == "sessiongpj.wav"
    assert recording.client_pseudonym == "Client A"
    page = client_page(response, pat)
    assert "\u202e" not in page and "\u2066" not in page


def client_page(response, user):
    from django.test import Client

    browser = Client()
    browser.force_login(user)
    return browser.get(response["Location"]).content.decode()
