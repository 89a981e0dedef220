"""Decodes again a batched piece of speech whose text looped (or whose words Whisper doubted),
and speech the batched pipeline left without words.

faster-whisper's batched pipeline decodes each piece of speech once, at the first temperature,
and keeps whatever came out: unlike its sequential loop it never checks the text's compression
ratio or log-probability and never decodes again (bench/audio_pipeline.md). Under noise a piece
can come out as one sentence over and over ("Have you had any cough or runny nose?" for 30 s),
and the loop filter can then keep only one copy: the rest of the piece's words are lost.

This module holds the one rule for such a piece (`needs_another_decoding`) and replaces it with
what the sequential loop, with its temperature fallback and thresholds, hears in the same stretch
of audio. The stretch runs from the end of the piece before to the start of the piece after, so
the new words neither overlap their neighbours nor leave out what the loop swallowed.
Pieces that pass (nearly all of them) are not touched, so the batched speed stays.

A batched piece can also come back with a few words for 30 s of speech: Whisper ends the piece
early. With a vocabulary prompt before every piece this happened to two pieces of one real
interview (that run left out 194 words of the reference's 1,097, 51 without the prompt;
bench/audio_pipeline.md).
`refill_unheard` finds such stretches by the voice detector: where the pieces leave a stretch
holding at least `refill_unheard_seconds` of speech, that stretch is decoded again the same way.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

log = logging.getLogger(__name__)


class Heard(Protocol):
    """A piece as the pipeline reads it (speech.transcribe.Segment, times from the file's start)."""

    start: float
    end: float
    text: str
    avg_logprob: float
    no_speech_prob: float


def compression_ratio(text: str) -> float:
    """How well the text compresses: faster-whisper's measure (over 2.4, Whisper decodes again)."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def needs_another_decoding(segment: Heard, options) -> bool:
    """The rule: a piece whose text compresses over `compression_ratio_threshold` (a loop), or,
    with `redecode_unsure`, whose average log-probability is under `log_prob_threshold` while
    Whisper does not take it for silence (the sequential loop's two fallback tests)."""
    from .transcribe import heard_as_silence

    if (
        options.redecode_loops
        and options.compression_ratio_threshold is not None
        and compression_ratio(segment.text) > options.compression_ratio_threshold
    ):
        return True
    return bool(
        options.redecode_unsure
        and options.log_prob_threshold is not None
        and segment.avg_logprob < options.log_prob_threshold
        and not heard_as_silence(segment, options)
    )


def redecode_doubtful(
    segments: Iterable[Heard],
    options,
    decode_again: Callable[[float, float], Iterable[Heard]],
    window: tuple[float, float],
) -> Iterator[Heard]:
    """`segments` (in order, one window's) with each doubtful piece replaced by
    `decode_again(start, end)`: the segments heard between the previous piece's end (or the
    window's start) and the next piece's start (or the window's end), in file time.

    Looks one piece ahead, so a doubtful piece waits for the next batch to know where it ends.
    """
    previous_end = window[0]
    pending = None
    for segment in segments:
        if pending is not None:
            yield from _resolved(pending, previous_end, segment.start, options, decode_again)
            previous_end = pending.end
        pending = segment
    if pending is not None:
        yield from _resolved(pending, previous_end, window[1], options, decode_again)


def _resolved(segment, previous_end, next_start, options, decode_again) -> Iterable[Heard]:
    if not needs_another_decoding(segment, options):
        return [segment]
    # Never narrower than the piece itself (word timings can overlap a neighbour's slightly).
    start = min(previous_end, segment.start)
    end = max(next_start, segment.end)
    log.info(
        "Decoding %.1f-%.1f s again: ratio %.2f, log-probability %.2f",
        start,
        end,
        compression_ratio(segment.text),
        segment.avg_logprob,
    )
    return [s for s in decode_again(start, end) if s.text]


def refill_unheard(
    segments: Iterable[Heard],
    speech_in: Callable[[float, float], float],
    options,
    decode_again: Callable[[float, float], Iterable[Heard]],
    window: tuple[float, float],
    decoded_again: Sequence[tuple[float, float]] = (),
) -> Iterator[Heard]:
    """`segments` (in order, one window's) with what `decode_again(start, end)` hears in each
    stretch between them (and before the first and after the last, within `window`) that holds
    at least `options.refill_unheard_seconds` of speech by `speech_in(start, end)` (the voice
    detector, asked only about stretches at least that long), None: nothing is decoded again.

    A piece that came back without words (the batched pipeline yields one, spanning the whole
    piece, when Whisper wrote nothing) covers nothing. A stretch inside one already decoded
    again (`decoded_again`, filled as `redecode_doubtful` works) is not decoded a second time.
    """
    least = options.refill_unheard_seconds
    if least is None:  # switched off
        yield from segments
        return
    previous_end = window[0]
    for segment in segments:
        if not segment.text.strip():
            continue
        yield from _unheard(
            previous_end, segment.start, speech_in, least, decode_again, decoded_again
        )
        yield segment
        previous_end = max(previous_end, segment.end)
    yield from _unheard(previous_end, window[1], speech_in, least, decode_again, decoded_again)


# Word timings and the stretch a piece is decoded again over can differ by a few frames.
_SAME_STRETCH = 0.05


def _unheard(start, end, speech_in, least, decode_again, decoded_again) -> Iterable[Heard]:
    if end - start < least or any(
        a - _SAME_STRETCH <= start and end <= b + _SAME_STRETCH for a, b in decoded_again
    ):
        return []
    heard = speech_in(start, end)
    if heard < least:
        return []
    log.info(
        "Decoding %.1f-%.1f s again: %.1f s of speech came back without words", start, end, heard
    )
    return [s for s in decode_again(start, end) if s.text]
