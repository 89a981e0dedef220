"""Layer 2: checklist evidence per item, with timestamps, the rule and a confidence."""

from scoring import checklist_from_dict, load_checklist, score_session
from scoring.evidence import MANUAL_NOTE


def test_evidence_points_at_the_moment_with_rule_and_confidence(session):
    turns = session(
        ("practitioner", "Hi Sam. How have you been since last week?"),
        ("client", "Not bad."),
        ("practitioner", "Before next time, could you ring the Jobcentre?"),
    )
    items = score_session(turns, use_model=False).items
    check_in = items["A1"]
    assert check_in["present"] is True and check_in["mode"] == "verdict"
    [evidence] = check_in["evidence"]
    assert evidence["utterance"] == 0
    assert evidence["start"] == turns[0].start and evidence["end"] == turns[0].end
    assert evidence["rule"].startswith("A1:")
    assert 0 < evidence["confidence"] <= 1
    assert evidence["polarity"] == "supports"
    assert items["A9"]["present"] is True
    assert items["A3"]["present"] is False and items["A3"]["evidence"] == []


def test_check_in_late_in_the_session_is_not_a_check_in(session):
    turns = session(*[("practitioner", "Right.")] * 20, ("practitioner", "How have you been?"))
    turns = [t.__class__(t.index, t.speaker, t.text, t.start + 600, t.end + 600) for t in turns]
    assert score_session(turns, use_model=False).items["A1"]["present"] is False


def test_unanswered_procriminal_talk_is_evidence_against_c3(session):
    turns = session(
        ("practitioner", "How's work?"),
        ("client", "Fine. The lad I hit had it coming anyway."),
        ("practitioner", "Okay. Are you still at your mum's?"),
    )
    items = score_session(turns, use_model=False).items
    assert items["C3"]["present"] is True
    [evidence] = items["C3"]["evidence"]
    assert evidence["utterance"] == 1
    assert evidence["polarity"] == "counts_against"
    assert items["C2"]["present"] is False


def test_challenged_procriminal_talk_is_c2_not_c3(session):
    turns = session(
        ("client", "Everyone does it round here, nobody got hurt."),
        ("practitioner", "I don't agree that nobody got hurt. The shop worker was frightened."),
    )
    items = score_session(turns, use_model=False).items
    assert items["C2"]["present"] is True
    assert items["C3"]["present"] is False


def test_prompt_items_show_evidence_but_never_a_verdict(session):
    turns = session(("practitioner", "You always do this. How many times have I told you?"))
    confronting = score_session(turns, use_model=False).items["B10"]
    assert confronting["mode"] == "prompt"
    assert confronting["present"] is None
    assert confronting["evidence"][0]["rule"].startswith("B10:")


def test_a_monologue_counts_against_balanced_talk(session):
    speech = " ".join(["you have to attend every appointment and ring in if you cannot"] * 20)
    turns = session(("practitioner", speech), ("client", "Okay."))
    talk = score_session(turns, use_model=False).items["A10"]
    assert talk["present"] is False
    assert talk["evidence"][0]["polarity"] == "counts_against"


def test_unexplained_jargon_counts_against_plain_language(session):
    plain = session(
        ("practitioner", "MAPPA, which is how agencies share information, meets monthly.")
    )
    jargon = session(("practitioner", "You're MAPPA level one and your OASys is done."))
    assert score_session(plain, use_model=False).items["B11"]["present"] is True
    assert score_session(jargon, use_model=False).items["B11"]["present"] is False


def test_item_added_by_editors_without_a_detector_is_rated_by_hand(session):
    data = load_checklist().to_dict()
    data["version"] = "seeds-v1-edited"
    data["skills"][3]["items"].append(
        {
            "id": "D9",
            "title": "Uses a worksheet",
            "behaviour": "uses a CBT worksheet",
            "detect": "M",
        }
    )
    score = score_session(
        session(("practitioner", "Let's fill in this worksheet.")),
        checklist=checklist_from_dict(data),
        use_model=False,
    )
    assert score.checklist_version == "seeds-v1-edited"
    assert score.items["D9"]["mode"] == "manual"
    assert score.items["D9"]["present"] is None
    assert score.items["D9"]["note"] == MANUAL_NOTE
    assert "D9" in score.skills["cognitive_techniques"]["manual"]
    assert "D9" not in score.skills["cognitive_techniques"]["items_expected"]
