"""The exchange read without cue words (scorer 2.3): the client takes up what the practitioner
says, the client's words come back in the practitioner's turns, who does the talking; and the
skill scores weigh it with the judged acts."""

import math

from scoring import score_session
from scoring.judgement import SessionView
from scoring.judgement.exchange import client_follows, client_share, words_taken_up
from scoring.skill_scores import EXCHANGE_INPUTS, load_weights


def view(*turns):
    return SessionView(
        texts=[text for _, text in turns],
        practitioner=[speaker == "practitioner" for speaker, _ in turns],
        units={},
    )


def test_a_client_who_picks_up_each_turn_follows_more_than_one_who_answers_past_it():
    picked_up = view(
        ("practitioner", "How did the allotment committee meeting turn out on Tuesday?"),
        ("client", "The committee gave me plot nine."),
        ("practitioner", "Plot nine, by the railway fence?"),
        ("client", "Railway fence, yes."),
    )
    past_it = view(
        ("practitioner", "How did the allotment committee meeting turn out on Tuesday?"),
        ("client", "Bus was late again."),
        ("practitioner", "Plot nine, by the railway fence?"),
        ("client", "Suppose."),
    )
    assert client_follows(picked_up) == 1.0
    assert client_follows(past_it) == 0.0


def test_a_long_reply_in_other_words_still_follows():
    turns = view(
        ("practitioner", "What was Sunday lunch at your sister's like?"),
        ("client", "Honestly it was calm, the kids played outside and nobody raised their voice."),
    )
    assert client_follows(turns) == 1.0


def test_turns_built_from_the_clients_words_take_them_up_more_than_turns_of_ones_own():
    client = "The bakery shifts start at four and the night bus stops running at midnight."
    taken_up = view(
        ("client", client),
        ("practitioner", "Four in the morning, with no night bus after midnight."),
    )
    own = view(
        ("client", client),
        ("practitioner", "Attendance records are checked monthly by the compliance team."),
    )
    assert words_taken_up(taken_up) > 0.5
    assert words_taken_up(own) == 0.0


def test_a_short_client_turn_gives_nothing_to_take_up():
    assert words_taken_up(view(("client", "Fine."), ("practitioner", "Fine it is."))) is None


def test_client_share_is_the_clients_part_of_the_words():
    turns = view(("practitioner", "one two three"), ("client", "four five six seven eight nine"))
    assert math.isclose(client_share(turns), 6 / 9)


def test_every_fitted_weight_is_zero_or_more():
    # a client who takes up more, or acts judged better, must never lower a skill's score
    weights = load_weights()["skills"]
    for skill, names in EXCHANGE_INPUTS.items():
        for name in ("judged", *names):
            assert weights[skill]["inputs"][name]["weight"] >= 0


def test_the_score_is_the_logistic_of_its_terms(session):
    score = score_session(
        session(
            ("practitioner", "What happened at the garage on Monday?"),
            ("client", "The garage owner offered me two days a week on the forecourt."),
        ),
        use_model=False,
    )
    for code, terms in score.skill_terms.items():
        expected = 1 / (1 + math.exp(-sum(terms.values())))
        assert math.isclose(score.skills[code]["score"], expected, abs_tol=1e-4)


def test_a_client_who_takes_up_the_practitioners_turns_raises_every_skill_that_weighs_it(
    session,
):
    # the same practitioner turns; short client replies either way (neither elaborates nor
    # closes down), so only whether the client takes the turn up differs
    questions = [
        "How did the induction at the warehouse go on Monday?",
        "Who showed you round the warehouse floor?",
        "What did the supervisor say about the forklift course?",
        "When does the forklift course start?",
    ]
    engaged_replies = [
        "Induction went fine overall.",
        "The warehouse manager did.",
        "Supervisor booked the course.",
        "Course starts in March.",
    ]
    elsewhere_replies = [
        "Raining all day.",
        "Cat got out.",
        "Cousin visited us.",
        "Kettle broke again.",
    ]

    def run(replies):
        turns = [
            t
            for q, r in zip(questions, replies, strict=True)
            for t in (("practitioner", q), ("client", r))
        ]
        return score_session(session(*turns), use_model=False)

    engaged, elsewhere = run(engaged_replies), run(elsewhere_replies)
    # which skills weigh it, and how much, the fit decides (skill-weights-6: cognitive
    # techniques only; relationship's weight on it came out 0)
    fitted = load_weights()["skills"]
    reading = [code for code, names in EXCHANGE_INPUTS.items() if "client_follows" in names]
    weighing = [c for c in reading if fitted[c]["inputs"]["client_follows"]["weight"] > 0]
    assert weighing
    for code in set(reading) - set(weighing):
        assert engaged.skill_terms[code]["client_follows"] == 0.0
    for code in weighing:
        assert (
            engaged.skill_terms[code]["client_follows"]
            > elsewhere.skill_terms[code]["client_follows"]
        )
        assert engaged.skills[code]["score"] > elsewhere.skills[code]["score"]
    # (2.5) prosocial modelling and (2.6) structuring do not read the exchange: a client who
    # goes along with the practitioner says nothing about what the practitioner models, nor
    # about how the session is structured
    for code in ("prosocial_modelling", "structuring"):
        assert engaged.skills[code]["score"] == elsewhere.skills[code]["score"]
