"""Naming the practitioner from an enrolled voice, and noticing a third voice."""

import numpy as np
import pytest

from speech.speakers import (
    Turn,
    choose_practitioner,
    likely_third_voice,
    voice_embedding,
)

from .voices import CLIENT, LINES, PRACTITIONER, conversation, speak

THIRD = "en-us+f3"


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
