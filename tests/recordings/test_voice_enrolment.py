"""Voice enrolment: a practitioner's sample becomes a voice print (numbers), the sample is not
kept, only they can see or delete it, each change is audited, and the worker uses it to name
the practitioner's voice."""

import tempfile
from pathlib import Path

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recordings import processing
from recordings.enums import RecordingStatus, SpeakerRole, Stage
from recordings.models import VoicePrint, WhisperSegment
from recordings.voices import CONSENT, VOICE_ENROLLED, VOICE_WITHDRAWN, practitioner_voice
from speech.speakers import voice_embedding
from tests.speech.voices import conversation, speak

from .conftest import speech_wav, stored_files, tone_wav
from .factories import RecordingFactory

pytestmark = pytest.mark.django_db

VOICE = reverse("recordings:voice")
DELETE = reverse("recordings:voice_delete")


def post_sample(client, path, **fields):
    with open(path, "rb") as handle:
        data = {"sample": SimpleUploadedFile(path.name, handle.read()), "consent": "on"}
    return client.post(VOICE, {**data, **fields})


@pytest.fixture
def pat(client, people):
    client.force_login(people["practitioner"])
    return people["practitioner"]


@pytest.fixture
def sample(tmp_path):
    return speech_wav(tmp_path / "my voice.wav", 20)


def leftover_voice_files():
    return list(Path(tempfile.gettempdir()).glob("oep-voice-*"))


def test_the_page_says_what_is_kept_and_that_nothing_is_enrolled_yet(client, pat):
    page = client.get(VOICE).content.decode()
    assert "never the audio" in page.lower()
    assert "only to tell you apart from the client in your own recordings" in page
    assert "Not enrolled" in page
    assert CONSENT.text in page
    # where to record the sample: where the sessions are recorded (bench/voice_enrolment.py)
    assert "in the same room, with the same phone or recorder" in page


def test_enrolling_keeps_a_voice_print_and_not_the_sample(client, pat, sample):
    before = leftover_voice_files()
    response = post_sample(client, sample)

    assert response.status_code == 302
    voice = VoicePrint.objects.get(owner=pat)
    assert len(voice.embedding) == 38 and all(isinstance(x, float) for x in voice.embedding)
    assert voice.consent_version == CONSENT.version and voice.consent_statement == CONSENT.text
    assert voice.sample_seconds == pytest.approx(20, abs=0.5)
    assert stored_files() == [], "no audio is stored"
    assert leftover_voice_files() == before, "the decoded copy is gone"
    page = client.get(VOICE).content.decode()
    assert "Enrolled" in page and "from a sample of 20 seconds" in page


def test_the_voice_print_is_the_pipelines_embedding_of_the_decoded_sample(client, pat, sample):
    from speech.audio import decode_to_pcm

    post_sample(client, sample)
    with tempfile.TemporaryDirectory() as folder:
        pcm = Path(folder) / "sample.npy"
        decode_to_pcm(sample, pcm, min_duration=1)
        expected = voice_embedding(pcm)
    np.testing.assert_allclose(practitioner_voice(pat.pk), expected, rtol=1e-6)


def test_enrolling_again_replaces_the_voice_print(client, pat, sample, tmp_path):
    post_sample(client, sample)
    first = VoicePrint.objects.get(owner=pat).embedding
    post_sample(client, speech_wav(tmp_path / "again.wav", 14))
    assert VoicePrint.objects.filter(owner=pat).count() == 1
    assert VoicePrint.objects.get(owner=pat).embedding != first


def test_without_consent_nothing_is_kept(client, pat, sample):
    response = post_sample(client, sample, consent="")
    assert response.status_code == 200
    assert "Confirm you agree to a voice print being kept" in response.content.decode()
    assert not VoicePrint.objects.exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: tone_wav(folder / "hum.wav", 15), "No one can be heard speaking"),
        (lambda folder: speech_wav(folder / "short.wav", 4), "shorter than 10 seconds"),
    ],
)
def test_a_sample_without_speech_or_too_short_is_refused_with_what_to_do(
    client, pat, tmp_path, make, message
):
    response = post_sample(client, make(tmp_path))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VoicePrint.objects.exists()


def test_enrolling_and_deleting_are_audited_without_the_persons_name(client, pat, sample):
    post_sample(client, sample)
    assert client.get(DELETE).status_code == 200
    response = client.post(DELETE)

    assert response.status_code == 302
    assert not VoicePrint.objects.exists()
    entries = ModelLogEntry.objects.filter(action__in=[VOICE_ENROLLED, VOICE_WITHDRAWN])
    assert sorted(e.action for e in entries) == [VOICE_ENROLLED, VOICE_WITHDRAWN]
    assert {e.user_id for e in entries} == {pat.pk}
    assert all(pat.username not in e.label for e in entries)
    assert "Not enrolled" in client.get(VOICE).content.decode()


def test_each_practitioner_sees_and_deletes_only_their_own(client, people, sample):
    client.force_login(people["practitioner"])
    post_sample(client, sample)
    client.force_login(people["colleague"])
    assert "Not enrolled" in client.get(VOICE).content.decode()
    client.post(DELETE)
    assert VoicePrint.objects.filter(owner=people["practitioner"]).exists()


@pytest.mark.parametrize("role", ["manager", "editor"])
def test_only_practitioners_enrol(client, people, role):
    client.force_login(people[role])
    assert client.get(VOICE).status_code == 403
    assert client.post(DELETE).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(VOICE)["Location"].startswith(reverse("login"))


def test_the_upload_page_and_my_recordings_link_to_it(client, pat):
    for url in (reverse("recordings:upload"), reverse("recordings:list")):
        assert VOICE in client.get(url).content.decode()


@pytest.mark.parametrize("url", [VOICE, reverse("recordings:upload")])
def test_recording_pages_allow_the_microphone_here_and_playback_of_the_take(client, pat, url):
    response = client.get(url)
    assert "microphone=(self)" in response["Permissions-Policy"]
    media = next(
        part for part in response["Content-Security-Policy"].split(";") if "media-src" in part
    )
    assert "blob:" in media and "'self'" in media


def test_other_pages_keep_the_microphone_off(client, pat):
    response = client.get(reverse("recordings:list"))
    assert "microphone=()" in response["Permissions-Policy"]
    assert "blob:" not in response["Content-Security-Policy"]


# ---------------------------------------------------------------- the worker uses it

PRACTITIONER, CLIENT = "en-gb", "en-gb-x-gbcwmd+m3"


@pytest.fixture(scope="module")
def misleading_session():
    """Two voices, the practitioner's heard first, with words that point at the client: the
    practitioner's lines speak of "I", the client's say "you" and ask."""
    audio, turns = conversation([PRACTITIONER, CLIENT], ["A", "B"])
    texts = {"A": "I think I am fine.", "B": "How are you? What is your plan?"}
    return audio, [(turn, texts[turn.speaker]) for turn in turns]


def _transcribed(owner, session, tmp_path):
    audio, turns = session
    recording = RecordingFactory(
        owner=owner, status=RecordingStatus.SEPARATING, stage=Stage.SEPARATE
    )
    for index, (turn, text) in enumerate(turns):
        tokens = text.split()
        step = (turn.end - turn.start) / len(tokens)
        WhisperSegment.objects.create(
            recording=recording,
            index=index,
            start=turn.start,
            end=turn.end,
            text=text,
            words=[
                {
                    "start": turn.start + k * step,
                    "end": turn.start + (k + 1) * step,
                    "text": token,
                    "probability": 1.0,
                }
                for k, token in enumerate(tokens)
            ],
        )
    pcm = tmp_path / "decoded.npy"
    np.save(pcm, audio)
    return recording, pcm


def _practitioner_lines(recording):
    return [
        segment.text
        for segment in recording.segments.order_by("index")
        if segment.role == SpeakerRole.PRACTITIONER
    ]


@pytest.mark.slow
def test_the_worker_names_the_practitioner_by_their_enrolled_voice(
    people, misleading_session, tmp_path
):
    pat = people["practitioner"]
    recording, pcm = _transcribed(pat, misleading_session, tmp_path)
    processing.separate_stage(recording, pcm)
    # Without a voice print the words decide, and here they mislead.
    assert set(_practitioner_lines(recording)) == {"How are you? What is your plan?"}

    VoicePrint.objects.create(
        owner=pat,
        embedding=voice_embedding(speak("I will see you again next Tuesday at ten.", PRACTITIONER))
        .round(6)
        .tolist(),
        consent_statement=CONSENT.text,
        consent_version=CONSENT.version,
        sample_seconds=3,
    )
    processing.separate_stage(recording, pcm)
    assert set(_practitioner_lines(recording)) == {"I think I am fine."}
