"""Cognitive techniques are judged by what happened after the invitation, not by its words."""

from scoring import rapport, score_session
from scoring.stance import Exchange
from tests.scoring.conftest import judged_card, judged_view, make_session


def acts_of(*turns):
    """The judged cognitive acts of a session, as (item, polarity, rule) triples."""
    view = judged_view(make_session(*turns))
    return [(a.item, a.polarity, a.rule) for a in view.acts if a.item.startswith("D")]


def cognitive(*turns):
    return score_session(make_session(*turns), use_model=False).skills["cognitive_techniques"][
        "score"
    ]


ASKED = ("practitioner", "When the bouncer pushed you, what was going through your mind?")
ANSWERED = ("client", "That he was showing me up in front of my girlfriend and I had to hit back.")


def test_thinking_asked_answered_and_followed_up_is_explored():
    acts = acts_of(
        ASKED,
        ANSWERED,
        (
            "practitioner",
            "Showing you up in front of her. What did that feel like in the moment?",
        ),
        ("client", "Like everyone was laughing at me, my face went hot."),
    )
    assert ("D1", "supports", "D:client_thinking_explored (answer built on)") in acts


def test_thinking_answered_then_told_what_it_means_counts_against():
    acts = acts_of(
        ASKED,
        ANSWERED,
        (
            "practitioner",
            "You did not have to hit back. Violence is never the answer and the court will "
            "see it as aggression, so you will end up back inside if you carry on like this.",
        ),
        ("client", "Right."),
    )
    assert ("D1", "counts_against", "D:answer_overridden") in acts
    assert not any(polarity == "supports" for _, polarity, _ in acts)


def test_thinking_labelled_for_the_client_counts_against():
    acts = acts_of(
        ("practitioner", "That's your thinking error right there, you always blame other people."),
        ("client", "Whatever."),
    )
    assert ("D3", "counts_against", "D:thinking_labelled_for_client") in acts


def test_options_from_the_client_taken_up_is_problem_solving():
    acts = acts_of(
        ("practitioner", "Your landlord wants you out by Friday. What are your options?"),
        ("client", "I could ask my sister to put me up, or go to the council housing office."),
        ("practitioner", "Your sister or the council. What would happen with each one?"),
        ("client", "My sister has kids so only a week, the council takes longer."),
    )
    assert ("D6", "supports", "D:client_thinking_explored (answer built on)") in acts


def test_a_solution_handed_out_after_the_client_answers_counts_against():
    acts = acts_of(
        ("practitioner", "Your landlord wants you out by Friday. What are your options?"),
        ("client", "I could ask my sister to put me up, or go to the council housing office."),
        (
            "practitioner",
            "The best thing is to ring the council today. Take your tenancy letter and your "
            "ID with you and tell them you are at risk of being homeless.",
        ),
        ("client", "Okay."),
    )
    assert ("D6", "counts_against", "D:solution_handed_out") in acts


def test_a_question_asked_and_answered_in_the_same_breath_counts_against():
    acts = acts_of(
        (
            "practitioner",
            "So what are your options? I will tell you: stop going to the pub on Fridays, "
            "stop answering his calls, and get yourself to the gym instead of drinking.",
        ),
        ("client", "I suppose."),
    )
    assert ("D6", "counts_against", "D:answered_own_question") in acts


def test_a_rehearsal_the_client_plays_through_counts():
    acts = acts_of(
        (
            "practitioner",
            "Let's practise it. I'll be your mate at the door with the bag. What do you say?",
        ),
        (
            "client",
            "Not tonight mate, I've got work early and I'm not getting dragged back into that.",
        ),
        ("practitioner", "How did that feel to say out loud?"),
        ("client", "Weird but I could do it."),
    )
    assert ("D7", "supports", "D:rehearsal_played_through") in acts


def test_lets_practise_with_no_practice_counts_against():
    acts = acts_of(
        ("practitioner", "Let's practise saying no then. Anyway, have you paid your fine?"),
        ("client", "Yeah."),
        ("practitioner", "Good. Same time next week."),
        ("client", "Okay."),
    )
    assert ("D7", "counts_against", "D:practice_not_done") in acts


def test_repeating_a_line_dictated_by_the_practitioner_is_not_a_rehearsal():
    acts = acts_of(
        (
            "practitioner",
            "Let's practise. Say after me: I will not drink before I see my son on Saturday.",
        ),
        ("client", "I will not drink before I see my son on Saturday."),
    )
    assert ("D7", "counts_against", "D:practice_not_done") in acts


def test_asking_often_and_overriding_scores_below_asking_once_and_building_on_it():
    overriding = []
    for _ in range(4):
        overriding += [
            ASKED,
            ANSWERED,
            (
                "practitioner",
                "You did not have to hit back. Violence is never the answer and the court will "
                "see it as aggression, so you will end up back inside if you carry on.",
            ),
            ("client", "Right."),
        ]
    explored = [
        ASKED,
        ANSWERED,
        ("practitioner", "Showing you up in front of her. What did that feel like?"),
        ("client", "Like everyone was laughing at me, my face went hot."),
    ]
    assert cognitive(*explored) > cognitive(*overriding)


def test_an_answer_affirmed_in_the_practitioners_words_is_not_answered_for_the_client():
    acts = acts_of(
        ("practitioner", "When the shop manager accused you, how else could you have handled it?"),
        ("client", "Asked to speak to the manager properly, or asked to see the CCTV."),
        (
            "practitioner",
            "Exactly. Asking to see the CCTV and speaking to the manager calmly keeps you in "
            "the right, and it keeps the police out of it.",
        ),
        ("client", "Yeah."),
    )
    assert not any(polarity == "counts_against" for _, polarity, _ in acts)


def test_praise_for_the_clients_own_answer_is_not_answering_it_for_them():
    acts = acts_of(
        ("practitioner", "When he offered you the lift, what went through your head?"),
        ("client", "If I get in that car I am back inside, simple as that."),
        (
            "practitioner",
            "Well done. I noticed that straight away. Walking home in the rain rather than "
            "getting in a car with a bag in the boot is a real change from last year.",
        ),
        ("client", "Yeah."),
    )
    assert ("D1", "supports", "D:client_thinking_explored") in acts


def test_every_cognitive_act_the_score_weighs_is_on_the_card():
    """(2.16) The judge's own cues reach thinking questions the item's detector phrases do not
    ("what do you think is going on for him?"): such an act counts for the skill, so the card
    shows it, and the item is not "not found" while its act is weighed."""
    turns = (
        ("practitioner", "How has your week been?"),
        ("client", "Rough. My lad won't get out of bed for school and I don't know what to do."),
        ("practitioner", "What do you think is going on for him? What keeps him in bed?"),
        (
            "client",
            "He won't say. I think there's something with some lads in his year. He used to "
            "love school, up until about Christmas.",
        ),
        ("practitioner", "Something changed around Christmas, and he's gone quiet about it."),
        ("client", "Yeah. I reckon they're picking on him."),
    )
    view, items = judged_card(make_session(*turns))
    acts = [a for a in view.acts if a.item.startswith("D")]
    assert ("D1", 2, "supports") in [(a.item, a.turn, a.polarity) for a in acts]
    for act in acts:
        listed = [(e["utterance"], e["polarity"]) for e in items[act.item]["evidence"]]
        assert (act.turn, act.polarity) in listed
    assert items["D1"]["verdict"] == "shown"


def test_the_session_score_keeps_the_judged_acts_for_benches_but_not_on_the_card():
    session = score_session(
        make_session(ASKED, ANSWERED, ("practitioner", "Showing you up. What did that feel like?")),
        use_model=False,
    )
    assert ("D1", 0, "supports") in [(a.item, a.turn, a.polarity) for a in session.acts]
    assert "acts" not in session.to_dict()


def _read_follow_up(**response):
    """The rapport model's reading of the practitioner's follow-up (turn 2) to the client's
    answer (turn 1), as the session passes it in."""
    return Exchange(1, 2, 0.9, dict.fromkeys(rapport.RESPONSES, 0.0) | response)


def _cognitive_acts(turns, reading):
    view, _items = judged_card(make_session(*turns), disclosures=[reading])
    return [(a.item, a.polarity, a.rule) for a in view.acts if a.item.startswith("D")]


# the client's meaning put in the practitioner's words: few words shared with the answer
REFRAMED = (
    "practitioner",
    "So the push mattered less than looking weak to her, and once everyone was watching, "
    "backing down felt like it would cost you more than a fight.",
)


def test_a_follow_up_read_as_taking_the_answer_up_is_not_answering_it_for_the_client():
    """(2.17) Counted by its words this reflection of meaning is mostly the practitioner's
    own: the rule called it the answer overridden, as often in good sessions as in poor ones.
    The rapport model reads it as showing the client they were understood, and that decides."""
    turns = (ASKED, ANSWERED, REFRAMED, ("client", "Yeah, exactly that."))
    assert ("D1", "counts_against", "D:answer_overridden") in acts_of(*turns)  # by its words
    acts = _cognitive_acts(turns, _read_follow_up(attunes=0.7, explores=0.1, dismisses=0.1))
    assert ("D1", "counts_against", "D:answer_overridden") not in acts
    assert ("D1", "supports", "D:client_thinking_explored") in acts


def test_a_short_follow_up_read_as_dismissing_the_answer_overrides_it():
    """(2.17) A short retort that ends on a question passes the rule by words (it asks); read by
    meaning it dismisses what the client said."""
    turns = (
        ASKED,
        ANSWERED,
        ("practitioner", "Well you can't go round hitting people, can you?"),
        ("client", "No."),
    )
    assert ("D1", "counts_against", "D:answer_overridden") not in acts_of(*turns)
    acts = _cognitive_acts(turns, _read_follow_up(dismisses=0.8, attunes=0.05, explores=0.05))
    assert ("D1", "counts_against", "D:answer_overridden") in acts


def test_moving_on_to_the_next_step_is_not_read_as_overriding():
    """(2.17) Passing over is not overriding: "and then what?" goes on with a walk-through. The
    follow-up overrides only when dismissing is likelier than taking the answer up, however
    likely it is that it moves on."""
    turns = (
        ASKED,
        ANSWERED,
        ("practitioner", "And what did you do next?"),
        ("client", "I went for him."),
    )
    acts = _cognitive_acts(turns, _read_follow_up(passes_over=0.75, explores=0.15, dismisses=0.1))
    assert ("D1", "counts_against", "D:answer_overridden") not in acts


def test_a_reading_of_another_exchange_does_not_decide_the_follow_up():
    """(2.17) Only the reading of the answer and the follow-up right after it counts: a reading
    of a later exchange leaves the follow-up to the word rule (which finds this lecture)."""
    turns = (
        ASKED,
        ANSWERED,
        (
            "practitioner",
            "You did not have to hit back. Violence is never the answer and the court will "
            "see it as aggression, so you will end up back inside if you carry on like this.",
        ),
        ("client", "Right, I hear you, I know that is what they will all say about it."),
        ("practitioner", "What do you make of that?"),
    )
    later = Exchange(3, 4, 0.9, dict.fromkeys(rapport.RESPONSES, 0.0) | {"attunes": 0.9})
    assert ("D1", "counts_against", "D:answer_overridden") in _cognitive_acts(turns, later)
