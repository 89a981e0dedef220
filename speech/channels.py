"""Who is talking, read from a recording that keeps each person on a channel of their own.

Call recorders often write the two ends of a telephone or video call to the two channels of a
stereo file, and two lapel microphones into one recorder do much the same: each channel carries
one voice loudly and the other faintly or not at all. Then which channel is the louder says who
is talking more surely than voice statistics can (two similar voices, a phone line's narrow
band, a noisy room at one end), and both channels loud at once is two people talking at once.

`ChannelLevels` measures each channel's power in 10 ms frames while the recording is decoded;
`speech.audio.decode_to_pcm` keeps the levels beside the decoded copy (`levels_path`) only when
the channels are separate (`are_separate`: each channel clearly the louder for a good share of
the talk), so an ordinary stereo recording, whose two channels hear the same room, is split by
voice as before. `ChannelSplit` answers, for a stretch of the recording, which channel was
talking and where both were.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

RATE = 16000
FRAME = 160  # samples: 10 ms, the hop of the speaker features
FRAMES_PER_SECOND = RATE // FRAME
# A frame counts as talk when its louder channel is within this of the recording's loud frames
# (the 95th percentile), and above a floor no speech is recorded at.
TALK_RANGE_DB = 30.0
SILENT_DBFS = -70.0
# Separate channels: each is at least this much louder than the other in at least this share of
# the talk frames. Two microphones hearing one room differ by a few dB; a call recorder's two
# ends by tens; lapel microphones, the speaker's own about 15 dB over the other's.
DOMINANT_DB = 10.0
DOMINANT_SHARE = 0.1
MIN_TALK_SECONDS = 3.0
# Both talking: in at least this share of a stretch of `_OVERLAP_FRAMES` (half a second), both
# channels are talking (`ChannelSplit.talking`) and their balance sits in the middle quarter
# between one person alone and the other alone.
_OVERLAP_FRAMES = 50
_OVERLAP_SHARE = 0.6
# A channel talks only this far over its own background (its quietest fifth of the frames).
_OVER_NOISE_DB = 10.0
_LEVELS_SUFFIX = ".channels.npy"


class ChannelLevels:
    """Each channel's power in dB for every 10 ms of a two-channel recording, fed in order."""

    def __init__(self):
        self._pending = np.zeros((0, 2), dtype=np.float32)
        self._levels: list[np.ndarray] = []

    def add(self, pairs: np.ndarray) -> None:
        """`pairs`: the next 16 kHz samples, one column per channel."""
        pending = np.concatenate([self._pending, pairs.astype(np.float32, copy=False)])
        whole = len(pending) // FRAME * FRAME
        if whole:
            frames = pending[:whole].reshape(-1, FRAME, 2)
            power = np.einsum("fsc,fsc->fc", frames, frames) / FRAME
            self._levels.append((10 * np.log10(power + 1e-10)).astype(np.float16))
        self._pending = pending[whole:]

    def levels(self) -> np.ndarray:
        """(frames, 2) levels in dB (float16: a 3-hour recording's are 4 MB)."""
        if not self._levels:
            return np.zeros((0, 2), dtype=np.float16)
        return np.concatenate(self._levels)


def _talk(levels: np.ndarray) -> np.ndarray:
    loud = levels.max(axis=1)
    if not len(loud):
        return np.zeros(0, dtype=bool)
    return loud > max(float(np.percentile(loud, 95)) - TALK_RANGE_DB, SILENT_DBFS)


def are_separate(levels: np.ndarray) -> bool:
    """True when each channel is clearly the louder for a good share of the talk: one person on
    each (a call recorder's two ends, two lapel microphones), not two microphones in one room."""
    levels = np.asarray(levels, dtype=np.float32)
    talk = _talk(levels)
    if talk.sum() < MIN_TALK_SECONDS * FRAMES_PER_SECOND:
        return False
    balance = levels[talk, 0] - levels[talk, 1]
    return bool(
        np.mean(balance >= DOMINANT_DB) >= DOMINANT_SHARE
        and np.mean(balance <= -DOMINANT_DB) >= DOMINANT_SHARE
    )


def levels_path(pcm_path) -> Path:
    """Where the levels of the decoded copy at `pcm_path` (a .npy) are kept."""
    pcm = os.fspath(pcm_path)
    return Path((pcm[:-4] if pcm.endswith(".npy") else pcm) + _LEVELS_SUFFIX)


def save(levels: np.ndarray, pcm_path) -> None:
    np.save(levels_path(pcm_path), levels.astype(np.float16))


def remove(pcm_path) -> None:
    levels_path(pcm_path).unlink(missing_ok=True)


def split_for(path) -> ChannelSplit | None:
    """The channel split kept beside a decoded copy, or None (one channel, channels that hear
    the same room, or anything that is not a decoded copy)."""
    if not isinstance(path, str | os.PathLike) or not os.fspath(path).endswith(".npy"):
        return None
    kept = levels_path(path)
    if not kept.exists():
        return None
    return ChannelSplit(np.load(kept))


class ChannelSplit:
    """Which channel talks when, in a recording whose channels `are_separate`."""

    def __init__(self, levels: np.ndarray):
        self.levels = np.asarray(levels, dtype=np.float32)
        talk = _talk(self.levels)
        balance = self.levels[:, 0] - self.levels[:, 1]
        # The balance with the first channel's person alone, and with the second's: a lapel
        # microphone hears the other person too, and one end of a call may be recorded louder.
        first = balance[talk & (balance >= DOMINANT_DB)]
        second = balance[talk & (balance <= -DOMINANT_DB)]
        first_alone = float(np.median(first)) if len(first) else DOMINANT_DB
        second_alone = float(np.median(second)) if len(second) else -DOMINANT_DB
        self.middle = (first_alone + second_alone) / 2
        self.quarter = (first_alone - second_alone) / 4
        self.balance = balance
        # Each channel talking: within TALK_RANGE_DB of its own loud frames, and clearly over
        # its own background (a noisy room or line at one end is not that end talking).
        own_loud = np.percentile(self.levels, 95, axis=0)
        own_noise = np.percentile(self.levels, 20, axis=0)
        floor = np.maximum(
            np.maximum(own_loud - TALK_RANGE_DB, own_noise + _OVER_NOISE_DB), SILENT_DBFS
        )
        self.talking = self.levels > floor
        # What each channel's talk weighs: its power where it talks, nothing elsewhere.
        self.power = np.where(self.talking, np.power(10.0, self.levels / 10), 0.0)

    def louder(self, start: float, end: float) -> int | None:
        """0 or 1: the channel talking from `start` to `end` (seconds), or None when nobody
        talks there or the two are too even to say (both talking)."""
        lo = max(0, int(start * FRAMES_PER_SECOND))
        hi = min(len(self.power), max(lo + 1, int(np.ceil(end * FRAMES_PER_SECOND))))
        power = self.power[lo:hi].sum(axis=0)
        if not power.any():  # a pause (Whisper's word times often reach into one), or no frames
            return None
        balance = 10 * np.log10((power[0] + 1e-12) / (power[1] + 1e-12)) - self.middle
        if abs(balance) < self.quarter:
            return None
        return 0 if balance > 0 else 1

    def overlapped_spans(self) -> list[tuple[float, float]]:
        """(start, end) in seconds of the stretches where both people talk at once."""
        both = self.talking.all(axis=1) & (np.abs(self.balance - self.middle) < self.quarter)
        if len(both) < _OVERLAP_FRAMES:
            return []
        times = np.arange(len(both)) / FRAMES_PER_SECOND
        chosen = running_share(both, _OVERLAP_FRAMES) >= _OVERLAP_SHARE
        return joined_runs(chosen, times, _OVERLAP_FRAMES)


def running_share(flags: np.ndarray, width: int) -> np.ndarray:
    """The share of flagged frames in each run of `width` frames (one per run's first frame)."""
    return np.convolve(flags.astype(float), np.ones(width) / width, mode="valid")


def joined_runs(chosen: np.ndarray, times: np.ndarray, width: int) -> list[tuple[float, float]]:
    """(start, end) in seconds of the runs of `width` frames (at `times`) that start where
    `chosen` is true, overlapping runs joined: the stretches where both people talk, read from
    the channels here and from the voices in `speech.speakers`."""
    spans: list[tuple[float, float]] = []
    for i in np.flatnonzero(chosen):
        start, end = float(times[i]), float(times[i + width - 1])
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans
