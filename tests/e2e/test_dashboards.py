"""Each role's dashboard at a desktop and a phone width: what they came for is on the home
page, one click from the work itself, and nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import (
    AdministratorFactory,
    EditorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)
from tests.e2e.conftest import WIDTHS, assert_no_sideways_scroll
from tests.e2e.site_pages import browser_context
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast():
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", first_name="Priya", last_name="Patel", team=team)
    mel = ManagerFactory(username="mel", first_name="Mel", last_name="Jones", teams=[team])
    ReviewFactory(
        recording=RecordingFactory(owner=priya, scored=True, client_pseudonym="Client S"),
        reviewer=mel,
        shared=True,
        shared__work_on="Ask one open question at a time.",
    )
    waiting = RecordingFactory(owner=priya, ready=True, client_pseudonym="Client W")
    return {
        "practitioner": priya,
        "manager": mel,
        "editor": EditorFactory(username="eddie"),
        "admin": AdministratorFactory(username="ada"),
        "waiting": waiting,
    }


def open_dashboard(browser, live_server, user, width):
    context = browser_context(browser, live_server, user, width)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Your dashboard")).to_be_visible()
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_a_practitioner_finds_their_growth_point_and_new_feedback(
    browser, live_server, cast, width
):
    context, page = open_dashboard(browser, live_server, cast["practitioner"], width)
    expect(page.get_by_test_id("growth-point")).to_contain_text("Ask one open question at a time.")
    expect(page.get_by_test_id("dashboard-recordings")).to_contain_text("Waiting for review")
    assert_no_sideways_scroll(page)
    page.get_by_test_id("unread-feedback").get_by_role("link").click()
    expect(page.get_by_text("Ask one open question at a time.").first).to_be_visible()
    assert "/feedback/" in page.url
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_manager_opens_the_oldest_waiting_recording_from_the_queue(
    browser, live_server, cast, width
):
    context, page = open_dashboard(browser, live_server, cast["manager"], width)
    queue = page.get_by_test_id("dashboard-queue")
    expect(queue).to_contain_text("Priya Patel")
    expect(queue.get_by_test_id("waiting")).to_have_text("Today")
    expect(page.get_by_test_id("dashboard-trends")).to_contain_text("Structuring")
    assert_no_sideways_scroll(page)
    queue.get_by_role("link", name=f"{cast['waiting'].session_date:%-d %B %Y}").click()
    page.wait_for_url(f"**/reviews/recordings/{cast['waiting'].pk}/")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        ("editor", ["dashboard-editor"], ["dashboard-manager", "dashboard-practitioner"]),
        ("admin", ["dashboard-administrator", "dashboard-manager", "dashboard-editor"], []),
    ],
)
def test_editors_and_administrators_see_their_parts(
    browser, live_server, cast, width, role, shown, hidden
):
    context, page = open_dashboard(browser, live_server, cast[role], width)
    for testid in shown:
        expect(page.get_by_test_id(testid)).to_be_visible()
    for testid in hidden:
        expect(page.get_by_test_id(testid)).to_have_count(0)
    assert_no_sideways_scroll(page)
    context.close()
