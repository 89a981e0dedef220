"""The upload script's errors are tied to their inputs the GOV.UK way: the group is marked, the
message has an id that the input (or the fieldset of a group of boxes) names in aria-describedby,
the error summary's link moves focus to the input, and each error goes once it is put right."""

import re

import pytest
from playwright.sync_api import expect

from recordings.models import Recording
from tests.accounts.factories import PractitionerFactory, TeamFactory
from tests.recordings.conftest import BAD, DIALOGUE, DUMMY_TASKS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MARKED = re.compile(r"\bgovuk-form-group--error\b")


@pytest.fixture
def upload_page(page, live_server, sign_in, settings):
    settings.TASKS = DUMMY_TASKS
    priya = PractitionerFactory(username="priya", team=TeamFactory(name="North"))
    sign_in(page, priya)
    page.goto(f"{live_server.url}/recordings/upload/")
    return page


def described_by(locator):
    """The ids an element's aria-describedby names."""
    return (locator.get_attribute("aria-describedby") or "").split()


def description(page, locator):
    """What a screen reader reads after the element's name: the text of the ids it names."""
    return " ".join(page.locator(f"[id='{id_}']").inner_text() for id_ in described_by(locator))


def test_missing_answers_are_tied_to_their_inputs_and_the_summary_moves_focus_to_them(
    upload_page,
):
    page = upload_page
    page.get_by_label("Audio file of the session").set_input_files(DIALOGUE)
    page.get_by_label("Date of the session").fill("2026-01-15")
    page.get_by_label("Client pseudonym").fill("Sam")
    page.get_by_role("button", name="Upload").click()

    skills = page.locator("fieldset", has=page.get_by_label("Structuring"))
    skills_group = page.locator(".govuk-form-group", has=skills)
    expect(skills_group).to_have_class(MARKED)
    assert "id_skills-error" in described_by(skills)
    assert "Select at least one skill" in description(page, skills)
    consent = page.get_by_label("The client agreed")
    assert "Confirm the client consented" in description(page, consent)
    expect(page.locator(".govuk-form-group--error", has=consent)).to_have_count(1)
    # Nothing that was answered is marked.
    expect(page.locator(".govuk-form-group--error")).to_have_count(2)
    assert described_by(page.get_by_label("Client pseudonym")) == ["id_client_pseudonym-hint"]

    summary = page.get_by_test_id("upload-check")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Select at least one skill").click()
    expect(page.get_by_label("Structuring")).to_be_focused()
    summary.get_by_role("link", name="Confirm the client consented").click()
    expect(consent).to_be_focused()

    # Putting a field right takes its error away, by the field and in the summary.
    page.get_by_label("Structuring").check()
    expect(skills_group).not_to_have_class(MARKED)
    assert "id_skills-error" not in described_by(skills)
    expect(page.locator("#id_skills-error")).to_have_count(0)
    expect(summary.get_by_role("link", name="Select at least one skill")).to_have_count(0)
    expect(summary).to_be_visible()
    consent.check()
    expect(page.locator(".govuk-form-group--error")).to_have_count(0)
    expect(summary).to_be_hidden()
    assert not Recording.objects.exists()


def test_a_refusal_from_the_server_is_tied_to_the_file_input_and_goes_with_a_new_file(
    upload_page,
):
    page = upload_page
    audio = page.get_by_label("Audio file of the session")
    audio.set_input_files(BAD / "notes_renamed.mp3")
    page.get_by_label("Date of the session").fill("2026-01-15")
    page.get_by_label("Client pseudonym").fill("Sam")
    page.get_by_label("Structuring").check()
    page.get_by_label("The client agreed").check()
    page.get_by_role("button", name="Upload").click()

    summary = page.get_by_test_id("upload-check")
    expect(summary).to_be_focused()
    expect(audio).to_have_class(re.compile(r"\bgovuk-file-upload--error\b"))
    assert "id_audio-error" in described_by(audio)
    assert "could not be read as audio" in description(page, audio)

    summary.get_by_role("link", name="could not be read as audio").click()
    expect(audio).to_be_focused()

    audio.set_input_files(DIALOGUE)
    expect(page.locator(".govuk-form-group--error")).to_have_count(0)
    # The hint stays tied to the input; only the error goes.
    assert described_by(audio) == ["id_audio-hint"]
    expect(page.locator("#id_audio-error")).to_have_count(0)
    expect(summary).to_be_hidden()


def test_a_file_over_the_limit_is_said_by_its_input(upload_page, settings):
    settings.RECORDINGS_MAX_BYTES = 50_000
    page = upload_page
    page.reload()
    audio = page.get_by_label("Audio file of the session")
    audio.set_input_files(DIALOGUE)
    expect(page.locator("#audio-too-big")).to_be_visible()
    assert "audio-too-big" in described_by(audio)
    assert "more than the" in description(page, audio)
    expect(page.locator(".govuk-form-group--error", has=audio)).to_have_count(1)
