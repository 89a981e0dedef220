"""Speaker separation and role choice on the real conversations, on cached transcripts.

    python bench/real_speakers.py [--model whisper-base] [--seeds 3] [--files NAME..]
        [--noise clean 10 5]

Transcribes each file once as the worker does (`real_speech.pipeline_options`: its model, batched
decoding and prompt; cached in the audio cache as JSON, keyed by the options, so tuning the
separation does not wait on Whisper), then runs `separate_speakers` and
`choose_practitioner` and prints per file: the share of words whose role is right (hypothesis
words aligned to the reference words), the same with the better pairing of voices to people
(how well the voices were split, whoever is named practitioner), words marked as overlapped,
whether a third voice is suspected, and the separation's seconds.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_speech import (  # noqa: E402
    CACHE,
    audio_for,
    cached_segments,
    normalise,
    pipeline_options,
    real_speech_arguments,
    reference_words,
    role_accuracy,
)


def main() -> None:
    args, names = real_speech_arguments(
        __doc__.splitlines()[0],
        ("--model", {"default": "whisper-base", "help": '"whisper-base" (the default), "tiny.en"'}),
        (
            "--seeds",
            {
                "type": int,
                "help": "seeds the voices are found from (default: the shipped"
                " speech.speakers._CANDIDATE_SPLITS; 1 is the split before 28 Nov)",
            },
        ),
    )
    if names is None:
        return
    from speech import speakers
    from speech.audio import decode_to_pcm
    from speech.speakers import choose_practitioner, likely_third_voice, separate_speakers

    if args.seeds:
        speakers._CANDIDATE_SPLITS = args.seeds
    folder = tempfile.mkdtemp(prefix="oep-speakers-")
    print("file | condition | roles | voices | overlapped words | third voice | seconds")
    scores = []
    for name in names:
        reference = reference_words(name)
        for condition in args.noise:
            pcm = os.path.join(folder, f"{name}.{condition}.npy")
            decode_to_pcm(audio_for(name, condition), pcm, min_duration=1)
            segments = cached_segments(
                CACHE / "real_speech" / f"{name}.{condition}",
                pcm,
                pipeline_options(None if args.model == "tiny.en" else args.model, prompt=False),
            )
            clock = time.perf_counter()
            turns = separate_speakers(pcm, segments)
            practitioner = choose_practitioner(turns)
            seconds = time.perf_counter() - clock
            third = likely_third_voice(pcm, turns)

            def words(mapping, turns=turns):
                return [(w, mapping[t.speaker]) for t in turns for w in normalise(t.text)]

            named = {"A": "client", "B": "client", practitioner: "practitioner"}
            roles = role_accuracy(reference, words(named))
            voices = max(
                roles,
                role_accuracy(
                    reference, words({"A": named["B"], "B": named["A"]} | {None: "client"})
                ),
            )
            overlapped = sum(
                1 for t in turns for w in t.words if any(a <= w.start < b for a, b in t.overlaps)
            )
            scores.append(roles)
            print(
                f"{name} | {condition} | {roles:.3f} | {voices:.3f} | {overlapped} | {third} | "
                f"{seconds:.1f}",
                flush=True,
            )
    print(f"mean roles {sum(scores) / len(scores):.3f}, lowest {min(scores):.3f}")


if __name__ == "__main__":
    main()
