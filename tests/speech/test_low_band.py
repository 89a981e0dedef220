"""Putting back a voice's lowest tones where a phone line took them out (speech.low_band)."""

import numpy as np
import pytest

from speech import low_band
from speech.audio import decode_to_pcm, decode_window, load_pcm, speech_presence
from tests.fixtures.audio.noise import telephone
from tests.fixtures.audio.wav import write_wav

from .conftest import DIALOGUE

RATE = 16000


@pytest.fixture(scope="module")
def full_band():
    return decode_window(DIALOGUE, 0, None)


@pytest.fixture(scope="module")
def phone_line(full_band):
    """The dialogue as a phone line carries it, back at 16 kHz."""
    narrow, rate = telephone(full_band)
    times = np.arange(len(narrow) * RATE // rate) * rate / RATE
    return np.interp(times, np.arange(len(narrow)), narrow).astype(np.float32)


def _band_power(samples, low, high):
    power = np.abs(np.fft.rfft(np.asarray(samples, dtype=np.float64))) ** 2
    hz = np.fft.rfftfreq(len(samples), 1 / RATE)
    return power[(hz >= low) & (hz < high)].sum()


def test_a_phone_line_lacks_the_low_band_and_the_recording_itself_does_not(full_band, phone_line):
    assert not low_band.lacks_low_band(full_band)
    assert low_band.lacks_low_band(phone_line)
    # Too little audio to tell is not taken for a phone line's.
    assert low_band.low_band_share(np.zeros(100, dtype=np.float32)) == 0.0


def test_restoring_adds_tones_at_a_voice_s_pitch_and_leaves_the_rest(phone_line):
    gain = low_band.restoring_gain_for([phone_line])
    restored = low_band.restore_low_band(phone_line, gain)
    assert not low_band.lacks_low_band(restored)
    added = restored - phone_line
    # What is added lies in the range of a voice's fundamental, at a tenth of the power...
    assert _band_power(added, 40, 340) > 0.99 * _band_power(added, 0, RATE / 2)
    share = np.mean(added.astype(np.float64) ** 2) / np.mean(phone_line.astype(np.float64) ** 2)
    assert share == pytest.approx(low_band.RESTORED_LEVEL**2, rel=0.05)
    # ...and it beats with the voice: loud where the voice is, nothing where it is silent.
    frames = len(phone_line) // 800
    voice = np.abs(phone_line[: frames * 800]).reshape(frames, 800).mean(axis=1)
    beat = np.abs(added[: frames * 800]).reshape(frames, 800).mean(axis=1)
    assert np.corrcoef(voice, beat)[0, 1] > 0.8


def test_blocks_restored_one_at_a_time_join_without_a_seam(phone_line):
    gain = low_band.restoring_gain_for([phone_line])
    whole = low_band.restore_low_band(phone_line, gain)
    block = 7 * RATE
    pieces = np.concatenate(
        [
            low_band.restore_block(phone_line, begin, min(begin + block, len(phone_line)), gain)
            for begin in range(0, len(phone_line), block)
        ]
    )
    assert len(pieces) == len(whole)
    assert np.max(np.abs(pieces - whole)) < 0.01 * np.max(np.abs(whole))


def test_one_decision_for_the_whole_recording(full_band, phone_line):
    excerpts = [full_band[: RATE * 20], full_band[RATE * 30 : RATE * 50]]
    assert low_band.with_low_band(excerpts) is excerpts
    narrow = [phone_line[: RATE * 20], phone_line[RATE * 30 : RATE * 50]]
    restored = low_band.with_low_band(narrow)
    assert all(not low_band.lacks_low_band(part) for part in restored)


def test_a_tone_has_no_voice_to_restore():
    """A tone lacks the low band too, but it has no harmonics to beat: left as it is."""
    tone = [(0.5 * np.sin(2 * np.pi * 440 * np.arange(10 * RATE) / RATE)).astype(np.float32)]
    assert low_band.lacks_low_band(tone[0])
    assert low_band.with_low_band(tone) is tone


def test_the_worker_s_copy_of_a_phone_call_has_its_low_tones_back(tmp_path, full_band):
    """Every stage reads the decoded copy, so every stage hears the restored voice."""
    source = tmp_path / "call.wav"
    write_wav(source, *telephone(full_band))
    decode_to_pcm(source, tmp_path / "call.npy")
    copy = load_pcm(tmp_path / "call.npy")
    assert len(copy) == pytest.approx(len(full_band), abs=RATE // 100)
    assert low_band.lacks_low_band(decode_window(source, 0, None))
    assert not low_band.lacks_low_band(copy)
    # The restored tones raise the peak; the level is set after them, so nothing is clipped.
    assert np.abs(copy).max() < 0.995


def test_the_worker_s_copy_is_judged_as_it_is(tmp_path, full_band, monkeypatch):
    """The presence check on the decoded copy takes no second decision: a higher voice's
    restored tones lie above the 180 Hz the decision reads, so it would restore them again."""
    source = tmp_path / "call.wav"
    write_wav(source, *telephone(full_band))
    decode_to_pcm(source, tmp_path / "call.npy")
    decided = []
    real = low_band.with_low_band
    monkeypatch.setattr(
        low_band, "with_low_band", lambda excerpts: decided.append(1) or real(excerpts)
    )
    speech_presence(tmp_path / "call.npy")
    assert decided == []
    speech_presence(source)
    assert decided == [1]
