"""Upload validation by decoding, and decoding of time windows."""

import numpy as np
import pytest

from speech.audio import AudioRejected, decode_window, probe_audio

from .conftest import BAD, DIALOGUE


def test_a_spoken_dialogue_is_accepted_with_its_length_and_level():
    info = probe_audio(DIALOGUE)
    assert 60 < info.duration < 65
    assert (info.codec, info.container, info.channels) == ("opus", "ogg", 1)
    assert info.size_bytes == DIALOGUE.stat().st_size
    assert -30 < info.rms_dbfs < -10
    assert info.peak_dbfs <= 0


@pytest.mark.parametrize(
    ("name", "code", "says"),
    [
        ("empty.wav", "empty", "empty"),
        ("notes_renamed.mp3", "not_audio", "could not be read as audio"),
        ("truncated.mp3", "not_audio", "incomplete"),
        ("silent_15s.wav", "silent", "microphone"),
        ("short_3s.ogg", "too_short", "3.0 seconds"),
        ("video_only.mp4", "no_audio_stream", "no sound track"),
    ],
)
def test_bad_upload_is_refused_with_a_reason_and_what_to_do(name, code, says):
    with pytest.raises(AudioRejected) as refusal:
        probe_audio(BAD / name)
    assert refusal.value.code == code
    assert says in refusal.value.message
    assert any(verb in refusal.value.message for verb in ("upload", "Upload", "Check", "Copy"))


def test_recording_longer_than_the_limit_is_refused():
    with pytest.raises(AudioRejected) as refusal:
        probe_audio(DIALOGUE, max_duration=30)
    assert refusal.value.code == "too_long"
    assert "30 seconds" in refusal.value.message


def test_file_bigger_than_the_limit_is_refused_before_decoding():
    with pytest.raises(AudioRejected) as refusal:
        probe_audio(DIALOGUE, max_bytes=50 * 1024)
    assert refusal.value.code == "too_big"


def test_the_extension_does_not_matter_only_the_content(tmp_path):
    disguised = tmp_path / "session.txt"
    disguised.write_bytes(DIALOGUE.read_bytes())
    assert probe_audio(disguised).duration > 60


def test_a_window_holds_exactly_the_audio_of_that_stretch():
    whole = decode_window(DIALOGUE, 0, None)
    window = decode_window(DIALOGUE, 20.0, 30.0)
    assert len(window) == 10 * 16000
    assert window.dtype == np.float32
    np.testing.assert_allclose(window, whole[20 * 16000 : 30 * 16000], atol=1e-3)


def test_a_window_past_the_end_is_empty_and_one_over_it_is_short():
    assert len(decode_window(DIALOGUE, 100, 110)) == 0
    assert 0 < len(decode_window(DIALOGUE, 60, 70)) < 5 * 16000
