"""Telling a recording of people talking from tone, noise, random samples and music."""

import numpy as np
import pytest

from speech.audio import (
    MIN_SPEECH_PRESENCE,
    AudioRejected,
    decode_window,
    has_speech,
    require_speech,
    speech_presence,
)
from tests.fixtures.audio.noise import clipped, reverberant, telephone, too_quiet
from tests.fixtures.audio.wav import write_wav

from .conftest import DIALOGUE

RATE = 16000


def _seconds(n):
    return np.arange(int(n * RATE)) / RATE


def _music(seconds):
    """Plucked notes with harmonics, two a second: rhythm and pitch, but no voice."""
    t = _seconds(seconds)
    out = np.zeros_like(t)
    notes = (261.6, 329.6, 392.0, 440.0, 349.2, 293.7)
    for i in range(int(seconds * 2)):
        inside = (t >= i / 2) & (t < (i + 1) / 2)
        envelope = np.exp(-3 * (t[inside] - i / 2))
        for harmonic in (1, 2, 3, 4):
            out[inside] += envelope * np.sin(2 * np.pi * notes[i % 6] * harmonic * t[inside])
    return 0.2 * out / np.abs(out).max()


_rng = np.random.default_rng(7)
NOT_SPEECH = {
    "tone": 0.5 * np.sin(2 * np.pi * 440 * _seconds(60)),
    "white noise": 0.3 * _rng.standard_normal(60 * RATE),
    "random samples": _rng.uniform(-1, 1, 60 * RATE),
    "mains hum": 0.05 * np.sin(2 * np.pi * 50 * _seconds(60)),
    "music": _music(60),
}


@pytest.mark.parametrize("name", sorted(NOT_SPEECH))
def test_sound_without_voices_is_found_to_hold_no_speech(name):
    samples = NOT_SPEECH[name].astype(np.float32)
    assert speech_presence(samples) < MIN_SPEECH_PRESENCE / 3
    assert not has_speech(samples)


def test_a_conversation_is_found_to_hold_speech():
    presence = speech_presence(DIALOGUE)
    assert presence > 2 * MIN_SPEECH_PRESENCE
    assert has_speech(DIALOGUE)


def _as_16_bit(samples):
    return (np.round(np.clip(samples, -1, 1) * 32767) / 32767).astype(np.float32)


ROOMS = {
    "a hard-walled room": lambda x: reverberant(x, np.random.default_rng(3)),
    "a phone line": telephone,
    "a recorder set 40 dB too low": lambda x: _as_16_bit(too_quiet(x, -40)),
    "a recorder set too high": clipped,
}


@pytest.mark.parametrize("room", sorted(ROOMS))
def test_a_conversation_recorded_badly_still_holds_speech(room, tmp_path):
    """Real recordings are reverberant, narrowband, too quiet or clipped; none of it may get a
    practice session refused as "no speech". Over a phone line (8 kHz, 300-3400 Hz) the
    detector hears half as much of this dialogue unless the voices' low tones are put back."""
    full_band = decode_window(DIALOGUE, 0, None)
    heard = ROOMS[room](full_band)
    source = write_wav(tmp_path / "heard.wav", *heard if isinstance(heard, tuple) else (heard,))
    assert speech_presence(source) > 0.9 * speech_presence(full_band)
    assert has_speech(source)


def test_a_conversation_buried_in_an_hour_of_noise_is_judged_by_excerpts():
    """The check costs the same for a long recording: a few stretches spread over it."""
    noise = (0.01 * np.random.default_rng(1).standard_normal(20 * 60 * RATE)).astype(np.float32)
    assert speech_presence(noise) < MIN_SPEECH_PRESENCE / 3


def test_a_moment_of_audio_holds_no_speech():
    assert speech_presence(np.zeros(100, dtype=np.float32)) == 0.0


def test_the_app_is_told_why_a_recording_without_voices_is_refused():
    with pytest.raises(AudioRejected) as refusal:
        require_speech(NOT_SPEECH["white noise"].astype(np.float32))
    assert refusal.value.code == "no_speech"
    assert "upload" in refusal.value.message
    assert require_speech(DIALOGUE) > MIN_SPEECH_PRESENCE
