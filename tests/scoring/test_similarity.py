"""Semantic overlap: the lexical fallback meets inflections, ignores function words."""

from scoring.similarity import content_stems, lexical_overlap, related


def test_inflections_meet_and_function_words_do_not_count():
    assert content_stems("She was drinking drinks") == content_stems("drink")
    assert lexical_overlap("you kept going to the meetings", "I went to every meeting") > 0
    assert lexical_overlap("and so it is what it is", "the hostel is loud") == 0.0


def test_related_uses_words_when_there_is_no_encoder(monkeypatch):
    monkeypatch.setenv("OEP_SCORING_ENCODER", "off")
    said = "the hostel is so loud at night I can't sleep"
    assert related("you can't sleep because the hostel is loud", said, 0.2)
    assert not related("what are your plans for the weekend", said, 0.2)
