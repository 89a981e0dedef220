"""Benchmarks speaker separation: the share of words given to the right speaker.

    python bench/speakers.py [--long]

On generated dialogues (three of one minute, and with --long one of ten minutes) and on the real
two-speaker phone call shipped in the pyannote.audio wheel (fetched into the audio cache). Each
file is transcribed with the default Whisper settings, then separated two ways: cut at pauses
between words (the pipeline's way) and, for comparison, one chunk per Whisper segment.
"voices" is the accuracy of the split (the better pairing of labels and people); "roles" is the
accuracy once choose_practitioner has named the practitioner (generated dialogues only: the
real sample has no practitioner).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from speech.speakers import choose_practitioner, separate_speakers  # noqa: E402
from speech.transcribe import transcribe  # noqa: E402
from tests.fixtures.audio.make_dialogues import cached_dialogue  # noqa: E402
from tests.fixtures.audio.reference import (  # noqa: E402
    attribution_accuracy,
    pyannote_sample,
    rttm_intervals,
    script_intervals,
)


def _measure(name, path, intervals, with_roles):
    segments = list(transcribe(path))
    clock = time.perf_counter()
    turns = separate_speakers(path, segments)
    seconds = time.perf_counter() - clock
    voices, words = attribution_accuracy(turns, intervals)
    roles = "-"
    if with_roles:
        practitioner = choose_practitioner(turns)
        other = "B" if practitioner == "A" else "A"
        mapping = {practitioner: "practitioner", other: "client"}
        roles = f"{attribution_accuracy(turns, intervals, mapping)[0]:.3f}"
    whole_segments = [replace(s, words=()) for s in segments]
    by_segment, _ = attribution_accuracy(
        _spread_words(separate_speakers(path, whole_segments), segments), intervals
    )
    print(
        f"{name:32} | {words:5} | {voices:.3f} | {roles:5} | {by_segment:.3f} | {seconds:.1f}",
        flush=True,
    )
    return voices


def _spread_words(turns, segments):
    """Turns made of whole segments, given back their words so each word can be scored."""
    words = {(s.start, s.end): s.words for s in segments}
    return [
        replace(t, words=tuple(w for whole in t.words for w in words[(whole.start, whole.end)]))
        for t in turns
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long", action="store_true", help="Add a ten-minute dialogue.")
    args = parser.parse_args()
    print("file                             | words | voices | roles | cut at segments | s")
    files = [(f"generated 1 min, seed {seed}", cached_dialogue(1, seed)) for seed in (1, 2, 3)]
    if args.long:
        files.append(("generated 10 min, seed 1", cached_dialogue(10)))
    for name, path in files:
        _measure(name, path, script_intervals(path), with_roles=True)
    wav, rttm = pyannote_sample()
    _measure("pyannote sample (real, 30 s)", wav, rttm_intervals(rttm), with_roles=False)
    print("Separation seconds are wall-clock on 2 cores shared with other jobs.")


if __name__ == "__main__":
    main()
