"""The voice's lowest tones, put back where a phone line or a recorder's filter took them out.

The voice detector that decides what Whisper hears (Silero, shipped in faster-whisper) hears
speech mostly by the lowest tones of a voice. A phone line passes 300-3400 Hz: on the three real
conversations of the development data cut to that band, the detector heard 40-52% as much
speech as in the originals, and the pipeline lost words wholesale (word error rate 0.53 against
raw tiny.en's 0.18 on one of them, which hears everything: bench/audio_pipeline.md, "Phone lines
and rooms").

The ear hears a voice's pitch from its harmonics even when the fundamental is missing; a
rectifier does the same: the absolute value of a voice beats at the spacing of its harmonics,
which is the fundamental. So where a recording holds almost nothing at 60-180 Hz, that beat
(the rectified samples kept to 60-300 Hz) is added back at a tenth of the recording's power,
and every stage (voice detector, Whisper, speaker split) reads the restored copy. A recording
with its low tones is left exactly as it was: on one with them, the added tones cost Whisper
about a tenth more words wrong.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
# A voice's low band against the rest, in the loudest half of 50 ms frames: 0.010 to 0.064 in the
# real conversations (the lowest, two higher voices), none on a phone line or below a 200 Hz cut.
# Set at half the higher voices' share: restoring a recording that did not need it costs Whisper
# a little. Known gap: a recorder cutting below 150 Hz leaves 0.003 to 0.009, and the detector
# then misses a sixth of the speech; two of the three conversations cut so are not restored.
MIN_LOW_BAND_SHARE = 0.005
_LOW_BAND = (60.0, 180.0)
_REST = (180.0, 4000.0)
_FRAME = 800  # 50 ms
# The restored tones: the rectified voice kept to the range of a voice's fundamental, with soft
# edges so that the filter does not ring, at this share of the recording's RMS.
_RESTORED_BAND = (60.0, 300.0)
_EDGE_HZ = 30.0
RESTORED_LEVEL = 0.3
# The beat's RMS against the recording's, below which there is none to restore: 0.32 to 0.42 for
# voices over a phone line, under 0.01 for a pure tone.
_MIN_BEAT = 0.05
# The beat's level is measured this many samples at a time (30 s: about 25 MB of transforms).
_DECISION_PIECE = 30 * RATE
# A block restored on its own reads this much on either side, so blocks join without a seam.
_MARGIN = RATE // 4


def _band_powers(samples: np.ndarray) -> tuple[float, float]:
    """(power at 60-180 Hz, power at 180-4000 Hz) over the loudest half of the 50 ms frames:
    the talk rather than the pauses."""
    frames = len(samples) // _FRAME
    if frames < 4:
        return 0.0, 0.0
    chunks = np.asarray(samples[: frames * _FRAME], dtype=np.float32).reshape(frames, _FRAME)
    power = np.abs(np.fft.rfft(chunks * np.hanning(_FRAME).astype(np.float32), axis=1)) ** 2
    hz = np.fft.rfftfreq(_FRAME, 1 / RATE)
    total = power.sum(axis=1)
    loud = power[total >= np.median(total)]
    low = loud[:, (hz >= _LOW_BAND[0]) & (hz < _LOW_BAND[1])].sum()
    return float(low), float(loud[:, (hz >= _REST[0]) & (hz < _REST[1])].sum())


def _share(low: float, rest: float) -> float:
    return low / rest if rest > 0 else 0.0


def low_band_share(samples: np.ndarray) -> float:
    """The power at 60-180 Hz against that at 180-4000 Hz in the talk; 0.0 for audio too short
    or silent to tell."""
    return _share(*_band_powers(samples))


def lacks_low_band(samples: np.ndarray) -> bool:
    """Whether the voice's fundamental is missing: a phone line, or a recorder's low cut."""
    return low_band_share(samples) < MIN_LOW_BAND_SHARE


def _soft_band(hz: np.ndarray) -> np.ndarray:
    low, high = _RESTORED_BAND
    rise = np.clip((hz - (low - _EDGE_HZ)) / _EDGE_HZ, 0, 1)
    fall = np.clip(((high + _EDGE_HZ) - hz) / _EDGE_HZ, 0, 1)
    return (0.5 - 0.5 * np.cos(np.pi * rise)) * (0.5 - 0.5 * np.cos(np.pi * fall))


def _beat(samples: np.ndarray) -> np.ndarray:
    """The rectified samples kept to the restored band."""
    size = len(samples)
    # Zero-padded to a power of two: a block's length can have large prime factors, which make
    # the transform several times slower.
    padded = 1 << max(0, size - 1).bit_length()
    spectrum = np.fft.rfft(np.abs(np.asarray(samples, dtype=np.float64)), padded)
    spectrum *= _soft_band(np.fft.rfftfreq(padded, 1 / RATE))
    return np.fft.irfft(spectrum, padded)[:size]


def _beat_and_level(samples: np.ndarray) -> tuple[float, float]:
    """(sum of squares of the beat, of the samples)."""
    samples = np.asarray(samples, dtype=np.float64)
    beat = _beat(samples)
    return float(np.dot(beat, beat)), float(np.dot(samples, samples))


def _gain(beat_power: float, level_power: float) -> float:
    """The gain on the beat that makes it `RESTORED_LEVEL` of the samples' RMS; 0.0 when they
    hold no beat to speak of (a pure tone, a whistle), whose rounding error it would amplify."""
    if beat_power <= (_MIN_BEAT**2) * level_power or beat_power <= 0:
        return 0.0
    return RESTORED_LEVEL * float(np.sqrt(level_power / beat_power))


def restore_low_band(samples: np.ndarray, gain: float) -> np.ndarray:
    """`samples` with the beat of their harmonics added back at `gain` (float32)."""
    return restore_block(samples, 0, len(samples), gain)


def restore_block(samples: np.ndarray, begin: int, end: int, gain: float) -> np.ndarray:
    """`samples[begin:end]` restored as they would be in the whole recording: the beat is
    computed with `_MARGIN` samples of context on each side, which are then dropped."""
    first, last = max(0, begin - _MARGIN), min(len(samples), end + _MARGIN)
    beat = _beat(samples[first:last])[begin - first : end - first]
    return (np.asarray(samples[begin:end], dtype=np.float64) + gain * beat).astype(np.float32)


def restoring_gain_for(excerpts: list[np.ndarray]) -> float | None:
    """The one decision for a recording, from excerpts spread over it: None when it has its low
    band (or no beat to restore), else the gain to restore every part of it with. Read half a
    minute at a time, so the memory is the same whatever the recording's length."""
    low = rest = 0.0
    for excerpt in excerpts:
        band = _band_powers(excerpt)
        low, rest = low + band[0], rest + band[1]
    if rest <= 0 or _share(low, rest) >= MIN_LOW_BAND_SHARE:
        return None
    beat = level = 0.0
    for excerpt in excerpts:
        for begin in range(0, len(excerpt), _DECISION_PIECE):
            powers = _beat_and_level(excerpt[begin : begin + _DECISION_PIECE])
            beat, level = beat + powers[0], level + powers[1]
    return _gain(beat, level) or None


def with_low_band(excerpts: list[np.ndarray]) -> list[np.ndarray]:
    """The excerpts of one recording restored if it lacks the low band, else the same list."""
    gain = restoring_gain_for(excerpts)
    if gain is None:
        return excerpts
    return [restore_low_band(excerpt, gain) for excerpt in excerpts]
