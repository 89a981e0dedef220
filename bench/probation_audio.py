"""The probation twins spoken aloud: do the scorer's judgements survive the speech pipeline?

Speaks part of ``bench/probation_set/`` with espeak-ng (two voices), adds pink room noise at
``--snr`` dB, runs each file through the whole pipeline as the worker does (decode to 16 kHz
PCM, Whisper with the worker's decoding and prompt, speaker separation, the practitioner chosen
by the pipeline, the scorer)
and prints, beside the same figures from the written transcripts of the same subset:
- the share of twin pairs where the good twin scores higher, overall and on its focus skill;
- per-skill AUC over the subset's transcripts (labels as in probation_twins.py);
- the share of words given to the right speaker.

    python bench/probation_audio.py [--dir bench/probation_heldout_twins] [--cases w1c03 ...]
        [--snr 10] [--phone] [--call stereo|mixed] [--model tiny.en]

By default it takes the two shortest pairs of each focus skill (eight pairs, sixteen files;
about 90 minutes of speech). Spoken files are cached in $OEP_AUDIO_CACHE, so a second run only
transcribes. espeak-ng reads the raw speech-recognition style transcripts as they are written
(lower case, misheard words), which is the harder case.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from probation_twins import SKILLS, auc, load, score, share, skill_label  # noqa: E402
from real_speech import (  # noqa: E402
    CACHE,
    NOISE_SEED,
    cached_segments,
    pipeline_options,
)

from scoring import Utterance, score_session  # noqa: E402
from scoring.speech_text import as_recognised_speech  # noqa: E402
from tests.fixtures.audio import noise as rooms  # noqa: E402
from tests.fixtures.audio.make_dialogues import speak_script  # noqa: E402
from tests.fixtures.audio.wav import write_wav  # noqa: E402

SET = REPO / "bench" / "probation_set"
ROLES = ("practitioner", "client")
PAIRS_PER_SKILL = 2


def default_cases(transcripts: list[dict]) -> list[str]:
    words = defaultdict(int)
    focus = {}
    for t in transcripts:
        words[t["case"]] += sum(len((u.get("text") or "").split()) for u in t["utterances"])
        focus[t["case"]] = t.get("focus")
    chosen = []
    for skill in SKILLS:
        cases = sorted((c for c in words if focus[c] == skill), key=words.get)
        chosen += cases[:PAIRS_PER_SKILL]
    return chosen


def spoken_clean(transcript: dict) -> tuple[Path, dict]:
    """The transcript spoken by two espeak-ng voices (an Ogg file, cached) and its reference:
    who said each line, when."""
    clean = CACHE / "probation_audio" / f"{transcript['id']}.ogg"
    script = [
        (u["speaker"], u["text"])
        for u in transcript["utterances"]
        if u.get("text") and u["speaker"] in ("practitioner", "client")
    ]
    if not clean.exists():
        speak_script(script, clean, seed=len(transcript["id"]))
    return clean, json.loads(clean.with_suffix(".json").read_text())


def spoken(
    transcript: dict, snr: float, phone: bool = False, call: str | None = None
) -> tuple[Path, dict]:
    """The transcript spoken with room noise at `snr` dB, as a 16 kHz WAV (with `phone`, then
    carried by a phone line: 8 kHz, 300-3400 Hz, mu-law), and its reference. With `call`, each
    person is at their own end of a call, with noise of their own: "stereo" is a call recorder
    that writes each end to a channel of its own, "mixed" one that adds the two ends together."""
    clean, reference = spoken_clean(transcript)
    kind = f"{'.phone' if phone else ''}{f'.call-{call}' if call else ''}"
    noisy = clean.parent / f"{transcript['id']}.snr{snr:g}{kind}.wav"
    if not noisy.exists():
        from speech.audio import decode_window

        signal = decode_window(clean, 0, None)
        ends = [signal]
        if call:
            ends = [rooms.only_during(signal, lines_of(reference, r)) for r in ROLES]
        rng = np.random.default_rng(NOISE_SEED)
        ends = [rooms.with_noise(end, snr, rng) for end in ends]
        rate = 16000
        if phone:
            lines = [rooms.telephone(end) for end in ends]
            ends, rate = [samples for samples, _ in lines], lines[0][1]
        if call == "mixed":
            ends = [ends[0] + ends[1]]
        write_wav(noisy, np.stack(ends, axis=1) if len(ends) == 2 else ends[0], rate)
    return noisy, reference


def through_the_pipeline(
    path: Path, model: str | None, unpunctuated: bool = False, voice=None
) -> tuple[dict, list[tuple[float, str]]]:
    """The worker's path: decode, transcribe, separate speakers, choose the practitioner (by
    the enrolled `voice` print when given), score. Returns the skill scores and each word's
    (time, role). `unpunctuated` scores Whisper's text as raw recognition text
    (`scoring.speech_text.as_recognised_speech`)."""
    scores, words, _utterances, _turns = pipeline_utterances(path, model, unpunctuated, voice)
    return scores, words


def pipeline_utterances(path: Path, model: str | None, unpunctuated: bool = False, voice=None):
    """As `through_the_pipeline`, with the scored utterances and the pipeline's turns too (for
    bench/spoken_verdicts.py)."""
    from speech.audio import decode_to_pcm
    from speech.speakers import choose_practitioner, separate_speakers

    with tempfile.TemporaryDirectory(prefix="oep-pcm-") as folder:
        pcm = os.path.join(folder, "audio.npy")
        decode_to_pcm(str(path), pcm, min_duration=1)
        # decoded as the worker decodes (batched, its prompt with the list of terms off)
        segments = cached_segments(path.with_suffix(""), pcm, pipeline_options(model, prompt=False))
        turns = separate_speakers(pcm, segments)
        practitioner = choose_practitioner(turns, audio=pcm, practitioner_voice=voice)
    roles = {t.speaker: "practitioner" if t.speaker == practitioner else "client" for t in turns}
    utterances = [
        Utterance(i, roles[t.speaker], t.text, t.start, t.end) for i, t in enumerate(turns)
    ]
    if unpunctuated:
        utterances = as_recognised_speech(utterances)
    card = score_session(utterances).to_dict()
    scores = {name: card["skills"][code]["score"] for name, code in SKILLS.items()}
    scores["overall"] = card["overall"]
    words = [((w.start + w.end) / 2, roles[t.speaker]) for t in turns for w in t.words]
    return scores, words, utterances, turns


def role_share(words: list[tuple[float, str]], reference: dict) -> float:
    """The share of recognised words whose time falls in a reference line of the same role."""
    lines = reference["lines"]
    right = total = 0
    for at, role in words:
        line = next((x for x in lines if x["start"] - 0.3 <= at <= x["end"] + 0.3), None)
        if line is not None:
            total += 1
            right += line["speaker"] == role
    return right / total if total else float("nan")


def first_seconds(stretches, seconds: float = 30.0, shortest: float = 0.0) -> list:
    """The first stretches (start, end), each at least `shortest` long, that add up to
    `seconds`: an enrolment sample."""
    chosen, total = [], 0.0
    for a, b in stretches:
        if b - a >= shortest:
            chosen.append((a, b))
            total += b - a
            if total >= seconds:
                break
    return chosen


def print_from(samples: np.ndarray, stretches) -> np.ndarray:
    """The voice print the enrolment page would keep of the stretches (start, end) of
    `samples` (16 kHz mono, as `decode_window` gives them) played one after another
    (`speech.speakers.voice_embedding`)."""
    from speech.speakers import SAMPLE_RATE, voice_embedding

    if not stretches:
        raise ValueError("no stretch of the practitioner's speech to enrol from")
    joined = [samples[round(a * SAMPLE_RATE) : round(b * SAMPLE_RATE)] for a, b in stretches]
    return voice_embedding(np.concatenate(joined))


def lines_of(reference: dict, speaker: str = "practitioner") -> list[tuple[float, float]]:
    """(start, end) of each line `speaker` says in a spoken transcript's reference."""
    return [(u["start"], u["end"]) for u in reference["lines"] if u["speaker"] == speaker]


def enrolled_voice(transcript: dict) -> np.ndarray:
    """The practitioner's print from the first 30 s of their lines in `transcript` as spoken
    (clean: recorded on the enrolment page, not in the session's room)."""
    from speech.audio import decode_window

    clean, reference = spoken_clean(transcript)
    return print_from(decode_window(clean, 0, None), first_seconds(lines_of(reference)))


def figures(label: str, transcripts: list[dict], scored: dict) -> None:
    cases = defaultdict(dict)
    for t in transcripts:
        cases[t["case"]][t["twin"]] = t
    overall, focus = [], []
    for twins in cases.values():
        g, p = scored[twins["good"]["id"]], scored[twins["poor"]["id"]]
        overall.append(1.0 if g["overall"] > p["overall"] else 0.5 * (g["overall"] == p["overall"]))
        skill = twins["good"].get("focus")
        focus.append(1.0 if g[skill] > p[skill] else 0.5 * (g[skill] == p[skill]))
    aucs = []
    for name in SKILLS:
        labels = {t["id"]: skill_label(t, name) for t in transcripts}
        value = auc(
            [scored[i][name] for i, x in labels.items() if x == "good"],
            [scored[i][name] for i, x in labels.items() if x == "poor"],
        )
        aucs.append(f"{name} {'n/a' if value is None else f'{value:.3f}'}")
    print(f"{label:<7} pairs overall {share(overall)}, focus {share(focus)}; AUC {', '.join(aucs)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dir",
        type=Path,
        default=SET,
        help="a folder of twins (default bench/probation_set; bench/probation_heldout_twins "
        "holds the sets no development looked at)",
    )
    parser.add_argument("--cases", nargs="*", help="case ids (default: two shortest per skill)")
    parser.add_argument(
        "--seeds",
        type=int,
        help="seeds the speaker split is found from (default: the shipped "
        "speech.speakers._CANDIDATE_SPLITS; 1 is the split before 28 Nov)",
    )
    parser.add_argument("--snr", type=float, default=10.0, help="room noise, dB SNR")
    parser.add_argument(
        "--phone", action="store_true", help="then carried by a phone line (8 kHz, 300-3400 Hz)"
    )
    parser.add_argument(
        "--call",
        choices=("stereo", "mixed"),
        help="each person at their own end of a call, with noise of their own, recorded with "
        "each end on a channel of its own (stereo) or the two ends added together (mixed)",
    )
    parser.add_argument(
        "--enrol",
        action="store_true",
        help="name the practitioner by an enrolled voice: a print from another session's "
        "practitioner lines (the next transcript's first 30 s, as spoken; with one transcript, "
        "its own)",
    )
    parser.add_argument(
        "--model", default=None, help="Whisper model (default tiny.en; the site ships whisper-base)"
    )
    parser.add_argument(
        "--unpunctuated",
        action="store_true",
        help="score Whisper's text without its punctuation, as raw recognition text",
    )
    args = parser.parse_args()
    if args.seeds:
        from speech import speakers

        speakers._CANDIDATE_SPLITS = args.seeds
    everything = [t for t in load(args.dir) if t.get("utterances") and t.get("twin")]
    cases = set(args.cases or default_cases(everything))
    transcripts = [t for t in everything if t["case"] in cases]
    print(
        f"{len(transcripts)} transcripts ({len(cases)} pairs), room noise at {args.snr:g} dB SNR"
        + (", over a phone line" if args.phone else "")
        + (f", a call recorded {args.call}" if args.call else "")
    )
    from_text = {t["id"]: score(t, None) for t in transcripts}
    from_audio, role_shares, seconds, clock = {}, [], 0.0, time.perf_counter()
    for k, t in enumerate(transcripts):
        path, reference = spoken(t, args.snr, args.phone, args.call)
        seconds += reference["duration"]
        voice = enrolled_voice(transcripts[(k + 1) % len(transcripts)]) if args.enrol else None
        from_audio[t["id"]], words = through_the_pipeline(
            path, args.model, args.unpunctuated, voice
        )
        role_shares.append(role_share(words, reference))
        print(
            f"  {t['id']:<12} {reference['duration'] / 60:4.1f} min  words to the right speaker "
            f"{role_shares[-1]:.3f}  overall text {from_text[t['id']]['overall']:.3f} "
            f"audio {from_audio[t['id']]['overall']:.3f}",
            flush=True,
        )
    figures("text", transcripts, from_text)
    figures("audio", transcripts, from_audio)
    print(
        f"words to the right speaker: mean {np.nanmean(role_shares):.3f}; "
        f"{seconds / 60:.0f} minutes of speech through the pipeline in "
        f"{(time.perf_counter() - clock) / 60:.1f} minutes (speaking included on a first run)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
