"""Naming the practitioner from the words when no voice is enrolled: evidence that holds when
the practitioner lectures and asks almost nothing, and the client asks the questions."""

from speech.speakers import Turn, choose_practitioner, word_evidence


def _turn(speaker, text):
    return Turn(0, 1, speaker, text, ())


# Invented: a practitioner who tells and warns, a client who asks and explains themselves.
LECTURE = [
    ("A", "Right, sit down. We need to talk about Saturday."),
    ("B", "Is this about the hours? I was ill, I told them."),
    ("A", "You missed the session and the order says you attend every week."),
    ("B", "So am I in trouble or what?"),
    ("A", "That depends on you. You should have rung the office before, not after."),
    ("B", "I didn't have any credit on my phone."),
    ("A", "Then you walk in and tell them. You keep your hours up and you stay out of bother."),
    ("B", "What do I say to them now?"),
    ("A", "You apologise and you book the next one. Make sure you're there by nine."),
]


def test_a_practitioner_who_lectures_is_still_named_the_practitioner():
    turns = [_turn(speaker, text) for speaker, text in LECTURE]
    assert choose_practitioner(turns) == "A"
    # The same session with the labels the other way round: the words decide, not the order.
    swapped = [_turn("B" if speaker == "A" else "A", text) for speaker, text in LECTURE]
    assert choose_practitioner(swapped) == "B"


def test_the_client_asking_more_questions_does_not_make_them_the_practitioner():
    turns = [
        _turn("A", "Why do I have to come in every week? Can I not ring instead?"),
        _turn("B", "Your order sets the reporting, and you agreed to it in court."),
        _turn("A", "What if I get the job? Will I still have to come?"),
        _turn("B", "Then you tell me the hours and we move your appointments round them."),
    ]
    assert choose_practitioner(turns) == "B"


def test_speaking_of_oneself_counts_against_being_the_practitioner():
    evidence = word_evidence(
        [
            _turn("A", "You did well to come in, and your plan is on track."),
            _turn("B", "I know. My sister helped me, I'm lucky really."),
        ]
    )
    assert evidence["A"] > 0 > evidence["B"]


def test_the_evidence_is_per_word_so_a_talkative_client_does_not_win_by_volume():
    client = "I went to the job centre and I asked about the forms and I filled them in. " * 5
    turns = [
        _turn("A", "How did you get on? What did you find out?"),
        _turn("B", client + "Was that right?"),
        _turn("A", "Good. What will you do next?"),
    ]
    assert choose_practitioner(turns) == "A"


def test_curly_apostrophes_count_like_straight_ones():
    straight = word_evidence([_turn("A", "I'm fine, I've been busy.")])
    curly = word_evidence([_turn("A", "I\u2019m fine, I\u2019ve been busy.")])
    assert straight == curly


def test_with_no_evidence_either_way_the_first_speaker_is_taken():
    assert choose_practitioner([_turn("A", "Right."), _turn("B", "Okay.")]) == "A"
    assert choose_practitioner([_turn("B", "Right."), _turn("A", "Okay.")]) == "B"
    assert choose_practitioner([]) == "A"
