"""Semantic overlap: the lexical fallback meets inflections, ignores function words."""

from scoring.similarity import OVERLAP_ENV, content_stems, lexical_overlap, related, uses_encoder


def test_inflections_meet_and_function_words_do_not_count():
    assert content_stems("She was drinking drinks") == content_stems("drink")
    assert lexical_overlap("you kept going to the meetings", "I went to every meeting") > 0
    assert lexical_overlap("and so it is what it is", "the hostel is loud") == 0.0


def test_related_uses_words_unless_vectors_are_asked_for(monkeypatch):
    for switch in (OVERLAP_ENV, "OEP_SCORING_ENCODER", "OEP_SCORING_MODEL"):
        monkeypatch.delenv(switch, raising=False)
    assert not uses_encoder()
    said = "the hostel is so loud at night I can't sleep"
    assert related("you can't sleep because the hostel is loud", said, 0.2)
    assert not related("what are your plans for the weekend", said, 0.2)
    # No word in common: only the sentence vectors see that these say the same thing.
    assert not related("the noise in that place keeps you awake", said, 0.2)
    monkeypatch.setenv(OVERLAP_ENV, "vectors")
    assert uses_encoder()
    assert related("the noise in that place keeps you awake", said, 0.2)
    assert not related("what are your plans for the weekend", said, 0.2)
    # switched off later in the same process: the words again
    monkeypatch.setenv("OEP_SCORING_ENCODER", "off")
    assert not uses_encoder()
    assert not related("the noise in that place keeps you awake", said, 0.2)
