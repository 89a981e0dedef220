"""Correcting the transcript on the review page in a real browser: the manager fixes a line's
words (the summary the machine missed is then found), splits a line, merges it back and gives a
run of lines to the practitioner, all without the page reloading, and what she had typed in the
feedback form and in a comment at a moment is still there."""

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.test_corrections import MISHEARD_SUMMARY

from .conftest import WIDTHS, assert_no_sideways_scroll, block_autosave, follow

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TYPED = "You summed up what she said: keep doing that."
LINE_COMMENT = "Good open question."  # a comment at a moment, being written


@pytest.mark.parametrize("width", WIDTHS)
def test_corrections_replace_lines_and_scores_and_keep_what_was_typed(page, live_server, sign_in):
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", team=team)
    mel = ManagerFactory(username="mel", teams=[team])
    recording = RecordingFactory(owner=priya, scored=True, lines=MISHEARD_SUMMARY)
    block_autosave(page)
    sign_in(page, mel)
    page.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/")
    assert_no_sideways_scroll(page)
    # A reload would lose this mark: it is there at the end only if the page never reloaded.
    page.evaluate("window.notReloaded = true")
    status = page.get_by_test_id("corrections-status")

    page.locator("#id_went_well_1").fill(TYPED)
    page.locator("#comment-form textarea").fill(LINE_COMMENT)
    summary_verdict = page.locator("#machine-A8 .govuk-tag").first
    expect(summary_verdict).to_have_text("not found")

    # The words of a line: "So to summer" was "So to sum up".
    line6 = page.locator("#line-6")
    line6.locator(".transcript-line__correct summary").click()
    words = page.locator("#words-6")
    words.fill(words.input_value().replace("So to summer", "So to sum up"))
    page.get_by_test_id("save-words-6").click()
    expect(status).to_contain_text("corrected")
    expect(line6.locator(".transcript-line__text")).to_contain_text("So to sum up, you went")
    expect(page.get_by_test_id("corrected-6")).to_be_visible()
    line6.locator(".transcript-line__original summary").click()
    expect(page.get_by_test_id("original-6")).to_contain_text("So to summer")
    expect(summary_verdict).to_have_text("found")
    assert_no_sideways_scroll(page)

    # Split line 3 before its sixth word; the new line comes right after it.
    page.locator("#line-3 .transcript-line__correct summary").click()
    page.locator("#split-3").select_option("5")
    page.get_by_test_id("split-3").click()
    expect(page.locator("#line-8 .transcript-line__text")).to_contain_text("so I applied.")
    expect(page.locator("#line-3 .transcript-line__text")).not_to_contain_text("applied")
    assert page.locator("#line-3 + li").get_attribute("id") == "line-8"

    # ... and merge it back.
    page.locator("#line-3 .transcript-line__correct summary").click()
    page.get_by_test_id("merge-3").click()
    expect(page.locator("#line-8")).to_have_count(0)
    expect(page.locator("#line-3 .transcript-line__text")).to_contain_text(
        "They had a warehouse job, so I applied."
    )

    # Lines 1 to 3 were the practitioner's.
    page.get_by_text("Change the speaker of several lines").click()
    page.locator("#range-first").select_option("1")
    page.locator("#range-last").select_option("3")
    page.locator("#range-role-practitioner").check()
    page.get_by_test_id("reassign-range").click()
    expect(page.locator("#line-1")).to_have_attribute("data-role", "practitioner")
    expect(page.locator("#line-3")).to_have_attribute("data-role", "practitioner")
    expect(page.locator("#line-5")).to_have_attribute("data-role", "client")

    # Make client, on one line, the same way.
    page.locator("#line-1").get_by_role("button", name="Make client").click()
    expect(page.locator("#line-1")).to_have_attribute("data-role", "client")

    expect(page.locator("#id_went_well_1")).to_have_value(TYPED)
    expect(page.locator("#comment-form textarea")).to_have_value(LINE_COMMENT)
    assert page.evaluate("window.notReloaded === true")
    assert_no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_practitioner_corrects_her_own_transcript_before_feedback_is_shared(
    page, live_server, sign_in
):
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", team=team)
    recording = RecordingFactory(owner=priya, scored=True, lines=MISHEARD_SUMMARY)
    sign_in(page, priya)
    page.goto(f"{live_server.url}{recording.get_absolute_url()}")
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Correct the transcript"))
    assert_no_sideways_scroll(page)
    page.evaluate("window.notReloaded = true")

    page.locator("#line-6 .transcript-line__correct summary").click()
    words = page.locator("#words-6")
    words.fill(words.input_value().replace("So to summer", "So to sum up"))
    page.get_by_test_id("save-words-6").click()

    expect(page.get_by_test_id("corrections-status")).to_contain_text("corrected")
    expect(page.locator("#line-6 .transcript-line__text")).to_contain_text("So to sum up")
    expect(page.get_by_test_id("corrected-6")).to_be_visible()
    assert page.evaluate("window.notReloaded === true")
    assert_no_sideways_scroll(page)
