"""The optional model: training writes a file the plain-Python scorer reads and agrees with."""

from sklearn.feature_extraction.text import TfidfVectorizer

from scoring import score_session
from scoring.model import (
    DEFAULT_MODEL_PATH,
    Context,
    LinearModel,
    get_model,
    tfidf_values,
    word_ngrams,
)
from scoring.training import folds, save, train

QUESTIONS = [
    "What would help you most this week?",
    "How did the interview go?",
    "Did you get to the Jobcentre?",
    "What happened after you left the hostel?",
]
REFLECTIONS = [
    "You're worried you'll lose the flat.",
    "It sounds like the curfew is getting to you.",
    "You feel nobody listens to you.",
    "You're proud you stayed out of trouble.",
]
INPUTS = [
    "Your next appointment is on Tuesday at ten.",
    "The course runs for twelve weeks at the library.",
    "I'd suggest you ring the housing officer tomorrow.",
    "The licence says you must live at the approved address.",
]
ANSWERS = ["Not sure really.", "Yeah, that's right.", "It went okay I suppose."]


def transcript(n: int) -> dict:
    """A small coded transcript: every practitioner line is labelled as the coders would."""
    lines = []
    for k in range(4):
        for text, behaviour in (
            (QUESTIONS[(n + k) % 4], "question"),
            (REFLECTIONS[(n + k) % 4], "reflection"),
            (INPUTS[(n + k) % 4], "therapist_input"),
        ):
            lines.append(
                {
                    "speaker": "therapist",
                    "text": text,
                    "behaviour": behaviour,
                    "question_subtype": (
                        ("closed" if text.startswith("Did") else "open")
                        if behaviour == "question"
                        else None
                    ),
                }
            )
            lines.append({"speaker": "client", "text": ANSWERS[(n + k) % 3]})
        lines.append({"speaker": "therapist", "text": "Okay.", "behaviour": "other"})
        lines.append({"speaker": "client", "text": "Mm."})
    return {"id": f"t{n}", "utterances": lines}


def test_tfidf_values_match_scikit_learn():
    texts = [
        "What would help you most this week?",
        "You're worried you'll lose the flat, and the flat matters.",
        "okay so what would you like to do",
    ]
    vectoriser = TfidfVectorizer(analyzer=lambda t: word_ngrams(t, 3), sublinear_tf=True)
    expected = vectoriser.fit_transform(texts)
    table = dict(zip(vectoriser.get_feature_names_out(), vectoriser.idf_, strict=True))
    for row, text in enumerate(texts):
        values = tfidf_values(Context(text=text), {"tw": table})
        column = vectoriser.vocabulary_
        assert set(values) == {f"tw|{gram}" for gram in column if expected[row, column[gram]]}
        for name, value in values.items():
            assert abs(value - expected[row, column[name[3:]]]) < 1e-9


def test_a_trained_model_is_read_back_and_codes_new_turns(tmp_path, session):
    path = tmp_path / "codes.json"
    save(train([transcript(n) for n in range(8)], min_count=1), path)
    model = get_model(path)
    assert model.version.startswith("codes-annomi")
    assert set(model.idf) == {"tw", "tpc", "tnc", "tpp"}
    score = score_session(
        session(
            ("practitioner", "what would help you most this week"),
            ("client", "not sure really"),
            ("practitioner", "you're worried you'll lose the flat"),
            ("client", "yeah that's right"),
        ),
        use_model=path,
        use_encoder=False,
    )
    assert [c.behaviour for c in score.codes] == ["question", None, "reflection", None]
    assert score.codes[0].question_subtype == "open"
    assert {c.source for c in score.codes if c.behaviour} == {"model"}


def test_a_binary_only_model_file_still_works():
    model = LinearModel(
        {
            "version": "old",
            "heads": {
                "behaviour": {
                    "labels": ["other", "question"],
                    "intercept": [0.0, 0.0],
                    "weights": {"p:end?": [-1.0, 1.0]},
                }
            },
        }
    )
    assert model.predict("behaviour", model.vector(Context(text="Right?")))[0] == "question"
    assert model.predict("behaviour", model.vector(Context(text="Right.")))[0] == "other"


def test_cross_validation_folds_hold_out_whole_transcripts():
    transcripts = [{"id": f"t{n}", "utterances": []} for n in range(10)]
    splits = folds(transcripts, k=5)
    held_out = [t["id"] for _, test in splits for t in test]
    assert sorted(held_out) == sorted(t["id"] for t in transcripts)
    for train_set, test in splits:
        assert not {t["id"] for t in train_set} & {t["id"] for t in test}


def test_shipped_model_is_small_and_of_the_current_format():
    assert DEFAULT_MODEL_PATH.stat().st_size < 4_000_000
    model = LinearModel.load(DEFAULT_MODEL_PATH)
    assert model.idf and model.version == "codes-annomi-3"
    assert model.punctuated is not None and model.punctuated.idf
