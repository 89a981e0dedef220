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
