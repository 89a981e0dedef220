"""Progress charts in the browser at a desktop and a phone width: the date labels as drawn never
touch, the team chart has a line per practitioner, and the range form works without a script."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.e2e.conftest import WIDTHS, assert_no_sideways_scroll
from tests.e2e.site_pages import browser_context
from tests.reviews.conftest import scored_recording

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The drawn boxes of each chart's date labels, left to right.
TICK_BOXES = """() => Array.from(document.querySelectorAll("figure[data-testid=chart] svg")).map(
  (svg) => Array.from(svg.querySelectorAll("[data-testid=date-tick]")).map((tick) => {
    const box = tick.getBoundingClientRect();
    return [box.left, box.right];
  }))"""


@pytest.mark.parametrize("width", WIDTHS)
def test_team_chart_labels_never_touch_and_each_person_has_a_line(browser, live_server, width):
    team = TeamFactory(name="North")
    ann = PractitionerFactory(first_name="Ann", last_name="Lee", team=team)
    bob = PractitionerFactory(first_name="Bob", last_name="Ray", team=team)
    manager = ManagerFactory(teams=[team])
    today = timezone.localdate()
    for owner, days in ((ann, 300), (bob, 200), (ann, 100), (bob, 20)):
        scored_recording(owner, session_date=today - timedelta(days=days))

    context = browser_context(browser, live_server, manager, width)
    page = context.new_page()
    page.goto(f"{live_server.url}/reviews/team/")
    chart = page.get_by_test_id("chart").filter(has_text="E2 Share of open questions")
    expect(chart.get_by_test_id("chart-line")).to_have_count(2)
    for boxes in page.evaluate(TICK_BOXES):
        assert boxes, "every drawn chart has dates on its axis"
        assert all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:], strict=False)), boxes
    assert_no_sideways_scroll(page)

    # The range form is a plain GET form: choosing "Last 3 months" leaves one session.
    page.get_by_label("Last 3 months").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/reviews/team/?range=3m")
    chart.get_by_text("E2 Share of open questions as a table").click()
    expect(chart.locator("[data-testid=chart-table] tbody tr")).to_have_count(1)
    context.close()
