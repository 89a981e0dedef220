"""Feedback at the play position and the shorter form, in a real browser at 1280 and 390 px:
the manager comments at the player's current moment and on words selected in a line without
the page reloading, keeps what she typed when something is missing, anchors feedback by the
player and by picking a line, and shares; the practitioner plays a comment's moment and
replies; the manager answers; both sides talk under the response. Skills not chosen at upload
start as "not applicable", and the manager jumps between items with and without evidence."""

import re

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.e2e.conftest import WIDTHS, assert_no_sideways_scroll, block_autosave
from tests.recordings.conftest import tone_wav
from tests.recordings.factories import RecordingFactory
from tests.reviews.conftest import SESSION

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast(tmp_path):
    team = TeamFactory(name="North")
    priya = PractitionerFactory(username="priya", first_name="Priya", last_name="Patel", team=team)
    mel = ManagerFactory(username="mel", first_name="Mel", last_name="Jones", teams=[team])
    audio = tone_wav(tmp_path / "session.wav", 45).read_bytes()
    recording = RecordingFactory(
        owner=priya, scored=True, lines=SESSION, content=audio, duration=45.0
    )
    return priya, mel, recording


def open_as(browser, sign_in, user, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    block_autosave(page)
    sign_in(page, user)
    return page


def player_ready(page):
    page.locator("#player").evaluate(
        "(player) => new Promise((done) => player.readyState >= 1 ? done() :"
        " player.addEventListener('loadedmetadata', done))"
    )


def seek(page, seconds):
    page.evaluate(
        "(seconds) => new Promise((done) => { const player = document.getElementById('player');"
        " player.pause(); player.addEventListener('seeked', done, {once: true});"
        " player.currentTime = seconds; })",
        seconds,
    )


def select_words(page, line, words):
    page.locator(f"#line-{line} .transcript-line__text").evaluate(
        """(text, words) => {
          const node = text.firstChild;
          const start = node.textContent.indexOf(words);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + words.length);
          const selection = document.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }""",
        words,
    )


def not_reloaded(page):
    """A mark on the window that a page load would wipe."""
    page.evaluate("window.stillTheSamePage = true")
    return lambda: page.evaluate("window.stillTheSamePage === true")


@pytest.mark.parametrize("width", WIDTHS)
def test_comments_at_the_play_position_and_replies_on_both_sides(
    browser, live_server, sign_in, cast, width
):
    priya, mel, recording = cast
    manager = open_as(browser, sign_in, mel, width)
    manager.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/")
    same_page = not_reloaded(manager)
    player_ready(manager)
    form = manager.locator("#comment-form")

    # At the player's current moment.
    seek(manager, 12.4)
    manager.get_by_role("button", name="Comment at the current moment").click()
    expect(form.locator("[data-comment-target]")).to_contain_text("At 0:12")
    manager.get_by_label("Comment", exact=True).fill("A well-timed affirmation.")
    manager.get_by_role("button", name="Save comment").click()
    comments = manager.get_by_test_id("comments")
    expect(comments.get_by_test_id("comment")).to_have_count(1)
    expect(comments).to_contain_text("A well-timed affirmation.")
    expect(comments.get_by_test_id("comment-play")).to_have_text("Play 0:12")
    expect(manager.get_by_label("Comment", exact=True)).to_have_value("")

    # Nothing typed is lost when something is missing: the moment, here.
    manager.get_by_label("Comment", exact=True).fill("Where was this again?")
    manager.get_by_role("button", name="Save comment").click()
    expect(form.get_by_test_id("form-error")).to_contain_text("Choose the moment")
    expect(manager.get_by_label("Comment", exact=True)).to_have_value("Where was this again?")
    # The fields read the error out with them (GOV.UK's error message pattern).
    expect(manager.get_by_label("Comment", exact=True)).to_have_accessible_description(
        re.compile("Choose the moment")
    )
    manager.get_by_label("Comment", exact=True).fill("")

    # On words selected in a line (the client's line at 0:15): listed after the 0:12 one.
    select_words(manager, 3, "warehouse job")
    words_button = manager.locator("#line-3").get_by_role(
        "button", name="Comment on the selected words"
    )
    words_button.click()
    expect(form.locator("[data-comment-target]")).to_contain_text("“warehouse job”")
    manager.get_by_label("Comment", exact=True).fill("Reflect the job back before asking.")
    manager.get_by_role("button", name="Save comment").click()
    expect(comments.get_by_test_id("comment")).to_have_count(2)
    expect(comments.get_by_test_id("comment").nth(1)).to_contain_text("“warehouse job”")
    expect(comments.get_by_test_id("comment-play").nth(1)).to_have_text("Play 0:15")
    assert same_page(), "the comments were saved without a page reload"

    # The feedback: a moment picked from the transcript, another from the player; only the
    # skill practised needs its rating.
    manager.get_by_label("Overall: Structuring").select_option("satisfactory")
    manager.get_by_label("What went well (1 of 2)").fill("A warm check-in.")
    manager.get_by_role(
        "button", name=re.compile(r"^Pick a line\s+for the moment of the first thing")
    ).click()
    manager.locator("#line-2 .transcript-line__text").click()
    expect(manager.locator("#id_went_well_1_at")).to_have_value("0:10")
    manager.get_by_label("One thing to work on").fill("Two closed questions in a row.")
    manager.get_by_label("What it could have sounded like").fill("What happened next?")
    seek(manager, 21.0)
    manager.get_by_role(
        "button", name=re.compile(r"^Use the current moment\s+as the moment of the thing to work")
    ).click()
    expect(manager.locator("#id_work_on_at")).to_have_value("0:21")
    manager.get_by_role("button", name="Share with practitioner").click()
    expect(manager.get_by_test_id("review-status")).to_have_text("Shared")

    # The practitioner plays a comment's moment and replies, without a reload.
    practitioner = open_as(browser, sign_in, priya, width)
    practitioner.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/feedback/")
    player_ready(practitioner)
    same_feedback_page = not_reloaded(practitioner)
    shared = practitioner.get_by_test_id("comment")
    expect(shared).to_have_count(2)
    expect(shared.nth(1)).to_contain_text("“warehouse job”")
    shared.first.get_by_test_id("comment-play").click()
    practitioner.wait_for_function(
        "Math.abs(document.getElementById('player').currentTime - 12.4) < 1.5"
    )
    first = shared.first
    first.get_by_label(re.compile("^Reply")).fill("Thanks, I meant it.")
    first.get_by_role("button", name=re.compile("^Send reply")).click()
    expect(first.get_by_test_id("reply")).to_contain_text("Thanks, I meant it.")
    expect(first.get_by_label(re.compile("^Reply"))).to_have_value("")
    assert same_feedback_page()

    # ... and responds to the whole feedback (the ordinary form).
    practitioner.get_by_label("Write a response").fill("I will try reflecting first.")
    practitioner.get_by_role("button", name="Send response").click()
    expect(practitioner.get_by_test_id("response")).to_contain_text("reflecting first")

    # The manager sees the reply, answers it, and replies to the response.
    manager.reload()
    thread = manager.get_by_test_id("comment").first
    expect(thread.get_by_test_id("reply")).to_contain_text("Thanks, I meant it.")
    thread.get_by_label(re.compile("^Reply")).fill("It showed.")
    thread.get_by_role("button", name=re.compile("^Send reply")).click()
    expect(thread.get_by_test_id("reply")).to_have_count(2)
    response = manager.locator("#responses .app-response").first
    response.get_by_label(re.compile("^Reply")).fill("What made reflecting hard today?")
    response.get_by_role("button", name=re.compile("^Send reply")).click()
    expect(response.get_by_test_id("reply")).to_contain_text("What made reflecting hard")

    # The practitioner reads both answers and answers the manager under her response.
    practitioner.reload()
    expect(
        practitioner.get_by_test_id("comment").first.get_by_test_id("reply").nth(1)
    ).to_have_text(re.compile("It showed."))
    mine = practitioner.locator("#response .app-response").first
    expect(mine.get_by_test_id("reply")).to_contain_text("What made reflecting hard")
    mine.get_by_label(re.compile("^Reply")).fill("Finding the words quickly.")
    mine.get_by_role("button", name=re.compile("^Send reply")).click()
    expect(mine.get_by_test_id("reply")).to_have_count(2)
    assert_no_sideways_scroll(practitioner)
    manager.context.close()
    practitioner.context.close()


IN_VIEW = """element => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_skills_not_practised_are_not_applicable_and_items_are_a_jump_away(
    browser, live_server, sign_in, cast, width
):
    priya, mel, recording = cast
    manager = open_as(browser, sign_in, mel, width)
    manager.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/")

    expect(manager.get_by_label("Overall: Structuring")).to_have_value("")
    for skill in ("Relationship building", "Prosocial modelling", "Cognitive techniques"):
        expect(manager.get_by_label(f"Overall: {skill}")).to_have_value("not_applicable")

    def focused_item():
        return manager.evaluate(
            "(() => { const item = document.activeElement.closest('[data-item]');"
            " return item && [item.id, item.dataset.evidence]; })()"
        )

    with_evidence = manager.get_by_role("button", name="Next item with evidence")
    with_evidence.click()
    first_id, evidence = focused_item()
    assert evidence == "yes"
    assert manager.locator(f"#{first_id}").evaluate(IN_VIEW)
    with_evidence.click()
    second_id, evidence = focused_item()
    assert evidence == "yes" and second_id != first_id
    ids = manager.eval_on_selector_all("[data-item]", "items => items.map((item) => item.id)")
    assert ids.index(second_id) > ids.index(first_id), "the next one, in the form's order"

    manager.get_by_role("button", name="Next item without evidence").click()
    without_id, evidence = focused_item()
    assert evidence == "no"
    assert manager.locator(f"#{without_id}").evaluate(IN_VIEW)
    expect(manager.locator("[data-jump-status]")).to_contain_text("without evidence")
    assert_no_sideways_scroll(manager)
    manager.context.close()


def test_a_draft_refused_for_a_mistyped_moment_says_which_answer_to_correct(
    browser, live_server, sign_in, cast
):
    """The autosave of a form with a moment that is not a time is refused by the server (nothing
    is written, so the in-memory database is safe); the page names the answer to correct and
    keeps what was typed."""
    _priya, mel, recording = cast
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, mel)
    page.goto(f"{live_server.url}/reviews/recordings/{recording.pk}/")
    moment = page.get_by_label("Moment of the first thing that went well")
    moment.fill("1:5x")
    moment.dispatch_event("change")

    status = page.locator("[data-autosave-status]")
    expect(status).to_contain_text("Draft not saved.")
    expect(status).to_contain_text("Moment of the first thing that went well:")
    expect(moment).to_have_value("1:5x")
    context.close()
