"""The waveform from the keyboard, in chromium: Tab reaches it as a slider named for what it is,
its value the position in m:ss; Left and Right seek 5 s, Home and End go to the ends; [ and ]
go to the previous and next marked moment and play it to its end; none of it while typing; the
keys are listed with the player's other shortcuts. The audio is test_player's real WAV."""

import pytest
from playwright.sync_api import expect

from tests.e2e import test_player
from tests.e2e.test_player import PLAYER, open_review, state, wait_until_at

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The player's tests' fixture: a 45-second WAV reviewed by Mel, with its stored waveform.
cast = test_player.cast


def tab_to(page, locator, limit=200):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("never reached by Tab")


def evidence_starts(page):
    return sorted(
        {
            float(start)
            for start in page.get_by_test_id("evidence-link").evaluate_all(
                "links => links.map(link => link.dataset.seek)"
            )
        }
    )


def played_to_its_end(page, start):
    """The player played from `start` and stopped at the end of that line (four seconds)."""
    page.wait_for_function(f"() => !{PLAYER}.paused && {PLAYER}.currentTime >= {start}")
    page.wait_for_function(f"() => {PLAYER}.paused", timeout=20_000)
    assert start + 4 <= state(page)["time"] < start + 4.5


def test_the_waveform_is_a_slider_that_seeks_from_the_keyboard(browser, live_server, sign_in, cast):
    page = open_review(browser, live_server, sign_in, cast, 1280)
    waveform = page.get_by_role("slider", name="Position in the recording")
    expect(waveform).to_be_visible()
    tab_to(page, waveform)
    expect(waveform).to_be_focused()
    expect(waveform).to_have_attribute("aria-valuenow", "0")
    expect(waveform).to_have_attribute("aria-valuetext", "0:00 of 0:45")
    expect(waveform).to_have_attribute("aria-valuemax", "45")

    page.keyboard.press("ArrowRight")
    wait_until_at(page, 5, tolerance=0.01)
    expect(waveform).to_have_attribute("aria-valuenow", "5")
    expect(waveform).to_have_attribute("aria-valuetext", "0:05 of 0:45")
    page.keyboard.press("ArrowRight")
    wait_until_at(page, 10, tolerance=0.01)
    page.keyboard.press("ArrowLeft")
    wait_until_at(page, 5, tolerance=0.01)
    page.keyboard.press("End")
    wait_until_at(page, 45, tolerance=0.1)
    expect(waveform).to_have_attribute("aria-valuetext", "0:45 of 0:45")
    page.keyboard.press("Home")
    wait_until_at(page, 0, tolerance=0.01)
    expect(waveform).to_have_attribute("aria-valuetext", "0:00 of 0:45")
    # Seeking does not start the audio, and the page did not scroll with the arrows.
    assert state(page)["paused"]
    expect(waveform).to_be_focused()
    assert page.errors == []
    page.context.close()


def test_brackets_go_from_marked_moment_to_marked_moment_and_play_each_to_its_end(
    browser, live_server, sign_in, cast
):
    page = open_review(browser, live_server, sign_in, cast, 1280)
    page.get_by_test_id("player").get_by_role("button", name="2×").click()
    starts = evidence_starts(page)
    assert len(starts) >= 2, "the session has evidence at two moments or more"
    expect(page.locator("#player-waveform [part~=region]")).to_have_count(len(starts))
    status = page.get_by_test_id("waveform-status")

    page.keyboard.press("]")
    played_to_its_end(page, starts[0])
    expect(status).to_have_text(f"Evidence at {int(starts[0]) // 60}:{int(starts[0]) % 60:02d}")
    page.keyboard.press("]")
    played_to_its_end(page, starts[1])
    # Back from the second: the first again, not the one just played.
    page.keyboard.press("[")
    played_to_its_end(page, starts[0])
    page.keyboard.press("[")
    expect(status).to_have_text("No marked moment before this one.")
    assert page.errors == []
    page.context.close()


def test_no_waveform_key_fires_while_typing_and_the_keys_are_listed(
    browser, live_server, sign_in, cast
):
    page = open_review(browser, live_server, sign_in, cast, 1280)
    expect(page.get_by_role("slider", name="Position in the recording")).to_be_visible()
    comment = page.locator("#comment-form textarea")
    comment.click()
    page.keyboard.type("[a] quote")
    expect(comment).to_have_value("[a] quote")
    page.keyboard.press("Home")
    page.keyboard.press("End")
    assert state(page) == {"time": 0, "paused": True, "rate": 1}

    page.get_by_text("Keyboard shortcuts").click()
    shortcuts = page.get_by_test_id("shortcuts")
    expect(shortcuts).to_contain_text("The previous and next marked moment on the waveform")
    expect(shortcuts).to_contain_text("back and forward 5 seconds")
    assert page.errors == []
    page.context.close()
