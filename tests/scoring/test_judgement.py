"""Each act is judged in its context: cue words said emptily do not count, plain words do."""

import pytest

from scoring import score_session
from scoring.units import split_clauses, split_units


def card(session, *turns):
    return score_session(session(*turns), use_model=False)


def modelled(session, *turns):
    """Scored as the worker scores: with the codes model."""
    return score_session(session(*turns), use_model=True)


def rules(item):
    return [(e["rule"].split(" ")[0], e["polarity"]) for e in item["evidence"]]


def test_it_sounds_like_followed_by_a_lecture_is_not_a_reflection(session):
    score = card(
        session,
        ("practitioner", "What happened with the tag last week?"),
        ("client", "The battery died while I was asleep, I didn't know it had gone flat."),
        (
            "practitioner",
            "It sounds like you think the rules don't apply to you. You need to charge it "
            "every night, you have to take this seriously, and if it happens again I will "
            "have no choice but to send it back to court.",
        ),
        ("client", "I didn't say that."),
    )
    reflections = score.items["B3"]
    assert reflections["present"] is False
    assert ("B3:empty_reflection", "counts_against") in rules(reflections)
    assert score.items["B4"]["present"] is False


def test_a_plain_words_reflection_counts(session):
    score = card(
        session,
        ("practitioner", "How has the new job been?"),
        ("client", "Long shifts at the warehouse, and the supervisor keeps shouting at me."),
        ("practitioner", "Long shifts, and a supervisor shouting at you on top of that."),
        ("client", "Yeah, and I still turned up every day, even when I wanted to walk out."),
    )
    shown = score.items["B3"]["present"] or score.items["B4"]["present"]
    assert shown
    assert score.skills["relationship_building"]["score"] > 0.5


def test_well_done_after_a_breach_counts_against_prosocial_modelling(session):
    breach = card(
        session,
        ("practitioner", "How was the weekend?"),
        ("client", "I missed my curfew on Saturday, got drunk with the lads and stayed out."),
        ("practitioner", "Well done, sounds like a good night."),
        ("client", "It was a laugh."),
    )
    prosocial = card(
        session,
        ("practitioner", "How was the weekend?"),
        ("client", "The lads asked me out drinking but I said no and stayed in for my curfew."),
        ("practitioner", "Well done, saying no to them is exactly what keeps you out of court."),
        ("client", "It was hard but I did it."),
    )
    assert breach.items["C1"]["present"] is False
    assert ("C1:praise_rewards_breach", "counts_against") in rules(breach.items["C1"])
    assert prosocial.items["C1"]["present"] is True
    assert (
        breach.skills["prosocial_modelling"]["score"]
        < prosocial.skills["prosocial_modelling"]["score"]
    )


AGENDA = (
    "practitioner",
    "Today I'd like to cover three things: your housing, the debt letters, and your course.",
)


def test_an_agenda_never_covered_does_not_count(session):
    score = card(
        session,
        AGENDA,
        ("client", "Okay."),
        ("practitioner", "First, did you keep to your curfew this week?"),
        ("client", "Yes."),
        ("practitioner", "And you've been reporting on time?"),
        ("client", "Yes, every Tuesday."),
        ("practitioner", "Good. See you in two weeks."),
    )
    agenda = score.items["A3"]
    assert agenda["present"] is False
    assert [p for _, p in rules(agenda)] == ["counts_against"]


def test_an_agenda_the_session_covers_counts(session):
    score = card(
        session,
        AGENDA,
        ("client", "Fine, the housing is the big one."),
        ("practitioner", "So the housing. What's happening with the flat?"),
        ("client", "The housing officer says I'm on the list but it could be months."),
        ("practitioner", "Months on the housing list, while the debt letters keep coming."),
        ("client", "Yeah, the debt letters are the worst part, I don't open them."),
        ("practitioner", "What would help with opening the debt letters?"),
        ("client", "Maybe if someone sat with me. And the course starts in May."),
        ("practitioner", "Tell me about the course."),
        ("client", "It's a forklift course, two weeks, the Jobcentre pays."),
    )
    assert score.items["A3"]["present"] is True


def test_what_might_get_in_the_way_counts_only_when_the_answer_is_taken_up(session):
    opening = [
        ("practitioner", "So you'll ring the college on Monday about the course."),
        ("client", "Yeah I will."),
        ("practitioner", "What might get in the way of that?"),
        ("client", "My phone has no credit and the college line always keeps you on hold."),
    ]
    taken_up = card(
        session,
        *opening,
        ("practitioner", "No credit and long holds. You could use the phone here after we finish."),
    )
    ignored = card(
        session,
        *opening,
        ("practitioner", "If you want it enough you'll find a way. See you next week."),
    )
    assert ("A9:answer_taken_up", "supports") in rules(taken_up.items["A9"])
    assert ("A9:answer_ignored", "counts_against") in rules(ignored.items["A9"])
    assert not any(
        p == "supports" and r.startswith("A9:answer") for r, p in rules(ignored.items["A9"])
    )


THE_WEEK = [
    ("practitioner", "How has the week gone?"),
    ("client", "I went to the job centre on Monday and they booked me a forklift course."),
    ("practitioner", "What else happened?"),
    ("client", "My mum's been ill so I've been doing her shopping every day."),
    ("practitioner", "And the drinking?"),
    ("client", "I've cut down to weekends, mostly because of the course."),
]


def test_a_summary_that_is_the_practitioners_verdict_counts_against(session):
    turns = THE_WEEK
    genuine = card(
        session,
        *turns,
        (
            "practitioner",
            "So to sum up: the job centre booked you on the forklift course, you've been "
            "doing your mum's shopping every day, and you've cut the drinking down to "
            "weekends because of the course. Have I got that right?",
        ),
    )
    verdict = card(
        session,
        *turns,
        (
            "practitioner",
            "So to sum up, you need to stop making excuses, you have to keep your head down "
            "and you should just get on with it.",
        ),
    )
    assert genuine.items["A8"]["present"] is True
    assert verdict.items["A8"]["present"] is False
    assert ("A8:summary_without_client", "counts_against") in rules(verdict.items["A8"])


def test_a_plain_summary_that_asks_to_be_put_right_counts(session):
    # no summary cue: drawing the client's words together and asking to be corrected is the
    # summary (2.9: "tell me if I've got it wrong" checks back as "have I got that right?" does)
    score = card(
        session,
        *THE_WEEK,
        (
            "practitioner",
            "Tell me if I've got any of this wrong: the job centre booked you on the forklift "
            "course, you're doing your mum's shopping every day, and the drinking is down to "
            "weekends because of the course.",
        ),
    )
    assert ("A8:summary_draws_together", "supports") in rules(score.items["A8"])


def test_a_summary_cue_early_in_the_session_that_draws_nothing_together_counts_neither_way(
    session,
):
    opening = [
        ("practitioner", "Morning. How are you sleeping?"),
        ("client", "Three or four hours. I wake up at half three and go over it."),
        (
            "practitioner",
            "I'll come back to that before you go, so you've got something for the nights.",
        ),
    ]
    rest = [
        (
            "client" if k % 2 else "practitioner",
            f"We talked about the course and the rent, part {k}.",
        )
        for k in range(12)
    ]
    early = card(session, *opening, *rest)
    assert not [r for r in rules(early.items["A8"]) if r[0] == "A8:summary_without_client"]
    # a verdict in a summary's words counts against however early it comes
    lecture = (
        "practitioner",
        "So to sum up, you need to sort yourself out, no excuses, and stop blaming everyone.",
    )
    verdict = card(session, *opening[:2], lecture, *rest)
    assert ("A8:summary_without_client", "counts_against") in rules(verdict.items["A8"])


def test_an_unpunctuated_turn_splits_into_its_acts():
    text = (
        "okay well done for ringing them that took guts so it sounds like the waiting is the "
        "hard part what would help while you wait"
    )
    assert split_clauses(text) == [
        "okay well done for ringing them",
        "that took guts",
        "so it sounds like the waiting is the hard part",
        "what would help while you wait",
    ]
    units = split_units(0, text, "they said they'd ring back but nobody has, it's doing my head in")
    assert "affirmation" in units[0].code.tags
    assert units[2].code.behaviour == "reflection"
    assert (units[3].code.behaviour, units[3].code.question_subtype) == ("question", "open")


def test_one_code_per_utterance_comes_from_its_units(session):
    score = card(
        session,
        ("client", "I rang the housing twice and nobody called back."),
        ("practitioner", "you kept ringing even when nobody called back what will you try next"),
    )
    turn = score.codes[1]
    assert (turn.behaviour, turn.question_subtype) == ("question", "open")
    assert [u.code.behaviour for u in score.units][-1] == "question"
    assert len(score.units) == 2


def test_a_punctuated_turn_splits_at_sentences_and_joins_fragments():
    assert split_clauses("Right. You went back and rang again. What did they say?") == [
        "Right. You went back and rang again.",
        "What did they say?",
    ]


def test_a_verdict_never_lists_evidence_that_contradicts_it(session):
    score = card(
        session,
        ("practitioner", "Did you go to work? Did you see your mum? Are you sleeping?"),
        ("client", "Yes."),
        ("practitioner", "Have you been drinking? Is the curfew okay?"),
        ("client", "No. Yes."),
    )
    for item in score.items.values():
        if item["mode"] != "verdict":
            continue
        supports = [e for e in item["evidence"] if e["polarity"] == "supports"]
        if item["present"] is False and not item["counts_against"]:
            assert supports == []
            assert item["verdict"] in ("not found", "counts against")
        if item["counts_against"] and not item["present"]:
            assert item["evidence"] == []


def test_skill_scores_are_continuous_and_rank_practice(session):
    good = card(
        session,
        ("practitioner", "How have you been since last week?"),
        ("client", "Stressed. The hostel is loud and I'm not sleeping, but I kept my curfew."),
        (
            "practitioner",
            "Not sleeping with the noise, and you still kept your curfew every night.",
        ),
        ("client", "Yeah, I wasn't going to mess it up over that."),
        ("practitioner", "What was going through your mind when the noise started?"),
        ("client", "That I'd go and bang on his door, but then I thought about recall."),
        ("practitioner", "So thinking about recall stopped you. What else could you do next time?"),
        ("client", "Put my headphones in, or ask staff to have a word."),
    )
    poor = card(
        session,
        ("practitioner", "Curfew okay?"),
        ("client", "Yeah."),
        (
            "practitioner",
            "It sounds like you're struggling. You need to just get on with it, the hostel "
            "is the hostel, you're on licence and you have to accept it or you'll be back "
            "inside, I've seen it happen a hundred times.",
        ),
        ("client", "Whatever."),
    )
    for score in (good, poor):
        assert all(0.0 <= s["score"] <= 1.0 for s in score.skills.values())
    for skill in ("relationship_building", "cognitive_techniques"):
        assert good.skills[skill]["score"] > poor.skills[skill]["score"]
    assert good.overall > poor.overall


ASR_DIALOGUE = [
    ("practitioner", "hi sam how have you been since last week"),
    ("client", "alright bit stressed my hours at the garage got cut and rent is due friday"),
    (
        "practitioner",
        "hours cut with the rent due that is a lot at once so today i thought we could look "
        "at the rent the garage hours and your unpaid work what would you want to add",
    ),
    ("client", "the unpaid work yeah i need to move my saturday because of the garage"),
    ("practitioner", "so the rent first what has the landlord said about the rent"),
    ("client", "he said if i pay half friday and half next week that is fine"),
    (
        "practitioner",
        "you rang the landlord yourself and sorted a plan for the rent that took some doing",
    ),
    ("client", "yeah i did not want to just ignore it like last time"),
    ("practitioner", "and the garage hours what happened with the garage"),
    ("client", "they lost a contract so everyone got cut not just me"),
    ("practitioner", "so it was not about you the garage hours went for everyone"),
    ("client", "yeah which helps i thought i had done something wrong"),
    ("practitioner", "the unpaid work then how could we move your saturday"),
    ("client", "could i do a wednesday instead i am off wednesdays now"),
    (
        "practitioner",
        "so to summer up you sorted a plan with the landlord for the rent the garage cut "
        "everyone's hours and you want your unpaid work on wednesdays have i got that right",
    ),
    ("client", "yeah that is it"),
]


def test_an_asr_dialogue_shows_its_agenda_affirmation_reflections_and_summary(session):
    score = card(session, *ASR_DIALOGUE)
    for item in ("A3", "A8", "B5"):
        assert score.items[item]["present"] is True, item
    assert score.items["B3"]["present"] or score.items["B4"]["present"]
    assert score.items["B2"]["present"] is False and score.items["B2"]["evidence"] == []
    metrics = score.metrics
    assert metrics["reflection_question_ratio"]["value"] > 0
    complex_share = metrics["complex_reflection_share"]["value"]
    assert complex_share is not None and 0 <= complex_share <= 1


def _c3(session, reply, client_next):
    score = score_session(
        session(
            ("practitioner", "What happened at the shop on Saturday?"),
            ("client", "The supermarket can afford it, a few steaks off the shelf."),
            ("practitioner", reply),
            ("client", client_next),
        ),
        use_model=False,
    )
    return [e["rule"] for e in score.items["C3"]["evidence"]]


def test_procriminal_talk_answered_in_other_words_that_the_client_takes_up_is_not_unanswered(
    session,
):
    # no challenge cue and no word of the client's comes back, but the reply is about it and
    # the client answers it: the exchange shows it was answered (2.3)
    rules = _c3(
        session,
        "Staff on the tills get searched and blamed when stock goes missing, and a second "
        "conviction on this order lands you before the magistrates.",
        "Hadn't thought about the till staff getting blamed, to be honest.",
    )
    assert not any(r.startswith("C3:procriminal_talk_unanswered") for r in rules)


def test_procriminal_talk_met_by_a_change_of_subject_is_still_unanswered(session):
    rules = _c3(
        session,
        "Anyway, moving on, let's sort out the dates for your unpaid work placement next month.",
        "The placement dates suit me fine, Tuesdays are best for me.",
    )
    assert any(r.startswith("C3:procriminal_talk_unanswered") for r in rules)


def test_praise_for_a_temptation_turned_down_is_praise_of_the_act(session):
    # (2.7) The client reports what nearly happened, in the words of a breach or an excuse,
    # and then that they thought better of it: the praise rewards the turning down.
    resisted = card(
        session,
        ("practitioner", "How did the form go?"),
        (
            "client",
            "I was going to leave the overtime off. It's only forty quid a month. "
            "But then I thought no and wrote it in.",
        ),
        (
            "practitioner",
            "That's really good, writing in the forty quid when nobody would have known, and "
            "it means the claim is honest from the start.",
        ),
        ("client", "I want it straight this time."),
    )
    left_off = card(
        session,
        ("practitioner", "How did the form go?"),
        ("client", "I left the overtime off, it's only forty quid a month, so I sent it."),
        (
            "practitioner",
            "That's really good, getting the form in on time, and it means the claim is sorted.",
        ),
        ("client", "Yeah, done now."),
    )
    assert rules(resisted.items["C1"]) == [("C1:praise_of_prosocial_act", "supports")]
    assert ("C1:praise_rewards_breach", "counts_against") in rules(left_off.items["C1"])


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        # nearly happened: the breach's words with "nearly" before them
        (
            "I nearly didn't bother going to unpaid work on Saturday, I was that tired.",
            ("C1:praise_of_prosocial_act", "supports"),
        ),
        # "but I didn't ..." that only makes light of it is not a temptation turned down
        (
            "I had a few drinks on Saturday but I didn't get drunk.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
        (
            "I took it, everyone does it, but I didn't get caught.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
        # nearly being caught is not nearly offending
        (
            "I almost got caught shoplifting on Tuesday.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
        (
            "I was nearly arrested for shoplifting again.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
        # an act can be turned down only if it was meant: "could have", not done
        (
            "I could have skipped it, but then I thought better of it.",
            ("C1:praise_of_prosocial_act", "supports"),
        ),
        (
            "I skipped it, but then I thought better of it.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
        # an intention in another clause does not make the act a temptation
        (
            "I was going to leave so I skipped it, but then I thought better of it.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
        # one thing nearly happened, another did: the praise still rewards a breach
        (
            "I nearly didn't bother going to unpaid work, and on Sunday I got drunk.",
            ("C1:praise_rewards_breach", "counts_against"),
        ),
    ],
)
def test_only_a_temptation_turned_down_is_praised_as_one(session, client, expected):
    score = card(
        session,
        ("practitioner", "How was the weekend?"),
        ("client", client),
        ("practitioner", "Well done, that's great, getting yourself through it."),
        ("client", "Yeah."),
    )
    assert expected in rules(score.items["C1"])


@pytest.mark.parametrize(
    ("client", "rewards_a_breach"),
    [
        # someone else's driving, or driving the client is learning to do lawfully
        ("My mam drove me in, she's waiting in the car.", False),
        ("I've got my driving theory test next month, I've been practising.", False),
        # driving the client reports doing, as a disqualified driver might
        ("I drove to my cousin's on Saturday, it's only ten minutes.", True),
        ("I've been driving the van for him again.", True),
        ("I only drove round the corner, to be fair.", True),
        ("Drove to my mam's on Sunday, she's not well.", True),
        ("Me and Jordan drove up to Leeds for the match.", True),
        ("Got pulled over driving my mate's car.", True),
    ],
)
def test_praise_after_driving_rewards_a_breach_only_when_the_client_drove(
    session, client, rewards_a_breach
):
    score = card(
        session,
        ("practitioner", "How's your week been?"),
        ("client", client),
        ("practitioner", "Oh brilliant, nice one."),
        ("client", "Yeah."),
    )
    found = ("C1:praise_rewards_breach", "counts_against") in rules(score.items["C1"])
    assert found is rewards_a_breach


def test_praise_for_not_being_caught_counts_against_prosocial_modelling(session):
    caught = card(
        session,
        ("practitioner", "You said something nearly happened on Saturday?"),
        ("client", "I had the aftershave in my coat, then I saw the guard and put it back."),
        (
            "practitioner",
            "Well done. At least you didn't get caught, that would have been a breach.",
        ),
        ("client", "Yeah, that's what I thought."),
    )
    put_back = card(
        session,
        ("practitioner", "You said something nearly happened on Saturday?"),
        ("client", "I had the aftershave in my coat, then I saw the guard and put it back."),
        ("practitioner", "Well done. Putting it back and walking out took something."),
        ("client", "Yeah, it did."),
    )
    assert ("C1:praise_for_not_being_caught", "counts_against") in rules(caught.items["C1"])
    assert "C1:praise_for_not_being_caught" not in dict(rules(put_back.items["C1"]))


def test_praise_for_not_being_caught_counts_once_a_turn_in_other_words_too(session):
    score = card(
        session,
        ("practitioner", "How did it go?"),
        ("client", "I had it in my bag, then I saw the guard and put it back."),
        ("practitioner", "Well done, lucky they didn't catch you. At least you didn't get nicked."),
        ("client", "Yeah."),
    )
    assert rules(score.items["C1"]).count(("C1:praise_for_not_being_caught", "counts_against")) == 1


@pytest.mark.parametrize(
    ("praise", "for_not_being_caught"),
    [
        ("Well done, lucky they didn't catch you.", True),
        ("Well done, good thing nobody saw you.", True),
        ("Well done. At least you got away with it.", True),
        ("well done least you didnt get nicked", True),
        ("Well done. I'm glad you didn't get caught up in the fight, that shows sense.", False),
        (
            "Well done for being honest. You could have got away with it and you told them anyway.",
            False,
        ),
        (
            "Well done for putting it back. It's not about not getting caught though, is it, "
            "it's about who loses out.",
            False,
        ),
        ("Well done, I'm glad you didn't get pulled into that, that shows sense.", False),
        ("Well done, and lucky you didn't get caught in the rain on the way.", False),
        # being caught, praised as the better outcome, is not praise for getting away with it
        ("Good thing they caught you before it got any worse, well done for owning up.", False),
        ("Well done, I'm glad the police found out early on.", False),
    ],
)
def test_praise_for_not_being_caught_in_its_words_and_not_in_others(
    session, praise, for_not_being_caught
):
    score = card(
        session,
        ("practitioner", "How did it go?"),
        ("client", "I had it in my bag, then I saw the guard and put it back."),
        ("practitioner", praise),
        ("client", "Yeah."),
    )
    found = ("C1:praise_for_not_being_caught", "counts_against") in rules(score.items["C1"])
    assert found is for_not_being_caught


def test_a_practitioner_who_negates_an_excuse_is_not_voicing_it(session):
    turns = (
        ("practitioner", "What do you make of it now, looking back?"),
        ("client", "The firm wrote the stock off in the end."),
    )
    # with the codes model, as the worker scores: the rules alone code this turn a reflection
    negated = modelled(
        session,
        *turns,
        (
            "practitioner",
            # as speech recognition writes it: one unit, no punctuation
            "i hear that a lot and i dont think its the whole story the staff got the blame for "
            "the missing stock and the firm had to cover it its not victimless",
        ),
        ("client", "I hadn't thought about the staff."),
    )
    voiced = modelled(
        session,
        *turns,
        ("practitioner", "Well, they're insured. It's victimless really, a firm that size."),
        ("client", "Exactly."),
    )
    voicing = ("C2:practitioner_voices_procriminal_view", "counts_against")
    assert voicing not in rules(negated.items["C2"])
    assert voicing in rules(voiced.items["C2"])


@pytest.mark.parametrize(
    ("said", "voiced"),
    [
        # the negation does not govern the excuse: it is voiced
        ("Not surprised, everyone does it.", True),
        ("No doubt everyone does it, to be honest.", True),
        ("I don't think it matters, everyone does it.", True),
        # it does: disagreeing with the excuse
        ("I wouldn't call it victimless, the staff got the blame.", False),
        ("its not really victimless is it the staff got the blame", False),
        ("I don't think everyone does it, most of the lads never did.", False),
    ],
)
def test_a_negation_disagrees_only_where_it_governs_the_excuse(session, said, voiced):
    score = card(
        session,
        ("practitioner", "How's work?"),
        ("client", "Fine. The lads take stuff home from the yard."),
        ("practitioner", said),
        ("client", "Yeah."),
    )
    voicing = ("C2:practitioner_voices_procriminal_view", "counts_against")
    assert (voicing in rules(score.items["C2"])) is voiced


def test_it_is_only_minimises_an_amount_not_a_distance(session):
    # (2.7) "it's only" excuses offending when it makes light of what was taken or done;
    # "it's only round the corner" says where the hostel is
    def unanswered(client_turn):
        score = card(
            session,
            ("practitioner", "How are things at the hostel?"),
            ("client", client_turn),
            ("practitioner", "Right. And the job centre on Thursday?"),
            ("client", "Yeah, I'll go."),
        )
        return ("C3:procriminal_talk_unanswered", "counts_against") in rules(score.items["C3"])

    assert not unanswered("It's fine, it's only round the corner from my mum's.")
    assert not unanswered("It was only last week I started the course there.")
    assert not unanswered("It's only fair to say the staff have been all right.")
    assert not unanswered("It's only a few weeks till my court date, so I'm keeping my head down.")
    assert unanswered("I took a bit off the top, it's only a day's wages for them.")
    assert unanswered("I took a bit from the kitty but it's only forty quid, they won't miss it.")
