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
