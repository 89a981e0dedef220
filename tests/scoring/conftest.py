"""Helpers for the scorer tests: build sessions from (speaker, text) pairs."""

import pytest

from scoring import Utterance


def make_session(*turns, seconds_per_word=0.4):
    """Utterances with times from word counts, as a transcript of a recording would have."""
    utterances, clock = [], 0.0
    for index, (speaker, text) in enumerate(turns):
        length = max(1.0, len(text.split()) * seconds_per_word)
        utterances.append(
            Utterance(index, speaker, text, round(clock, 1), round(clock + length, 1))
        )
        clock += length + 0.5
    return utterances


@pytest.fixture
def session():
    return make_session
