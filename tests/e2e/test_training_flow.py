import pytest
from playwright.sync_api import expect

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
    expect(page.get_by_role("heading", level=1)).to_have_text("Check-in and review")

    page.get_by_role("button", name="Mark this lesson as complete").click()
    expect(page.get_by_test_id("lesson-status")).to_have_text("Completed")

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
    expect(result).to_contain_text("3 out of 3")
    expect(result).to_contain_text("You passed.")
    expect(quiz).to_contain_text("It invites the client to tell the story.")  # the explanation

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Learn").click()
    page.get_by_role("link", name="My learning").click()
    progress = page.get_by_test_id("module-progress")
    structuring = progress.get_by_role("row").filter(has_text="Structuring sessions")
    expect(structuring).to_contain_text("1 of 2")
    expect(structuring).to_contain_text("50%")
    scores = (
        page.get_by_test_id("quiz-scores").get_by_role("row").filter(has_text="Check-in and review")
    )
    expect(scores).to_contain_text("100%")
    expect(scores).to_contain_text("Passed")
