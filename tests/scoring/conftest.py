"""Helpers for the scorer tests: build sessions from (speaker, text) pairs."""

import pytest

from scoring import Utterance, invitations
from scoring.evidence import collect_evidence
from scoring.judgement import judge_session
from scoring.session import code_session, default_checklist


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


def invitation_reading(turn, **kinds):
    """How the invitations model read practitioner turn ``turn``: the given kinds'
    probabilities, every other kind (and "none") 0."""
    return invitations.Invitation(turn, dict.fromkeys((*invitations.KINDS, "none"), 0.0) | kinds)


def _judged(utterances, readings):
    codes, units = code_session(utterances)
    texts, practitioner = [u.text for u in utterances], [u.is_practitioner for u in utterances]
    return codes, judge_session(texts, practitioner, units, **readings)


def judged_view(utterances):
    """The session's judged acts (Layer 2) on the rules' codes, as ``score_session`` judges
    them without the model: what the judgement tests look at before any score is made."""
    return _judged(utterances, {})[1]


def judged_card(utterances, **readings):
    """The session judged on the rules' codes with the reading models' ``readings`` given
    (``exchanges``, ``disclosures``, ``moves``), and the checklist card its acts make:
    (view, items)."""
    codes, view = _judged(utterances, readings)
    return view, collect_evidence(utterances, codes, default_checklist(), view.acts)


@pytest.fixture
def session():
    return make_session
