"""The assignment journey in a real browser: the manager opens shared feedback, assigns the
lesson behind a growth point in one click with a due date and a practice task; the practitioner
sees it on her dashboard, completes the lesson, and the assignment is complete for both."""

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.assignments.factories import days_from_today, share_review
from tests.e2e.quiz import answer_quiz
from tests.reviews.conftest import scored_recording
from tests.training.helpers import FIXTURE_CONTENT, create_evidence_entry
from training.loader import load_training

from .conftest import WIDTHS, assert_no_sideways_scroll, follow, new_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_manager_assigns_a_lesson_from_feedback_and_the_practitioner_completes_it(
    browser, live_server, sign_in, width
):
    create_evidence_entry()
    load_training(FIXTURE_CONTENT)
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", first_name="Priya", last_name="Patel", team=team)
    mel = ManagerFactory(username="mel", first_name="Mel", last_name="Jones", teams=[team])
    recording = scored_recording(priya)
    share_review(recording, mel, work_on="Check in before you start on business.")
    due = days_from_today(10)

    manager = new_page(browser, width)
    sign_in(manager, mel)
    manager.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/feedback/")
    assert_no_sideways_scroll(manager)
    structuring = manager.get_by_test_id("rating-structuring")
    follow(manager, structuring.get_by_role("link", name="Assign this lesson: Check-in and review"))

    expect(manager.get_by_role("heading", name="Assign training")).to_be_visible()
    assert_no_sideways_scroll(manager)
    expect(manager.get_by_label("Assign to")).to_have_value(f"practitioner-{priya.pk}")
    expect(manager.get_by_label("Growth point")).to_have_value(
        "Check in before you start on business."
    )
    manager.get_by_label("Due date").fill(due.isoformat())
    manager.get_by_label("Practice task").fill("Open your next session with a check-in.")
    manager.get_by_role("button", name="Assign").click()
    expect(manager.get_by_role("alert")).to_contain_text(
        "“Check-in and review” is assigned to Priya Patel"
    )
    expect(manager.get_by_test_id("open-assignments")).to_contain_text("Priya Patel")
    assert_no_sideways_scroll(manager)

    practitioner = new_page(browser, width)
    sign_in(practitioner, priya)
    dashboard = practitioner.get_by_test_id("dashboard-assignments")
    expect(dashboard).to_contain_text("Check-in and review")
    expect(dashboard).to_contain_text(f"{due:%-d %B %Y}")
    assert_no_sideways_scroll(practitioner)
    dashboard.get_by_role("link", name="Check-in and review").click()
    answer_quiz(practitioner)  # passing the quiz completes the lesson
    expect(practitioner.get_by_test_id("lesson-status")).to_have_text("Completed")
    assert_no_sideways_scroll(practitioner)

    practitioner.goto(f"{live_server.url}/")
    expect(practitioner.get_by_test_id("dashboard-assignments")).to_have_count(0)
    assert_no_sideways_scroll(practitioner)
    practitioner.goto(f"{live_server.url}/assignments/")
    expect(practitioner.get_by_test_id("completed-assignments")).to_contain_text(
        "Check-in and review"
    )
    assert_no_sideways_scroll(practitioner)

    manager.goto(f"{live_server.url}/assignments/team/")
    completed = manager.get_by_test_id("completed-assignments")
    expect(completed).to_contain_text("Priya Patel")
    expect(completed).to_contain_text("Completed")
    assert_no_sideways_scroll(manager)
