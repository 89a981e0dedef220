"""A missing answer on the upload form is caught before the file is sent: the practitioner sees
what to fix, the chosen file is still chosen, and nothing reached the server."""

import re

import pytest
from playwright.sync_api import expect

from recordings.models import Recording
from tests.accounts.factories import PractitionerFactory, TeamFactory
from tests.recordings.conftest import DIALOGUE, DUMMY_TASKS

from .conftest import WIDTHS, assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_missing_skill_is_caught_before_sending_and_the_file_is_kept(
    page, live_server, sign_in, settings
):
    settings.TASKS = DUMMY_TASKS
    priya = PractitionerFactory(username="priya", team=TeamFactory(name="North"))
    sign_in(page, priya)
    page.goto(f"{live_server.url}/recordings/upload/")
    assert_no_sideways_scroll(page)
    posts = []
    page.on("request", lambda request: posts.append(request) if request.method == "POST" else None)

    page.get_by_label("Audio file of the session").set_input_files(DIALOGUE)
    page.get_by_label("Date of the session").fill("2026-01-15")
    page.get_by_label("Client pseudonym").fill("Sam")
    page.get_by_role("button", name="Upload").click()

    check = page.get_by_test_id("upload-check")
    expect(check).to_be_focused()
    expect(check).to_contain_text("Select at least one skill you practised in this session.")
    expect(check).to_contain_text("Confirm the client consented to the recording")
    expect(check).not_to_contain_text("Choose the audio file")
    assert posts == [] and not Recording.objects.exists()
    chosen = page.get_by_label("Audio file of the session")
    assert chosen.evaluate("input => input.files.length && input.files[0].name") == DIALOGUE.name
    assert_no_sideways_scroll(page)

    check.get_by_role(
        "link", name="Select at least one skill you practised in this session."
    ).click()
    page.get_by_label("Structuring").check()
    page.get_by_label("The client agreed").check()
    page.get_by_role("button", name="Upload").click()
    # The recording's page (the fragment of the error link the practitioner followed stays on).
    page.wait_for_url(re.compile(r"/recordings/\d+/(#.*)?$"))
    assert Recording.objects.get().original_name == DIALOGUE.name
    assert_no_sideways_scroll(page)
