"""A practitioner records in the browser that a client withdrew consent: the audio and the
transcript are gone from the page and from storage, the shared feedback stays."""

import pytest
from playwright.sync_api import expect

from recordings.models import Recording
from tests.accounts.factories import PractitionerFactory, TeamFactory
from tests.recordings.conftest import stored_files
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory

from .conftest import WIDTHS, assert_no_sideways_scroll, follow

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SAID = "I stayed at my cousin's place in Leeds."


@pytest.mark.parametrize("width", WIDTHS)
def test_owner_withdraws_consent_and_the_audio_and_transcript_are_gone(page, live_server, sign_in):
    priya = PractitionerFactory(username="priya", team=TeamFactory(name="North"))
    recording = RecordingFactory(
        owner=priya,
        scored=True,
        lines=[("A", "practitioner", "Where did you stay?"), ("B", "client", SAID)],
    )
    ReviewFactory(recording=recording, shared=True)
    assert stored_files() == [recording.audio.name]

    sign_in(page, priya)
    page.goto(f"{live_server.url}{recording.get_absolute_url()}")
    expect(page.get_by_test_id("transcript")).to_contain_text(SAID)
    expect(page.get_by_test_id("audio-deletion-date")).to_be_visible()
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="The client withdrew consent"))

    expect(page.get_by_test_id("what-happens")).to_contain_text("feedback, ratings and scores")
    assert_no_sideways_scroll(page)
    page.get_by_role("button", name="Withdraw consent and delete").click()

    page.wait_for_url(f"{live_server.url}{recording.get_absolute_url()}")
    expect(page.get_by_test_id("audio-erased")).to_contain_text("deleted on")
    expect(page.get_by_test_id("transcript-erased")).to_be_visible()
    expect(page.get_by_test_id("consent")).to_contain_text("Withdrawn on")
    assert page.locator("audio").count() == 0
    assert SAID not in page.content()
    assert_no_sideways_scroll(page)
    follow(page, page.get_by_role("link", name="Read the feedback"))
    expect(page.get_by_test_id("went-well")).to_contain_text("You checked in warmly.")
    assert_no_sideways_scroll(page)

    recording.refresh_from_db()
    assert recording.audio_erased_at and not recording.segments.exists()
    assert stored_files() == []
    assert Recording.objects.filter(pk=recording.pk).exists()
