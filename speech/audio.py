"""Checks that an uploaded file is usable speech audio, and decodes time windows of it.

Everything here decodes with PyAV (FFmpeg inside its wheel) frame by frame, so a three-hour
recording is never held in memory: validation keeps running totals, and `decode_window` returns
only the stretch asked for.
"""

from __future__ import annotations

import math
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from . import channels, downmix, low_band
from .wav_header import declared_wav_seconds

# Below these levels a file holds no speech a person or Whisper could hear: digital silence is
# -inf, a quiet room through a phone microphone sits around -60 dBFS.
SILENT_PEAK_DBFS = -50.0
ACTIVE_FRAME_DBFS = -45.0
MIN_ACTIVE_SECONDS = 1.0
_LEVEL_FRAME_SECONDS = 0.05
_LEVEL_BINS = 240
_SPEECH_RANGE_DB = 25.0
_ANALYSIS_RATE = 16000


@dataclass(frozen=True)
class AudioInfo:
    duration: float  # seconds of decoded audio
    sample_rate: int
    channels: int
    codec: str
    container: str
    size_bytes: int
    rms_dbfs: float
    peak_dbfs: float


class AudioRejected(Exception):
    """The file cannot be used; `code` says why for programs, `message` says it to a person."""

    CODES = frozenset(
        {
            "empty",
            "not_audio",
            "no_audio_stream",
            "silent",
            "no_speech",
            "too_short",
            "too_long",
            "too_big",
        }
    )

    def __init__(self, code: str, message: str):
        assert code in self.CODES, code
        super().__init__(message)
        self.code = code
        self.message = message


def _minutes(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} seconds"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds / 3600:.1f} hours"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def too_big(size: int, max_bytes: int) -> AudioRejected:
    """The refusal of a file over the size limit (also used while it is still arriving)."""
    # Whole megabytes would read "500 MB, more than the 500 MB allowed" for a file just over.
    size_text, limit_text = _megabytes(size), _megabytes(max_bytes)
    if size_text == limit_text:
        size_text = f"{size / (1024 * 1024):.1f} MB"
        limit_text = f"{max_bytes / (1024 * 1024):.1f} MB"
        if size_text == limit_text:
            size_text, limit_text = f"{size:,} bytes", f"{max_bytes:,} bytes"
    return AudioRejected(
        "too_big",
        f"The file is {size_text}, more than the {limit_text} allowed. "
        "Export it at a lower quality (for example MP3 at 64 kbps) and upload it again.",
    )


def _dbfs(value: float) -> float:
    return 20 * math.log10(value) if value > 0 else float("-inf")


# A decoder may stumble on its first packets after packets were skipped (MP3's bit reservoir):
# decoding starts this long before an excerpt, and errors there do not count.
_PREROLL_SECONDS = 0.5
# Packets that will not decode in the middle of a file, beyond this share, make it damaged;
# fewer are clicks a listener would not notice. Those at the very end are trailing padding or a
# cut-off last frame, judged by the length the header promised (`_check_complete`).
_DAMAGED_SHARE = 0.01


def _not_audio() -> AudioRejected:
    return AudioRejected(
        "not_audio",
        "This file could not be read as audio: it may be another kind of file with an audio "
        "name, or damaged. Upload the recording as MP3, M4A, WAV, OGG, WEBM or FLAC.",
    )


def _too_long(max_duration: float) -> AudioRejected:
    return AudioRejected(
        "too_long",
        f"The recording is longer than the {_minutes(max_duration)} allowed. "
        "Upload the part you want feedback on, cut to under that length.",
    )


@contextmanager
def _opened(path: str, max_bytes: int, max_duration: float):
    """(container, first audio stream, size) of a file that passes the checks made before any
    decoding: not empty, not too big, readable by the demuxer, with a sound track, and not
    plainly over-long by its own header."""
    size = os.path.getsize(path)
    if size == 0:
        raise AudioRejected(
            "empty", "The file is empty (0 bytes). Check it plays, then upload it again."
        )
    if size > max_bytes:
        raise too_big(size, max_bytes)
    try:
        container = av.open(path)
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as error:
        raise _not_audio() from error
    with container:
        if not container.streams.audio:
            raise AudioRejected(
                "no_audio_stream",
                "This file has no sound track (it may be a video without sound). "
                "Upload a recording that has the conversation's sound.",
            )
        # The container's own figure lets a plainly over-long file be refused without decoding;
        # the measured length is what counts when the header is missing or wrong.
        if container.duration and container.duration / av.time_base > max_duration * 1.05:
            raise _too_long(max_duration)
        yield container, container.streams.audio[0], size


def _promised_seconds(path: str, container) -> tuple[float | None, float]:
    """(seconds the file says it lasts, or None; the share of that which must be there).

    A WAV header states its data size exactly; other containers' durations are often
    estimates (variable bit rates), hence the looser share.
    """
    if container.format.name == "wav":
        declared = declared_wav_seconds(path)
        return declared, 0.99
    if container.duration:
        return container.duration / av.time_base, 0.8
    return None, 0.8


def _check_complete(duration: float, promised: float | None, share: float) -> None:
    """Refuses a file cut short in copying: it decodes, but its header promised more."""
    if promised and duration < share * promised - 1:
        raise AudioRejected(
            "not_audio",
            f"The file stops after {_minutes(duration)} although it should last "
            f"{_minutes(promised)}: it looks incomplete or damaged. Copy it from the recorder "
            "again and re-upload.",
        )


class _Damage:
    """Counts packets that would not decode, telling damage inside the file from the tail."""

    def __init__(self):
        self.packets = 0
        self.trailing = 0  # bad packets with no good one after them (yet)
        self.inside = 0
        self.first_bad_at = None

    def good(self) -> None:
        self.packets += 1
        self.inside += self.trailing
        self.trailing = 0

    def bad(self, at_seconds: float) -> None:
        self.packets += 1
        self.trailing += 1
        if self.first_bad_at is None:
            self.first_bad_at = at_seconds

    def check(self) -> None:
        if self.inside > max(2, _DAMAGED_SHARE * self.packets):
            raise AudioRejected(
                "not_audio",
                f"Parts of the file cannot be read (from {_minutes(self.first_bad_at or 0)} on): "
                "it looks damaged. Copy it from the recorder again and re-upload.",
            )


def _check_levels(
    duration: float, level: _LevelMeter, *, min_duration: float, max_duration: float
) -> None:
    if duration < min_duration:
        raise AudioRejected(
            "too_short",
            f"The recording lasts {duration:.1f} seconds, less than the {min_duration:.0f} seconds "
            "needed for feedback. Check you picked the whole recording.",
        )
    if duration > max_duration:
        raise _too_long(max_duration)
    if level.peak_dbfs < SILENT_PEAK_DBFS or level.active_seconds < MIN_ACTIVE_SECONDS:
        raise AudioRejected(
            "silent",
            "The recording is silent: no speech could be heard in it. Check the microphone was "
            "on and not muted, and upload a recording where you can hear the conversation.",
        )


def _info(container, stream, *, duration, size, level) -> AudioInfo:
    return AudioInfo(
        duration=duration,
        sample_rate=stream.codec_context.sample_rate or stream.rate,
        channels=stream.codec_context.channels,
        codec=stream.codec_context.name,
        container=container.format.name,
        size_bytes=size,
        rms_dbfs=level.rms_dbfs,
        peak_dbfs=level.peak_dbfs,
    )


def probe_audio(
    path,
    *,
    min_duration: float = 10.0,
    max_duration: float = 3 * 3600,
    max_bytes: int = 500 * 1024 * 1024,
    require_voices: bool = True,
) -> AudioInfo:
    """Returns what the file holds, or raises `AudioRejected`, decoding only what the checks need.

    The length comes from the packets' timestamps, read without decoding (a WebM from a browser
    has no duration in its header); then only the stretches `speech_presence` judges are decoded
    (the whole file up to six minutes, twelve half-minutes of a longer one, the last of which
    reaches the end, so a damaged end is found). Those stretches give the levels and, with
    `require_voices`, the check that people can be heard talking (`require_speech`).
    """
    path = os.fspath(path)
    with _opened(path, max_bytes, max_duration) as (container, stream, size):
        promised, share = _promised_seconds(path, container)
        packet_seconds = _packet_seconds(container, stream, max_duration)
        whole = packet_seconds is None or packet_seconds <= _PRESENCE_SPAN_TOTAL
        spans = [(0.0, math.inf)] if whole else presence_spans(packet_seconds)
        spans[-1] = (spans[-1][0], math.inf)  # to the end, whatever the timestamps said
        level = _LevelMeter(_ANALYSIS_RATE)
        excerpts = _decode_spans(path, spans, level, max_duration)
        decoded = sum(len(excerpt) for excerpt in excerpts) / _ANALYSIS_RATE
        duration = decoded if whole else packet_seconds
        _check_complete(duration, promised, share)
        info = _info(container, stream, duration=duration, size=size, level=level)
    _check_levels(duration, level, min_duration=min_duration, max_duration=max_duration)
    if require_voices:
        require_speech(excerpts)
    return info


def _packet_seconds(container, stream, max_duration: float) -> float | None:
    """Seconds from the first packet to the end of the last, from their timestamps alone (no
    decoding: a fraction of a second for an hour), or None when the packets carry none."""
    first = end = None
    unit = float(stream.time_base)
    try:
        for packet in container.demux(stream):
            if packet.pts is None or not packet.size:
                continue
            start = packet.pts * unit
            stop = start + (packet.duration or 0) * unit
            first = start if first is None else min(first, start)
            end = stop if end is None else max(end, stop)
            if end - max(first, 0.0) > max_duration * 1.05:
                raise _too_long(max_duration)
    except av.FFmpegError:
        pass  # the data stops being readable here: what came before is judged
    if end is None:
        return None
    return end - max(first, 0.0)


def _decode_spans(path: str, spans, level: _LevelMeter, max_duration: float) -> list[np.ndarray]:
    """The 16 kHz mono samples of each (start, end) stretch in seconds, decoding only the
    packets of those stretches (and a little before each), in one pass through the file."""
    pieces: list[list[np.ndarray]] = [[] for _ in spans]
    damage = _Damage()
    rate = _ANALYSIS_RATE
    with av.open(path) as container:
        stream = container.streams.audio[0]
        codec = stream.codec_context
        unit = float(stream.time_base)
        resampler = None
        position = None  # sample index of the resampler's next output
        current = 0  # the span being decoded
        taken = 0

        def take(samples: np.ndarray) -> None:
            nonlocal position, taken
            begin, end = spans[current]
            lo = max(0, round(begin * rate) - position)
            hi = len(samples) if end == math.inf else max(0, round(end * rate) - position)
            if hi > lo:
                kept = samples[lo:hi]
                pieces[current].append(kept.copy())
                level.add(kept)
                taken += len(kept)
            position += len(samples)

        def flush() -> None:
            # What the resampler still holds belongs to the span being left; the next starts
            # afresh.
            nonlocal resampler
            if resampler is not None and position is not None:
                for out in resampler.resample(None):
                    take(downmix.mono(out))
            resampler = None

        try:
            for packet in container.demux(stream):
                at = packet.pts * unit if packet.pts is not None else None
                if at is not None:
                    while current < len(spans) - 1 and at >= spans[current][1]:
                        flush()
                        current += 1
                    if at < spans[current][0] - _PREROLL_SECONDS:
                        continue
                if resampler is None:
                    if packet.size:
                        codec.flush_buffers()
                    resampler = downmix.resampler(stream, rate, frame_size=rate)
                    position = None
                in_preroll = at is not None and at < spans[current][0]
                try:
                    frames = packet.decode()
                except av.FFmpegError:
                    if not in_preroll:
                        damage.bad(taken / rate)
                    continue
                if frames and not in_preroll:
                    damage.good()
                for frame in frames:
                    if position is None:
                        position = round(max(frame.time or 0.0, 0.0) * rate)
                    for out in resampler.resample(frame):
                        take(downmix.mono(out))
                if taken > max_duration * rate:
                    raise _too_long(max_duration)
        except av.FFmpegError:
            pass  # the demuxer gave up: the data stops here
        flush()
    if taken == 0:
        raise _not_audio()
    damage.check()
    return [np.concatenate(piece) if piece else np.zeros(0, np.float32) for piece in pieces]


def _decode_checked(
    path, *, min_duration: float, max_duration: float, max_bytes: int, sink=None, by_channel=None
) -> tuple[AudioInfo, _LevelMeter]:
    """The checks of `probe_audio` (but people talking) on the whole file, decoding every
    packet once; `sink(samples)`, if given, receives the 16 kHz mono float32 samples in order
    as they are decoded, and `by_channel` (a `channels.ChannelLevels`) the two channels of a
    stereo file."""
    path = os.fspath(path)
    level = _LevelMeter(_ANALYSIS_RATE)

    def take(out: av.AudioFrame) -> int:
        pairs = downmix.channels(out)
        if by_channel is not None and pairs.shape[1] == 2:
            by_channel.add(pairs)
        samples = downmix.mono_of(pairs)
        level.add(samples)
        if sink is not None:
            sink(samples)
        return len(samples)

    with _opened(path, max_bytes, max_duration) as (container, stream, size):
        promised, share = _promised_seconds(path, container)
        # Whole seconds out of the resampler: per-frame numpy work on 20 ms Opus frames would
        # cost more than the decoding.
        resampler = downmix.resampler(stream, _ANALYSIS_RATE, frame_size=_ANALYSIS_RATE)
        damage = _Damage()
        decoded = 0
        try:
            for packet in container.demux(stream):
                try:
                    frames = packet.decode()
                except av.FFmpegError:
                    damage.bad(decoded / _ANALYSIS_RATE)
                    continue
                if frames:
                    damage.good()
                for frame in frames:
                    for out in resampler.resample(frame):
                        decoded += take(out)
                if decoded > max_duration * _ANALYSIS_RATE:
                    raise _too_long(max_duration)
        except av.FFmpegError:
            pass  # the demuxer gave up: the data stops here
        for out in resampler.resample(None):
            decoded += take(out)
        if decoded == 0:
            raise _not_audio()
        damage.check()
        duration = decoded / _ANALYSIS_RATE
        _check_complete(duration, promised, share)
        info = _info(container, stream, duration=duration, size=size, level=level)
    _check_levels(duration, level, min_duration=min_duration, max_duration=max_duration)
    return info, level


class _LevelMeter:
    """Running RMS, peak and the time spent above the speech threshold, in 50 ms frames."""

    def __init__(self, rate: int):
        self.frame = int(rate * _LEVEL_FRAME_SECONDS)
        self.pending = np.zeros(0, dtype=np.float32)
        self.sum_squares = 0.0
        self.count = 0
        self.peak = 0.0
        self.active_frames = 0
        # Frame powers by level, in 0.5 dB steps from -120 dBFS: the speech level is read from
        # it once the whole file is known, relative to the loudest frames, so it does not
        # depend on how loud the recording was made.
        self.power_by_level = np.zeros(_LEVEL_BINS)
        self.frames_by_level = np.zeros(_LEVEL_BINS)
        self.threshold = 10 ** (ACTIVE_FRAME_DBFS / 20)

    def add(self, samples: np.ndarray) -> None:
        if not len(samples):
            return
        samples = samples.astype(np.float32, copy=False)
        self.sum_squares += float(np.dot(samples, samples))
        self.count += len(samples)
        self.peak = max(self.peak, float(np.max(np.abs(samples))))
        self.pending = np.concatenate([self.pending, samples])
        whole = len(self.pending) // self.frame * self.frame
        if whole:
            frames = self.pending[:whole].reshape(-1, self.frame)
            power = np.mean(frames * frames, axis=1)
            self.active_frames += int(np.count_nonzero(power > self.threshold**2))
            level = np.clip(((10 * np.log10(power + 1e-12) + 120) * 2).astype(int), 0, None)
            level = np.minimum(level, _LEVEL_BINS - 1)
            self.power_by_level += np.bincount(level, weights=power, minlength=_LEVEL_BINS)
            self.frames_by_level += np.bincount(level, minlength=_LEVEL_BINS)
            self.pending = self.pending[whole:]

    @property
    def rms_dbfs(self) -> float:
        return _dbfs(math.sqrt(self.sum_squares / self.count)) if self.count else float("-inf")

    @property
    def peak_dbfs(self) -> float:
        return _dbfs(self.peak)

    @property
    def active_seconds(self) -> float:
        return self.active_frames * _LEVEL_FRAME_SECONDS

    @property
    def speech_dbfs(self) -> float:
        """The loudness of the talk: the mean power of the frames within `_SPEECH_RANGE_DB` of
        the loudest 5 % (pauses would drag the plain RMS down by how much the people paused)."""
        total = self.frames_by_level.sum()
        if not total or not self.power_by_level.any():
            return float("-inf")
        loud = int(np.searchsorted(np.cumsum(self.frames_by_level), 0.95 * total))
        floor = max(0, loud - int(2 * _SPEECH_RANGE_DB))
        frames = self.frames_by_level[floor:].sum()
        return 10 * math.log10(self.power_by_level[floor:].sum() / frames)


# ---- one decoded copy of the recording -------------------------------------------------------

# The speech level a decoded copy is brought to, and the most gain that may be applied: beyond
# +30 dB a recording is mostly its own noise floor, and louder noise helps nobody.
TARGET_SPEECH_DBFS = -20.0
MAX_GAIN_DB = 30.0
_PEAK_CEILING = 0.99
_COPY_BLOCK = 16000 * 60  # samples rescaled at a time: a minute, 3.8 MB


def decode_to_pcm(
    src_path,
    dst_path,
    *,
    min_duration: float = 10.0,
    max_duration: float = 3 * 3600,
    max_bytes: int = 500 * 1024 * 1024,
) -> AudioInfo:
    """Checks `src_path` as `probe_audio` does and, in the same single decoding, writes it to
    `dst_path` as 16 kHz mono float32 in NumPy's .npy format (memory-mappable with `load_pcm`),
    its speech brought to `TARGET_SPEECH_DBFS` without clipping, and the voice's lowest tones
    put back if a phone line or a filter took them out (`speech.low_band`); when each of a
    stereo file's two channels carries one person, their levels beside it (`speech.channels`;
    `remove_decoded` deletes both). Raises
    `AudioRejected` (and leaves no file) as `probe_audio` does. Returns the source's `AudioInfo`
    (levels before the gain).

    Memory stays bounded whatever the length: samples stream to a raw scratch file next to
    `dst_path`, which is then copied a minute at a time, rescaled, into the .npy (restored
    first, in a pass of its own, when the low tones are put back).
    """
    dst_path = os.fspath(dst_path)
    scratch = dst_path + ".raw"
    by_channel = channels.ChannelLevels()
    try:
        remove_decoded(dst_path)
        with open(scratch, "wb") as raw:
            info, level = _decode_checked(
                src_path,
                min_duration=min_duration,
                max_duration=max_duration,
                max_bytes=max_bytes,
                sink=lambda samples: raw.write(samples.astype("<f4", copy=False).tobytes()),
                by_channel=by_channel,
            )
        samples = np.memmap(scratch, dtype="<f4", mode="r")
        out = np.lib.format.open_memmap(dst_path, mode="w+", dtype="<f4", shape=samples.shape)
        restoring = low_band.restoring_gain_for(_excerpts(samples, _ANALYSIS_RATE))
        peak_dbfs = level.peak_dbfs
        if restoring is not None:
            # The restored tones raise the peak: written first, then brought to the level with
            # the gain their own peak allows, so nothing clips.
            peak = 0.0
            for begin, end in _blocks(len(samples)):
                out[begin:end] = low_band.restore_block(samples, begin, end, restoring)
                peak = max(peak, float(np.max(np.abs(out[begin:end]))))
            samples, peak_dbfs = out, _dbfs(peak)
        gain = loudness_gain(level.speech_dbfs, peak_dbfs)
        for begin, end in _blocks(len(samples)):
            out[begin:end] = np.clip(samples[begin:end] * gain, -1.0, 1.0)
        out.flush()
        del out, samples
        levels = by_channel.levels()
        if channels.are_separate(levels):
            channels.save(levels, dst_path)
    except BaseException:
        remove_decoded(dst_path)
        raise
    finally:
        if os.path.exists(scratch):
            os.remove(scratch)
    return info


def remove_decoded(path) -> None:
    """Deletes a decoded copy written by `decode_to_pcm`, and the channel levels kept with it."""
    Path(path).unlink(missing_ok=True)
    channels.remove(path)


def _blocks(length: int):
    """(begin, end) of the blocks a decoded copy is written in."""
    for begin in range(0, length, _COPY_BLOCK):
        yield begin, min(begin + _COPY_BLOCK, length)


def loudness_gain(speech_dbfs: float, peak_dbfs: float) -> float:
    """The linear gain that brings speech at `speech_dbfs` to `TARGET_SPEECH_DBFS`, limited so
    the loudest sample stays under full scale and no more than `MAX_GAIN_DB` is added."""
    if not math.isfinite(speech_dbfs) or not math.isfinite(peak_dbfs):
        return 1.0
    gain_db = min(TARGET_SPEECH_DBFS - speech_dbfs, MAX_GAIN_DB, _dbfs(_PEAK_CEILING) - peak_dbfs)
    return float(10 ** (gain_db / 20))


def load_pcm(path) -> np.ndarray:
    """The samples written by `decode_to_pcm`, memory-mapped (read-only): nothing is read until
    a stretch of it is used."""
    return np.load(os.fspath(path), mmap_mode="r")


def _is_pcm_file(source) -> bool:
    return isinstance(source, str | os.PathLike) and os.fspath(source).endswith(".npy")


def decode_window(path, start: float, end: float | None, sample_rate: int = 16000) -> np.ndarray:
    """Mono float32 samples from `start` to `end` seconds (to the end of the file if None).

    `path` is an audio file, a .npy written by `decode_to_pcm`, or an array of 16 kHz samples
    (such as `load_pcm`'s): the last two are sliced, not decoded.

    Seeks to the nearest point before `start` and decodes only up to `end`, so the memory used is
    that of the window. A window past the end of the file is empty; a shorter array than asked
    means the file ended.
    """
    start = max(0.0, float(start))
    first = round(start * sample_rate)
    last = None if end is None else round(float(end) * sample_rate)
    if _is_pcm_file(path):
        path = load_pcm(path)
    if isinstance(path, np.ndarray):
        if sample_rate != _ANALYSIS_RATE:
            raise ValueError(f"decoded samples are at {_ANALYSIS_RATE} Hz, not {sample_rate}")
        return np.array(path[first:last], dtype=np.float32)
    chunks: list[np.ndarray] = []
    with av.open(os.fspath(path)) as container:
        stream = container.streams.audio[0]
        position = None  # sample index (at `sample_rate`) of the next resampled sample
        if first > 0:
            try:
                # Lossy decoders (Opus, AAC) need a little audio before the target to settle.
                preroll = max(0.0, start - 0.5)
                container.seek(int(preroll * av.time_base), any_frame=False, backward=True)
            except av.FFmpegError:
                container.seek(0)
        resampler = downmix.resampler(stream, sample_rate, frame_size=sample_rate // 4)

        def frames():
            yield from container.decode(stream)
            yield None  # flushes the resampler

        for frame in frames():
            if position is None and frame is not None:
                # Where the decoder landed after the seek; formats without timestamps start at 0.
                position = round((frame.time or 0.0) * sample_rate)
            for out in resampler.resample(frame):
                samples = downmix.mono(out)
                lo = max(0, first - position)
                hi = len(samples) if last is None else max(0, min(len(samples), last - position))
                if hi > lo:
                    chunks.append(samples[lo:hi].copy())
                position += len(samples)
            if last is not None and position is not None and position >= last:
                break
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32, copy=False)


# ---- is there speech at all ---------------------------------------------------------------

# A recording where less than this share is heard as speech holds no conversation to score
# (measured: see bench/audio_pipeline.md). Real supervision sessions sit far above it.
MIN_SPEECH_PRESENCE = 0.15
_PRESENCE_EXCERPTS = 12
_PRESENCE_EXCERPT_SECONDS = 30.0


_PRESENCE_SPAN_TOTAL = _PRESENCE_EXCERPTS * _PRESENCE_EXCERPT_SECONDS


def presence_spans(seconds: float) -> list[tuple[float, float]]:
    """The (start, end) stretches, in seconds, on which a recording of `seconds` is judged: all
    of it up to `_PRESENCE_EXCERPTS` half-minutes, else that many spread evenly from the start
    to the end. The worker (on its decoded copy) and the upload check (decoding only these)
    judge the same stretches."""
    if seconds <= _PRESENCE_SPAN_TOTAL:
        return [(0.0, seconds)]
    excerpt = _PRESENCE_EXCERPT_SECONDS
    starts = np.linspace(0, seconds - excerpt, _PRESENCE_EXCERPTS)
    return [(float(start), float(start) + excerpt) for start in starts]


def speech_presence(pcm, sample_rate: int = _ANALYSIS_RATE) -> float:
    """The share of the audio, 0 to 1, that the Silero voice detector (shipped in faster-whisper)
    hears as speech. Tone, hum, hiss, random samples and most music score near 0; a
    conversation scores well over `MIN_SPEECH_PRESENCE`.

    `pcm` is an array of 16 kHz mono samples, anything `decode_window` reads, or a list of
    arrays: the excerpts already cut (as `probe_audio` decodes them). A long recording is judged
    on the stretches of `presence_spans`, so the check costs the same for an hour as for six
    minutes. Audio without the voice's lowest tones (a phone line) is judged with them put back
    (`speech.low_band`: the detector hears little without them), as in the worker's decoded
    copy; that copy (a .npy path) is judged as it is, since its tones are back already.
    """
    if _is_pcm_file(pcm):
        # the worker's decoded copy, whose low tones `decode_to_pcm` already put back if needed
        return _presence_of(_excerpts(load_pcm(pcm), sample_rate), sample_rate)
    if isinstance(pcm, list):
        excerpts = pcm
    else:
        if not isinstance(pcm, np.ndarray):
            pcm = decode_window(pcm, 0, None, sample_rate)
        excerpts = _excerpts(pcm, sample_rate)
    return _presence_of(low_band.with_low_band(excerpts), sample_rate)


def _excerpts(pcm: np.ndarray, sample_rate: int) -> list[np.ndarray]:
    """The stretches of `presence_spans`, cut from 16 kHz samples."""
    spans = presence_spans(len(pcm) / sample_rate)
    return [pcm[round(a * sample_rate) : round(b * sample_rate)] for a, b in spans]


def _presence_of(excerpts, sample_rate: int) -> float:
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if sum(len(excerpt) for excerpt in excerpts) < sample_rate // 2:
        return 0.0
    # Short pauses are kept out of the speech: the share is of time spoken, not time between.
    options = VadOptions(min_silence_duration_ms=300, speech_pad_ms=30)
    heard = judged = 0
    for excerpt in excerpts:
        audio = np.asarray(excerpt, dtype=np.float32)
        if not len(audio):
            continue
        spans = get_speech_timestamps(audio, options, sampling_rate=sample_rate)
        heard += sum(span["end"] - span["start"] for span in spans)
        judged += len(audio)
    return heard / judged if judged else 0.0


def has_speech(pcm, sample_rate: int = _ANALYSIS_RATE) -> bool:
    """Whether a recording holds enough speech to transcribe and score (see `speech_presence`)."""
    return speech_presence(pcm, sample_rate) >= MIN_SPEECH_PRESENCE


def require_speech(pcm, sample_rate: int = _ANALYSIS_RATE) -> float:
    """`speech_presence(pcm)`, or `AudioRejected("no_speech")` when it is under
    `MIN_SPEECH_PRESENCE`: Whisper would "transcribe" tone or noise as nothing, or as invented
    words, and the scorer would score that. The one rule for the upload check and the worker."""
    presence = speech_presence(pcm, sample_rate)
    if presence < MIN_SPEECH_PRESENCE:
        raise AudioRejected(
            "no_speech",
            "No one can be heard speaking in this recording (it holds sound, but not voices: "
            "a tone, hiss or noise). Check you picked the recording of the conversation, that "
            "the microphone was on and close enough to hear you both, and upload it again.",
        )
    return presence
