"""The audio player can seek: the audio view answers HTTP range requests from storage."""

import pytest
from django.urls import reverse

from .conftest import make_recording

pytestmark = pytest.mark.django_db

CONTENT = bytes(range(256)) * 1024  # 256 KiB with a recognisable pattern


@pytest.fixture
def audio_url(client, people):
    recording = make_recording(people["practitioner"], content=CONTENT)
    client.force_login(people["practitioner"])
    return reverse("recordings:audio", args=[recording.pk])


def body(response):
    return b"".join(response.streaming_content)


def test_the_whole_file_is_streamed_and_says_it_accepts_ranges(client, audio_url):
    response = client.get(audio_url)
    assert response.status_code == 200
    assert response.streaming, "streamed from storage, not built in memory"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(CONTENT))
    assert response["Content-Type"] == "audio/wav"
    assert "no-store" in response["Cache-Control"]
    assert body(response) == CONTENT


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=1000-", 1000, len(CONTENT) - 1),
        ("bytes=-500", len(CONTENT) - 500, len(CONTENT) - 1),
        ("bytes=200000-999999999", 200000, len(CONTENT) - 1),
    ],
)
def test_a_range_gets_206_with_just_those_bytes(client, audio_url, header, start, end):
    response = client.get(audio_url, headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(CONTENT)}"
    assert response["Content-Length"] == str(end - start + 1)
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == CONTENT[start : end + 1]


def test_a_range_past_the_end_gets_416(client, audio_url):
    response = client.get(audio_url, headers={"Range": f"bytes={len(CONTENT)}-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(CONTENT)}"


def test_a_malformed_range_gets_the_whole_file(client, audio_url):
    response = client.get(audio_url, headers={"Range": "lines=1-2"})
    assert response.status_code == 200
    assert body(response) == CONTENT
