"""A skill score means the same in any session: elements are judged once, not counted, acts
are judged by what could happen in that session, and the client's reply is evidence."""

import pytest

from scoring import score_session
from scoring.codes import UtteranceCode
from scoring.judgement import SUPPORTS, Act, SessionView
from scoring.judgement.context import takes_up
from scoring.judgement.cues import PRAISE
from scoring.judgement.relationship import judge_reflections
from scoring.skill_scores import _balance, praise_quality, session_rates
from scoring.text import normalise
from scoring.units import Unit, split_units
from tests.scoring.conftest import judged_view


def card(session, *turns):
    return score_session(session(*turns), use_model=False)


def rules(item):
    return [(e["rule"].split(" ")[0], e["polarity"]) for e in item["evidence"]]


def test_an_element_shown_three_times_scores_as_one_shown_once():
    once = [Act("A2", 4, SUPPORTS, "A2:answer_taken_up", 0.7)]
    thrice = once + [Act("A2", 9, SUPPORTS, "A2:answer_taken_up", 0.7) for _ in range(2)]
    assert _balance(once, "A2") == _balance(thrice, "A2") == 1.0


def test_a_mixed_record_scores_between_shown_and_counted_against():
    mixed = [
        Act("A9", 4, SUPPORTS, "A9:answer_taken_up", 0.7),
        Act("A9", 9, "counts_against", "A9:answer_ignored", 0.6),
    ]
    against = mixed[1:]
    assert _balance(against, "A9") == -1.0
    assert _balance(against, "A9") < _balance(mixed, "A9") < _balance(mixed[:1], "A9")


def test_a_weak_act_alone_counts_for_its_weight():
    asked = [Act("A1", 0, SUPPORTS, "A1:asked", 0.5, weight=0.5)]
    assert _balance(asked, "A1") == 0.5
    assert _balance([], "A1") == 0.0


def test_a_reproach_that_repeats_the_answers_words_does_not_take_it_up():
    answer = "I was late back to the flat on Friday because the last tram was cancelled."
    reproach = "You were late back on Friday, that is your own fault and there's no excuse."
    warm = "The last tram cancelled on a Friday. What did you do then?"
    assert not takes_up(reproach, answer, split_units(2, reproach, answer))
    assert takes_up(warm, answer, split_units(2, warm, answer))


def test_a_follow_up_that_only_tells_does_not_take_the_answer_up():
    answer = "The housing officer never rang me back about the flat on Bridge Street."
    told = (
        "Housing officers are busy people and the waiting list runs six months. The council "
        "allocates flats by points and the panel sets the points."
    )
    assert not takes_up(told, answer, split_units(2, told, answer))


def test_first_and_then_in_a_reflection_is_not_an_agenda(session):
    score = card(
        session,
        ("practitioner", "How did the meeting with your brother go?"),
        ("client", "I felt embarrassed first, and then furious when he brought up the van."),
        ("practitioner", "Embarrassed first and then furious. What was the furious about?"),
        ("client", "He always brings the van up in front of everyone."),
        ("practitioner", "In front of everyone, so it felt like a show."),
        ("client", "Exactly."),
    )
    assert score.items["A3"]["evidence"] == []


def test_naming_the_next_appointment_again_and_again_counts_once(session):
    turns = [
        ("practitioner", "How have things been this fortnight?"),
        ("client", "Quiet. I kept my head down and did my hours at the charity shop."),
    ]
    closing = [
        ("practitioner", "Right, next appointment is the ninth."),
        ("client", "Okay."),
        ("practitioner", "I'll write the next appointment on a card for you."),
        ("client", "Thanks."),
        ("practitioner", "So the ninth, next appointment, same time next week after that."),
        ("client", "Got it."),
    ]
    once = card(session, *turns, *closing[:2])
    thrice = card(session, *turns, *closing)
    steps = [e for e in thrice.items["A9"]["evidence"] if e["rule"] == "A9:next_steps"]
    assert len(steps) == 1
    assert thrice.skills["structuring"]["score"] <= once.skills["structuring"]["score"] + 0.02


def test_a_summary_the_client_only_goes_along_with_does_not_count(session):
    turns = [
        ("practitioner", "How has the week gone?"),
        ("client", "I signed up for the bricklaying course at the college on Tuesday."),
        ("practitioner", "What else has been going on?"),
        ("client", "My sister let me stay at hers, so I'm off the sofa at my mate's."),
        ("practitioner", "And the gambling?"),
        ("client", "Not touched the machines since the course started, keeps me busy."),
        (
            "practitioner",
            "So let me sum up: the bricklaying course at the college, staying at your "
            "sister's, and the machines left alone since the course. Is that right?",
        ),
    ]
    agreed = card(session, *turns, ("client", "Yeah, that's it, and my sister's pleased."))
    grudging = card(session, *turns, ("client", "If you say so."))
    assert agreed.items["A8"]["present"] is True
    assert grudging.items["A8"]["present"] is False
    assert ("A8:summary_without_client", "counts_against") in rules(grudging.items["A8"])
    reasons = [e["reason"] for e in grudging.items["A8"]["evidence"]]
    assert any("goes along" in r for r in reasons)


def test_praise_is_judged_by_what_it_rewards_not_how_often_it_is_said():
    specific = [Act("C1", 3, SUPPORTS, "C1:praise_of_prosocial_act (says why)", 0.7, weight=1.2)]
    aimless = [Act("B5", t, SUPPORTS, "B5:affirmation", 0.6) for t in (3, 5, 7, 9, 11)]
    breach = [Act("C1", 3, "counts_against", "C1:praise_rewards_breach", 0.65, weight=1.5)]
    assert praise_quality(specific) == 1.0
    assert praise_quality(aimless) == 0.0
    assert praise_quality(specific + aimless) < praise_quality(specific)
    assert praise_quality(breach) < 0 == praise_quality([])


def test_a_turn_that_praises_a_breach_counts_at_its_worst():
    both = [
        Act("B5", 4, SUPPORTS, "B5:affirmation", 0.6),
        Act("C1", 4, "counts_against", "C1:praise_rewards_breach", 0.65, weight=1.5),
    ]
    assert praise_quality(both) < 0


def test_one_detection_of_procriminal_talk_weighs_half_of_a_pattern():
    once = [Act("C3", 5, "counts_against", "C3:procriminal_talk_unanswered", 0.6)]
    twice = once + [Act("C3", 9, "counts_against", "C3:procriminal_talk_unanswered", 0.6)]
    assert _balance(once, "C2", "C3", prior=1.0) == -0.5
    assert _balance(twice, "C2", "C3", prior=1.0) < _balance(once, "C2", "C3", prior=1.0)
    assert _balance([], "C2", "C3", prior=1.0) == 0.0


def test_procriminal_talk_explored_with_an_open_question_is_not_left_unanswered(session):
    turns = [
        ("practitioner", "How did things go at the market on Saturday?"),
        ("client", "Took a couple of phone cases off the stall, they can afford it anyway."),
    ]
    explored = card(
        session, *turns, ("practitioner", "What makes you say they can afford it?"), ("client", "x")
    )
    ignored = card(
        session, *turns, ("practitioner", "Right. Next, your hours at the depot."), ("client", "x")
    )
    assert ("C3:procriminal_talk_unanswered", "counts_against") not in rules(explored.items["C3"])
    assert ("C3:procriminal_talk_unanswered", "counts_against") in rules(ignored.items["C3"])
    assert (
        explored.skills["prosocial_modelling"]["score"]
        > ignored.skills["prosocial_modelling"]["score"]
    )


def test_praise_that_prefaces_a_warning_is_not_praise_of_the_act(session):
    turns = [
        ("practitioner", "How has the last month been?"),
        ("client", "I've stayed sober the whole month, not a single drink since the hearing."),
    ]
    specific = card(
        session,
        *turns,
        (
            "practitioner",
            "Well done, a whole month sober is exactly what the court wanted to see from you.",
        ),
        ("client", "It wasn't easy."),
    )
    warning = card(
        session,
        *turns,
        (
            "practitioner",
            "Well done. But you need to understand that one slip and you're straight back in "
            "front of the magistrates, they will not give you another chance, and the hostel "
            "will not hold your room either, so you have to keep it that way every single day.",
        ),
        ("client", "I know."),
    )
    assert ("C1:praise_of_prosocial_act", "supports") in rules(specific.items["C1"])
    assert not [r for r in rules(warning.items["C1"]) if r[1] == "supports"]


def test_plain_words_praise_must_name_the_prosocial_act_itself(session):
    turns = [
        ("practitioner", "What happened at the weekend?"),
        ("client", "I went to the gym with my cousin and then we had eight pints at the club."),
    ]
    drinking = card(
        session,
        *turns,
        ("practitioner", "Eight pints at the club with your cousin, that's a lot for you."),
        ("client", "Maybe."),
    )
    gym = card(
        session,
        *turns,
        ("practitioner", "You went to the gym with your cousin first, and that matters."),
        ("client", "Maybe."),
    )
    plain = "C1:names_the_prosocial_act"
    assert (plain, "supports") not in rules(drinking.items["C1"])
    assert (plain, "supports") in rules(gym.items["C1"])


def test_procriminal_talk_the_practitioner_comes_back_to_and_asks_about_is_answered(session):
    base = [
        ("practitioner", "What happened at the depot?"),
        ("client", "I took some pallets, everyone does it, the manager takes them too."),
        ("practitioner", "Did anyone see you?"),
        ("client", "No, nobody."),
    ]
    returned = card(
        session,
        *base,
        ("practitioner", "You said everyone does it. Is that how you still see it?"),
        ("client", "Sort of, yeah."),
    )
    dropped = card(
        session,
        *base,
        ("practitioner", "Your review is on the fourth of next month."),
        ("client", "Okay."),
    )
    left = ("C3:procriminal_talk_unanswered", "counts_against")
    assert left not in rules(returned.items["C3"])
    assert left in rules(dropped.items["C3"])
    assert not [r for r in rules(returned.items["C2"]) if r[0].endswith("voices_procriminal_view")]


def test_a_greeting_the_client_answers_at_length_is_not_a_reflection():
    # however the greeting is coded (a model may read it as a reflection), there was
    # nothing of the client's to reflect yet, so the client going on confirms nothing
    greeting = "come in jay sit yourself down hows it going"
    code = UtteranceCode(0, "practitioner", behaviour="reflection", reflection_subtype="complex")
    view = SessionView(
        texts=[greeting, "not bad actually i started at the bakery monday, early shifts suit me"],
        practitioner=[True, False],
        units={0: [Unit(0, 0, greeting, code)]},
    )
    judge_reflections(view)
    assert [a for a in view.acts if a.item in ("B3", "B4")] == []


def test_agreeing_with_procriminal_talk_is_not_a_genuine_reflection(session):
    turns = [
        ("practitioner", "What happened with the van?"),
        ("client", "I drove it without insurance, everyone round ours does it, no one got hurt."),
    ]
    agreeing = card(
        session,
        *turns,
        ("practitioner", "Fair enough, everyone round yours drives without insurance."),
        ("client", "Exactly, it's just how it is where we live, nobody thinks twice."),
    )
    reflecting = card(
        session,
        *turns,
        ("practitioner", "So round yours driving without insurance feels normal."),
        ("client", "Exactly, it's just how it is where we live, nobody thinks twice."),
    )
    genuine = [
        e
        for item in ("B3", "B4")
        for e in agreeing.items[item]["evidence"]
        if e["polarity"] == "supports"
    ]
    assert genuine == []
    assert reflecting.items["B3"]["present"] or reflecting.items["B4"]["present"]


def test_it_shows_up_is_not_praise_but_it_shows_you_are_serious_is():
    assert not PRAISE.search(normalise("whatever they tell you it shows up on the test"))
    assert PRAISE.search(normalise("and it shows you're serious about the course"))
    assert PRAISE.search(normalise("that showed real determination"))


def test_a_long_run_of_telling_that_mentions_the_act_is_not_plain_words_praise(session):
    turns = [
        ("practitioner", "What happened on Saturday?"),
        ("client", "I went to the match with my brother, and we had a few after at the club."),
    ]
    short = card(
        session,
        *turns,
        ("practitioner", "You went to the match with your brother, and that's the real change."),
        ("client", "Maybe."),
    )
    long = card(
        session,
        *turns,
        (
            "practitioner",
            "you went to the match with your brother and then the club and its the same every "
            "time isnt it the match then the club then the drink then the row and thats the "
            "pattern that got you the order in the first place so you know where it goes",
        ),
        ("client", "Maybe."),
    )
    plain = ("C1:names_the_prosocial_act", "supports")
    assert plain in rules(short.items["C1"])
    assert plain not in rules(long.items["C1"])


def test_procriminal_talk_answered_on_its_own_terms_is_not_left_unanswered(session):
    turns = [
        ("practitioner", "What happened at the garage?"),
        ("client", "I kept the spare parts from the garage, they're insured anyway."),
    ]
    answered = card(
        session,
        *turns,
        (
            "practitioner",
            "The garage pays more for its insurance after every claim, and the parts came off "
            "somebody's car.",
        ),
        ("client", "Never thought of it like that."),
    )
    left = card(
        session,
        *turns,
        ("practitioner", "Let's book your next appointment."),
        ("client", "Okay."),
    )
    unanswered = ("C3:procriminal_talk_unanswered", "counts_against")
    assert unanswered not in rules(answered.items["C3"])
    assert unanswered in rules(left.items["C3"])


def test_phrase_presence_that_did_not_survive_the_rotation_is_not_scored(session):
    # 2.3: the role (A4), conditions (A5) and own-commitment (C5) phrase detectors and the
    # count of affirmations no longer add to a skill score; 2.9: nor goals (A7); the items
    # stay on the card
    score = score_session(
        session(
            ("practitioner", "My job is to supervise your order and help you keep to it."),
            ("client", "Right, and I have to report every fortnight on a Thursday."),
            ("practitioner", "What would you like to achieve by next time? What are your goals?"),
            ("client", "Get the forklift licence and keep off the drink."),
        ),
        use_model=False,
    )
    assert score.items["A7"]["present"] is True
    judged = score.skill_inputs["judged"]
    assert not {"role", "conditions", "goals"} & set(judged["structuring"])
    assert "commitments" not in judged["prosocial_modelling"]
    assert "affirmations" not in judged["relationship_building"]


def test_a_thought_walked_through_counts_for_cognitive_and_not_again_for_relationship(session):
    """(2.15) An open question that walks the client through their thinking is cognitive
    work: it is full of open questions and answers at length whatever the relationship, and
    across sessions counting it for relationship too ranked technique-led sessions above warm
    plain ones. The relationship rates are read over the other turns."""
    utterances = session(
        ("practitioner", "Did you get to the job centre on Monday?"),
        ("client", "Yeah I went."),
        ("practitioner", "Have you signed the form they gave you?"),
        ("client", "No."),
        ("practitioner", "When the bouncer pushed you, what was going through your mind?"),
        ("client", "That he was showing me up in front of my girlfriend and I had to hit back."),
        ("practitioner", "Showing you up in front of her. What did that feel like in the moment?"),
        ("client", "Like everyone was laughing at me, my face went hot, I wanted to get out."),
    )
    view = judged_view(utterances)
    assert view.cognitive_work(4) and not view.cognitive_work(6)
    rates = session_rates(view, [], utterances)
    # two closed questions and the reflection's open one; the thought question is cognitive's
    assert rates["open_share"] == pytest.approx(1 / 3)
    # of the three replies left, only the one to the reflection goes on at length
    assert rates["elaboration"] == pytest.approx(1 / 3)
    assert rates["closing_down"] == pytest.approx(2 / 3)
    assert rates["reflection_share"] == pytest.approx(1 / 4)
    # a rate per turn still counts every practitioner turn, the credited one too
    view.acts.append(Act("B10", 4, "counts_against", "B10:lecture", 0.6))
    assert session_rates(view, [], utterances)["lecturing"] == pytest.approx(1 / 4)
