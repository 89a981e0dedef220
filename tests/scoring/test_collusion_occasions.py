"""Scorer 2.4.1 (#11): collusion is judged only where the client gave occasion for it, and a
question about the victim's side answers procriminal talk rather than moving on from it.

Every sentence here is invented for the test."""

import pytest

from scoring import score_session
from scoring.judgement import AGAINST
from tests.scoring.conftest import judged_view

OPENING = ("practitioner", "How has the week been?")

EMPATHY = [
    (
        "My mum went into hospital on Tuesday and I have been up there every night.",
        "Yeah, that sounds really hard on you.",
    ),
    (
        "I have not been sleeping and I just sit in the flat most days.",
        "Yeah, you have been feeling really low.",
    ),
    (
        "I rang the housing office myself on Monday to sort out the arrears.",
        "Yes, well done for ringing them.",
    ),
]

VICTIM_SIDE = [
    (
        "I keyed his car, but he had it coming after what he did to my brother.",
        "You keyed his car after what he did. How do you think he felt when he saw it?",
    ),
    (
        "I dumped the rubbish in his garden, he deserved it for all the noise he makes.",
        "The rubbish in his garden, because of the noise. What do you think the neighbour "
        "made of that?",
    ),
    (
        "I slashed his tyres, he deserved it for grassing on my cousin.",
        "So you felt he deserved it. How might it look to someone else?",
    ),
]


def judged(utterances):
    return judged_view(utterances).acts


def going_along(acts):
    return [a for a in acts if a.rule.startswith("C3:goes_along")]


def unanswered(acts):
    return [
        a
        for a in acts
        if a.rule.startswith("C3:procriminal_talk_unanswered") and a.polarity == AGAINST
    ]


@pytest.mark.parametrize(("client", "reply"), EMPATHY)
def test_an_empathic_or_affirming_reply_is_not_going_along(session, client, reply):
    acts = judged(session(OPENING, ("client", client), ("practitioner", reply), ("client", "Mm.")))
    assert not going_along(acts)


@pytest.mark.parametrize(("client", "reply"), EMPATHY)
def test_an_empathic_reply_gives_no_procriminal_evidence_on_the_card(session, client, reply):
    card = score_session(
        session(OPENING, ("client", client), ("practitioner", reply), ("client", "Mm.")),
        use_model=False,
    )
    assert card.items["C3"]["evidence"] == []
    assert not card.items["C3"]["present"]


def test_opening_with_yeah_scores_prosocial_like_opening_with_mm(session):
    def prosocial(opener):
        turns = [OPENING]
        for client, reply in EMPATHY[:2]:
            turns += [("client", client), ("practitioner", f"{opener}, {reply.split(', ', 1)[1]}")]
        turns.append(("client", "It has been a long week."))
        return score_session(session(*turns), use_model=False).skills["prosocial_modelling"][
            "score"
        ]

    assert prosocial("Yeah") == prosocial("Mm")


def test_a_reflection_of_feeling_after_an_excuse_is_not_going_along(session):
    acts = judged(
        session(
            OPENING,
            ("client", "The steward kept mouthing at me so I shoved him into the barrier."),
            ("practitioner", "Yeah, you were really angry with him."),
            ("client", "I was fuming."),
        )
    )
    assert not going_along(acts)


def test_agreeing_with_an_excuse_for_force_is_still_going_along(session):
    acts = judged(
        session(
            OPENING,
            ("client", "The steward kept mouthing at me so I shoved him into the barrier."),
            ("practitioner", "Yeah, stewards can be like that."),
            ("client", "They are."),
        )
    )
    assert [a for a in going_along(acts) if a.polarity == AGAINST]


@pytest.mark.parametrize(("client", "reply"), VICTIM_SIDE)
def test_asking_about_the_victims_side_answers_procriminal_talk(session, client, reply):
    acts = judged(
        session(OPENING, ("client", client), ("practitioner", reply), ("client", "Dunno."))
    )
    assert not unanswered(acts)


def test_taking_up_the_words_then_asking_about_something_else_leaves_the_talk(session):
    # the reply shares the client's words (2.3 counted that as answered); its last question
    # is about another subject, so the talk is left there
    acts = judged(
        session(
            OPENING,
            (
                "client",
                "I kicked his fence panel in, but he had it coming after what he said about "
                "my sister.",
            ),
            (
                "practitioner",
                "The fence panel and your sister, right. Did you get the bus pass form sent off?",
            ),
            ("client", "Not yet."),
        )
    )
    assert unanswered(acts)
