"""Scorer 2.4: structuring and prosocial modelling judged by their own acts, so that a warm
session that does the skill badly does not outscore a curt one that does it well.

Every sentence here is invented for the test."""

from scoring import score_session
from scoring.judgement import AGAINST, SUPPORTS
from tests.scoring.conftest import judged_view

MIDDLE = [
    ("practitioner", "How did the week at the allotment go?"),
    ("client", "Alright, I dug over the two beds and planted the onions with Terry."),
    ("practitioner", "Two beds dug and the onions in, alongside Terry."),
    ("client", "He showed me how deep to put them, I never knew that."),
    ("practitioner", "What was it like learning that from him?"),
    ("client", "Good actually, he is patient, not like my old foreman at the yard."),
    ("practitioner", "And the allotment keeps your mornings busy."),
    ("client", "It does, I am up early now instead of lying in till dinner."),
    ("practitioner", "What difference has getting up early made?"),
    ("client", "I feel less wound up, and I am not bumping into the lads at the bookies."),
    ("practitioner", "So the allotment mornings keep you away from the bookies and the lads."),
    ("client", "Yeah, that is the main thing really, keeping busy with the onions."),
]


def card(utterances):
    return score_session(utterances, use_model=False)


def rules_of(score, item):
    return [(e["rule"].split(" ")[0], e["polarity"]) for e in score.items[item]["evidence"]]


def test_an_ending_that_pins_a_step_to_a_time_with_the_client_counts_for_next_steps(session):
    score = card(
        session(
            *MIDDLE,
            ("practitioner", "So, the allotment mornings and keeping away from the bookies."),
            ("client", "That is it."),
            (
                "practitioner",
                "Before Thursday the twelfth at ten, you ask Terry about the allotment "
                "waiting list and keep getting up at seven. Does that work?",
            ),
            ("client", "Yeah, Thursday at ten, I will ask Terry about the list."),
        )
    )
    assert ("A9:ending_on_a_timed_step", SUPPORTS) in rules_of(score, "A9")


def test_stopping_when_the_clock_runs_out_counts_against_next_steps(session):
    score = card(
        session(
            *MIDDLE,
            ("practitioner", "Oh, I have got to dash, my phone is going."),
            ("client", "Right."),
            ("practitioner", "Ring the office if anything comes up. Take care."),
            ("client", "Bye then."),
        )
    )
    assert ("A9:ending_without_a_time", AGAINST) in rules_of(score, "A9")


def test_a_client_who_asks_when_and_gets_no_time_counts_against_next_steps(session):
    score = card(
        session(
            *MIDDLE,
            ("practitioner", "Keep up the allotment, Monday mornings especially."),
            ("client", "When do I come back here?"),
            ("practitioner", "You will get a letter about it."),
            ("client", "Okay."),
        )
    )
    assert ("A9:ending_without_a_time", AGAINST) in rules_of(score, "A9")


def test_a_time_with_no_step_is_an_appointment_and_counts_neither_way(session):
    score = card(
        session(
            *MIDDLE,
            ("practitioner", "Lovely."),
            ("client", "Anything else?"),
            ("practitioner", "Same time in a fortnight then?"),
            ("client", "Yes."),
        )
    )
    assert not [r for r in rules_of(score, "A9") if r[0].startswith("A9:ending")]


def test_the_same_session_scores_higher_on_structuring_when_it_closes_on_a_timed_step(session):
    timed = card(
        session(
            *MIDDLE,
            ("practitioner", "So the allotment mornings and the bookies are the two things."),
            ("client", "That is about it."),
            (
                "practitioner",
                "Before Thursday the twelfth at ten, you ask Terry about the allotment "
                "waiting list and keep getting up early.",
            ),
            ("client", "Okay, see you."),
        )
    )
    abrupt = card(
        session(
            *MIDDLE,
            ("practitioner", "So the allotment mornings and the bookies are the two things."),
            ("client", "That is about it."),
            (
                "practitioner",
                "Oh, I have got to dash, my phone is going, you ask Terry about the allotment "
                "waiting list and keep getting up early.",
            ),
            ("client", "Okay, see you."),
        )
    )
    assert timed.skills["structuring"]["score"] > abrupt.skills["structuring"]["score"]


def test_a_review_of_last_time_before_the_agenda_does_not_stand_for_an_agenda_dropped(session):
    score = card(
        session(
            ("practitioner", "Morning Dale, how are you doing?"),
            ("client", "Not bad, a bit tired."),
            (
                "practitioner",
                "Last time you had two things to do: ring the dentist and send the bank form.",
            ),
            ("client", "Both done, the dentist is next Friday."),
            (
                "practitioner",
                "Good. Today I want to cover your hours at the warehouse, then the money "
                "with the council tax. Anything you want to add?",
            ),
            ("client", "The warehouse hours, that is my worry."),
            ("practitioner", "What is happening with the warehouse hours?"),
            ("client", "They cut my warehouse hours to twenty, so money is tight."),
            ("practitioner", "Twenty hours at the warehouse, and the money squeezed."),
            ("client", "Yeah, and the council tax bill came as well."),
            ("practitioner", "What does the council tax bill say?"),
            ("client", "Three hundred owed on the council tax, I can't pay it in one go."),
            ("practitioner", "How could the money side work with fewer warehouse hours?"),
            ("client", "I could ask the council about paying the tax monthly."),
        )
    )
    assert ("A3:agenda_covered", SUPPORTS) in rules_of(score, "A3")
    assert ("A3:agenda_dropped", AGAINST) not in rules_of(score, "A3")


FRIENDLY_EXCUSE = [
    ("practitioner", "What happened at the match on Saturday?"),
    (
        "client",
        "The steward was mouthing at me all afternoon, so when he grabbed my arm I shoved "
        "him into the barrier.",
    ),
]


def judged(utterances):
    """The judged acts of a session, as the score card's skill terms read them."""
    return judged_view(utterances).acts


def test_agreeing_with_the_clients_account_and_leaving_it_counts_against_prosocial(session):
    found = judged(
        session(
            *FRIENDLY_EXCUSE,
            ("practitioner", "Yeah, fair enough, stewards can be like that."),
            ("client", "Exactly."),
        )
    )
    assert [a for a in found if a.rule.startswith("C3:goes_along") and a.polarity == AGAINST]


def test_laughing_along_with_the_clients_account_counts_against_prosocial(session):
    found = judged(
        session(
            *FRIENDLY_EXCUSE,
            ("practitioner", "Ha, I would have liked to see his face."),
            ("client", "It was a picture."),
        )
    )
    assert [a for a in found if a.rule.startswith("C3:goes_along")]


def test_agreeing_then_asking_for_the_other_side_is_not_going_along(session):
    found = judged(
        session(
            *FRIENDLY_EXCUSE,
            ("practitioner", "Yeah, okay. How do you think it looked to the steward?"),
            ("client", "Probably like I was going for him."),
        )
    )
    assert not [a for a in found if a.rule.startswith("C3:goes_along")]


def test_going_along_lowers_the_prosocial_score_of_an_otherwise_identical_session(session):
    colludes = card(
        session(
            *FRIENDLY_EXCUSE,
            ("practitioner", "Yeah, fair enough, stewards can be like that."),
            ("client", "Exactly, he was asking for trouble, I was only standing there."),
            ("practitioner", "Yeah, totally, some of them are on a power trip."),
            ("client", "They are, every week it is the same with that lot."),
        )
    )
    questions = card(
        session(
            *FRIENDLY_EXCUSE,
            ("practitioner", "Okay. How do you think it looked to the steward?"),
            ("client", "Exactly, he was asking for trouble, I was only standing there."),
            ("practitioner", "What else could you have done when he took your arm?"),
            ("client", "They are, every week it is the same with that lot."),
        )
    )
    assert (
        colludes.skills["prosocial_modelling"]["score"]
        < questions.skills["prosocial_modelling"]["score"]
    )


def test_procriminal_talk_answered_by_moving_to_another_subject_is_left_unanswered(session):
    found = judged(
        session(
            ("practitioner", "How are things with the neighbour?"),
            (
                "client",
                "I kicked his fence panel in, but he had it coming after what he said about "
                "my sister.",
            ),
            (
                "practitioner",
                "Right, we will leave the fence there. Did you get the bus pass form sent off?",
            ),
            ("client", "Not yet."),
        )
    )
    assert [
        a
        for a in found
        if a.rule.startswith("C3:procriminal_talk_unanswered") and a.polarity == AGAINST
    ]
