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


def test_an_oversized_sample_is_refused_while_it_arrives_and_never_written(
    client, pat, upload_folder, settings, monkeypatch
):
    # The limit is lowered so a small test file stands for one bigger than any upload allowed.
    settings.RECORDINGS_MAX_BYTES = 1024 * 1024
    import django.core.files.temp

    written = []
    real = django.core.files.temp.NamedTemporaryFile

    def spy(*args, **kwargs):
        handle = real(*args, **kwargs)
        written.append(handle.name)
        return handle

    monkeypatch.setattr(django.core.files.temp, "NamedTemporaryFile", spy)
    response = post(client)
    assert response.status_code == 200
    assert "The voice sample is over" in response.content.decode()
    assert written == []
    assert not VoicePrint.objects.exists()


def test_an_oversized_sample_without_consent_asks_for_consent(client, pat, settings):
    settings.RECORDINGS_MAX_BYTES = 1024 * 1024
    response = post(client, consent="")
    assert response.status_code == 200
    assert "Confirm you agree to a voice print being kept" in response.content.decode()
