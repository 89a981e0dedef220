"""Recording from the microphone in the browser: a practitioner enrols their voice and records a
session on the upload page, hearing the take before sending it; a browser that cannot record, or
is refused the microphone, says so and leaves the file choice.

Chromium's fake microphone plays a spoken WAV (`--use-file-for-fake-audio-capture`) and grants
the permission without asking (`--use-fake-ui-for-media-stream`); a refusal and a browser
without MediaRecorder are made by replacing the browser's functions before the page loads."""

import re

import pytest
from playwright.sync_api import expect

from recordings.models import Recording, VoicePrint
from tests.accounts.factories import PractitionerFactory, TeamFactory
from tests.recordings.conftest import DUMMY_TASKS, speech_wav

from .conftest import (
    WIDTHS,
    assert_no_sideways_scroll,
    follow,
    launch_chromium,
    main_navigation,
    new_page,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def microphone_browser(tmp_path_factory):
    """Chromium whose microphone says a few lines of speech, over and over."""
    voice = speech_wav(tmp_path_factory.mktemp("microphone") / "speech.wav", 20)
    with launch_chromium(
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={voice}",
        "--autoplay-policy=no-user-gesture-required",
    ) as browser:
        yield browser


@pytest.fixture
def microphone_page(microphone_browser, width):
    page = new_page(microphone_browser, width, timeout=30_000)
    yield page
    page.context.close()


@pytest.fixture
def priya(db):
    return PractitionerFactory(username="priya", team=TeamFactory(name="North"))


def record(page, at_least_seconds):
    """Starts recording, waits until the clock shows `at_least_seconds`, stops. Only the button
    that can be used shows at each step, and the take's player only once there is a take."""
    recorder = page.get_by_test_id("recorder")
    expect(recorder).to_be_visible()
    start = recorder.get_by_role("button", name="Start recording")
    stop = recorder.get_by_role("button", name="Stop recording")
    playback = page.get_by_test_id("recorder-playback")
    expect(stop).to_be_hidden()
    expect(playback).to_be_hidden()
    start.click()
    expect(page.get_by_test_id("recorder-status")).to_have_text("Recording:")
    expect(start).to_be_hidden()
    page.wait_for_function(
        """(seconds) => {
            const [m, s] = document.querySelector("[data-recorder-elapsed]").textContent.split(":");
            return Number(m) * 60 + Number(s) >= seconds;
        }""",
        arg=at_least_seconds,
        timeout=(at_least_seconds + 30) * 1000,
    )
    stop.click()
    expect(page.get_by_test_id("recorder-status")).to_contain_text("Recorded")
    expect(recorder.get_by_role("button", name="Record again")).to_be_visible()
    expect(stop).to_be_hidden()
    expect(playback).to_be_visible()


def playback_loads(page):
    """Whether the take plays back in the page (the CSP allows its blob: URL)."""
    return page.evaluate(
        """() => new Promise((done) => {
            const audio = document.querySelector("[data-recorder-playback]");
            if (audio.readyState >= 1) return done(true);
            audio.addEventListener("loadedmetadata", () => done(true));
            audio.addEventListener("error", () => done(false));
            audio.load();
        })"""
    )


def chosen_file(page, label):
    return page.get_by_label(label, exact=True).evaluate(
        "input => input.files.length ? [input.files[0].name, input.files[0].size] : null"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_practitioner_enrols_their_voice_by_recording_it_and_then_deletes_it(
    microphone_page, live_server, sign_in, priya
):
    page = microphone_page
    sign_in(page, priya)
    follow(page, main_navigation(page).get_by_role("link", name="My recordings"))
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Your voice"))
    expect(page.get_by_test_id("voice-status")).to_contain_text("Not enrolled")
    expect(page.get_by_test_id("what-is-kept")).to_contain_text("Never the audio")
    assert_no_sideways_scroll(page)

    page.get_by_label(re.compile("I agree to this site keeping a voice print")).check()
    record(page, 12)
    assert playback_loads(page)
    name, size = chosen_file(page, "Voice sample")
    assert name.endswith(".webm") and size > 10_000
    assert_no_sideways_scroll(page)
    page.get_by_role("button", name="Save my voice print").click()

    expect(page.get_by_test_id("voice-status")).to_contain_text("Enrolled")
    voice = VoicePrint.objects.get(owner=priya)
    assert len(voice.embedding) == 38
    assert voice.sample_seconds >= 11
    assert_no_sideways_scroll(page)

    page.get_by_test_id("voice-status").get_by_role("link", name="Delete").click()
    delete = page.get_by_role("button", name="Delete my voice print")
    expect(delete).to_be_visible()
    assert_no_sideways_scroll(page)
    delete.click()
    expect(page.get_by_test_id("voice-status")).to_contain_text("Not enrolled")
    assert not VoicePrint.objects.exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_practitioner_records_a_session_in_the_browser_and_uploads_it(
    microphone_page, live_server, sign_in, priya, settings
):
    settings.TASKS = DUMMY_TASKS
    settings.RECORDINGS_MIN_SECONDS = 4
    page = microphone_page
    sign_in(page, priya)
    page.goto(f"{live_server.url}/recordings/upload/")

    record(page, 6)
    assert playback_loads(page)
    name, _size = chosen_file(page, "Audio file of the session")
    assert name.endswith(".webm")
    assert_no_sideways_scroll(page)
    page.get_by_label("Date of the session").fill("2026-01-15")
    page.get_by_label("Client pseudonym").fill("Sam")
    page.get_by_label("Structuring").check()
    page.get_by_label("The client agreed").check()
    page.get_by_role("button", name="Upload").click()

    page.wait_for_url(re.compile(r"/recordings/\d+/$"))
    recording = Recording.objects.get()
    assert recording.content_type == "audio/webm"
    assert recording.duration >= 5.5
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_browser_that_cannot_record_says_so_and_keeps_the_file_choice(
    microphone_page, live_server, sign_in, priya
):
    page = microphone_page
    page.add_init_script("delete window.MediaRecorder;")
    sign_in(page, priya)
    page.goto(f"{live_server.url}/recordings/upload/")
    expect(page.get_by_test_id("recorder-unavailable")).to_contain_text(
        "This browser cannot record audio here. Choose a file"
    )
    expect(page.get_by_test_id("recorder")).to_be_hidden()
    expect(page.get_by_label("Audio file of the session")).to_be_visible()
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_refused_microphone_is_explained(microphone_page, live_server, sign_in, priya):
    page = microphone_page
    # As the browser answers when the person says no (or there is no microphone).
    page.add_init_script(
        """navigator.mediaDevices.getUserMedia = () =>
            Promise.reject(new DOMException("Permission denied", "NotAllowedError"));"""
    )
    sign_in(page, priya)
    page.goto(f"{live_server.url}/recordings/voice/")
    page.get_by_role("button", name="Start recording").click()
    expect(page.get_by_test_id("recorder-unavailable")).to_contain_text(
        "The microphone could not be used"
    )
    expect(page.get_by_role("button", name="Start recording")).to_be_enabled()
    assert_no_sideways_scroll(page)
