import pytest
from playwright.sync_api import expect

from tests.accounts.factories import PractitionerFactory
from tests.e2e.quiz import answer_quiz
from tests.training.helpers import FIXTURE_CONTENT, create_evidence_entry
from training.loader import load_training

from .conftest import WIDTHS, assert_no_sideways_scroll, follow, main_navigation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_practitioner_fails_then_passes_a_quiz_which_completes_the_lesson(
    page, live_server, sign_in
):
    create_evidence_entry()
    load_training(FIXTURE_CONTENT)
    sign_in(page, PractitionerFactory(username="priya"))

    follow(page, main_navigation(page).get_by_role("link", name="Learn"))
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Structuring sessions"))
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Check-in and review"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check-in and review")
    expect(page.get_by_test_id("how-to-complete")).to_contain_text("Passing the quiz")
    assert_no_sideways_scroll(page)

    # A wrong answer: 2 out of 3 is under the 80% pass mark.
    quiz = answer_quiz(page, "Did the interview go well?")
    result = page.get_by_test_id("quiz-result")
    expect(result).to_contain_text("2 out of 3")
    expect(result).to_contain_text("The pass mark is 80%.")
    expect(quiz.get_by_test_id("wrong-choice")).to_have_count(1)
    expect(quiz).not_to_contain_text("How did the interview go?")  # the right answer stays hidden
    expect(page.get_by_test_id("lesson-status")).to_have_count(0)
    assert_no_sideways_scroll(page)

    page.get_by_role("link", name="Try the quiz again").click()
    quiz = answer_quiz(page, "How did the interview go?")
    expect(result).to_contain_text("3 out of 3")
    expect(result).to_contain_text("You passed.")
    expect(quiz).to_contain_text("It invites the client to tell the story.")  # the explanation
    expect(page.get_by_test_id("lesson-status")).to_have_text("Completed")
    assert_no_sideways_scroll(page)

    main_navigation(page).get_by_role("link", name="Learn").click()
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
    assert_no_sideways_scroll(page)
