"""Quiz answers are marked on the server against the stored lesson, never trusted."""

import re

import pytest

from training.models import QuizAttempt
from training.quiz import ATTEMPT_FIELD

from .helpers import quiz_answers, route

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(client, people):
    client.force_login(people["practitioner"])
    return people["practitioner"]


def questions_by_text(lesson):
    return {question.text: question for question in lesson.questions()}


def test_all_right_answers_pass_and_are_stored_with_the_score(client, learner, training):
    lesson = training["lesson"]
    response = client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))
    assert response.status_code == 302
    attempt = QuizAttempt.objects.get(user=learner, lesson=lesson)
    assert (attempt.right, attempt.total, attempt.score, attempt.passed) == (3, 3, 100, True)
    page = client.get(response["Location"]).content.decode()
    assert "3 out of 3" in page and "You passed." in page


def test_explanations_are_shown_after_answering(client, learner, training):
    lesson = training["lesson"]
    before = client.get(lesson.url).content.decode()
    assert "It invites the client to tell the story." not in before
    client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))
    after = client.get(lesson.url).content.decode()
    assert "It invites the client to tell the story." in after
    assert "It can be answered yes or no." in after  # the wrong option's explanation too


def test_wrong_single_answer_scores_zero_for_that_question(client, learner, training):
    lesson = training["lesson"]
    data = quiz_answers(lesson)
    open_question = questions_by_text(lesson)["Which of these is an open question?"]
    wrong = next(o[0] for o in open_question.options if not o[2])
    data[open_question.field_name] = wrong
    client.post(route(lesson, "answer_quiz"), data)
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.right, attempt.total, attempt.score, attempt.passed) == (2, 3, 67, False)


def test_multi_answer_question_needs_every_right_option_and_no_wrong_one(client, learner, training):
    lesson = training["lesson"]
    check_in = questions_by_text(lesson)["Which belong in a check-in?"]
    right = [o[0] for o in check_in.options if o[2]]
    wrong = [o[0] for o in check_in.options if not o[2]]
    assert check_in.multiple and len(right) == 2

    for chosen, expected in [
        (right, 3),  # exactly the right ones
        (right[:1], 2),  # one right answer missing
        (right + wrong, 2),  # a wrong one added
    ]:
        data = quiz_answers(lesson)
        data[check_in.field_name] = chosen
        client.post(route(lesson, "answer_quiz"), data)
        assert QuizAttempt.objects.filter(user=learner).first().right == expected

    assert QuizAttempt.objects.filter(user=learner, lesson=lesson).count() == 3


def test_multi_answer_question_is_offered_as_checkboxes(client, learner, training):
    html = client.get(training["lesson"].url).content.decode()
    check_in = questions_by_text(training["lesson"])["Which belong in a check-in?"]
    assert f'type="checkbox" name="{check_in.field_name}"' in html
    open_q = questions_by_text(training["lesson"])["Which of these is an open question?"]
    assert f'type="radio" name="{open_q.field_name}"' in html


def test_option_id_that_does_not_exist_is_rejected(client, learner, training):
    lesson = training["lesson"]
    data = quiz_answers(lesson)
    first = lesson.questions()[0]
    data[first.field_name] = "00000000-0000-0000-0000-000000000000"
    response = client.post(route(lesson, "answer_quiz"), data)
    assert response.status_code == 200
    assert not QuizAttempt.objects.exists()
    html = response.content.decode()
    assert "There is a problem" in html
    # linked to the question's first option as shown (options are shuffled per attempt)
    shown = re.findall(r'id="option-([0-9a-f-]+)"', html)
    first_ids = {option_id for option_id, *_rest in first.options}
    first_shown = next(option_id for option_id in shown if option_id in first_ids)
    assert f'href="#option-{first_shown}"' in html


def test_option_from_another_question_is_rejected(client, learner, training):
    lesson = training["lesson"]
    first, second = lesson.questions()[:2]
    data = quiz_answers(lesson)
    data[first.field_name] = second.options[0][0]
    client.post(route(lesson, "answer_quiz"), data)
    assert not QuizAttempt.objects.exists()


def test_question_from_another_lesson_does_not_count(client, learner, training):
    lesson, other = training["lesson"], training["other_lesson"]
    # Right answers to the other lesson's question, none to this lesson's.
    token = {ATTEMPT_FIELD: quiz_answers(lesson)[ATTEMPT_FIELD]}
    response = client.post(route(lesson, "answer_quiz"), {**quiz_answers(other), **token})
    assert response.status_code == 200
    assert not QuizAttempt.objects.exists()
    assert response.content.decode().count("Choose an answer to this question.") >= 2

    # Mixed in with real answers, it is ignored: the score counts this lesson's questions only.
    client.post(route(lesson, "answer_quiz"), {**quiz_answers(other), **quiz_answers(lesson)})
    attempt = QuizAttempt.objects.get()
    assert (attempt.right, attempt.total) == (3, 3)
    assert set(attempt.answers) == {q.id for q in lesson.questions()}


def test_claimed_score_in_the_submission_is_ignored(client, learner, training):
    lesson = training["lesson"]
    data = {**quiz_answers(lesson, right=False), "score": "100", "passed": "on", "right": "3"}
    client.post(route(lesson, "answer_quiz"), data)
    attempt = QuizAttempt.objects.get()
    assert (attempt.right, attempt.score, attempt.passed) == (0, 0, False)


def test_unanswered_question_shows_error_summary(client, learner, training):
    lesson = training["lesson"]
    data = quiz_answers(lesson)
    del data[lesson.questions()[1].field_name]
    response = client.post(route(lesson, "answer_quiz"), data)
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose at least one answer to this question." in html
    assert not QuizAttempt.objects.exists()


def test_retake_shows_a_fresh_quiz(client, learner, training):
    lesson = training["lesson"]
    client.post(route(lesson, "answer_quiz"), quiz_answers(lesson, right=False))
    html = client.get(lesson.url + "?retake=1").content.decode()
    assert "Submit answers" in html
    assert " checked" not in html.split('id="quiz"')[1]


def test_quiz_cannot_be_answered_by_get(client, learner, training):
    assert client.get(route(training["lesson"], "answer_quiz")).status_code == 405


def test_the_error_summary_names_each_unanswered_question_by_number_and_first_words():
    from training.quiz import Question, error_links

    questions = [
        Question("q1", "Which of these opens a session well?", [], error="Choose an answer."),
        Question("q2", "Answered already.", []),
        Question(
            "q3",
            "When a client says everyone does it, what does the practitioner do next?",
            [],
            error="Choose an answer.",
        ),
    ]
    assert error_links(questions) == [
        ("question-q1", "Choose an answer. (1. Which of these opens a session well?)"),
        (
            "question-q3",
            "Choose an answer. (3. When a client says everyone does it, what …)",
        ),
    ]
