"""The linear model codes punctuated and unpunctuated sessions with the variant made for each."""

from scoring import score_session
from scoring.model import Context, LinearModel, is_punctuated
from scoring.text import strip_punctuation
from scoring.training import train

from .test_model_training import transcript


def _speakers(*turns):
    return [text for _, text in turns], [who == "practitioner" for who, _ in turns]


def test_typed_turns_read_as_punctuated_and_asr_text_not():
    texts, practitioner = _speakers(
        ("practitioner", "How did the interview go?"),
        ("client", "it went okay"),
        ("practitioner", "Mm-hmm"),
        ("client", "they said they'd ring"),
        ("practitioner", "So you're waiting to hear. That's hard."),
    )
    assert is_punctuated(texts, practitioner)
    assert not is_punctuated([strip_punctuation(t) for t in texts], practitioner)


def test_only_the_practitioners_punctuation_counts():
    texts, practitioner = _speakers(
        ("practitioner", "how did the interview go"),
        ("client", "It went okay. They said they'd ring."),
        ("practitioner", "so you're waiting to hear"),
    )
    assert not is_punctuated(texts, practitioner)
    assert not is_punctuated([], [])


def _model_that_only_the_punctuated_variant_makes_ask() -> LinearModel:
    # the unpunctuated heads call every turn "other"; the punctuated variant reads "?"
    head = {"labels": ["other", "question"], "intercept": [1.0, 0.0], "weights": {}}
    open_or_closed = {"labels": ["closed", "open"], "intercept": [0.0, 0.0], "weights": {}}
    variant = {
        "labels": ["other", "question"],
        "intercept": [0.0, 0.0],
        "weights": {"p:end?": [-2.0, 2.0], "bias": [0.5, -0.5]},
    }
    return LinearModel(
        {
            "version": "test-variants",
            "heads": {"behaviour": head, "question_subtype": open_or_closed},
            "punctuated": {"heads": {"behaviour": variant, "question_subtype": open_or_closed}},
        }
    )


def test_a_punctuated_session_is_coded_by_the_punctuated_variant():
    model = _model_that_only_the_punctuated_variant_makes_ask()
    texts, practitioner = _speakers(
        ("practitioner", "Did you ring the housing officer?"),
        ("client", "not yet"),
    )
    chosen = model.for_session(texts, practitioner)
    assert chosen is model.punctuated
    assert chosen.version == "test-variants"
    assert chosen.predict("behaviour", chosen.vector(Context(text=texts[0])))[0] == "question"
    bare = [strip_punctuation(t) for t in texts]
    assert model.for_session(bare, practitioner) is model


def test_the_scorer_picks_the_variant_per_session(session, monkeypatch):
    from scoring import model as model_module

    fake = _model_that_only_the_punctuated_variant_makes_ask()
    monkeypatch.setattr(model_module, "_load", lambda path: fake)
    typed = session(
        ("practitioner", "Did you ring the housing officer?"),
        ("client", "Not yet."),
    )
    spoken = session(
        ("practitioner", "did you ring the housing officer"),
        ("client", "not yet"),
    )
    # the linear model's variants alone: the codes encoder would blend in codes of its own
    linear = {"use_model": "any.json", "use_encoder": False}
    assert score_session(typed, **linear).codes[0].behaviour == "question"
    assert score_session(spoken, **linear).codes[0].behaviour == "other"


def test_a_model_without_a_variant_codes_every_session_itself():
    model = LinearModel({"heads": {"behaviour": {"labels": ["other"], "intercept": [0.0]}}})
    assert model.punctuated is None
    assert model.for_session(["Did you ring?"], [True]) is model


def test_training_adds_the_punctuated_variant_only_from_punctuated_transcripts():
    typed = [transcript(n) for n in range(6)]
    model = train(typed, min_count=1)
    assert model["format"] == 3
    assert set(model["punctuated"]["heads"]) == {"behaviour", "question_subtype"}
    # stripped transcripts give the variant nothing to learn from
    spoken = [
        {**t, "utterances": [{**u, "text": strip_punctuation(u["text"])} for u in t["utterances"]]}
        for t in typed
    ]
    assert "punctuated" not in train(spoken, min_count=1)
