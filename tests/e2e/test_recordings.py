"""A practitioner uploads a recording in the browser, watches its status update without
reloading, and reads the transcript with the speakers labelled."""

import re

import pytest
from playwright.sync_api import expect

from recordings.models import Recording
from recordings.tasks import process_recording
from tests.accounts.factories import PractitionerFactory, TeamFactory
from tests.fixtures.audio.reference import OPENING
from tests.recordings.conftest import DIALOGUE, DUMMY_TASKS

from .conftest import WIDTHS, assert_no_sideways_scroll, follow, main_navigation

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_practitioner_uploads_and_sees_the_transcript_appear(page, live_server, sign_in, settings):
    # The job is run below by the test itself, as a worker would, while the page polls.
    settings.TASKS = DUMMY_TASKS
    priya = PractitionerFactory(username="priya", team=TeamFactory(name="North"))
    sign_in(page, priya)
    follow(page, main_navigation(page).get_by_role("link", name="My recordings"))
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Upload a recording"))
    assert_no_sideways_scroll(page)

    page.get_by_label("Audio file of the session").set_input_files(DIALOGUE)
    page.get_by_label("Date of the session").fill("2026-01-15")
    page.get_by_label("Client pseudonym").fill("John Smith")
    expect(page.get_by_text("This looks like a real full name")).to_be_visible()
    page.get_by_label("Client pseudonym").fill("Sam")
    expect(page.get_by_text("This looks like a real full name")).to_be_hidden()
    assert_no_sideways_scroll(page)
    page.get_by_label("Structuring").check()
    page.get_by_label("The client agreed").check()
    page.get_by_role("button", name="Upload").click()

    # The upload is sent by script; the page then goes to the new recording's own page.
    page.wait_for_url(re.compile(rf"{re.escape(live_server.url)}/recordings/\d+/$"))
    expect(page.get_by_role("heading", name="Status: Queued")).to_be_visible()
    assert_no_sideways_scroll(page)
    recording = Recording.objects.get()

    process_recording.call(recording.pk)

    transcript = page.get_by_test_id("transcript")
    transcript.wait_for(timeout=30_000)
    expect(page.get_by_role("heading", name="Status: Ready")).to_be_visible()
    first_line = transcript.locator("tbody tr").first
    expect(first_line).to_contain_text("Practitioner")
    expect(first_line).to_contain_text(OPENING)
    assert transcript.get_by_text("Client", exact=True).count() > 0
    player = page.locator("audio#player")
    assert player.get_attribute("src") == f"/recordings/{recording.pk}/audio/"
    duration = page.evaluate(
        """() => new Promise((done) => {
            const audio = document.getElementById("player");
            if (audio.readyState >= 1) return done(audio.duration);
            audio.addEventListener("loadedmetadata", () => done(audio.duration));
            audio.addEventListener("error", () => done(-1));
        })"""
    )
    assert duration == pytest.approx(recording.duration, abs=1.5), "the browser can load the audio"
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_file_over_the_size_limit_is_refused_before_it_is_sent(
    page, live_server, sign_in, settings
):
    settings.RECORDINGS_MAX_BYTES = 50_000
    priya = PractitionerFactory(username="priya", team=TeamFactory(name="North"))
    sign_in(page, priya)
    page.goto(f"{live_server.url}/recordings/upload/")
    page.get_by_label("Audio file of the session").set_input_files(DIALOGUE)
    warning = page.locator("#audio-too-big")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("MB, more than the")
    expect(warning).to_contain_text("lower quality")
    assert_no_sideways_scroll(page)
    page.get_by_role("button", name="Upload").click()
    assert page.url == f"{live_server.url}/recordings/upload/"
    assert not Recording.objects.exists()
