"""Decoding a recording once to 16 kHz PCM, and reading windows of it without decoding again."""

import numpy as np
import pytest

from speech.audio import (
    TARGET_SPEECH_DBFS,
    AudioRejected,
    decode_to_pcm,
    decode_window,
    load_pcm,
    loudness_gain,
    probe_audio,
)
from tests.fixtures.audio.wav import write_wav

from .conftest import BAD, DIALOGUE


def _speech_level(samples):
    frames = samples[: len(samples) // 800 * 800].reshape(-1, 800)
    power = (frames.astype(np.float64) ** 2).mean(axis=1)
    # The frames within 25 dB of the loudest 5 %: speech, not the pauses.
    active = power > np.quantile(power, 0.95) / 10**2.5
    return 10 * np.log10(power[active].mean())


def test_the_decoded_copy_holds_the_whole_recording_at_16_khz(tmp_path):
    pcm = tmp_path / "audio.npy"
    info = decode_to_pcm(DIALOGUE, pcm)
    assert info == probe_audio(DIALOGUE)
    samples = load_pcm(pcm)
    assert isinstance(samples, np.memmap)
    assert samples.dtype == np.float32
    assert len(samples) == pytest.approx(info.duration * 16000, abs=1)
    assert not list(tmp_path.glob("*.raw"))


def test_speech_is_brought_to_the_target_level_whatever_the_recording_level(tmp_path):
    quiet = decode_window(DIALOGUE, 0, None) * 10 ** (-22 / 20)
    source = tmp_path / "quiet.wav"
    write_wav(source, quiet)
    decode_to_pcm(source, tmp_path / "quiet.npy")
    decode_to_pcm(DIALOGUE, tmp_path / "loud.npy")
    levels = [_speech_level(load_pcm(tmp_path / name)) for name in ("quiet.npy", "loud.npy")]
    # The same level from both (the quiet copy got 22 dB more gain), near the target: a little
    # under it where the loudest peak would otherwise clip.
    assert levels[0] == pytest.approx(levels[1], abs=1.0)
    assert TARGET_SPEECH_DBFS - 4 < levels[0] <= TARGET_SPEECH_DBFS + 1
    assert np.abs(load_pcm(tmp_path / "quiet.npy")).max() <= 1.0


def test_gain_never_pushes_the_peak_over_full_scale():
    # Speech at -40 dBFS with a click at -1 dBFS: the click limits the gain.
    gain = loudness_gain(-40.0, -1.0)
    assert 20 * np.log10(gain) < 1.0
    assert loudness_gain(float("-inf"), float("-inf")) == 1.0


def test_a_bad_file_is_refused_and_leaves_nothing_behind(tmp_path):
    with pytest.raises(AudioRejected) as refusal:
        decode_to_pcm(BAD / "silent_15s.wav", tmp_path / "out.npy")
    assert refusal.value.code == "silent"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("as_array", [False, True])
def test_windows_of_the_copy_match_windows_decoded_from_the_file(tmp_path, as_array):
    pcm = tmp_path / "audio.npy"
    decode_to_pcm(DIALOGUE, pcm)
    source = load_pcm(pcm) if as_array else pcm
    from_file = decode_window(DIALOGUE, 20.0, 30.0)
    window = decode_window(source, 20.0, 30.0)
    assert len(window) == len(from_file) == 10 * 16000
    # Same audio up to the one gain applied to the copy.
    gain = np.dot(window, from_file) / np.dot(from_file, from_file)
    np.testing.assert_allclose(window, from_file * gain, atol=2e-3)
    assert len(decode_window(source, 100, 110)) == 0
    assert 0 < len(decode_window(source, 60, 70)) < 5 * 16000
