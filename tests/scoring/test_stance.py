"""Scorer 2.5 (#11): prosocial occasions read by meaning. The stance model's inference matches
what scikit-learn trained; its readings become judged acts as the cue rules' do; the rules-only
switch turns it off; the shipped model tells going along from challenging in words no cue
pattern knows."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from scoring import score_session, stance, train_stance
from scoring.judgement import AGAINST, SUPPORTS
from scoring.judgement.occasions import (
    MIN_CONFIDENCE,
    OCCASION_P,
    READ,
    VALUES,
    judge_occasions,
)
from scoring.model import tfidf_block, word_ngrams
from scoring.stance import Exchange, Reading, StanceModel

from .conftest import judged_card, judged_view, make_session

CORPUS = [
    "he had it coming to be honest",
    "it was only a bit of weed nobody got hurt",
    "i went to the job centre on monday",
    "honestly he had it coming after what he said",
    "the weed was only for me",
]


def test_tfidf_block_gives_the_values_scikit_learn_computes():
    vectoriser = TfidfVectorizer(
        analyzer=lambda t: word_ngrams(t, 2), sublinear_tf=True, min_df=1
    ).fit(CORPUS)
    table = dict(zip(vectoriser.get_feature_names_out(), vectoriser.idf_, strict=True))
    text = "he had it coming he had it coming and the weed"
    expected = vectoriser.transform([text])
    ours = tfidf_block(text, table, 2)
    names = vectoriser.get_feature_names_out()
    assert {
        names[k]: pytest.approx(v) for k, v in zip(expected.indices, expected.data, strict=True)
    } == ours


def _rows_and_vectors(n=40, seed=3):
    """Synthetic exchanges: occasions use the words of excuses, replies their own words, and
    the sentence vectors carry the labels in one dimension each, so both blocks matter."""
    rng = np.random.default_rng(seed)
    excuses = ["he had it coming", "only a bit of weed", "everyone does it"]
    plain = ["went to the gym", "my mum is poorly", "started the course"]
    replies = {
        "goes_along": "fair enough mate anyone would",
        "challenges": "how did she get home that night",
        "explores": "tell me more about that",
        "lets_pass": "right anyway your hours",
        "lectures": "that is completely unacceptable and you know it",
    }
    rows = []
    for k in range(n):
        occasion = k % 2 == 0
        response = list(replies)[k % 5] if occasion else None
        rows.append(
            {
                "id": f"x{k}",
                "group": "ab"[(k // 2) % 2],
                "turn": 0,
                "client": (excuses if occasion else plain)[k % 3],
                "reply": replies[response] if response else "ok what else",
                "occasion": occasion,
                "response": response,
            }
        )
    vectors = {b: rng.normal(size=(n, 384)).astype(np.float32) for b in ("client", "reply")}
    vectors["client"][:, 0] += [2.0 if r["occasion"] else -2.0 for r in rows]
    return rows, vectors


def test_a_trained_model_gives_the_probabilities_scikit_learn_gives():
    rows, vectors = _rows_and_vectors()
    model = StanceModel(train_stance.fit(rows, vectors))
    # the same fit, by scikit-learn directly, on the same design
    x, _, _ = train_stance._design(rows, vectors, "occasion")
    reference = LogisticRegression(
        C=train_stance.DEFAULT_C["occasion"], max_iter=3000, class_weight="balanced"
    ).fit(x, ["occasion" if r["occasion"] else "none" for r in rows])
    expected = reference.predict_proba(x)
    for k, r in enumerate(rows):
        reading = Reading(r["client"], r["reply"], {b: v[k] for b, v in vectors.items()})
        ours = model.probabilities("occasion", reading)
        assert ours["occasion"] == pytest.approx(
            expected[k][list(reference.classes_).index("occasion")], abs=1e-3
        )
    # the response head is multi-class: one probability per response, summing to one
    reading = Reading(rows[0]["client"], rows[0]["reply"], {b: v[0] for b, v in vectors.items()})
    response = model.probabilities("response", reading)
    assert set(response) == set(stance.RESPONSES)
    assert sum(response.values()) == pytest.approx(1.0)
    assert max(response, key=response.get) == rows[0]["response"]


def test_cross_validation_never_reads_a_set_with_a_model_that_saw_it(monkeypatch):
    rows, vectors = _rows_and_vectors()
    fitted_on = []
    real_fit = train_stance.fit

    def recording_fit(train_rows, vecs, c=None, task=None):
        fitted_on.append({r["group"] for r in train_rows})
        return real_fit(train_rows, vecs, c, task)

    monkeypatch.setattr(train_stance, "fit", recording_fit)
    predicted = train_stance.cross_validate(rows, vectors)
    assert sorted(predicted) == list(range(len(rows)))
    assert set(predicted[0]) == {"occasion", "response"}
    assert fitted_on == [{"b"}, {"a"}]


# --- readings become judged acts -------------------------------------------------------------

EXCUSE = ("client", "To be honest he was asking for it, the way he spoke to my sister.")


def _reading(turn, occasion, **response):
    probs = dict.fromkeys(stance.RESPONSES, 0.0) | response
    return Exchange(turn, turn + 1, occasion, probs)


def _judged(session, reply, reading):
    utterances = session(("practitioner", "How was the weekend?"), EXCUSE, ("practitioner", reply))
    view = judged_view(utterances)
    view.acts.clear()  # the cue rules' acts are tested elsewhere; here only this judge's
    view.exchanges = [reading]
    judge_occasions(view)
    return view.acts


@pytest.mark.parametrize(
    ("reply", "reading", "expected"),
    [
        # going along counts against, at the reply
        (
            "Honestly, in your shoes I'd have done the same.",
            _reading(1, 0.9, goes_along=0.8, challenges=0.2),
            ("C3", 2, AGAINST),
        ),
        # a challenge counts for, at the reply
        (
            "And how did your sister feel when it kicked off?",
            _reading(1, 0.8, challenges=0.7, explores=0.3),
            ("C2", 2, SUPPORTS),
        ),
        # talk let pass is marked at the client's turn, what was left
        (
            "Right. Did you get to the job centre?",
            _reading(1, 0.9, lets_pass=0.9, explores=0.1),
            ("C3", 1, AGAINST),
        ),
    ],
)
def test_a_reading_becomes_one_act_for_or_against(session, reply, reading, expected):
    acts = _judged(session, reply, reading)
    assert [(a.item, a.turn, a.polarity) for a in acts] == [expected]
    assert acts[0].rule.endswith(READ)
    # the weight is the occasion's probability times the reply's expected worth
    worth = sum(VALUES[c] * p for c, p in reading.response.items())
    assert acts[0].weight == pytest.approx(reading.occasion * abs(worth))


def test_no_act_when_exploring_or_doubtful(session):
    reply = "What happened then?"
    assert _judged(session, reply, _reading(1, 0.9, explores=1.0)) == []
    assert _judged(session, reply, _reading(1, OCCASION_P - 0.01, goes_along=1.0)) == []
    doubtful = MIN_CONFIDENCE / 0.9 - 0.01
    assert (
        _judged(
            session,
            reply,
            _reading(1, 0.9, goes_along=doubtful, lets_pass=0.0, explores=1 - doubtful),
        )
        == []
    )


def test_empathy_is_not_read_as_going_along(session):
    acts = _judged(
        session,
        "That must have been really hard for you.",
        _reading(1, 0.9, goes_along=0.9, challenges=0.1),
    )
    assert acts == []


# --- the switch and the shipped model ----------------------------------------------------

GOING_ALONG = [
    ("practitioner", "Morning Dean. How have things been since the court date?"),
    (
        "client",
        "Not bad. Bit of bother Saturday, I clipped a lad outside the chippy but "
        "he was mouthing off at my girlfriend so he got what was coming.",
    ),
    (
        "practitioner",
        "Ah mate, I'd probably have done the same if someone spoke to mine "
        "like that. Lads like that never learn.",
    ),
    ("client", "Exactly. Anyway it's done now."),
    ("practitioner", "Yeah, no harm done. How's work going?"),
    ("client", "Work's fine, doing nights this month."),
]
CHALLENGING = [
    GOING_ALONG[0],
    GOING_ALONG[1],
    (
        "practitioner",
        "You hit someone on Saturday. While you're on this order, what do "
        "you think happens next if he or the police take that further?",
    ),
    ("client", "Exactly. Anyway it's done now."),
    (
        "practitioner",
        "It isn't done for him. What else could you have done when he started mouthing off?",
    ),
    ("client", "Work's fine, doing nights this month."),
]


def _read(turns, **kwargs):
    return score_session(make_session(*turns), **kwargs)


def _read_acts(result):
    """The evidence the stance model's reading put on the card (the rapport and moves models
    read other items)."""
    return [
        e
        for code in ("C2", "C3")
        for e in result.items[code].get("evidence", [])
        if e["rule"].endswith(READ)
    ]


def test_the_shipped_model_reads_going_along_and_a_challenge_apart():
    along, challenged = _read(GOING_ALONG), _read(CHALLENGING)

    def term(result):
        return result.skill_inputs["judged"]["prosocial_modelling"]["occasions_read"]

    assert term(along) < 0 < term(challenged)
    # what the card lists from the reading agrees with it
    assert {e["polarity"] for e in _read_acts(along)} == {AGAINST}
    assert AGAINST not in {e["polarity"] for e in _read_acts(challenged)}
    assert train_stance.STANCE.version in along.model_version


def test_a_doubtful_reading_counts_in_the_score_but_is_not_listed(session):
    utterances = session(
        ("practitioner", "How was the weekend?"),
        EXCUSE,
        ("practitioner", "Did you get to the job centre?"),
    )
    doubtful = _reading(1, 0.6, challenges=0.7, explores=0.3)  # confidence 0.42
    confident = _reading(1, 0.9, challenges=0.7, explores=0.3)  # confidence 0.63
    for reading, listed in ((doubtful, []), (confident, [SUPPORTS])):
        view, items = judged_card(utterances, exchanges=[reading])
        assert [a.polarity for a in view.acts if a.rule.endswith(READ)] == [SUPPORTS]
        assert [e["polarity"] for e in items["C2"]["evidence"] if e["rule"].endswith(READ)] == (
            listed
        )


def test_talk_the_cue_rules_decided_is_not_read_again(session):
    # the cue rules answer this excuse two turns on, with a challenge; the first reply alone
    # would read as going along
    utterances = session(
        ("practitioner", "How was the weekend?"),
        ("client", "I nicked a few bits from the shop but everyone does it, it's only Tesco."),
        ("practitioner", "Right, okay."),
        ("client", "Yeah."),
        ("practitioner", "Everyone does it? What about the lad on the till who gets the blame?"),
    )
    view = judged_view(utterances)
    assert 1 in view.decided
    view.exchanges = [_reading(1, 0.9, goes_along=1.0)]
    judge_occasions(view)
    assert not [a for a in view.acts if a.rule.endswith(READ)]


def test_the_rules_only_switches_turn_the_reading_off(monkeypatch):
    assert _read_acts(_read(GOING_ALONG))
    rules_only = _read(GOING_ALONG, use_model=False)
    assert not _read_acts(rules_only)
    assert "stance" not in (rules_only.model_version or "")
    monkeypatch.setenv(stance.STANCE_ENV, "off")
    assert not _read_acts(_read(GOING_ALONG))
