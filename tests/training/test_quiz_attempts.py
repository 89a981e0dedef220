"""Quizzes that test: options shuffled per attempt, question banks, a pass mark that completes
the lesson, and marking that names wrong choices without giving the right answers away."""

import re

import pytest
from django.core.exceptions import ValidationError

from training.models import LessonCompletion, QuizAttempt
from training.quiz import ATTEMPT_FIELD

from .factories import LessonPageFactory, quiz_body
from .helpers import quiz_answers, quiz_questions, route

pytestmark = pytest.mark.django_db

OPTION = re.compile(r'name="q-[^"]+" value="([^"]+)"')
TOKEN = re.compile(rf'name="{ATTEMPT_FIELD}" value="([^"]+)"')


@pytest.fixture
def learner(client, people):
    client.force_login(people["practitioner"])
    return people["practitioner"]


def shown(html):
    """The option ids of the quiz form in the order shown, and the form's attempt token."""
    return OPTION.findall(html), TOKEN.search(html).group(1)


def right_answers(questions):
    return {
        question.field_name: [o[0] for o in question.options if o[2]]
        if question.multiple
        else next(o[0] for o in question.options if o[2])
        for question in questions
    }


def test_each_attempt_shows_the_options_in_a_new_order(client, learner):
    lesson = LessonPageFactory(body=quiz_body(questions=4, options=6))
    orders = {tuple(shown(client.get(lesson.url).content.decode())[0]) for _ in range(3)}
    # 720 orders per question, four questions: three identical draws would be a broken shuffle.
    assert len(orders) == 3
    # The same options every time, only their order differs.
    assert len({frozenset(order) for order in orders}) == 1


def test_marking_is_by_option_not_by_position(client, learner):
    lesson = LessonPageFactory(body=quiz_body(questions=4, options=6))
    positions = set()
    for seed in (1, 2, 3, 4):
        questions = quiz_questions(lesson, seed)
        positions |= {[o[2] for o in q.options].index(True) for q in questions}
        data = {ATTEMPT_FIELD: quiz_answers(lesson, seed=seed)[ATTEMPT_FIELD]}
        client.post(route(lesson, "answer_quiz"), {**data, **right_answers(questions)})
    assert len(positions) > 1  # the right option moved between attempts
    assert [a.score for a in QuizAttempt.objects.all()] == [100, 100, 100, 100]


def test_a_form_shown_again_with_errors_keeps_its_order(client, learner):
    lesson = LessonPageFactory(body=quiz_body(questions=4, options=6))
    order, token = shown(client.get(lesson.url).content.decode())
    response = client.post(route(lesson, "answer_quiz"), {ATTEMPT_FIELD: token})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert shown(response.content.decode()) == (order, token)
    assert not QuizAttempt.objects.exists()


def test_answers_without_the_servers_token_are_not_marked(client, learner, training):
    lesson = training["lesson"]
    data = quiz_answers(lesson)
    for token in ("", "forged", quiz_answers(training["other_lesson"])[ATTEMPT_FIELD]):
        response = client.post(route(lesson, "answer_quiz"), {**data, ATTEMPT_FIELD: token})
        assert response.status_code == 302
    assert not QuizAttempt.objects.exists()


def test_a_bank_draws_n_distinct_questions_of_m(client, learner):
    lesson = LessonPageFactory(body=quiz_body(questions=6, options=3), quiz_draw=3)
    bank = {question.id for question in lesson.questions()}
    draws = set()
    for seed in range(20):
        ids = [question.id for question in quiz_questions(lesson, seed)]
        assert len(ids) == len(set(ids)) == 3 and set(ids) <= bank
        draws.add(frozenset(ids))
    assert len(draws) > 1

    html = client.get(lesson.url).content.decode()
    assert html.count('class="govuk-form-group quiz-question') == 3
    assert "Each attempt asks 3 of the lesson’s 6 questions." in html


def test_a_bank_attempt_is_marked_on_its_drawn_questions_only(client, learner):
    lesson = LessonPageFactory(body=quiz_body(questions=6, options=3), quiz_draw=3)
    drawn = quiz_questions(lesson, seed=7)
    others = [q for q in lesson.questions() if q.id not in {d.id for d in drawn}]
    data = {**right_answers(others), **quiz_answers(lesson, seed=7)}
    client.post(route(lesson, "answer_quiz"), data)
    attempt = QuizAttempt.objects.get()
    assert (attempt.right, attempt.total) == (3, 3)
    assert set(attempt.answers) == {q.id for q in drawn}

    # Answering undrawn questions in place of a drawn one does not do.
    del data[drawn[0].field_name]
    response = client.post(route(lesson, "answer_quiz"), data)
    assert "There is a problem" in response.content.decode()


def test_editors_cannot_draw_more_questions_than_the_bank_holds():
    lesson = LessonPageFactory(body=quiz_body(questions=3), quiz_draw=3)
    lesson.full_clean()
    lesson.quiz_draw = 4
    with pytest.raises(ValidationError) as error:
        lesson.full_clean()
    assert "quiz_draw" in error.value.message_dict


def fail_one_question(lesson):
    """Right answers except for the open question, where the closed one is chosen."""
    data = quiz_answers(lesson)
    question = next(q for q in quiz_questions(lesson) if q.text.endswith("open question?"))
    wrong = next(o for o in question.options if not o[2])
    data[question.field_name] = wrong[0]
    return data


def test_a_failed_attempt_names_the_wrong_choice_and_not_the_right_answer(
    client, learner, training
):
    lesson = training["lesson"]
    response = client.post(route(lesson, "answer_quiz"), fail_one_question(lesson), follow=True)
    html = response.content.decode().split('id="quiz"')[1].split('class="lesson-actions"')[0]
    assert "2 out of 3 (67%)" in html and "The pass mark is 80%." in html
    assert "Did the interview go well?" in html  # the learner's own (wrong) choice
    assert html.count('data-testid="wrong-choice"') == 1
    assert "How did the interview go?" not in html  # the right answer they did not choose
    # No explanations, neither of the right answers nor of the wrong ones.
    assert "It invites the client to tell the story." not in html
    assert "It can be answered yes or no." not in html
    assert "Right answer" not in html


def test_below_the_pass_mark_does_not_complete_the_lesson_at_it_does(client, learner, training):
    lesson = training["lesson"]
    client.post(route(lesson, "answer_quiz"), fail_one_question(lesson))  # 67% < 80%
    assert not QuizAttempt.objects.get().passed
    assert not LessonCompletion.objects.exists()

    lesson.quiz_pass_mark = 67
    lesson.save_revision().publish()
    client.post(route(lesson, "answer_quiz"), fail_one_question(lesson))  # 67% = 67%
    assert QuizAttempt.objects.first().passed
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
    html = client.get(lesson.url).content.decode()
    assert 'data-testid="lesson-status">Completed' in html


def test_the_pass_mark_is_80_percent_unless_an_editor_sets_another():
    assert LessonPageFactory().quiz_pass_mark == 80
    lesson = LessonPageFactory()
    lesson.quiz_pass_mark = 101
    with pytest.raises(ValidationError) as error:
        lesson.full_clean()
    assert "quiz_pass_mark" in error.value.message_dict


def test_a_passed_attempt_is_shown_in_the_order_it_was_answered(client, learner):
    lesson = LessonPageFactory(body=quiz_body(questions=2, options=6))
    data = {ATTEMPT_FIELD: quiz_answers(lesson, seed=5)[ATTEMPT_FIELD]}
    client.post(route(lesson, "answer_quiz"), {**data, **right_answers(quiz_questions(lesson, 5))})
    assert QuizAttempt.objects.get().seed == 5
    html = client.get(lesson.url).content.decode()
    shown_order = re.findall(r'name="q-[^"]+" value="([^"]+)"', html)
    assert shown_order == [o[0] for q in quiz_questions(lesson, 5) for o in q.options]
    assert "Right answer" in html  # passed: the answers and explanations are given
