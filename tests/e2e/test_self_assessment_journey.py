"""The self-assessment journey in a real browser: the practitioner rates her own session, the
manager rates it blind, then sees her view, shares, and she reads where they agreed."""

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.reviews.conftest import scored_recording

from .conftest import WIDTHS, assert_no_sideways_scroll, block_autosave, follow, new_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROUD = "Asking how the job centre went, and praising the effort."


@pytest.mark.parametrize("width", WIDTHS)
def test_practitioner_self_assesses_and_the_manager_sees_it_only_after_rating(
    browser, page, live_server, sign_in, width
):
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", first_name="Priya", last_name="Patel", team=team)
    mel = ManagerFactory(username="mel", first_name="Mel", last_name="Jones", teams=[team])
    recording = scored_recording(priya)

    # The practitioner rates her own session from the recording's page.
    sign_in(page, priya)
    page.goto(f"{live_server.url}{recording.get_absolute_url()}")
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Rate your own session"))
    assert_no_sideways_scroll(page)
    page.get_by_label("Structuring").select_option("satisfactory")
    page.get_by_label("Relationship building").select_option("satisfactory")
    page.get_by_label("Prosocial modelling").select_option("not_applicable")
    page.get_by_label("Cognitive techniques").select_option("needs_improvement")
    page.get_by_label("The moment you are proudest of").select_option("2")
    page.get_by_label("Why that moment?").fill(PROUD)
    page.get_by_label("A moment you would do differently").select_option("4")
    page.get_by_label("What would you do instead?").fill("One open question, not two closed.")
    page.get_by_role("button", name="Save my self-assessment").click()
    expect(page.get_by_text("Your self-assessment is saved.")).to_be_visible()
    assert_no_sideways_scroll(page)

    # The manager does not see it until she has rated every skill herself.
    manager = new_page(browser, width)
    block_autosave(manager)
    sign_in(manager, mel)
    manager.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/")
    status = manager.get_by_test_id("self-assessment-status")
    expect(status).to_contain_text("You will see it once you have saved your own overall rating")
    expect(status).not_to_contain_text(PROUD)
    assert_no_sideways_scroll(manager)
    manager.get_by_label("Overall: Structuring").select_option("satisfactory")
    manager.get_by_label("Overall: Relationship building").select_option("needs_improvement")
    manager.get_by_label("Overall: Prosocial modelling").select_option("not_applicable")
    manager.get_by_label("Overall: Cognitive techniques").select_option("not_applicable")
    manager.get_by_role("button", name="Save draft").click()
    expect(manager.get_by_text("Draft saved.")).to_be_visible()
    status = manager.get_by_test_id("self-assessment-status")
    expect(status).to_contain_text(PROUD)
    expect(status.get_by_test_id("self-agreement")).to_have_text("Agreed on 2 of 4 skills.")
    assert_no_sideways_scroll(manager)

    # She shares; the practitioner sees where they agreed and differed.
    manager.get_by_label("What went well (1 of 2)").fill("A warm check-in.")
    manager.locator("#id_went_well_1_at").fill("0:00")
    manager.get_by_label("One thing to work on").fill("Two closed questions in a row.")
    manager.get_by_label("What it could have sounded like").fill("What happened next?")
    manager.locator("#id_work_on_at").fill("0:20")
    manager.get_by_role("button", name="Share with practitioner").click()
    expect(manager.get_by_test_id("review-status")).to_have_text("Shared")
    assert_no_sideways_scroll(manager)

    page.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/feedback/")
    comparison = page.get_by_test_id("self-assessment")
    expect(comparison.get_by_test_id("self-agreement")).to_have_text("Agreed on 2 of 4 skills.")
    expect(comparison.get_by_test_id("self-row-structuring")).to_contain_text("Agreed")
    expect(comparison.get_by_test_id("self-row-relationship_building")).to_contain_text("Differed")
    expect(comparison).to_contain_text(PROUD)
    assert_no_sideways_scroll(page)
