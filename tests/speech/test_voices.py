"""Naming the practitioner from an enrolled voice, and noticing a third voice."""

import numpy as np
import pytest

from speech.speakers import (
    Turn,
    choose_practitioner,
    likely_third_voice,
    named_by_voice,
    voice_embedding,
)
from tests.fixtures.audio.noise import pink_noise

from .voices import CLIENT, LINES, PRACTITIONER, THIRD, conversation, speak


@pytest.fixture(scope="module")
def two_people():
    return conversation([PRACTITIONER, CLIENT], ["A", "B"], LINES * 2)


def test_a_voice_print_is_a_few_numbers_not_audio():
    sample = speak("Hello, I am the officer who will be supervising your order.", PRACTITIONER)
    embedding = voice_embedding(sample)
    assert embedding.shape == (38,)
    assert np.isfinite(embedding).all()
    with pytest.raises(ValueError, match="less than a second"):
        voice_embedding(np.zeros(16000, dtype=np.float32))


@pytest.mark.parametrize("practitioner_label", ["A", "B"])
def test_the_enrolled_voice_names_the_practitioner_whatever_the_words(practitioner_label):
    voices = [PRACTITIONER, CLIENT] if practitioner_label == "A" else [CLIENT, PRACTITIONER]
    audio, turns = conversation(voices, ["A", "B"])
    # Words that would point at the other speaker: only the voice can tell.
    client = "B" if practitioner_label == "A" else "A"
    turns = [
        Turn(t.start, t.end, t.speaker, "Next time, your licence? How are you?", t.words)
        if t.speaker == client
        else Turn(t.start, t.end, t.speaker, "Yes.", t.words)
        for t in turns
    ]
    assert choose_practitioner(turns) == client
    enrolled = voice_embedding(speak("I will see you again next Tuesday at ten.", PRACTITIONER))
    named = choose_practitioner(turns, audio=audio, practitioner_voice=enrolled)
    assert named == practitioner_label


# A practitioner who asks long, varied questions and a client who answers in a word or two.
QUESTIONS = [
    "How have things been since we last met, and did the appointment at the job centre go ahead?",
    "What helped you keep going to the gym when your brother could not come with you on Friday?",
    "Tell me a bit more about the arguments at home, because last time you said they were worse.",
    "Before next week, what would you like to have sorted about the housing form and the bank?",
    "Shall we write that down as your goal, and I will ring the hostel about the room on Thursday?",
    "Looking back over the month, which part of the order has been hardest to fit around work?",
]
ANSWERS = ["Yeah.", "Not really.", "Yeah, fine.", "I dunno.", "Yeah.", "Maybe."]


def _in_room(samples: np.ndarray, snr_db: float, like: np.ndarray, seed: int) -> np.ndarray:
    """`samples` with pink noise `snr_db` under the speech level of `like`."""
    power = float(np.mean(like[like != 0] ** 2))
    noise = pink_noise(len(samples), np.random.default_rng(seed))
    return (samples + noise * np.sqrt(power / 10 ** (snr_db / 10))).astype(np.float32)


@pytest.mark.parametrize("snr_db", [20, 10])
def test_the_enrolled_voice_names_a_varied_practitioner_beside_a_terse_client(snr_db):
    # The sample recorded in the same noisy room as the session. A client who says "Yeah." in
    # the noise has frames that vary less than the practitioner's, and a rule that asked how
    # likely each speaker's frames are under the print's spread named that client.
    lines = [line for pair in zip(QUESTIONS, ANSWERS, strict=True) for line in pair] * 2
    audio, turns = conversation([PRACTITIONER, CLIENT], ["A", "B"], lines)
    sample = speak(
        "I will see you again next Tuesday at ten, and we can do the form.", PRACTITIONER
    )
    enrolled = voice_embedding(_in_room(sample, snr_db, audio, seed=1))
    room = _in_room(audio, snr_db, audio, seed=2)
    # Words that point at the client: only the voice can name the practitioner.
    worded = [
        Turn(t.start, t.end, t.speaker, "How are you? And your licence?", t.words)
        if t.speaker == "B"
        else Turn(t.start, t.end, t.speaker, "Yes.", t.words)
        for t in turns
    ]
    assert choose_practitioner(worded) == "B"
    assert choose_practitioner(worded, audio=room, practitioner_voice=enrolled) == "A"


def _voices_at(ratio: float, frames: int = 400) -> tuple[dict, np.ndarray]:
    """Two speakers' frames, and a print whose squared distances from them stand in `ratio`:
    every coefficient of A at 0 and of B at 1, the print on the line between them."""
    a, b = np.zeros((frames, 19)), np.ones((frames, 19))
    # squared distances x**2 and (1 - x)**2 in units of the spread: x / (1 - x) = sqrt(ratio)
    x = np.sqrt(ratio) / (1 + np.sqrt(ratio))
    return {"A": a, "B": b}, np.concatenate([np.full(19, x), np.ones(19)])


def test_the_voice_names_a_speaker_only_when_clearly_nearer():
    assert named_by_voice(*_voices_at(0.9)) == "A"
    assert named_by_voice(*_voices_at(1 / 0.9)) == "B"
    assert named_by_voice(*_voices_at(0.99)) is None
    frames, enrolled = _voices_at(0.5)
    assert named_by_voice(frames, enrolled) == "A"
    assert named_by_voice({"A": frames["A"]}, enrolled) is None
    assert named_by_voice({**frames, "C": frames["B"]}, enrolled) is None
    # under a second of voiced frames: not judged by voice
    assert named_by_voice({"A": frames["A"][:50], "B": frames["B"]}, enrolled) is None


def test_two_voices_are_not_taken_for_three(two_people):
    audio, turns = two_people
    assert not likely_third_voice(audio, turns)


def test_a_third_voice_given_to_one_speaker_is_noticed():
    audio, turns = conversation([PRACTITIONER, CLIENT, PRACTITIONER, THIRD], ["A", "B"], LINES * 2)
    assert likely_third_voice(audio, turns)


def test_both_people_talking_at_once_is_marked_as_overlap(two_people):
    from speech.speakers import separate_speakers
    from speech.transcribe import Segment

    audio, turns = two_people
    audio = audio.copy()
    # The client talks over the practitioner's seventh line, as loud.
    target = turns[6]
    over = speak("No, no, I already told you that I went there on Monday.", CLIENT)
    begin = int(target.start * 16000)
    length = min(len(over), int((target.end - target.start) * 16000))
    audio[begin : begin + length] += over[:length]
    segments = [Segment(t.start, t.end, t.text, t.words) for t in turns]
    separated = separate_speakers(audio, segments)
    marked = [(a, b) for t in separated for a, b in t.overlaps]
    assert any(a < target.end and b > target.start for a, b in marked)
    # Little else is marked: under a tenth of the clean speech.
    elsewhere = sum(
        min(b, t.end) - max(a, t.start)
        for a, b in marked
        for t in turns
        if t is not target and a < t.end and b > t.start
    )
    assert elsewhere < 0.1 * sum(t.end - t.start for t in turns if t is not target)
