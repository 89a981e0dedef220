"""Answering the fixture lesson "Check-in and review"'s quiz in the browser, as a learner does."""

RIGHT_OPEN_QUESTION = "How did the interview go?"


def answer_quiz(page, open_question_answer=RIGHT_OPEN_QUESTION):
    quiz = page.locator("#quiz")
    quiz.get_by_role("group", name="Which of these is an open question?").get_by_label(
        open_question_answer
    ).check()
    check_in = quiz.get_by_role("group", name="Which belong in a check-in?")
    check_in.get_by_label("Wellbeing since the last contact").check()
    check_in.get_by_label("Any acute needs").check()
    quiz.get_by_role("group", name="When does the check-in happen?").get_by_label(
        "At the start of the session"
    ).check()
    quiz.get_by_role("button", name="Submit answers").click()
    return quiz
