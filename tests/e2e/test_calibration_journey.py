"""The calibration journey in a real browser: a lead asks, the owner consents, the lead checks
the pseudonymised copy and shares it, two managers rate it blind, and the report compares."""

import pytest
from playwright.sync_api import expect

from calibration.models import CalibrationExercise
from tests.accounts.factories import (
    AdministratorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)
from tests.calibration.conftest import SESSION
from tests.recordings.factories import RecordingFactory

from .conftest import WIDTHS, assert_no_sideways_scroll, follow, new_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def rate(page, live_server, structuring):
    page.goto(f"{live_server.url}/calibration/")
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_test_id("invited").get_by_role("link", name="Calibration one"))
    assert_no_sideways_scroll(page)
    transcript = page.get_by_test_id("pseudonymised-transcript")
    expect(transcript).to_contain_text("what might get in the way")
    for name in ("Patricia", "patricia", "Jordan", "jordan", "kwabena", "hollins"):
        expect(transcript).not_to_contain_text(name)
    expect(page.locator("audio")).to_have_count(0)
    page.get_by_label("Overall: Structuring").select_option(structuring)
    page.get_by_label("Overall: Relationship building").select_option("satisfactory")
    page.get_by_label("Overall: Prosocial modelling").select_option("not_applicable")
    page.get_by_label("Overall: Cognitive techniques").select_option("not_applicable")
    page.get_by_role("button", name="Submit my ratings").click()
    expect(page.get_by_role("heading", name="Where you differ from the group")).to_be_visible()
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_setup_consent_blind_ratings_and_report(browser, page, live_server, sign_in, width):
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    patricia = PractitionerFactory(
        username="patricia", first_name="Patricia", last_name="Okafor", team=north
    )
    mel = ManagerFactory(username="mel", first_name="Melanie", last_name="Stone", teams=[north])
    omar = ManagerFactory(username="omar", first_name="Omar", last_name="Haddad", teams=[south])
    ada = AdministratorFactory(username="ada", first_name="Ada", last_name="Lovelace")
    recording = RecordingFactory(
        owner=patricia, client_pseudonym="Jordan", scored=True, lines=SESSION
    )

    def as_user(user):
        other = new_page(browser, width)
        sign_in(other, user)
        return other

    # The lead asks the owner.
    sign_in(page, ada)
    page.goto(f"{live_server.url}/calibration/")
    assert_no_sideways_scroll(page)
    page.get_by_label("Recording to ask about").select_option(str(recording.pk))
    page.get_by_role("button", name="Ask the owner").click()
    expect(page.get_by_test_id("consents")).to_contain_text("Asked, not answered")
    assert_no_sideways_scroll(page)

    # The owner agrees on her recording's page.
    owner = as_user(patricia)
    owner.goto(f"{live_server.url}{recording.get_absolute_url()}")
    assert_no_sideways_scroll(owner)
    follow(owner, owner.get_by_role("link", name="Answer the calibration request"))
    assert_no_sideways_scroll(owner)
    owner.get_by_label("Yes, I agree").check()
    owner.get_by_role("button", name="Save my answer").click()
    expect(owner.get_by_text("managers may rate a pseudonymised text copy")).to_be_visible()
    assert_no_sideways_scroll(owner)

    # The lead sets up the exercise, checks the copy and shares it.
    page.goto(f"{live_server.url}/calibration/")
    follow(page, page.get_by_role("link", name="Set up an exercise"))
    assert_no_sideways_scroll(page)
    page.get_by_label("Title").fill("Calibration one")
    page.get_by_label("Recording", exact=True).select_option(str(recording.pk))
    page.get_by_label("Melanie Stone").check()
    page.get_by_label("Omar Haddad").check()
    page.get_by_role("button", name="Make the pseudonymised copy").click()
    expect(page.get_by_test_id("replacements")).to_contain_text("kwabena")
    copy = page.get_by_test_id("pseudonymised-transcript")
    expect(copy).to_contain_text("[phone number]")
    expect(copy).not_to_contain_text("kwabena")
    assert_no_sideways_scroll(page)
    page.get_by_role("button", name="I have checked it: share with the participants").click()
    expect(page.get_by_test_id("submitted-count")).to_contain_text("0 of 2")
    assert_no_sideways_scroll(page)

    # Two managers rate blind: neither sees the report before submitting.
    exercise_id = CalibrationExercise.objects.get().pk
    report = f"{live_server.url}/calibration/{exercise_id}/report/"
    melanie = as_user(mel)
    assert melanie.goto(report).status == 403
    rate(melanie, live_server, "satisfactory")
    omar_page = as_user(omar)
    assert omar_page.goto(report).status == 403, "Melanie's ratings stay hidden from Omar"
    rate(omar_page, live_server, "needs_improvement")
    expect(omar_page.get_by_test_id("my-differences")).to_contain_text("Overall: Structuring")

    # The lead's report: each manager against the group, and agreement measures.
    page.goto(report)
    expect(page.get_by_test_id("submitted-count")).to_contain_text("2 of 2")
    expect(page.get_by_test_id("per-manager")).to_contain_text("Melanie Stone")
    expect(page.get_by_test_id("per-manager")).to_contain_text("Omar Haddad")
    expect(page.get_by_test_id("kappa")).to_contain_text("Fleiss' kappa")
    structuring = page.get_by_test_id("row-structuring")
    expect(structuring).to_contain_text("Split")
    expect(structuring).to_contain_text("0%")
    assert_no_sideways_scroll(page)
