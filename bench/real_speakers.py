"""Speaker separation and role choice on the real conversations, on cached transcripts.

    python bench/real_speakers.py [--files NAME..] [--noise clean 10 5]

Transcribes each file once with the default pipeline options (cached in the audio cache as
JSON, so tuning the separation does not wait on Whisper), then runs `separate_speakers` and
`choose_practitioner` and prints per file: the share of words whose role is right (hypothesis
words aligned to the reference words), the same with the better pairing of voices to people
(how well the voices were split, whoever is named practitioner), words marked as overlapped,
whether a third voice is suspected, and the separation's seconds.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from real_speech import (  # noqa: E402
    CACHE,
    audio_for,
    normalise,
    real_speech_arguments,
    reference_words,
    role_accuracy,
)


def cached_segments(name: str, condition: str, pcm: str):
    from speech.transcribe import Segment, TranscriptionOptions, Word, transcribe

    path = CACHE / "real_speech" / f"{name}.{condition}.segments.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        segments = list(transcribe(pcm, TranscriptionOptions()))
        path.write_text(json.dumps([asdict(s) for s in segments]))
    return [
        Segment(**{**s, "words": tuple(Word(**w) for w in s["words"])})
        for s in json.loads(path.read_text())
    ]


def main() -> None:
    args, names = real_speech_arguments(__doc__.splitlines()[0])
    if names is None:
        return
    from speech.audio import decode_to_pcm
    from speech.speakers import choose_practitioner, likely_third_voice, separate_speakers

    folder = tempfile.mkdtemp(prefix="oep-speakers-")
    print("file | condition | roles | voices | overlapped words | third voice | seconds")
    scores = []
    for name in names:
        reference = reference_words(name)
        for condition in args.noise:
            pcm = os.path.join(folder, f"{name}.{condition}.npy")
            decode_to_pcm(audio_for(name, condition), pcm, min_duration=1)
            segments = cached_segments(name, condition, pcm)
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
