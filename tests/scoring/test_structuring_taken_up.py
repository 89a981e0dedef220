"""A check-in or review question is taken up when the practitioner invites the client to go
on and the client does, even without repeating the client's words."""

from tests.scoring.conftest import judged_view, make_session


def structuring_acts(*turns):
    view = judged_view(make_session(*turns))
    return [(a.item, a.polarity, a.rule) for a in view.acts if a.item in ("A1", "A2")]


REVIEW = ("practitioner", "How did it go with the housing officer since we last met?")
ANSWER = ("client", "She rang back on Monday and said there might be a room at the hostel.")


def test_a_continuer_the_client_goes_on_with_takes_the_answer_up():
    acts = structuring_acts(
        REVIEW,
        ANSWER,
        ("practitioner", "And then?"),
        (
            "client",
            "I went round on Wednesday, filled the forms in, and they want my ID by Friday.",
        ),
    )
    assert ("A2", "supports", "A2:answer_taken_up") in acts


def test_a_continuer_the_client_does_not_go_on_with_does_not():
    acts = structuring_acts(REVIEW, ANSWER, ("practitioner", "And then?"), ("client", "Nothing."))
    assert ("A2", "supports", "A2:answer_taken_up") not in acts


def test_changing_the_subject_after_the_answer_is_not_taking_it_up():
    acts = structuring_acts(
        REVIEW,
        ANSWER,
        ("practitioner", "Anyway, moving on, what are you doing about your fines?"),
        ("client", "I've been paying five pounds a week and I've got the receipts with me."),
    )
    assert ("A2", "supports", "A2:answer_taken_up") not in acts


def test_a_plain_statement_the_client_goes_on_from_takes_the_answer_up():
    # neither a question nor the client's words: a comment in other words, and the client's
    # going on from it is the evidence it landed (2.3)
    acts = structuring_acts(
        REVIEW,
        ANSWER,
        ("practitioner", "Mm, after all those weeks of waiting on a phone call."),
        ("client", "Eleven weeks, and my sister says the hostel on the ring road is decent."),
    )
    assert ("A2", "supports", "A2:answer_taken_up") in acts


def test_telling_the_client_goes_on_from_does_not_take_the_answer_up():
    acts = structuring_acts(
        REVIEW,
        ANSWER,
        (
            "practitioner",
            "Hostel places are allocated by the council panel on Thursdays and the panel "
            "sets the order of the list by points for priority need.",
        ),
        ("client", "Right so I'd be waiting on the Thursday panel then for a room somewhere."),
    )
    assert ("A2", "supports", "A2:answer_taken_up") not in acts


def acts_on(item, *turns):
    view = judged_view(make_session(*turns))
    return [(a.polarity, a.rule, a.weight) for a in view.acts if a.item == item]


def test_a_review_answered_and_then_left_counts_as_asked_not_against():
    # (2.9) moving on after the answer is how a session gets to its business: the review
    # counts for less than one taken up, never against
    acts = acts_on(
        "A2",
        REVIEW,
        ANSWER,
        ("practitioner", "Anyway, moving on, what are you doing about your fines?"),
        ("client", "I've been paying five pounds a week and I've got the receipts with me."),
    )
    assert acts == [("supports", "A2:asked_not_followed", 0.5)]


BARRIER = [
    ("practitioner", "So you'll ring the college on Monday about the course."),
    ("client", "Yeah I will."),
    ("practitioner", "What might get in the way of that?"),
    ("client", "My phone has no credit and the college line always keeps you on hold."),
]


def test_a_barrier_left_with_the_client_still_there_counts_against():
    acts = acts_on(
        "A9",
        *BARRIER,
        ("practitioner", "If you want it enough you'll find a way."),
        ("client", "Right. Whatever you say."),
    )
    assert ("counts_against", "A9:answer_ignored", 1.0) in acts


def test_a_barrier_whose_follow_up_ends_the_session_is_only_asked():
    # no reply after the last word: nothing tells whether the answer was taken up
    acts = acts_on(
        "A9", *BARRIER, ("practitioner", "If anything goes wrong, ring me and we'll sort it.")
    )
    assert ("supports", "A9:asked_not_followed", 0.5) in acts
    assert not any(polarity == "counts_against" for polarity, _, _ in acts)


def test_a_review_answered_with_a_verdict_still_counts_against():
    acts = acts_on(
        "A2",
        REVIEW,
        ANSWER,
        ("practitioner", "That's no excuse, you should have gone round there yourself."),
        ("client", "I did try, she wasn't in."),
    )
    assert [(p, r) for p, r, _ in acts] == [("counts_against", "A2:answer_ignored")]


def test_a_barrier_left_mid_recording_still_counts_against():
    # Whisper often splits one speaker's talk into several lines: the client speaks again later
    acts = acts_on(
        "A9",
        *BARRIER,
        ("practitioner", "Right, so Monday then."),
        ("practitioner", "And the other thing was your fines."),
        ("client", "I've been paying five pounds a week and I've got the receipts with me."),
    )
    assert ("counts_against", "A9:answer_ignored", 1.0) in acts
