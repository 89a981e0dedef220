"""Scorer 2.8 (#11): the turns that invite the client's own thinking, read by meaning. A turn
the invitations model reads as asking for a plan, options, consequences, another's view or a
rehearsal is judged by what followed, as a cue-found invitation is; questions about what the
client thought or what happened are left to the cue rules; the model trains from readers'
marks and loads from its own file; the shipped one finds a plan asked for in plain words."""

import pytest

from scoring import invitations, score_session, train_stance
from scoring.judgement import AGAINST, SUPPORTS, cognitive
from scoring.judgement.cognitive import INVITATION_P, judge_cognitive
from scoring.judgement.context import READ_INVITATION
from scoring.model import MODEL_ENV

from .conftest import invitation_reading as _reading
from .conftest import judged_card, judged_view, make_session

NEXT_TIME = ("practitioner", "Okay. And what about next time he turns up at the door?")
PLAN = ("client", "I'd not answer it, I'd ring my sister and go round hers till he's gone.")
BUILT_ON = (
    "practitioner",
    "So you'd ring your sister and go round to hers. What would you need to have ready?",
)
TOLD = (
    "practitioner",
    "No, what you need to do is tell him straight that you are on a court order and you "
    "cannot have him round the house any more, full stop.",
)


def _cognitive_acts(session, reading, *turns):
    """The cognitive judge's acts at the turn ``reading`` is of (the cue rules' acts, such as
    a label at a later turn, are tested elsewhere)."""
    view = judged_view(session(*turns))
    view.acts.clear()
    view.invitations = [reading]
    judge_cognitive(view)
    return [a for a in view.acts if a.turn == reading.turn]


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        # the client's plan taken up with a further question: problem solving shown
        (BUILT_ON, ("D6", 0, SUPPORTS, "D:client_thinking_explored")),
        # the client's plan replaced by the practitioner's: the solution handed out
        (TOLD, ("D6", 0, AGAINST, "D:solution_handed_out")),
    ],
)
def test_a_plan_asked_for_in_plain_words_is_judged_by_what_followed(session, follow, expected):
    acts = _cognitive_acts(session, _reading(0, plan=0.8, none=0.2), NEXT_TIME, PLAN, follow)
    assert [(a.item, a.turn, a.polarity) for a in acts] == [expected[:3]]
    assert expected[3] in acts[0].rule and acts[0].rule.endswith(READ_INVITATION)


def test_an_invitation_read_by_meaning_weighs_by_how_sure_the_reading_is(session):
    turns = (NEXT_TIME, PLAN, BUILT_ON)
    sure = _cognitive_acts(session, _reading(0, plan=0.9, none=0.1), *turns)
    unsure = _cognitive_acts(session, _reading(0, plan=0.6, none=0.4), *turns)
    assert unsure[0].weight == pytest.approx(sure[0].weight * 0.6 / 0.9)
    # the two kinds the turn may be read as add up: how sure it is that it invites at all
    split = _cognitive_acts(session, _reading(0, plan=0.5, options=0.4, none=0.1), *turns)
    assert split[0].weight == pytest.approx(sure[0].weight)


@pytest.mark.parametrize(
    "reading",
    [
        _reading(0, plan=INVITATION_P - 0.01, none=1 - INVITATION_P + 0.01),  # doubtful
        # a question about what the client thought, found only by meaning, is an open question
        # any exploring session asks: not counted as a technique
        _reading(0, thinking=0.9, none=0.1),
    ],
)
def test_no_act_from_a_doubtful_reading_or_a_plain_open_question(session, reading):
    assert _cognitive_acts(session, reading, NEXT_TIME, PLAN, BUILT_ON) == []


def test_a_turn_the_cue_rules_judged_is_not_judged_again_by_meaning(session):
    cued = ("practitioner", "What could you do differently next time he turns up?")
    acts = _cognitive_acts(session, _reading(0, plan=0.9, none=0.1), cued, PLAN, BUILT_ON)
    assert len(acts) == 1 and not acts[0].rule.endswith(READ_INVITATION)


def test_training_rows_come_from_the_readers_marks():
    turns = [
        ("practitioner", "How's the week been?"),
        ("client", "He came round again Tuesday."),
        ("practitioner", "What about next time he turns up?"),
        ("client", "I'd ring my sister."),
        ("practitioner", "Go on then, say it to me as if I'm him."),
    ]
    transcripts = {
        "q01": {"id": "q01", "utterances": [{"speaker": s, "text": t} for s, t in turns]}
    }
    labels = {
        "q01": [
            {"id": "q01", "turn": 2, "kind": "invitation", "type": "plan"},
            {"id": "q01", "turn": 4, "kind": "invitation", "type": "rehearsal"},
        ]
    }
    rows = train_stance.INVITATIONS.rows(transcripts, labels)
    assert [(r["turn"], r["invites"], r["group"]) for r in rows] == [
        (0, "none", "q"),
        (2, "plan", "q"),
        (4, "rehearsal", "q"),
    ]
    assert rows[1]["client"] == "He came round again Tuesday."
    # a transcript read with nothing marked gives only "none" rows
    labels = {"q01": [{"id": "q01", "turn": None, "kind": "invitation"}]}
    assert {r["invites"] for r in train_stance.INVITATIONS.rows(transcripts, labels)} == {"none"}


PLANNED = [
    ("practitioner", "So he's been coming round when the kids are at school."),
    ("client", "Yeah, Tuesdays mostly. I'm on my own and bored and he turns up with it."),
    NEXT_TIME,
    PLAN,
    BUILT_ON,
    ("client", "Her number in my phone and the bus fare, I suppose."),
]


def _plans(result):
    return [e for e in result.items["D6"]["evidence"] if e["rule"].endswith(READ_INVITATION)]


def test_the_shipped_model_finds_a_plan_asked_for_in_plain_words(monkeypatch):
    result = score_session(make_session(*PLANNED))
    assert [e["utterance"] for e in _plans(result)] == [2]
    assert train_stance.INVITATIONS.version in result.model_version
    with monkeypatch.context() as m:
        m.setenv(invitations.INVITATIONS_ENV, "off")
        result = score_session(make_session(*PLANNED))
        assert _plans(result) == [] and "invitations" not in result.model_version
    monkeypatch.setenv(MODEL_ENV, "off")
    assert _plans(score_session(make_session(*PLANNED))) == []


@pytest.mark.parametrize(
    ("transcript", "group"),
    [
        ("w3c05-poor", "w3"),
        ("w10c01-good", "w10"),
        ("w1c01-good", "w1"),
        ("q07", "q"),
        ("ma07", "ma"),
        ("wa01", "wa"),
    ],
)
def test_each_writer_is_a_set_of_its_own_when_sets_are_held_out(transcript, group):
    # writers 10 and 11 were once read as writer 1's set, so held out with it
    assert train_stance.group_of(transcript) == group


def test_an_id_that_names_no_set_is_refused():
    with pytest.raises(ValueError):
        train_stance.group_of("session-7")


def test_a_lecture_that_ends_in_a_question_is_not_exploring(session):
    # the ask is placed at the turn's first question, so what is told after it is seen
    lecture = (
        "practitioner",
        "So what about next time he turns up at the door? You ring the police, you tell them "
        "he is breaching the order, you keep the chain on and you do not let him in, whatever "
        "he says through the letterbox. Does that make sense?",
    )
    acts = _cognitive_acts(session, _reading(0, plan=0.9, none=0.1), lecture, PLAN, BUILT_ON)
    assert [(a.item, a.polarity, a.rule.split()[0]) for a in acts] == [
        ("D6", AGAINST, "D:answered_own_question")
    ]


def test_a_question_with_nothing_after_it_is_not_judged(session):
    # a recording that ends on the question: nothing followed, so nothing to weigh
    assert _cognitive_acts(session, _reading(0, plan=0.9, none=0.1), NEXT_TIME) == []


def test_one_rehearsal_counts_once_however_many_invitations_came_before_it(session):
    view = judged_view(
        session(
            ("practitioner", "Shall we practise what you'd say to him when he turns up?"),
            ("client", "Yeah alright."),
            ("practitioner", "Go on then, I'm him at the door, what do you say to me?"),
            ("client", "Look mate I'm not coming out tonight, I've got the kids and I'm done."),
        )
    )
    view.acts.clear()
    view.invitations = [_reading(2, rehearsal=0.9, none=0.1)]
    judge_cognitive(view)
    credited = [a for a in view.acts if a.item == "D7" and a.polarity == SUPPORTS]
    assert len(credited) == 1


def test_with_no_kinds_judged_nothing_is_read(session, monkeypatch):
    monkeypatch.setattr(cognitive, "JUDGED_KINDS", ())
    assert _cognitive_acts(session, _reading(0, plan=0.9, none=0.1), NEXT_TIME, PLAN) == []


CONSEQUENCES = ("practitioner", "And if your little girl had been stood there watching, then what?")
THOUGHT_IT_THROUGH = (
    "client",
    "She'd have been terrified, she'd remember it, she'd hate me for it.",
)


@pytest.mark.parametrize(
    ("follow", "verdict", "polarity"),
    [
        (BUILT_ON, "shown", SUPPORTS),
        (TOLD, "counts against", AGAINST),
    ],
)
def test_the_card_shows_what_followed_a_question_read_by_meaning(
    session, follow, verdict, polarity
):
    # consequences and another's view are D5's: the card shows the act there, for or against
    follow = (
        "practitioner",
        follow[1].replace("ring your sister and go round to hers", "think of her"),
    )
    utterances = session(CONSEQUENCES, THOUGHT_IT_THROUGH, follow)
    _, items = judged_card(utterances, invitations=[_reading(0, consequences=0.9, none=0.1)])
    read = [e for e in items["D5"]["evidence"] if e["rule"].endswith(READ_INVITATION)]
    assert items["D5"]["verdict"] == verdict
    assert [(e["utterance"], e["polarity"]) for e in read] == [(0, polarity)]


def test_an_answer_built_on_counts_by_how_sure_the_reading_is():
    from scoring.judgement import Act
    from scoring.skill_scores import _built_on

    rule = f"D:client_thinking_explored (answer built on) {READ_INVITATION}"
    acts = [Act("D6", 0, SUPPORTS, rule, 0.4, "", 0.6), Act("D1", 2, SUPPORTS, rule, 0.7, "", 1.0)]
    assert _built_on(acts) == pytest.approx(1.6)
