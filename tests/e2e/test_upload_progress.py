"""The upload shows how far the file has gone, as a percentage; a refusal from the server shows
by the form while the chosen file stays chosen; without JavaScript the form still posts."""

import re
import threading

import pytest
from playwright.sync_api import expect

from recordings import views as recording_views
from recordings.models import Recording
from tests.accounts.factories import PractitionerFactory, TeamFactory
from tests.e2e.conftest import PHONE, WIDTHS, assert_no_sideways_scroll
from tests.recordings.conftest import BAD, DIALOGUE, DUMMY_TASKS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORDING_PAGE = re.compile(r"/recordings/\d+/$")


@pytest.fixture
def priya(settings):
    settings.TASKS = DUMMY_TASKS
    return PractitionerFactory(username="priya", team=TeamFactory(name="North"))


@pytest.fixture
def held_answer(monkeypatch):
    """The server holds its answer to an upload until the test releases it, so the page can be
    seen between "all sent" and "saved", however fast this machine is."""
    release = threading.Event()
    answer = recording_views._upload

    def held(request):
        if request.method == "POST":
            release.wait(timeout=30)
        return answer(request)

    monkeypatch.setattr(recording_views, "_upload", held)
    return release


def fill_form(page, audio):
    page.get_by_label("Audio file of the session").set_input_files(audio)
    page.get_by_label("Date of the session").fill("2026-01-15")
    page.get_by_label("Client pseudonym").fill("Sam")
    page.get_by_label("Structuring").check()
    page.get_by_label("The client agreed").check()


def open_upload(browser, live_server, sign_in, user, width, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, java_script_enabled=javascript
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, user)
    page.goto(f"{live_server.url}/recordings/upload/")
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
def test_the_upload_shows_its_progress_in_percent_then_opens_the_recording(
    browser, live_server, sign_in, priya, held_answer, width
):
    context, page = open_upload(browser, live_server, sign_in, priya, width)
    progress = page.get_by_test_id("upload-progress")
    expect(progress).to_be_hidden()
    fill_form(page, DIALOGUE)
    page.get_by_role("button", name="Upload").click()

    expect(progress).to_be_visible()
    expect(progress).to_contain_text("100%")
    expect(progress.locator("progress")).to_have_attribute("value", "100")
    expect(page.locator("#upload-progress-text")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#upload-progress-text")).to_have_text("Uploaded. Checking the audio…")
    expect(page.get_by_role("button", name="Uploading…")).to_be_disabled()
    assert_no_sideways_scroll(page)

    held_answer.set()
    page.wait_for_url(RECORDING_PAGE)
    expect(page.get_by_text("Your recording is uploaded.")).to_be_visible()
    assert Recording.objects.get().original_name == DIALOGUE.name
    context.close()


def test_a_refused_file_shows_why_and_stays_chosen(browser, live_server, sign_in, priya):
    context, page = open_upload(browser, live_server, sign_in, priya, PHONE)
    fill_form(page, BAD / "notes_renamed.mp3")
    page.get_by_role("button", name="Upload").click()

    check = page.get_by_test_id("upload-check")
    expect(check).to_be_focused()
    expect(check).to_contain_text("could not be read as audio")
    audio = page.get_by_label("Audio file of the session")
    group = page.locator(".govuk-form-group--error", has=audio)
    expect(group).to_contain_text("could not be read as audio")
    assert audio.evaluate("input => input.files[0].name") == "notes_renamed.mp3"
    expect(page.get_by_label("Client pseudonym")).to_have_value("Sam")
    expect(page.get_by_test_id("upload-progress")).to_be_hidden()
    assert not Recording.objects.exists()

    # Choosing the right file and sending again at once works (GOV.UK's one-second double-click
    # guard must not swallow it).
    audio.set_input_files(DIALOGUE)
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(RECORDING_PAGE)
    assert Recording.objects.get().original_name == DIALOGUE.name
    context.close()


def test_without_javascript_the_form_posts_as_before(browser, live_server, sign_in, priya):
    context, page = open_upload(browser, live_server, sign_in, priya, 1280, javascript=False)
    fill_form(page, DIALOGUE)
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(RECORDING_PAGE)
    assert Recording.objects.get().original_name == DIALOGUE.name
    context.close()
