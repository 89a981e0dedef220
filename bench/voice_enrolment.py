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
  practitioner's lines in the next session of the list, as spoken (clean) and as heard in the
  same room or line; who spoke when from the spoken script.
The enrolment page records a sample on the practitioner's own device, not in the session's
room: "clean" is the usual case, "same room" the case where both are recorded alike. For the
real conversations the clean sample is taken from the same session and microphone (there is no
other recording of these people), the easiest case of all; all the twins share one pair of
espeak-ng voices. Each row also prints its highest ratio: the practitioner's distance from
the print over the client's (the rule decides under `speech.speakers._VOICE_RATIO`). Last,
each conversation's print is tried on the others, where neither person is its owner.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from probation_audio import (  # noqa: E402
    SET,
    default_cases,
    enrolled_voice,
    first_seconds,
    lines_of,
    print_from,
    spoken,
)
from probation_twins import load  # noqa: E402
from real_speech import audio_for, real_speech_arguments, who_said_each_word  # noqa: E402

from speech.audio import decode_window  # noqa: E402
from speech.speakers import Turn, named_by_voice, speaker_frames, voice_distances  # noqa: E402

PEOPLE = ("practitioner", "client")


def frames_of(samples: np.ndarray, spoke: dict[str, list]) -> dict[str, np.ndarray]:
    """Each person's voiced MFCC frames, from their stretches (start, end) of `samples`, as
    the worker gathers them from its speaker turns (`speaker_frames`)."""
    turns = [Turn(a, b, who, "", ()) for who, stretches in spoke.items() for a, b in stretches]
    return speaker_frames(samples, turns)


def verdict(frames: dict[str, np.ndarray], enrolled: np.ndarray) -> tuple[str, float]:
    """What the rule says, and the practitioner's distance from the print over the client's
    (under 1: the practitioner is nearer; `_VOICE_RATIO` is the margin)."""
    named = named_by_voice(frames, enrolled)
    distance = voice_distances(frames, enrolled)
    ratio = distance["practitioner"] / distance["client"]
    outcome = "left to words" if named is None else "right" if named == "practitioner" else "WRONG"
    return outcome, ratio


def real_runs(name: str) -> list[tuple[str, float, float]]:
    """(who, start, end) of each stretch one person spoke, pauses under 0.6 s joined (a breath
    inside a sentence, not the other person's turn)."""
    runs: list[list] = []
    for word, who in who_said_each_word(name):
        if runs and runs[-1][0] == who and word.start - runs[-1][2] < 0.6:
            runs[-1][2] = word.end
        else:
            runs.append([who, word.start, word.end])
    return [tuple(run) for run in runs]


def real_conversations(names: list[str], conditions: list[str], tally) -> dict:
    """Tallies each conversation in each condition; returns each one's clean print and clean
    frames after the sample, for the stranger check."""
    clean_prints = {}
    for name in names:
        runs = real_runs(name)
        sample = first_seconds([(a, b) for who, a, b in runs if who == "practitioner"], shortest=1)
        if not sample:
            print(f"{name}: no stretch of a second or more by the practitioner to enrol from")
            continue
        after = sample[-1][1]
        spoke = {p: [(a, b) for who, a, b in runs if who == p and a > after] for p in PEOPLE}
        clean = decode_window(audio_for(name, "clean"), 0, None)
        enrolled_clean, clean_frames = print_from(clean, sample), frames_of(clean, spoke)
        for condition in conditions:
            if condition == "clean":
                tally("real clean", "clean", name, *verdict(clean_frames, enrolled_clean))
                continue
            heard = decode_window(audio_for(name, condition), 0, None)
            frames = frames_of(heard, spoke)
            tally(f"real {condition}", "clean", name, *verdict(frames, enrolled_clean))
            same = verdict(frames, print_from(heard, sample))
            tally(f"real {condition}", "same room", name, *same)
        clean_prints[name] = (enrolled_clean, clean_frames)
    return clean_prints


def strangers(clean_prints: dict) -> None:
    """Each conversation's practitioner print tried on the others: a session run by someone
    whose voice is not enrolled (nobody there is the print's owner)."""
    print("a print tried on another conversation (neither person is its owner):")
    for owner, (enrolled, _) in clean_prints.items():
        for name, (_, frames) in clean_prints.items():
            if name != owner:
                named = named_by_voice(frames, enrolled)
                distance = voice_distances(frames, enrolled)
                ratio = min(distance.values()) / max(distance.values())
                print(
                    f"  {owner} on {name}: names {named or 'nobody (left to words)'}, "
                    f"nearer/farther {ratio:.2f}"
                )


def spoken_twins(folder: Path, snr: float, tally) -> None:
    everything = [t for t in load(folder) if t.get("utterances") and t.get("twin")]
    cases = set(default_cases(everything))
    transcripts = [t for t in everything if t["case"] in cases]
    for phone in (False, True):
        condition = f"twins {snr:g} dB" + (" + phone" if phone else "")
        for k, transcript in enumerate(transcripts):
            # the print from another session of the same practitioner's voice, as
            # probation_audio.py --enrol takes it: clean, and as heard in the same room
            other = transcripts[(k + 1) % len(transcripts)]
            path, reference = spoken(transcript, snr, phone)
            spoke = {p: lines_of(reference, p) for p in PEOPLE}
            frames = frames_of(decode_window(path, 0, None), spoke)
            tally(condition, "clean", transcript["id"], *verdict(frames, enrolled_voice(other)))
            other_path, other_reference = spoken(other, snr, phone)
            sample = first_seconds(lines_of(other_reference))
            same = print_from(decode_window(other_path, 0, None), sample)
            tally(condition, "same room", transcript["id"], *verdict(frames, same))


def main() -> int:
    args, names = real_speech_arguments(
        __doc__.splitlines()[0],
        ("--dir", {"type": Path, "default": SET, "help": "a folder of twins to speak"}),
        ("--snr", {"type": float, "default": 10.0, "help": "room noise for the twins, dB SNR"}),
    )
    counts: dict[tuple[str, str], Counter] = {}
    closest: dict[tuple[str, str], float] = {}
    wrong: list[str] = []

    def tally(condition: str, sample: str, recording: str, outcome: str, ratio: float) -> None:
        counts.setdefault((condition, sample), Counter())[outcome] += 1
        closest[condition, sample] = max(closest.get((condition, sample), 0.0), ratio)
        if outcome == "WRONG":
            wrong.append(f"{recording} ({condition}, sample {sample}, ratio {ratio:.2f})")

    clean_prints = real_conversations(names, args.noise, tally) if names else {}
    spoken_twins(args.dir, args.snr, tally)
    print(
        f"{'recordings':<24} {'sample':<10} {'right':>6} {'wrong':>6} {'to words':>9} "
        f"{'highest ratio':>14}"
    )
    for (condition, sample), found in counts.items():
        print(
            f"{condition:<24} {sample:<10} {found['right']:>6} {found['WRONG']:>6} "
            f"{found['left to words']:>9} {closest[condition, sample]:>14.2f}"
        )
    total = sum(counts.values(), Counter())
    print(
        f"all: {total['right']} right, {total['WRONG']} wrong, {total['left to words']} left to "
        f"the words, of {sum(total.values())}"
    )
    for line in wrong:
        print(f"  named wrong: {line}")
    if len(clean_prints) > 1:
        strangers(clean_prints)
    return 0


if __name__ == "__main__":
    sys.exit(main())
