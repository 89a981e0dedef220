"""Waveforms for recordings decoded before the worker kept them (`manage.py fill_waveform_peaks`).

Each recording past the decoding stage with its audio still kept and no waveform is decoded as
the worker decodes it (processing.decode, within the same limits) and its peaks kept by the same
function (processing.store_waveform). The decoded copy has a name of its own, so a worker busy
with the same recording is never disturbed, and is removed at once. Recordings are taken in
batches by id; running it again finds nothing left to fill.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from speech.audio import AudioRejected, remove_decoded

from . import processing
from .enums import Stage
from .models import Recording


def without_waveform():
    """Recordings the worker decoded without keeping a waveform, whose audio is still kept. (One
    still at the decoding stage gets its waveform from the worker.)"""
    return (
        Recording.objects.filter(audio_erased_at__isnull=True, waveform_peaks=[])
        .exclude(Q(audio="") | Q(stage=Stage.DECODE))
        .order_by("pk")
    )


def erased_without_waveform():
    """Recordings that will never have a waveform: their audio was erased."""
    return Recording.objects.filter(audio_erased_at__isnull=False).exclude(stage=Stage.DECODE)


@dataclass
class Filled:
    """What a run did: the ids filled, and those whose audio could not be decoded (with why)."""

    filled: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


def fill_one(recording) -> bool:
    """Decodes `recording` into a copy of its own and keeps its waveform; True if kept."""
    work_dir = processing.decoded_path(recording).parent
    pcm = work_dir / f"waveform-{recording.pk}.npy"
    try:
        processing.decode(recording, pcm)
        return processing.store_waveform(recording, pcm)
    finally:
        remove_decoded(pcm)


def fill_missing(batch_size: int = 50, on_each=None) -> Filled:
    """Fills every recording of `without_waveform`, `batch_size` at a time; `on_each(recording,
    error)` hears of each one done (error None) or refused."""
    done = Filled()
    processing.sweep_work_files("waveform-")
    after = 0
    while True:
        batch = list(without_waveform().filter(pk__gt=after)[:batch_size])
        if not batch:
            return done
        for recording in batch:
            after = recording.pk
            try:
                kept = fill_one(recording)
            except (AudioRejected, processing.AudioFileMissing) as refusal:
                why = getattr(refusal, "message", "") or str(refusal)
                done.failed[recording.pk] = why
                if on_each:
                    on_each(recording, why)
                continue
            if kept:
                done.filled.append(recording.pk)
                if on_each:
                    on_each(recording, None)
