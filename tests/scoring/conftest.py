"""Helpers for the scorer tests: build sessions from (speaker, text) pairs."""

import pytest

from scoring import Utterance
from scoring.judgement import judge_session
from scoring.session import code_session


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


def judged_view(utterances):
    """The session's judged acts (Layer 2) on the rules' codes, as ``score_session`` judges
    them without the model: what the judgement tests look at before any score is made."""
    _, units = code_session(utterances)
    return judge_session(
        [u.text for u in utterances], [u.is_practitioner for u in utterances], units
    )


@pytest.fixture
def session():
    return make_session
