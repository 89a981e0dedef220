"""Checks that an uploaded file is usable speech audio, and decodes time windows of it.

Everything here decodes with PyAV (FFmpeg inside its wheel) frame by frame, so a three-hour
recording is never held in memory: validation keeps running totals, and `decode_window` returns
only the stretch asked for.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

import av
import numpy as np

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
    return AudioRejected(
        "too_big",
        f"The file is {_megabytes(size)}, more than the {_megabytes(max_bytes)} allowed. "
        "Export it at a lower quality (for example MP3 at 64 kbps) and upload it again.",
    )


def _dbfs(value: float) -> float:
    return 20 * math.log10(value) if value > 0 else float("-inf")


def probe_audio(
    path,
    *,
    min_duration: float = 10.0,
    max_duration: float = 3 * 3600,
    max_bytes: int = 500 * 1024 * 1024,
) -> AudioInfo:
    """Decodes the whole file once and returns what it holds, or raises `AudioRejected`."""
    info, _level = _decode_checked(
        path, min_duration=min_duration, max_duration=max_duration, max_bytes=max_bytes
    )
    return info


def _decode_checked(
    path, *, min_duration: float, max_duration: float, max_bytes: int, sink=None
) -> tuple[AudioInfo, _LevelMeter]:
    """The checks of `probe_audio`, decoding once; `sink(samples)`, if given, receives the
    16 kHz mono float32 samples in order as they are decoded."""
    path = os.fspath(path)
    size = os.path.getsize(path)
    if size == 0:
        raise AudioRejected(
            "empty", "The file is empty (0 bytes). Check it plays, then upload it again."
        )
    if size > max_bytes:
        raise too_big(size, max_bytes)
    not_audio = AudioRejected(
        "not_audio",
        "This file could not be read as audio: it may be another kind of file with an audio "
        "name, or damaged. Upload the recording as MP3, M4A, WAV, OGG, WEBM or FLAC.",
    )
    try:
        container = av.open(path)
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as error:
        raise not_audio from error

    level = _LevelMeter(_ANALYSIS_RATE)

    def take(samples: np.ndarray) -> None:
        level.add(samples)
        if sink is not None:
            sink(samples)

    with container:
        if not container.streams.audio:
            raise AudioRejected(
                "no_audio_stream",
                "This file has no sound track (it may be a video without sound). "
                "Upload a recording that has the conversation's sound.",
            )
        stream = container.streams.audio[0]
        too_long = AudioRejected(
            "too_long",
            f"The recording is longer than the {_minutes(max_duration)} allowed. "
            "Upload the part you want feedback on, cut to under that length.",
        )
        # The container's own figure lets a plainly over-long file be refused without decoding it;
        # the decoded length below is what counts when the header is missing or wrong.
        if container.duration and container.duration / av.time_base > max_duration * 1.05:
            raise too_long
        # Whole seconds out of the resampler: per-frame numpy work on 20 ms Opus frames would
        # cost more than the decoding.
        resampler = av.AudioResampler(
            format="flt", layout="mono", rate=_ANALYSIS_RATE, frame_size=_ANALYSIS_RATE
        )
        decoded = 0
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    samples = out.to_ndarray().reshape(-1)
                    take(samples)
                    decoded += len(samples)
                if decoded > max_duration * _ANALYSIS_RATE:
                    raise too_long
            for out in resampler.resample(None):
                take(out.to_ndarray().reshape(-1))
                decoded += out.samples
        except av.FFmpegError as error:
            if decoded == 0:
                raise not_audio from error
            raise AudioRejected(
                "not_audio",
                f"The file stops being readable after {_minutes(decoded / _ANALYSIS_RATE)}: "
                "it looks incomplete or damaged. Copy it from the recorder again and re-upload.",
            ) from error
        if decoded == 0:
            raise not_audio
        duration = decoded / _ANALYSIS_RATE
        # A file cut short in copying still decodes, but its header promised more.
        promised = container.duration / av.time_base if container.duration else None
        if promised and duration < 0.8 * promised - 1:
            raise AudioRejected(
                "not_audio",
                f"The file stops after {_minutes(duration)} although it should last "
                f"{_minutes(promised)}: it looks incomplete or damaged. Copy it from the recorder "
                "again and re-upload.",
            )
        info = AudioInfo(
            duration=duration,
            sample_rate=stream.codec_context.sample_rate or stream.rate,
            channels=stream.codec_context.channels,
            codec=stream.codec_context.name,
            container=container.format.name,
            size_bytes=size,
            rms_dbfs=level.rms_dbfs,
            peak_dbfs=level.peak_dbfs,
        )
    if duration < min_duration:
        raise AudioRejected(
            "too_short",
            f"The recording lasts {duration:.1f} seconds, less than the {min_duration:.0f} seconds "
            "needed for feedback. Check you picked the whole recording.",
        )
    if duration > max_duration:
        raise too_long
    if info.peak_dbfs < SILENT_PEAK_DBFS or level.active_seconds < MIN_ACTIVE_SECONDS:
        raise AudioRejected(
            "silent",
            "The recording is silent: no speech could be heard in it. Check the microphone was "
            "on and not muted, and upload a recording where you can hear the conversation.",
        )
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
    its speech brought to `TARGET_SPEECH_DBFS` without clipping. Raises `AudioRejected` (and
    leaves no file) as `probe_audio` does. Returns the source's `AudioInfo` (levels before the
    gain).

    Memory stays at a second of audio whatever the length: samples stream to a raw scratch file
    next to `dst_path`, which is then copied block by block, rescaled, into the .npy.
    """
    dst_path = os.fspath(dst_path)
    scratch = dst_path + ".raw"
    try:
        with open(scratch, "wb") as raw:
            info, level = _decode_checked(
                src_path,
                min_duration=min_duration,
                max_duration=max_duration,
                max_bytes=max_bytes,
                sink=lambda samples: raw.write(samples.astype("<f4", copy=False).tobytes()),
            )
        samples = np.memmap(scratch, dtype="<f4", mode="r")
        gain = loudness_gain(level.speech_dbfs, level.peak_dbfs)
        out = np.lib.format.open_memmap(dst_path, mode="w+", dtype="<f4", shape=samples.shape)
        for begin in range(0, len(samples), _COPY_BLOCK):
            block = samples[begin : begin + _COPY_BLOCK]
            out[begin : begin + len(block)] = np.clip(block * gain, -1.0, 1.0)
        out.flush()
        del out, samples
    except BaseException:
        if os.path.exists(dst_path):
            os.remove(dst_path)
        raise
    finally:
        if os.path.exists(scratch):
            os.remove(scratch)
    return info


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
        resampler = av.AudioResampler(
            format="flt", layout="mono", rate=sample_rate, frame_size=sample_rate // 4
        )

        def frames():
            yield from container.decode(stream)
            yield None  # flushes the resampler

        for frame in frames():
            if position is None and frame is not None:
                # Where the decoder landed after the seek; formats without timestamps start at 0.
                position = round((frame.time or 0.0) * sample_rate)
            for out in resampler.resample(frame):
                samples = out.to_ndarray().reshape(-1)
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


def speech_presence(pcm, sample_rate: int = _ANALYSIS_RATE) -> float:
    """The share of the audio, 0 to 1, that the Silero voice detector (shipped in faster-whisper)
    hears as speech. Tone, hum, hiss, random samples and most music score near 0; a
    conversation scores well over `MIN_SPEECH_PRESENCE`.

    `pcm` is an array of 16 kHz mono samples or anything `decode_window` reads. A long
    recording is judged on `_PRESENCE_EXCERPTS` stretches spread across it, so the check costs
    the same for an hour as for six minutes.
    """
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if not isinstance(pcm, np.ndarray) or _is_pcm_file(pcm):
        pcm = load_pcm(pcm) if _is_pcm_file(pcm) else decode_window(pcm, 0, None, sample_rate)
    total = len(pcm)
    if total < sample_rate // 2:
        return 0.0
    excerpt = int(_PRESENCE_EXCERPT_SECONDS * sample_rate)
    if total <= excerpt * _PRESENCE_EXCERPTS:
        starts = [0]
        excerpt = total
    else:
        starts = np.linspace(0, total - excerpt, _PRESENCE_EXCERPTS).astype(int).tolist()
    # Short pauses are kept out of the speech: the share is of time spoken, not time between.
    options = VadOptions(min_silence_duration_ms=300, speech_pad_ms=30)
    heard = judged = 0
    for start in starts:
        audio = np.asarray(pcm[start : start + excerpt], dtype=np.float32)
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
    words, and the scorer would score that."""
    presence = speech_presence(pcm, sample_rate)
    if presence < MIN_SPEECH_PRESENCE:
        raise AudioRejected(
            "no_speech",
            "No one can be heard speaking in this recording (it holds sound, but not voices). "
            "Check you picked the right file, and upload a recording of the conversation.",
        )
    return presence
