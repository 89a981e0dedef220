"""The review and feedback pages' player in chromium, at a desktop's and a phone's width: speed,
skips, keyboard shortcuts (and none while typing a comment), search in the transcript, "play this
moment" stopping at its end while plain play goes on, the word being spoken marked, the waveform
with the evidence on it, the tabs below 960 px, 200% zoom, a review done with the keyboard alone,
and on a phone the controls on one row. The audio is a real 45-second WAV file, so the browser
plays it and time passes."""

import io
import re
import wave

import numpy as np
import pytest
from django.urls import reverse
from playwright.sync_api import expect

from recordings.models import Recording
from reviews import reviewing
from speech.waveform import waveform_peaks
from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.e2e.conftest import PHONE, WIDTHS, assert_no_sideways_scroll, block_autosave
from tests.recordings.factories import RecordingFactory
from tests.reviews.conftest import SESSION, review_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECONDS = 45

PLAYER = "document.getElementById('player')"
STATE = (
    f"() => ({{time: {PLAYER}.currentTime, paused: {PLAYER}.paused, rate: {PLAYER}.playbackRate}})"
)
WORD = """() => {
  const marked = CSS.highlights.get("player-word");
  return marked ? [...marked][0].toString() : null;
}"""
MEDIA = f"""() => {{
  const p = {PLAYER};
  return {{time: p.currentTime, paused: p.paused, ready: p.readyState, network: p.networkState,
          seeking: p.seeking, error: p.error && p.error.message,
          buffered: [...Array(p.buffered.length).keys()]
            .map(i => [p.buffered.start(i), p.buffered.end(i)])}};
}}"""
REGIONS = "#player-waveform [part~=region], #player-waveform [part~=marker]"


def warbling_samples(seconds=SECONDS, rate=8000):
    """A tone whose loudness rises and falls each second: real audio with a visible waveform."""
    t = np.arange(int(seconds * rate)) / rate
    return 0.4 * np.sin(2 * np.pi * 330 * t) * (0.3 + 0.7 * np.abs(np.sin(np.pi * t)))


def warbling_wav(rate=8000):
    samples = warbling_samples(rate=rate)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((samples * 32767).astype("<i2").tobytes())
    return buffer.getvalue()


def timed_words(segment):
    """Whisper-like word timings, spread evenly over the line."""
    words = segment.text.split()
    step = (segment.end - segment.start) / len(words)
    return [
        {
            "start": segment.start + n * step,
            "end": segment.start + (n + 1) * step,
            "text": f" {word}",
            "probability": 0.9,
        }
        for n, word in enumerate(words)
    ]


@pytest.fixture
def cast():
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", first_name="Priya", last_name="Patel", team=team)
    mel = ManagerFactory(username="mel", first_name="Mel", last_name="Jones", teams=[team])
    recording = RecordingFactory(
        owner=priya, scored=True, lines=SESSION, content=warbling_wav(), duration=SECONDS
    )
    for segment in recording.segments.all():
        segment.words = timed_words(segment)
        segment.save(update_fields=["words"])
    # As the worker leaves it: the waveform stored, so the browser fetches only what it plays.
    recording.waveform_peaks = waveform_peaks(warbling_samples())
    recording.save(update_fields=["waveform_peaks"])
    return {"priya": priya, "mel": mel, "recording": recording}


def open_page(browser, live_server, sign_in, user, path, width, height=800, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    block_autosave(page)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, user)
    page.goto(live_server.url + path)
    page.wait_for_function(f"() => {PLAYER}.readyState >= 1")
    page.errors = errors
    return page


def open_review(browser, live_server, sign_in, cast, width, **options):
    path = reverse("reviews:review", args=[cast["recording"].pk])
    return open_page(browser, live_server, sign_in, cast["mel"], path, width, **options)


def state(page):
    return page.evaluate(STATE)


def choose_speed(page, label):
    """Sets the speed as a person would: with whichever is shown, the five buttons or (below
    40em, where the buttons make way for it) the list of speeds."""
    player = page.get_by_test_id("player")
    speed_list = player.get_by_role("combobox", name="Playback speed")
    if speed_list.is_visible():
        speed_list.select_option(label)
    else:
        player.get_by_role("button", name=label, exact=True).click()


def wait_until_at(page, seconds, tolerance=0.6):
    """The player is at `seconds` and done seeking."""
    page.wait_for_function(
        f"() => Math.abs({PLAYER}.currentTime - {seconds}) < {tolerance} && !{PLAYER}.seeking"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_speed_skips_and_play_pause(browser, live_server, sign_in, cast, width):
    page = open_review(browser, live_server, sign_in, cast, width)
    player = page.get_by_test_id("player")

    choose_speed(page, "1.5×")
    assert state(page)["rate"] == 1.5
    if width == PHONE:
        expect(player.get_by_role("combobox", name="Playback speed")).to_have_value("1.5")
    else:
        expect(player.get_by_role("button", name="1.5×")).to_have_attribute("aria-pressed", "true")
        expect(player.get_by_role("button", name="1×", exact=True)).to_have_attribute(
            "aria-pressed", "false"
        )

    player.get_by_role("button", name="Forward 10 seconds").click()
    player.get_by_role("button", name="Forward 10 seconds").click()
    wait_until_at(page, 20, tolerance=0.01)
    player.get_by_role("button", name="Back 10 seconds").click()
    wait_until_at(page, 10, tolerance=0.01)
    expect(player.get_by_test_id("player-time")).to_have_text("0:10 / 0:45")

    player.get_by_role("button", name="Play").click()
    page.wait_for_function(f"() => {PLAYER}.currentTime > 10.5")
    expect(player.get_by_role("button", name="Pause")).to_be_visible()
    player.get_by_role("button", name="Pause").click()
    assert state(page)["paused"]
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_shortcuts_and_none_while_typing(browser, live_server, sign_in, cast, width):
    page = open_review(browser, live_server, sign_in, cast, width)
    expect(page.get_by_test_id("shortcuts")).to_contain_text("Back 10 seconds")
    page.locator("body").click(position={"x": 2, "y": 2})

    page.keyboard.press("l")
    wait_until_at(page, 10, tolerance=0.01)
    page.keyboard.press("l")
    wait_until_at(page, 20, tolerance=0.01)
    page.keyboard.press("j")
    wait_until_at(page, 10, tolerance=0.01)
    page.keyboard.press(">")
    page.keyboard.press(">")
    assert state(page)["rate"] == 1.5
    page.keyboard.press("<")
    assert state(page)["rate"] == 1.25
    page.keyboard.press("k")
    page.wait_for_function(f"() => !{PLAYER}.paused")
    try:
        page.wait_for_function(f"() => {PLAYER}.currentTime > 10.1", timeout=20_000)
    except Exception as error:
        media = page.evaluate(MEDIA)
        raise AssertionError(f"the audio did not play on: {media}") from error
    page.keyboard.press("k")
    assert state(page)["paused"]
    page.keyboard.press(" ")
    page.wait_for_function(f"() => !{PLAYER}.paused")
    page.keyboard.press(" ")
    page.wait_for_function(f"() => {PLAYER}.paused")

    # Typing a comment on a line: the letters go into the comment, the player does not move.
    before = state(page)
    if page.get_by_role("tab", name="Transcript").is_visible():
        page.get_by_role("tab", name="Transcript").click()
    comment = page.locator("#comment-form textarea")
    comment.click()
    page.keyboard.type("k j l <> kj ")
    expect(comment).to_have_value("k j l <> kj ")
    assert state(page) == before
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_search_marks_matches_and_plays_from_one(browser, live_server, sign_in, cast, width):
    page = open_review(browser, live_server, sign_in, cast, width)
    search = page.get_by_label("Search the transcript")
    status = page.get_by_test_id("search-status")

    search.fill("warehouse")
    expect(status).to_have_text("1 of 2")
    expect(page.locator(".transcript-line--match")).to_have_count(2)
    expect(page.locator("#line-3")).to_have_class(re.compile(r"transcript-line--current-match"))
    assert page.evaluate("[...CSS.highlights.get('player-search')].map(String)") == [
        "warehouse",
        "warehouse",
    ]
    page.get_by_role("button", name="Next match").click()
    expect(status).to_have_text("2 of 2")
    expect(page.locator("#line-6")).to_have_class(re.compile(r"transcript-line--current-match"))
    search.press("ArrowDown")
    expect(status).to_have_text("1 of 2")
    search.press("ArrowUp")
    expect(status).to_have_text("2 of 2")

    # Enter plays from the word matched: "warehouse", the ninth of ten words in line 6 (30 s to
    # 34 s), so from 33.2 s; paused as soon as it plays, to look.
    search.press("Enter")
    page.wait_for_function(
        f"() => !{PLAYER}.paused && {PLAYER}.currentTime >= 33 && ({PLAYER}.pause() || true)"
    )
    assert 33 <= state(page)["time"] < 34
    expect(page.locator("#line-6")).to_have_class(re.compile(r"transcript-line--playing"))

    search.fill("nothing like this")
    expect(status).to_have_text("No matches")
    expect(page.locator(".transcript-line--match")).to_have_count(0)
    # "/" goes to the search box from anywhere but a text box.
    page.locator("body").click(position={"x": 2, "y": 2})
    search.fill("")
    page.keyboard.press("/")
    expect(search).to_be_focused()
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_play_this_moment_stops_at_its_end_and_plain_play_goes_on(
    browser, live_server, sign_in, cast, width
):
    page = open_review(browser, live_server, sign_in, cast, width)
    choose_speed(page, "2×")
    if page.get_by_role("tab", name="Transcript").is_visible():
        page.get_by_role("tab", name="Transcript").click()

    # Line 1 runs from 5 s to 9 s.
    page.locator("#line-1").get_by_role("button", name="Play from 0:05").click()
    page.wait_for_function(f"() => !{PLAYER}.paused")
    page.wait_for_function(f"() => {PLAYER}.paused", timeout=20_000)
    stopped = state(page)["time"]
    assert 9 <= stopped < 9.5

    # Plain play carries on past the end of the moment.
    page.get_by_test_id("player").get_by_role("button", name="Play").click()
    page.wait_for_function(f"() => {PLAYER}.currentTime > 10.5", timeout=20_000)
    assert not state(page)["paused"]
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_word_being_spoken_is_marked_as_it_plays(browser, live_server, sign_in, cast, width):
    page = open_review(browser, live_server, sign_in, cast, width)
    if page.get_by_role("tab", name="Transcript").is_visible():
        page.get_by_role("tab", name="Transcript").click()
    # Line 0: "Before we start, how have you been since last week?" from 0 s to 4 s.
    page.locator("#line-0").get_by_role("button", name="Play from 0:00").click()
    page.wait_for_function(f"() => ({WORD})() === 'Before'")
    expect(page.locator("#line-0")).to_have_class(re.compile(r"transcript-line--playing"))
    page.wait_for_function(f"() => ({WORD})() === 'start,'", timeout=20_000)
    page.wait_for_function(f"() => ({WORD})() === 'week?'", timeout=20_000)
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_waveform_shows_the_evidence_and_a_region_plays_its_moment(
    browser, live_server, sign_in, cast, width
):
    page = open_review(browser, live_server, sign_in, cast, width)
    evidence_starts = {
        float(start)
        for start in page.get_by_test_id("evidence-link").evaluate_all(
            "links => links.map(link => link.dataset.seek)"
        )
    }
    assert evidence_starts
    regions = page.locator(REGIONS)
    expect(regions).to_have_count(len(evidence_starts))
    # The browser's own controls make way for the waveform.
    assert page.evaluate(f"{PLAYER}.controls") is False

    # Each region is named by its start ("region evidence:10"); it plays to its line's end.
    starts = {
        float(part.split(":")[1])
        for part in regions.evaluate_all("rs => rs.map(r => r.part.value)")
    }
    assert starts == evidence_starts
    choose_speed(page, "2×")
    region = regions.first
    start = float(region.get_attribute("part").split(":")[1])
    region.scroll_into_view_if_needed()
    region.click()
    page.wait_for_function(f"() => !{PLAYER}.paused")
    page.wait_for_function(f"() => {PLAYER}.paused", timeout=20_000)
    line_end = start + 4  # the factory's lines last four seconds
    assert line_end <= state(page)["time"] < line_end + 0.5
    assert page.errors == []
    page.context.close()


def test_a_short_recording_with_no_stored_waveform_is_decoded_in_the_browser(
    browser, live_server, sign_in, cast
):
    Recording.objects.filter(pk=cast["recording"].pk).update(waveform_peaks=[])
    page = open_review(browser, live_server, sign_in, cast, 1280)
    expect(page.locator(REGIONS).first).to_be_attached()
    drawn = page.locator("#player-waveform canvas").first
    expect(drawn).to_be_attached()
    assert page.evaluate("JSON.parse(document.getElementById('player-data').textContent)")[
        "decodeWaveform"
    ]
    assert page.errors == []
    page.context.close()


def test_a_comment_is_a_marker_on_the_waveform(browser, live_server, sign_in, cast):
    page = open_review(browser, live_server, sign_in, cast, 1280)
    markers = page.locator("#player-waveform [part~=marker]")
    expect(page.locator(REGIONS).first).to_be_attached()
    expect(markers).to_have_count(0)
    form = page.locator("#comment-form")
    form.locator("input[name=moment]").fill("0:20")
    form.locator("textarea").fill("Two closed questions.")
    form.get_by_role("button", name="Save comment").click()
    expect(page.get_by_test_id("comment")).to_have_count(1)
    expect(markers).to_have_count(1)
    page.context.close()


def test_transcript_and_assessment_are_tabs_between_phone_and_desktop(
    browser, live_server, sign_in, cast
):
    page = open_review(browser, live_server, sign_in, cast, 800)
    transcript_tab = page.get_by_role("tab", name="Transcript")
    assessment_tab = page.get_by_role("tab", name="Assessment")
    expect(transcript_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("transcript")).to_be_visible()
    expect(page.get_by_label("Overall: Structuring")).to_be_hidden()

    assessment_tab.click()
    expect(page.get_by_label("Overall: Structuring")).to_be_visible()
    expect(page.get_by_test_id("transcript")).to_be_hidden()
    # The player stays above both: an evidence link plays with the assessment in view.
    expect(page.get_by_test_id("player")).to_be_in_viewport()
    page.get_by_test_id("evidence-link").first.click()
    page.wait_for_function(f"() => !{PLAYER}.paused")
    expect(page.get_by_label("Overall: Structuring")).to_be_visible()

    # Wider, both at once and no tabs.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.get_by_role("tab")).to_have_count(0)
    expect(page.get_by_test_id("transcript")).to_be_visible()
    expect(page.get_by_label("Overall: Structuring")).to_be_visible()
    assert page.errors == []
    page.context.close()


def test_the_player_stays_in_view_while_reading(browser, live_server, sign_in, cast):
    page = open_review(browser, live_server, sign_in, cast, 1280)
    page.get_by_label("Overall: Cognitive techniques").scroll_into_view_if_needed()
    expect(page.get_by_test_id("player")).to_be_in_viewport()
    page.context.close()

    page = open_review(browser, live_server, sign_in, cast, 390)
    page.get_by_role("button", name="Share with practitioner").scroll_into_view_if_needed()
    expect(page.get_by_test_id("player")).to_be_in_viewport()
    page.context.close()


def test_usable_at_200_percent_zoom(browser, live_server, sign_in, cast):
    """A 1280 x 800 laptop at 200%: 640 x 400 CSS pixels, each two device pixels."""
    page = open_review(browser, live_server, sign_in, cast, 640, height=400, device_scale_factor=2)
    assert_no_sideways_scroll(page)
    page.get_by_test_id("player").get_by_role("button", name="Forward 10 seconds").click()
    wait_until_at(page, 10, tolerance=0.01)
    rating = page.get_by_label("Overall: Structuring")
    rating.select_option("satisfactory")
    expect(rating).to_have_value("satisfactory")
    page.get_by_label("Search the transcript").fill("job centre")
    expect(page.get_by_test_id("search-status")).to_have_text("1 of 1")
    assert page.errors == []
    page.context.close()


def test_a_review_with_the_keyboard_alone(browser, live_server, sign_in, cast):
    page = open_review(browser, live_server, sign_in, cast, 1280)
    page.get_by_test_id("player").get_by_role("button", name="2×").click()

    def tab_to(locator, limit=400):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if locator.evaluate("element => element === document.activeElement"):
                return
        raise AssertionError("never reached by Tab")

    # Plays the moment of line 1 with Enter, and it stops at its end.
    tab_to(page.locator("#line-1").get_by_role("button", name="Play from 0:05"))
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => !{PLAYER}.paused")
    page.wait_for_function(f"() => {PLAYER}.paused", timeout=20_000)
    assert 9 <= state(page)["time"] < 9.5
    # Space on a focused button presses it, as ever, rather than playing.
    tab_to(page.locator("#line-2").get_by_role("button", name="Play from 0:10"))
    page.keyboard.press(" ")
    page.wait_for_function(f"() => {PLAYER}.currentTime >= 10 && !{PLAYER}.paused")
    page.wait_for_function(f"() => {PLAYER}.paused", timeout=20_000)

    # Rates an item and a skill by typing in their lists, and saves the draft with Enter.
    item = page.get_by_label("A1 Check-in")
    tab_to(item)
    page.keyboard.type("Sat")
    expect(item).to_have_value("satisfactory")
    rating = page.get_by_label("Overall: Structuring")
    tab_to(rating)
    page.keyboard.type("Sat")
    expect(rating).to_have_value("satisfactory")
    assert state(page)["paused"], "no shortcut fired while typing in a list"
    tab_to(page.get_by_role("button", name="Save draft"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    current = reviewing.working_copy(Recording.objects.get(pk=cast["recording"].pk), cast["mel"])
    assert current.skill_rating("structuring").rating == "satisfactory"
    assert current.item_rating("A1").rating == "satisfactory"
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_feedback_page_plays_each_moment_to_its_end(
    browser, live_server, sign_in, client, cast, width
):
    recording = cast["recording"]
    client.force_login(cast["mel"])
    client.post(
        reverse("reviews:review", args=[recording.pk]),
        {**review_data(recording), "action": "share"},
    )
    path = reverse("reviews:feedback", args=[recording.pk])
    page = open_page(browser, live_server, sign_in, cast["priya"], path, width)
    moments = page.get_by_test_id("moment")
    expect(page.locator(REGIONS)).to_have_count(moments.count())
    choose_speed(page, "2×")

    # "What went well (2 of 2)" is at line 2, 10 s to 14 s.
    moment = page.get_by_test_id("went-well").get_by_test_id("moment").nth(1)
    moment.click()
    page.wait_for_function(f"() => !{PLAYER}.paused")
    page.wait_for_function(f"() => {PLAYER}.paused", timeout=20_000)
    assert 14 <= state(page)["time"] < 14.5
    expect(page.get_by_test_id("player")).to_be_in_viewport()
    assert page.errors == []
    page.context.close()


def test_on_a_phone_what_stays_in_view_leaves_most_of_the_screen_to_read(
    browser, live_server, sign_in, cast
):
    """A 390 x 844 phone: the player and the item jumps that stick above the page take at most
    190 px (22%) of the screen once scrolled into the assessment. With the controls on three rows
    the player alone took 251 px; a second row of controls would take it past the bound."""
    page = open_review(browser, live_server, sign_in, cast, 390, height=844)
    page.get_by_label("Overall: Cognitive techniques").scroll_into_view_if_needed()
    sticky = page.evaluate(
        """() => {
            const player = document.querySelector('[data-testid=player]').getBoundingClientRect();
            const stuck = [...document.querySelectorAll('.app-item-jumps')]
                .map((element) => element.getBoundingClientRect())
                .filter((box) => box.top <= player.bottom + 1 && box.bottom > player.bottom);
            return Math.max(player.bottom, ...stuck.map((box) => box.bottom));
        }"""
    )
    assert sticky <= 190
    page.context.close()


# Each of the player's controls that is shown: where it is, how big, and what it is.
CONTROL_BOXES = """() => [...document.querySelectorAll(
    '.app-player__controls > *, .app-player__speeds > *, .app-player__speed-choice > select,' +
    '.app-player__search > :not(label)'
  )].filter((element) => element.getClientRects().length).map((element) => {
    const box = element.getBoundingClientRect();
    return {name: element.dataset.testid || element.className || element.tagName,
            row: element.closest('.app-player__search') ? 'search' : 'controls',
            pressable: element.matches('button, select, input'),
            left: box.left, top: box.top, bottom: box.bottom, width: box.width,
            height: box.height};
  })"""


def assert_one_row(controls):
    middles = [(box["top"] + box["bottom"]) / 2 for box in controls]
    assert max(middles) - min(middles) <= 4, f"not on one line: {controls}"
    row = max(box["bottom"] for box in controls) - min(box["top"] for box in controls)
    assert row <= 50, f"the controls take {row} px: more than one row"


def test_on_a_phone_the_controls_are_one_row_of_touch_targets(browser, live_server, sign_in, cast):
    """At 390 px: back, play, forward, the time and the speed on one row (they took three), even
    with a long recording's time label; each control (the speed list itself, not only its
    wrapper) a touch target of 44 x 44 px or more, as reviews.css promises; the five speeds one
    list, the skips still named in full and the keyboard shortcuts still working."""
    page = open_review(browser, live_server, sign_in, cast, PHONE, height=844)
    player = page.get_by_test_id("player")
    boxes = page.evaluate(CONTROL_BOXES)
    controls = [box for box in boxes if box["row"] == "controls"]
    assert [box["name"] for box in controls] == [
        "player-back",
        "player-toggle",
        "player-forward",
        "player-time",
        "app-player__speed-choice",
        "player-speed-choice",
    ]
    assert_one_row(controls)
    small = [box for box in boxes if box["pressable"] and min(box["width"], box["height"]) < 44]
    assert not small, f"touch targets under 44 x 44 px: {small}"
    assert_no_sideways_scroll(page)

    # The fixture is 45 s long; a 45-minute recording's label is wider and must still fit.
    page.get_by_test_id("player-time").evaluate(
        "(label) => { label.textContent = '12:34 / 45:00'; }"
    )
    assert_one_row([box for box in page.evaluate(CONTROL_BOXES) if box["row"] == "controls"])
    assert_no_sideways_scroll(page)

    # The skips show an icon and "10", and are still called what they do.
    player.get_by_role("button", name="Forward 10 seconds").click()
    wait_until_at(page, 10, tolerance=0.01)
    player.get_by_role("button", name="Back 10 seconds").click()
    wait_until_at(page, 0, tolerance=0.01)

    # Every speed is in the list, and the list follows the keyboard's "<" and ">".
    speeds = player.get_by_role("combobox", name="Playback speed")
    expect(player.get_by_test_id("player-speeds")).to_be_hidden()
    assert speeds.locator("option").all_inner_texts() == ["0.75×", "1×", "1.25×", "1.5×", "2×"]
    expect(speeds).to_have_value("1")
    speeds.select_option("0.75×")
    assert state(page)["rate"] == 0.75
    page.locator("body").click(position={"x": 2, "y": 2})
    page.keyboard.press(">")
    page.keyboard.press(">")
    assert state(page)["rate"] == 1.25
    expect(speeds).to_have_value("1.25")
    # A speed off the list (the browser's own controls can set one) shows the nearest, not blank.
    page.evaluate(f"() => {{ {PLAYER}.playbackRate = 1.1; }}")
    expect(speeds).to_have_value("1")

    # Playing, "Pause" takes the button's place without moving the row.
    player.get_by_role("button", name="Play").click()
    expect(player.get_by_role("button", name="Pause")).to_be_visible()

    playing = page.evaluate(CONTROL_BOXES)[: len(controls)]
    for before, after in zip(controls, playing, strict=True):
        assert after["left"] == pytest.approx(before["left"], abs=2), (before, after)
        assert after["top"] == pytest.approx(before["top"], abs=2), (before, after)
    assert page.errors == []
    page.context.close()


def test_on_a_desktop_the_player_keeps_its_words_and_five_speed_buttons(
    browser, live_server, sign_in, cast
):
    """At 1280 px the phone's compact controls are not used: "Back 10 s" and "Forward 10 s" in
    words, five speed buttons and no list."""
    page = open_review(browser, live_server, sign_in, cast, 1280)
    player = page.get_by_test_id("player")
    for name in ("player-back", "player-forward"):
        button = player.get_by_test_id(name)
        expect(button.locator(".app-player__word")).to_be_visible()
        expect(button.locator("svg")).to_be_hidden()
    assert player.get_by_test_id("player-back").inner_text().startswith("Back 10")
    speed_buttons = player.get_by_role("group", name="Playback speed").get_by_role("button")
    expect(speed_buttons).to_have_count(5)
    expect(player.get_by_role("combobox", name="Playback speed")).to_have_count(0)
    expect(player.get_by_test_id("player-speed-choice")).to_be_hidden()
    page.context.close()
