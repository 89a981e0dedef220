"""Whisper's output is handed to the scorer as raw recognition text, read like the unpunctuated
transcripts the scorer's second reading is made for."""

from scoring import Utterance, score_session
from scoring.model import is_punctuated
from scoring.speech_text import as_recognised_speech, score_speech


def test_recognised_speech_loses_its_punctuation_but_keeps_words_and_times():
    heard = [
        Utterance(0, "practitioner", "Okay, so how's the week been, anything happened?", 0.0, 3.2),
        Utterance(1, "client", "Not great. I've been on nights.", 3.9, 6.0),
    ]
    read = as_recognised_speech(heard)
    assert [u.text for u in read] == [
        "okay so how's the week been anything happened",
        "not great i've been on nights",
    ]
    assert [(u.index, u.speaker, u.start, u.end) for u in read] == [
        (0, "practitioner", 0.0, 3.2),
        (1, "client", 3.9, 6.0),
    ]


def test_whisper_punctuated_session_is_read_with_the_unpunctuated_variant():
    heard = [
        Utterance(0, "practitioner", "Right, did you get to the job centre, how did it go."),
        Utterance(1, "client", "Yeah, it was fine."),
        Utterance(2, "practitioner", "Good, and the housing form, you sent it off."),
    ]
    texts = [u.text for u in heard]
    practitioner = [u.speaker == "practitioner" for u in heard]
    assert is_punctuated(texts, practitioner)
    read = [u.text for u in as_recognised_speech(heard)]
    assert not is_punctuated(read, practitioner)


SESSION = [
    Utterance(0, "practitioner", "Hi Dan, thanks for coming in. How has the week been?"),
    Utterance(1, "client", "Rough. The hostel moved me again and I missed work twice."),
    Utterance(2, "practitioner", "So the move cost you two shifts, and that's worrying you."),
    Utterance(3, "client", "Yeah. I can't lose this job."),
    Utterance(4, "practitioner", "What could you do if they move you again next week?"),
    Utterance(5, "client", "Ring my supervisor first thing, I suppose, and ask for a late start."),
]


def test_speech_is_scored_as_recognised_but_quoted_as_transcribed():
    card = score_speech(SESSION)
    assert card == _quoting(score_session(as_recognised_speech(SESSION)).to_dict())
    quotes = [
        entry["text"] for item in card["items"].values() for entry in item.get("evidence", [])
    ]
    assert quotes, "the session has evidence to quote"
    transcribed = {u.text for u in SESSION}
    assert all(quote in transcribed for quote in quotes)


def _quoting(result):
    """The recognised reading's card with each quote put back as transcribed."""
    originals = {u.index: u.text for u in SESSION}
    for item in result["items"].values():
        for entry in item.get("evidence", []):
            entry["text"] = originals[entry["utterance"]]
    for skill in result.get("skills", {}).values():
        for entry in skill.get("evidence", []) if isinstance(skill, dict) else []:
            entry["text"] = originals[entry["utterance"]]
    return result
