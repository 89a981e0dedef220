import pytest

from tests.accounts.factories import PractitionerFactory
from tests.training.helpers import FIXTURE_CONTENT, create_evidence_entry
from training.loader import load_training

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_practitioner_completes_a_lesson_passes_its_quiz_and_sees_progress(
    page, live_server, sign_in
):
    create_evidence_entry()
    load_training(FIXTURE_CONTENT)
    sign_in(page, PractitionerFactory(username="priya"))

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Learn").click()
    page.get_by_role("link", name="Structuring sessions").click()
    page.get_by_role("link", name="Check-in and review").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check-in and review"

    page.get_by_role("button", name="Mark this lesson as complete").click()
    assert page.get_by_test_id("lesson-status").inner_text() == "Completed"

    quiz = page.locator("#quiz")
    quiz.get_by_role("group", name="Which of these is an open question?").get_by_label(
        "How did the interview go?"
    ).check()
    check_in = quiz.get_by_role("group", name="Which belong in a check-in?")
    check_in.get_by_label("Wellbeing since the last contact").check()
    check_in.get_by_label("Any acute needs").check()
    quiz.get_by_role("group", name="When does the check-in happen?").get_by_label(
        "At the start of the session"
    ).check()
    quiz.get_by_role("button", name="Submit answers").click()

    result = page.get_by_test_id("quiz-result")
    assert "3 out of 3" in result.inner_text() and "You passed." in result.inner_text()
    assert "It invites the client to tell the story." in quiz.inner_text()  # the explanation

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Learn").click()
    page.get_by_role("link", name="My learning").click()
    progress = page.get_by_test_id("module-progress")
    structuring = progress.get_by_role("row").filter(has_text="Structuring sessions")
    assert "1 of 2" in structuring.inner_text() and "50%" in structuring.inner_text()
    scores = (
        page.get_by_test_id("quiz-scores").get_by_role("row").filter(has_text="Check-in and review")
    )
    assert "100%" in scores.inner_text() and "Passed" in scores.inner_text()
