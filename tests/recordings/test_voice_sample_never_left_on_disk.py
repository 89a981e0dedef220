"""The voice sample is deleted from the server whatever happens to it: refused as not audio,
sent without consent, or when making the voice print fails unexpectedly (a large sample is
written to disk by Django's upload handler, so these look in its temporary folder)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recordings.models import VoicePrint

pytestmark = pytest.mark.django_db

VOICE = reverse("recordings:voice")
LARGE = b"not audio at all " * (3 * 1024 * 1024 // 17)  # over FILE_UPLOAD_MAX_MEMORY_SIZE


@pytest.fixture
def upload_folder(settings, tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


@pytest.fixture
def pat(client, people):
    client.force_login(people["practitioner"])
    return people["practitioner"]


def post(client, consent="on"):
    sample = SimpleUploadedFile("voice.wav", LARGE, content_type="audio/wav")
    return client.post(VOICE, {"sample": sample, "consent": consent})


def test_a_large_sample_that_is_not_audio_is_refused_and_deleted(client, pat, upload_folder):
    response = post(client)
    assert response.status_code == 200
    assert 'class="govuk-error-message"' in response.content.decode()
    assert list(upload_folder.iterdir()) == []
    assert not VoicePrint.objects.exists()


def test_a_large_sample_sent_without_consent_is_deleted(client, pat, upload_folder):
    post(client, consent="")
    assert list(upload_folder.iterdir()) == []


def test_the_sample_is_deleted_even_when_making_the_print_fails(
    client, pat, upload_folder, monkeypatch
):
    import speech.audio

    def broken(*args, **kwargs):
        raise RuntimeError("decoder crashed")

    monkeypatch.setattr(speech.audio, "decode_to_pcm", broken)
    client.raise_request_exception = False
    response = post(client)
    assert response.status_code == 500
    assert list(upload_folder.iterdir()) == []
    assert not VoicePrint.objects.exists()
