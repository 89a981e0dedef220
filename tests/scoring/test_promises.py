"""Prosocial modelling (2.10): an undertaking of the practitioner's own admitted not done counts
against; promises made, and other things not done, do not."""

import pytest

from scoring import score_session
from scoring.judgement.promises import UNDONE


def scored(session, reply):
    return score_session(
        session(
            ("practitioner", "Last time I said I'd ring the housing officer about your bidding."),
            ("client", "Yeah, did you get anywhere? The council keep fobbing me off."),
            ("practitioner", reply),
            ("client", "Right. So what happens now?"),
        ),
        use_model=False,
    )


@pytest.mark.parametrize(
    "admits",
    [
        "I haven't got round to it, it's been manic here. I'll do it this week.",
        "oh god i completely forgot sorry ill do it tomorrow",
        "the referral no i havent had a chance its been mad",
        "I haven't sent your letter yet, to be honest.",
        "I completely forgot about the referral, sorry.",
        "I didn't get a chance to ring them, it's been a mad week.",
    ],
)
def test_an_undertaking_admitted_not_done_counts_against_prosocial_modelling(session, admits):
    undone = scored(session, admits)
    done = scored(
        session, "I rang her on Monday: you're in band B now, and I'll ring again Friday."
    )
    c5 = undone.to_dict()["items"]["C5"]
    assert c5["verdict"] == "counts against"
    assert [e["rule"] for e in c5["evidence"]][:1] == [UNDONE]
    prosocial = "prosocial_modelling"
    assert undone.skill_inputs["judged"][prosocial]["undone_promises"] < 0
    assert done.skill_inputs["judged"][prosocial]["undone_promises"] == 0
    assert undone.skills[prosocial]["score"] < done.skills[prosocial]["score"]


@pytest.mark.parametrize(
    "said",
    [
        "I'll ring her this afternoon and text you what she says.",
        "I haven't done anything wrong by asking, have I?",
        "I forgot what I was going to ask. How's your mum?",
        "You forgot to sign the form, we can do it now.",
        # the client's undone tasks, other people's, and the practitioner's own life
        "You still haven't done any of your unpaid work hours.",
        "The council still haven't done the repairs, have they?",
        "Oh, I forgot to ask, how did the interview go?",
        "It slipped my mind to say congratulations on the job.",
        "I haven't done this job for long, but I've seen it before.",
        "I never got round to learning to drive myself.",
        "I didn't manage to get to the gym either.",
    ],
)
def test_promises_made_and_other_things_not_done_do_not_count(session, said):
    judged = scored(session, said).skill_inputs["judged"]["prosocial_modelling"]
    assert judged["undone_promises"] == 0


def reminded(session, reminder, reply="Right. Anyway, the job search."):
    turns = [
        ("practitioner", "How's the job search going since last week?"),
        ("client", f"Slow. {reminder}"),
    ]
    if reply is not None:
        turns += [("practitioner", reply), ("client", "Right.")]
    return score_session(session(*turns), use_model=False)


@pytest.mark.parametrize(
    ("reminder", "reply"),
    [
        ("And you said you'd do the housing letter last time.", "Did I? I'll look into it."),
        ("you said last time youd chase them up", "oh yeah sorry its been mad ill do it this week"),
        ("That's the third time you've said that.", "It'll be here next week. Anyway."),
        ("You promised you'd find out about the course.", "Leave it with me, sorry."),
        ("you were supposed to ring me", "did i right well ive been snowed under"),
        ("you never rang them like you said you would", "Anyway, the job search."),
        ("You told me you'd sort the bus pass. You said you would.", "I'll get to it."),
        # the reply delivers and then takes it back
        ("You said you'd ring them last week.", "I rang them but no joy, I'll try again."),
        # the session ends on it
        ("and you still haven't done my letter", None),
    ],
)
def test_a_client_holding_the_practitioner_to_an_undertaking_not_done_counts_against(
    session, reminder, reply
):
    # (2.11) the lapse heard from the client's side, where the reply never admits it; the card
    # shows the client's turn that says it
    judged = reminded(session, reminder, reply)
    c5 = judged.to_dict()["items"]["C5"]
    assert c5["verdict"] == "counts against"
    assert c5["evidence"][0]["rule"] == UNDONE
    assert c5["evidence"][0]["utterance"] == 1
    assert judged.skill_inputs["judged"]["prosocial_modelling"]["undone_promises"] < 0


@pytest.mark.parametrize(
    ("reminder", "reply"),
    [
        # delivered, in the reply's own words
        ("You said you'd do a letter for my employer last week.", "I have, it's here, signed."),
        ("You said you'd write it down for me.", "I will now. Samaritans, and the number."),
        ("You said you'd ring them last week.", "I rang them on Tuesday: you start on the 14th."),
        ("you said youd do the housing letter last week", "ive sent the letter to the council"),
        ("you said you'd find out about the course last time", "I did look into it, it's full."),
        ("You said you'd do the letter last week.", "Here's a copy for you."),
        # an echo of what the practitioner has just taken on, or thanks for what was done
        ("ok so you said you would ring the housing officer tomorrow", "Yes, first thing."),
        ("you said you'd sort the letter and you did, thanks, it worked", "Good."),
        # counting, predictions, role statements, reported speech, advice followed
        ("that's the third time i've been stopped this month", "That's a lot."),
        ("thats the second time this week my benefits got stopped", "What happened?"),
        ("you said you'd be late last time as well", "I was, sorry about that."),
        ("you said last time you'd have to tell the police if i went near her", "I would, yes."),
        ("so i said to him you promised you'd pay me back and he just laughed", "Then what?"),
        ("You promised yourself you'd stop, you said.", "I did, yes."),
        ("I rang the council like you said.", "Good. What did they say?"),
        ("you never got used to it in there", "What was that like?"),
    ],
)
def test_a_reminder_delivered_and_other_talk_of_what_was_said_does_not_count(
    session, reminder, reply
):
    judged = reminded(session, reminder, reply).skill_inputs["judged"]["prosocial_modelling"]
    assert judged["undone_promises"] == 0
