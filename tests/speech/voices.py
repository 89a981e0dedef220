"""Sentences spoken by chosen espeak-ng voices, joined with pauses, with who spoke when."""

import subprocess
import tempfile
from pathlib import Path

import numpy as np

from speech.audio import decode_window
from speech.speakers import Turn
from speech.transcribe import Word
from tests.fixtures.audio.noise import only_during, pink_noise

RATE = 16000
PRACTITIONER, CLIENT = "en-gb", "en-gb-x-gbcwmd+m3"
THIRD = "en-us+f3"  # an interpreter, a colleague
LINES = [
    "How have things been since we last met?",
    "Not bad, I have been going to the gym most mornings.",
    "That is good to hear. What helped you keep it up?",
    "My brother comes with me, so I cannot really skip it.",
    "And how are things at home at the moment?",
    "A bit tense, to be honest, but we are talking more.",
    "What would you like to work on before next week?",
    "Probably getting my CV sorted so I can apply for jobs.",
    "Shall we write that down as your goal for this week?",
    "Yes, and maybe the housing form as well, if there is time.",
    "We can do the form together on Thursday if you like.",
    "That would help, thanks, I never know what to put.",
]


def speak(text: str, voice: str) -> np.ndarray:
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "line.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True)
        return decode_window(wav, 0, None)


def conversation(voices: list[str], labels: list[str], lines=LINES, pause: float = 0.6):
    """(samples, turns): line i spoken by voices[i % len(voices)] and labelled labels[...],
    `pause` seconds apart; each turn's words spread evenly over its line (enough for the voice
    statistics)."""
    pieces, turns, position = [], [], 0.5
    pieces.append(np.zeros(int(0.5 * RATE), dtype=np.float32))
    for i, text in enumerate(lines):
        samples = speak(text, voices[i % len(voices)])
        length = len(samples) / RATE
        tokens = text.split()
        step = length / len(tokens)
        words = tuple(
            Word(position + k * step, position + (k + 1) * step, token, 1.0)
            for k, token in enumerate(tokens)
        )
        turns.append(Turn(position, position + length, labels[i % len(labels)], text, words))
        pieces += [samples, np.zeros(int(pause * RATE), dtype=np.float32)]
        position += length + pause
    return np.concatenate(pieces), turns


def as_call(audio, turns, other_side_db: float | None = None, noise_db=(-60.0, -60.0)):
    """Two channels, each with one person's lines (and, with `other_side_db`, the other's
    that much quieter, as a lapel microphone hears them), over each end's noise (dBFS)."""
    rng = np.random.default_rng(3)
    left, right = (
        only_during(audio, [(t.start, t.end) for t in turns if t.speaker == who]) for who in "AB"
    )
    if other_side_db is not None:
        bleed = 10 ** (other_side_db / 20)
        left, right = left + bleed * right, right + bleed * left
    ends = [
        end + 10 ** (db / 20) * pink_noise(len(audio), rng)
        for end, db in zip((left, right), noise_db, strict=True)
    ]
    return np.stack(ends, axis=1)
