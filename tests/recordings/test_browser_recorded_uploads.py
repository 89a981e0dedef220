"""What a browser's MediaRecorder sends is accepted like any other upload and decoded by the
worker: WebM with Opus written live (Chromium: no duration, no index), Ogg with Opus (Firefox)
and fragmented MP4 with AAC (Safari). The files are made by FFmpeg (PyAV's) from spoken audio,
muxed as those browsers do."""

import uuid

import av
import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recordings import processing
from recordings.models import Recording
from speech.audio import decode_window, load_pcm

from .conftest import DUMMY_TASKS, speech_wav

pytestmark = pytest.mark.django_db

SECONDS = 14
# (file name as recorder.js names it, container, codec, muxer options, stored suffix and type)
BROWSER_FORMATS = [
    ("recording.webm", "webm", "libopus", {"live": "1"}, ("webm", "audio/webm")),
    ("recording.ogg", "ogg", "libopus", {}, ("ogg", "audio/ogg")),
    (
        "recording.m4a",
        "mp4",
        "aac",
        {"movflags": "frag_keyframe+empty_moov+default_base_moof"},
        ("m4a", "audio/mp4"),
    ),
]


def encode_like_a_browser(samples, path, container, codec, options):
    """16 kHz float samples encoded at 48 kHz mono, as MediaRecorder does."""
    with av.open(str(path), "w", format=container, options=options) as out:
        stream = out.add_stream(codec, rate=48000)
        stream.layout = "mono"
        stream.bit_rate = 48000
        resampler = av.AudioResampler(
            format=stream.codec_context.format.name, layout="mono", rate=48000
        )
        frame = av.AudioFrame.from_ndarray(
            (np.clip(samples, -1, 1) * 32767).astype(np.int16).reshape(1, -1),
            format="s16",
            layout="mono",
        )
        frame.sample_rate = 16000
        for piece in resampler.resample(frame) + resampler.resample(None):
            out.mux(stream.encode(piece))
        out.mux(stream.encode(None))
    return path


@pytest.fixture(scope="module")
def talk(tmp_path_factory):
    return decode_window(speech_wav(tmp_path_factory.mktemp("talk") / "talk.wav", SECONDS), 0, None)


@pytest.mark.parametrize(("name", "container", "codec", "options", "stored"), BROWSER_FORMATS)
def test_a_browser_recording_is_accepted_stored_as_its_type_and_decoded_by_the_worker(
    client, people, settings, tmp_path, talk, name, container, codec, options, stored
):
    settings.TASKS = DUMMY_TASKS
    settings.RECORDINGS_WORK_DIR = tmp_path / "work"
    path = encode_like_a_browser(talk, tmp_path / name, container, codec, options)
    if container == "webm":
        with av.open(str(path)) as written:
            assert written.duration is None, "like Chromium's: no duration in the header"
    client.force_login(people["practitioner"])

    response = client.post(
        reverse("recordings:upload"),
        {
            "audio": SimpleUploadedFile(name, path.read_bytes(), content_type="audio/webm"),
            "session_date": "2026-01-15",
            "client_pseudonym": "Client A",
            "skills": ["structuring"],
            "consent": "on",
            "upload_token": str(uuid.uuid4()),
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    recording = Recording.objects.get()
    suffix, content_type = stored
    assert recording.audio.name.endswith(f".{suffix}")
    assert recording.content_type == content_type
    assert recording.duration == pytest.approx(SECONDS, abs=0.2)
    info = processing.decode(recording)
    assert info.duration == pytest.approx(SECONDS, abs=0.2)
    decoded = load_pcm(processing.decoded_path(recording))
    assert len(decoded) / 16000 == pytest.approx(SECONDS, abs=0.2)
