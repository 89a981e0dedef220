"""Issue 11, the ending rule (A9): a next step counts as pinned to a time only when a real
time is named (a day, a date, an hour, "next week"), not when ordinary words look like one
("the first thing", "at one point", "half the time", "how was the week"), and a vague phrase
("ring me whenever you need") leaves a real time in the same turn standing.

Every sentence here is invented for the test."""

import pytest

from scoring import score_session
from scoring.judgement import AGAINST, SUPPORTS
from scoring.judgement.structuring import names_a_time

# Words that look like a time but are not one.
NOT_TIMES = [
    "So the first thing is you ring the warehouse about the forklift course.",
    "The second thing we need to cover is your hostel keyworker.",
    "At one point you said the warehouse job was the main worry.",
    "At two points in the week you felt like walking out.",
    "Half the time the hostel lads are out anyway.",
    "How was the week at the warehouse?",
    "How did the weekend go with your sister?",
    "You did the right thing at the same time as keeping calm.",
    "That was the third time he has asked you for money.",
    "On the second attempt he passed the theory test.",
    "Ring me whenever you need to.",
    "We can look at the forklift course sometime next week.",
    "One of these days you will get that licence.",
]

# Times the ending rule must see, in written and in speech-recognition style.
TIMES = [
    "Thursday at ten you ring the warehouse about the forklift course.",
    "See you on the 3rd, bring the course letter.",
    "The forms go in by the fifth of March.",
    "Rent is due on the first of the month so pay it then.",
    "March the twelfth is the course start date.",
    "Before I see you on the twenty-eighth, send the course form off.",
    "The fourteenth.",
    "Come in at ten and we will go through it.",
    "Be there for half ten so you are not rushed.",
    "Meet me at half past two at the library.",
    "Ring them next week about the course.",
    "Get the form back to me this week.",
    "ring them by the end of the week about the course",
    "thursday at ten you ask about the course and ring me whenever you need",
    "see you at 10 30am",
    "come in at three o'clock",
    "same time in a fortnight",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_words_that_only_look_like_a_time_do_not_pin_a_step_to_one(text):
    assert not names_a_time(text)


@pytest.mark.parametrize("text", TIMES)
def test_a_day_date_or_hour_pins_a_step_to_a_time(text):
    assert names_a_time(text)


MIDDLE = [
    ("practitioner", "How have things been at the hostel since we last met?"),
    ("client", "Noisy, but I have kept my head down and gone to the gym most days."),
    ("practitioner", "The gym most days, even with the hostel noise."),
    ("client", "Yeah, and the gym lad told me about a forklift course at the warehouse."),
    ("practitioner", "What got you interested in the forklift course?"),
    ("client", "It pays better than the car wash and my brother did the same course."),
    ("practitioner", "So your brother did the forklift course and it worked out for him."),
    ("client", "He is a team leader at the warehouse now, he could put a word in."),
    ("practitioner", "What would you need to get onto the course?"),
    ("client", "A form from the warehouse and my ID, which is at my mum's."),
    ("practitioner", "The warehouse form and your ID from your mum's, then."),
    ("client", "That is it really, the form and the ID."),
]

SUMMARY = [
    ("practitioner", "So the gym, the hostel, and the forklift course at the warehouse."),
    ("client", "That sums it up."),
]


@pytest.fixture
def card(session):
    """The score of the invented session closed by the given turns."""

    def score(*closing):
        return score_session(session(*MIDDLE, *SUMMARY, *closing), use_model=False)

    return score


def ending_rules(score):
    return [
        (e["rule"].split(" ")[0], e["polarity"], e.get("text", ""))
        for e in score.items["A9"]["evidence"]
        if e["rule"].startswith("A9:ending")
    ]


def test_a_first_thing_with_no_time_does_not_earn_a_timed_ending(card):
    score = card(
        (
            "practitioner",
            "So the first thing is you pick up your ID from your mum's and get the warehouse "
            "form for the forklift course.",
        ),
        ("client", "Yeah, I can do that."),
    )
    rules = ending_rules(score)
    assert not [r for r in rules if r[1] == SUPPORTS]
    assert ("A9:ending_without_a_time", AGAINST) in [r[:2] for r in rules]


def test_at_one_point_and_half_the_time_do_not_earn_a_timed_ending(card):
    score = card(
        (
            "practitioner",
            "At one point you said half the time the hostel gets to you, so get the warehouse "
            "form and your ID for the forklift course.",
        ),
        ("client", "Yeah, I will."),
    )
    assert not [r for r in ending_rules(score) if r[1] == SUPPORTS]


def test_a_question_about_the_week_does_not_earn_a_timed_ending(card):
    score = card(
        (
            "practitioner",
            "How was the week for getting your ID from your mum's and the warehouse form for "
            "the forklift course?",
        ),
        ("client", "I have not got round to it."),
    )
    assert not [r for r in ending_rules(score) if r[1] == SUPPORTS]


TIMED_STEP = (
    "Friday at two you bring your ID from your mum's and the warehouse form for the forklift "
    "course, and we fill it in together."
)


def test_ring_me_whenever_does_not_cancel_the_time_given_in_the_same_turn(card):
    score = card(
        ("practitioner", TIMED_STEP + " And ring me whenever you need."),
        ("client", "Yeah, Friday at two, I will bring them."),
    )
    rules = ending_rules(score)
    assert ("A9:ending_on_a_timed_step", SUPPORTS) in [r[:2] for r in rules]
    assert not [r for r in rules if r[1] == AGAINST]


def test_ring_me_whenever_costs_structuring_nothing_next_to_the_same_timed_step(card):
    closing_reply = ("client", "Yeah, Friday at two, I will bring them.")
    plain = card(("practitioner", TIMED_STEP), closing_reply)
    with_whenever = card(
        ("practitioner", TIMED_STEP + " And ring me whenever you need."), closing_reply
    )
    assert with_whenever.skills["structuring"]["score"] == plain.skills["structuring"]["score"]


def test_sometime_next_week_still_leaves_the_step_without_a_time(card):
    score = card(
        (
            "practitioner",
            "Sometime next week you bring your ID from your mum's and the warehouse form for "
            "the forklift course.",
        ),
        ("client", "Yeah, okay."),
    )
    rules = ending_rules(score)
    assert not [r for r in rules if r[1] == SUPPORTS]
    assert ("A9:ending_without_a_time", AGAINST) in [r[:2] for r in rules]
