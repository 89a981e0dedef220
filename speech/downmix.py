"""One track of speech from a recording's channels, without letting the channels cancel.

FFmpeg's downmix to mono adds the channels. When the two channels of a stereo recording carry
the same sound in opposite polarity (a microphone lead with one pair of wires swapped, a
two-capsule recorder set to the wrong mode) they add up to silence, and such a recording was
refused as "silent" with advice to check the microphone. So the resampler is asked for
stereo (any other layout is folded to stereo by FFmpeg first), and the two channels are added
here, the second turned over in any block where it runs clearly against the first. Channels
that carry different sounds (each party of a call on its own channel) are near zero
correlation and are added as they are, as FFmpeg adds them.
"""

from __future__ import annotations

import av
import numpy as np

# Channels this anti-correlated would cancel each other: the second is turned over. Well
# below zero, so two unrelated channels are never turned over block by block (a click at every
# change).
ANTI_CORRELATED = -0.5
# FFmpeg's stereo-to-mono matrix: each channel times 1/sqrt(2). Kept, so a recording's levels
# (and the checks on them) are what they were.
_FFMPEG_STEREO_TO_MONO = np.float32(np.sqrt(0.5))


def resampler(stream, rate: int, frame_size: int) -> av.AudioResampler:
    """A resampler to `rate` float32 samples, keeping two channels when the stream has more
    than one (`mono` makes them one)."""
    layout = "mono" if (stream.codec_context.channels or 1) <= 1 else "stereo"
    return av.AudioResampler(format="flt", layout=layout, rate=rate, frame_size=frame_size)


def channels(frame: av.AudioFrame) -> np.ndarray:
    """The resampled `frame`'s float32 samples, one column per channel."""
    return frame.to_ndarray().reshape(-1, len(frame.layout.channels))


def mono(frame: av.AudioFrame) -> np.ndarray:
    """The resampled `frame` as one channel of float32 samples."""
    return mono_of(channels(frame))


def mono_of(samples: np.ndarray) -> np.ndarray:
    """`channels`' samples as one channel."""
    if samples.shape[1] == 1:
        return samples[:, 0]
    return together(samples[:, 0], samples[:, 1])


def together(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The two channels added as FFmpeg adds them, `right` turned over when the two clearly
    oppose each other."""
    power = float(np.dot(left, left)) * float(np.dot(right, right))
    if power > 0 and float(np.dot(left, right)) < ANTI_CORRELATED * np.sqrt(power):
        right = -right
    return ((left + right) * _FFMPEG_STEREO_TO_MONO).astype(np.float32)
