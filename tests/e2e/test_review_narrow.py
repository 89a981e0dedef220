"""The review page on a phone, a tablet and a zoomed laptop: neither the transcript nor the
player ever covers the ratings form, so a tap on a rating lands on the rating, and nothing
scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.e2e.conftest import assert_no_sideways_scroll
from tests.reviews.conftest import scored_recording

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What is under the centre of an element once it is scrolled into view: itself (or a child)
# when nothing covers it.
UNCOVERED = """element => {
  element.scrollIntoView({block: "center"});
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit === element || element.contains(hit);
}"""


@pytest.mark.parametrize("width", [390, 800, 1280])
def test_the_ratings_form_is_never_under_the_transcript(browser, live_server, sign_in, width):
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", first_name="Priya", last_name="Patel", team=team)
    mel = ManagerFactory(username="mel", first_name="Mel", last_name="Jones", teams=[team])
    recording = scored_recording(priya)

    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    sign_in(page, mel)
    page.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/")
    # Between a phone's width and 960 px the form is the "Assessment" tab.
    assessment_tab = page.get_by_role("tab", name="Assessment")
    if width == 800:
        assessment_tab.click()
    else:
        expect(assessment_tab).to_have_count(0)
    expect(page.get_by_label("Overall: Cognitive techniques")).to_be_visible()

    for label in ("Overall: Structuring", "Overall: Cognitive techniques"):
        control = page.get_by_label(label)
        assert control.evaluate(UNCOVERED), f"{label} is covered at {width} px"
    share = page.get_by_role("button", name="Share with practitioner")
    assert share.evaluate(UNCOVERED), f"the share button is covered at {width} px"
    assert_no_sideways_scroll(page)
    context.close()
