"""Naming the practitioner by an enrolled voice: is the nearer voice the practitioner's?

    python bench/voice_enrolment.py [--dir bench/probation_heldout_twins] [--snr 10]
        [--noise clean 10 5 reverb phone quiet clipped far] [--files NAME..]

A practitioner may enrol a voice sample once (recordings/voices.py); the worker then names the
speaker whose voice lies nearer the print the practitioner (`speech.speakers.named_by_voice`),
and leaves a close call to the words. This bench asks that rule, for each recording, which of
the two people is the practitioner, given who spoke when from the reference (so the speaker
split's own errors do not enter: bench/real_speakers.py and bench/probation_audio.py measure
those), and counts the recordings it names right, names wrong, or leaves to the words:
- real conversations ($OEP_SHARED_DATA/real_speech, each condition of bench/real_speech.py):
  the print from the practitioner's first 30 s of speech (stretches of a second or more) in
  the clean recording, and again from the same stretch as the room or line heard it; the
  decision from the speech after that stretch. Who spoke when comes from the worker's
  recognition of the clean recording aligned to the reference
  (`real_speech.who_said_each_word`).
- probation twins spoken by espeak-ng (bench/probation_audio.py's eight pairs of --dir, with
  pink noise at --snr dB, and then over a phone line): the print from the first 30 s of the
  practitioner's lines in another session, as spoken (clean) and as heard in the same room or
  line; who spoke when from the spoken script.
The enrolment page records a sample on the practitioner's own device, not in the session's
room: "clean" is the usual case, "same room" the case where both are recorded alike.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from probation_audio import SET, default_cases, first_seconds, print_from, spoken  # noqa: E402
from probation_twins import load  # noqa: E402
from real_speech import audio_for, real_speech_arguments, who_said_each_word  # noqa: E402

from speech.audio import decode_window  # noqa: E402
from speech.speakers import mfcc, named_by_voice  # noqa: E402

RATE = 16000
PEOPLE = ("practitioner", "client")


def frames_of(samples: np.ndarray, stretches) -> np.ndarray:
    """The voiced MFCC frames of the stretches (start, end) of `samples`."""
    parts = [mfcc(samples[round(a * RATE) : round(b * RATE)]) for a, b in stretches if b > a]
    return np.concatenate(parts).astype(np.float64)


def verdict(frames: dict[str, np.ndarray], enrolled: np.ndarray) -> str:
    named = named_by_voice(frames, enrolled)
    return "left to words" if named is None else "right" if named == "practitioner" else "WRONG"


def real_runs(name: str) -> list[tuple[str, float, float]]:
    """(who, start, end) of each stretch one person spoke, pauses under 0.6 s joined."""
    runs: list[list] = []
    for word, who in who_said_each_word(name):
        if runs and runs[-1][0] == who and word.start - runs[-1][2] < 0.6:
            runs[-1][2] = word.end
        else:
            runs.append([who, word.start, word.end])
    return [tuple(run) for run in runs]


def real_conversations(names: list[str], conditions: list[str], tally) -> None:
    for name in names:
        runs = real_runs(name)
        sample = first_seconds([(a, b) for who, a, b in runs if who == "practitioner"], shortest=1)
        after = sample[-1][1]
        spoke = {p: [(a, b) for who, a, b in runs if who == p and a > after] for p in PEOPLE}
        clean = decode_window(audio_for(name, "clean"), 0, None)
        enrolled_clean = print_from(clean, sample)
        for condition in conditions:
            heard = (
                clean
                if condition == "clean"
                else decode_window(audio_for(name, condition), 0, None)
            )
            frames = {p: frames_of(heard, spoke[p]) for p in PEOPLE}
            tally(f"real {condition}", "clean", name, verdict(frames, enrolled_clean))
            if condition != "clean":
                same = verdict(frames, print_from(heard, sample))
                tally(f"real {condition}", "same room", name, same)


def spoken_twins(folder: Path, snr: float, tally) -> None:
    everything = [t for t in load(folder) if t.get("utterances") and t.get("twin")]
    cases = set(default_cases(everything))
    transcripts = [t for t in everything if t["case"] in cases]
    for phone in (False, True):
        condition = f"twins {snr:g} dB" + (" + phone" if phone else "")
        heard = {}
        for t in transcripts:
            path, reference = spoken(t, snr, phone)
            spoke = {
                p: [(u["start"], u["end"]) for u in reference["lines"] if u["speaker"] == p]
                for p in PEOPLE
            }
            heard[t["id"]] = (decode_window(path, 0, None), spoke, path.parent / reference["audio"])
        ids = sorted(heard)
        for k, tid in enumerate(ids):
            # the print from another session of the same practitioner's voice
            other = ids[(k + 1) % len(ids)]
            samples, spoke, _ = heard[tid]
            other_samples, other_spoke, other_clean = heard[other]
            sample = first_seconds(other_spoke["practitioner"])
            frames = {p: frames_of(samples, spoke[p]) for p in PEOPLE}
            enrolled = print_from(decode_window(other_clean, 0, None), sample)
            tally(condition, "clean", tid, verdict(frames, enrolled))
            tally(condition, "same room", tid, verdict(frames, print_from(other_samples, sample)))


def main() -> int:
    args, names = real_speech_arguments(
        __doc__.splitlines()[0],
        ("--dir", {"type": Path, "default": SET, "help": "a folder of twins to speak"}),
        ("--snr", {"type": float, "default": 10.0, "help": "room noise for the twins, dB SNR"}),
    )
    counts: dict[tuple[str, str], Counter] = {}
    wrong: list[str] = []

    def tally(condition: str, sample: str, recording: str, outcome: str) -> None:
        counts.setdefault((condition, sample), Counter())[outcome] += 1
        if outcome == "WRONG":
            wrong.append(f"{recording} ({condition}, sample {sample})")

    if names:
        real_conversations(names, args.noise, tally)
    spoken_twins(args.dir, args.snr, tally)
    print(f"{'recordings':<24} {'sample':<10} {'right':>6} {'wrong':>6} {'to words':>9}")
    for (condition, sample), found in counts.items():
        print(
            f"{condition:<24} {sample:<10} {found['right']:>6} {found['WRONG']:>6} "
            f"{found['left to words']:>9}"
        )
    total = sum(counts.values(), Counter())
    print(
        f"all: {total['right']} right, {total['WRONG']} wrong, {total['left to words']} left to "
        f"the words, of {sum(total.values())}"
    )
    for line in wrong:
        print(f"  named wrong: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
