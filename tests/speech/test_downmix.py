"""Stereo recordings made one track: the channels added as FFmpeg adds them, unless they would
cancel each other."""

import av
import numpy as np
import pytest

from speech.audio import (
    MIN_SPEECH_PRESENCE,
    decode_to_pcm,
    decode_window,
    load_pcm,
    probe_audio,
    speech_presence,
)
from speech.downmix import together
from tests.fixtures.audio.wav import write_wav

from .conftest import DIALOGUE


@pytest.fixture(scope="module")
def voice():
    return decode_window(DIALOGUE, 0, 20)


def _ffmpeg_mono(path) -> np.ndarray:
    """The file as FFmpeg's own downmix to mono gives it (the pipeline's before turning over)."""
    resampler = av.AudioResampler(format="flt", layout="mono", rate=16000)
    with av.open(str(path)) as container:
        frames = [*container.decode(audio=0), None]
        return np.concatenate(
            [out.to_ndarray().reshape(-1) for f in frames for out in resampler.resample(f)]
        )


def test_channels_in_opposite_polarity_are_heard_not_refused_as_silent(voice, tmp_path):
    # One channel wired the wrong way round: FFmpeg's sum of the two is silence.
    path = write_wav(tmp_path / "opposed.wav", np.stack([voice, -voice], axis=1))
    assert np.abs(_ffmpeg_mono(path)).max() < 1e-3
    info = probe_audio(path, require_voices=True)
    assert info.channels == 2
    decode_to_pcm(path, tmp_path / "opposed.npy", min_duration=1)
    assert speech_presence(str(tmp_path / "opposed.npy")) > MIN_SPEECH_PRESENCE
    heard = decode_window(path, 0, None)
    level = float(np.sqrt(np.mean(voice**2)))
    assert float(np.sqrt(np.mean(heard**2))) == pytest.approx(level * np.sqrt(2), rel=0.05)


@pytest.mark.parametrize(
    "channels",
    ["the same sound", "one channel silent", "a different voice on each"],
)
def test_other_stereo_is_made_mono_exactly_as_ffmpeg_makes_it(voice, tmp_path, channels):
    other = {
        "the same sound": voice,
        "one channel silent": np.zeros_like(voice),
        "a different voice on each": decode_window(DIALOGUE, 25, 45)[: len(voice)],
    }[channels]
    path = write_wav(tmp_path / "stereo.wav", np.stack([voice, other], axis=1))
    np.testing.assert_allclose(decode_window(path, 0, None), _ffmpeg_mono(path), atol=1e-6)
    decode_to_pcm(path, tmp_path / "stereo.npy", min_duration=1)
    assert len(load_pcm(tmp_path / "stereo.npy")) == len(voice)


def test_only_channels_that_clearly_oppose_are_turned_over():
    rng = np.random.default_rng(0)
    left = rng.standard_normal(16000).astype(np.float32)
    unrelated = rng.standard_normal(16000).astype(np.float32)
    half_opposed = (-0.3 * left + unrelated).astype(np.float32)  # correlation about -0.29
    np.testing.assert_allclose(together(left, -left), left * np.sqrt(2), rtol=1e-5)
    np.testing.assert_allclose(together(left, unrelated), (left + unrelated) * np.sqrt(0.5))
    np.testing.assert_allclose(together(left, half_opposed), (left + half_opposed) * np.sqrt(0.5))
    silent = np.zeros(16000, dtype=np.float32)
    np.testing.assert_allclose(together(left, silent), left * np.sqrt(0.5))
