"""Compares Whisper settings of the pipeline's transcription on the real conversations.

    python bench/transcription_settings.py [--configs NAME..] [--files NAME..] [--noise clean 10]

Each named configuration is a set of `TranscriptionOptions` fields (see CONFIGS). For each it
runs `speech.transcribe.transcribe` on the decoded copy of every file (and noise condition; see
bench/real_speech.py) in this one process and prints the word error rate (fillers dropped) and
the transcription's wall time. Times are of a machine shared with other jobs: compare settings
run in the same invocation, not against other runs.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_speech import (  # noqa: E402
    audio_for,
    normalise,
    pipeline_options,
    real_speech_arguments,
    reference_words,
    word_error_rate,
)
from vocabulary import SENTENCE_PROMPT  # noqa: E402

from speech.transcribe import WHISPER_BASE  # noqa: E402
from speech.vocabulary import PROBATION_PROMPT, hotwords  # noqa: E402


def _worker(**changes) -> dict:
    """The fields of the worker's TranscriptionOptions, with `changes`."""
    return {**asdict(pipeline_options(WHISPER_BASE, prompt=False)), **changes}


CONFIGS = {
    "default": {},
    "no-fallback": {  # one pass at temperature 0, no re-decoding of doubtful segments
        "temperature": (0.0,),
        "compression_ratio_threshold": None,
        "log_prob_threshold": None,
    },
    "condition": {"condition_on_previous_text": True},
    "prompt": {"initial_prompt": PROBATION_PROMPT},
    "hotwords": {"hotwords": hotwords()},
    "vad-loose": {
        "vad_parameters": {"threshold": 0.35, "min_silence_duration_ms": 1000, "speech_pad_ms": 400}
    },
    "vad-tight": {
        "vad_parameters": {"threshold": 0.5, "min_silence_duration_ms": 300, "speech_pad_ms": 200}
    },
    "greedy": {"beam_size": 1},
    "base": {"model": "whisper-base"},
    "base-greedy": {"model": "whisper-base", "beam_size": 1},
    "base-prompt": {"model": "whisper-base", "initial_prompt": PROBATION_PROMPT},
    # the worker's own decoding (real_speech.pipeline_options: WHISPER_MODEL, BATCHED and the
    # spoken-style prompt), with the list of terms, and without the style or the refill
    "worker": _worker(),
    "worker-prompt": _worker(initial_prompt=PROBATION_PROMPT),
    "worker-no-style": _worker(initial_prompt=None),
    "worker-no-refill": _worker(refill_unheard_seconds=None),
    # the hand-written sentence measured before the list (bench/audio_pipeline.md)
    "worker-sentence": _worker(initial_prompt=SENTENCE_PROMPT),
    "worker-sentence-no-refill": _worker(
        initial_prompt=SENTENCE_PROMPT, refill_unheard_seconds=None
    ),
    "worker-prompt-no-refill": _worker(
        initial_prompt=PROBATION_PROMPT, refill_unheard_seconds=None
    ),
}


def main() -> None:
    args, names = real_speech_arguments(
        __doc__.splitlines()[0], ("--configs", {"nargs": "+", "default": ["default"]})
    )
    if names is None:
        return
    from speech.audio import decode_to_pcm
    from speech.transcribe import TranscriptionOptions, transcribe

    folder = tempfile.mkdtemp(prefix="oep-settings-")
    inputs = []
    for name in names:
        for condition in args.noise:
            pcm = os.path.join(folder, f"{name}.{condition}.npy")
            decode_to_pcm(audio_for(name, condition), pcm, min_duration=1)
            inputs.append((name, condition, pcm, [w for w, _ in reference_words(name)]))
    print(f"load {os.getloadavg()[0]:.1f}")
    print("config | file | condition | WER | seconds")
    for config in args.configs:
        options = TranscriptionOptions(**CONFIGS[config])
        next(transcribe(inputs[0][2], options, duration=5), None)  # loads the model untimed
        wers, seconds = [], 0.0
        for name, condition, pcm, reference in inputs:
            clock = time.perf_counter()
            text = " ".join(s.text for s in transcribe(pcm, options))
            took = time.perf_counter() - clock
            wer = word_error_rate(reference, normalise(text))
            wers.append(wer)
            seconds += took
            print(f"{config} | {name} | {condition} | {wer:.3f} | {took:.1f}", flush=True)
        print(f"{config} | mean | | {sum(wers) / len(wers):.3f} | {seconds:.1f}", flush=True)
    # The process's peak resident memory so far: run one model per invocation to read it per model.
    peak = re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())[1]
    print(f"peak RSS {int(peak) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
