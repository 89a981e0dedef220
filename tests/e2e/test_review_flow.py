"""The whole coached-feedback flow in a real browser, against real processes.

A practitioner uploads a generated dialogue; a real `manage.py db_worker` transcribes and scores
it; the manager opens the review, plays from an evidence link, rates, writes feedback and
shares it; the practitioner reads it, plays a moment, responds and marks it read; the manager
sees the response.

The web server is a `manage.py runserver` subprocess rather than pytest-django's live server:
the live server's test database is SQLite in memory, which no worker process can open. Both
processes run under oep.settings.test_worker with one OEP_VAR_DIR, so they share a database
file and the recordings folder, exactly as web and worker do in production on one machine.
"""

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import TEST_PASSWORD
from tests.fixtures.audio.reference import OPENING
from tests.recordings.conftest import DIALOGUE

from .conftest import (
    DESKTOP,
    PHONE,
    WIDTHS,
    assert_no_sideways_scroll,
    follow,
    main_navigation,
    new_page,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

MANAGE = Path(__file__).resolve().parents[2] / "manage.py"

# One practitioner and her manager, in a team of their own, for the walk at each width: the two
# walks share the web server and the worker, and neither sees the other's recording.
TEAMS = {"North": (DESKTOP, "priya", "mel"), "South": (PHONE, "pippa", "max")}
PEOPLE = {width: (practitioner, manager) for width, practitioner, manager in TEAMS.values()}
MAKE_PEOPLE = f"""
from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
for name, (_width, practitioner, manager) in {TEAMS!r}.items():
    team = TeamFactory(name=name)
    PractitionerFactory(username=practitioner, first_name="Priya", last_name="Patel", team=team)
    ManagerFactory(username=manager, first_name="Mel", last_name="Jones", teams=[team])
"""


def announced_port(server, log_path):
    """Copies the web server's output to its log, and returns the port it announces once it
    listens (runserver prints "Starting development server at ..." after binding)."""
    found = {}
    listening = threading.Event()

    def read():
        with log_path.open("w") as log:
            for line in server.stdout:
                log.write(line)
                log.flush()
                match = re.search(r"Starting development server at http://[\d.]+:(\d+)/", line)
                if match:
                    found["port"] = int(match.group(1))
                    listening.set()
        listening.set()  # the server exited without listening

    threading.Thread(target=read, daemon=True).start()
    listening.wait(timeout=60)
    assert "port" in found, log_path.read_text()[-3000:]
    return found["port"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated database with, for each width, a team, a practitioner and her manager; a web
    server and a database worker on it, started once for the module (the worker keeps Whisper
    loaded between the two walks). Yields the server's base URL."""
    tmp_path = tmp_path_factory.mktemp("site")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "oep.settings.test_worker",
        "OEP_VAR_DIR": str(tmp_path),
        "PYTHONUNBUFFERED": "1",
    }

    def manage(*args):
        done = subprocess.run(
            [sys.executable, str(MANAGE), *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-3000:]

    manage("migrate", "--noinput", "-v0")
    manage("shell", "-c", MAKE_PEOPLE)
    logs = tmp_path / "logs"
    logs.mkdir()
    web = subprocess.Popen(
        # Port 0: the system picks a free port, which the server announces once it listens.
        # --insecure: serve the static files (the review page's script) with DEBUG off.
        [sys.executable, str(MANAGE), "runserver", "127.0.0.1:0", "--noreload", "--insecure"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    processes = [
        web,
        subprocess.Popen(
            [sys.executable, str(MANAGE), "db_worker", "--queue-name", "recordings"]
            + ["--no-reload", "--no-startup-delay", "--interval", "0.5"],
            env=env,
            stdout=(logs / "worker.log").open("w"),
            stderr=subprocess.STDOUT,
        ),
    ]
    url = f"http://127.0.0.1:{announced_port(web, logs / 'web.log')}"
    yield url
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def sign_in(browser, url, username, width):
    page = new_page(browser, width, timeout=20_000)
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{url}/")
    assert_no_sideways_scroll(page)  # the dashboard, where everyone lands
    return page


def current_time(page):
    return page.evaluate("document.getElementById('player').currentTime")


def wait_for_seek(page, seconds):
    """The player moved to the moment (and may have played on a little since)."""
    page.wait_for_function(
        f"Math.abs(document.getElementById('player').currentTime - {seconds}) < 1.5"
    )
    assert current_time(page) == pytest.approx(seconds, abs=1.5)


@pytest.mark.parametrize("width", WIDTHS)
def test_practitioner_to_manager_and_back(browser, site, width):
    practitioner, manager = PEOPLE[width]
    # The practitioner uploads a session and waits while the worker processes it.
    priya = sign_in(browser, site, practitioner, width)
    follow(priya, main_navigation(priya).get_by_role("link", name="My recordings"))
    assert_no_sideways_scroll(priya)
    follow(priya, priya.get_by_role("link", name="Upload a recording"))
    assert_no_sideways_scroll(priya)
    priya.get_by_label("Audio file of the session").set_input_files(DIALOGUE)
    priya.get_by_label("Date of the session").fill("2026-01-15")
    priya.get_by_label("Client pseudonym").fill("Sam")
    priya.get_by_label("Structuring").check()
    priya.get_by_label("The client agreed").check()
    priya.get_by_role("button", name="Upload").click()
    # The upload is sent by script; the page then goes to the new recording's own page.
    priya.wait_for_url(re.compile(rf"{re.escape(site)}/recordings/\d+/$"))
    recording_url = priya.url
    priya.get_by_role("heading", name="Status: Ready").wait_for(timeout=300_000)
    expect(priya.get_by_test_id("transcript")).to_contain_text(OPENING)
    assert_no_sideways_scroll(priya)

    # The manager finds it among the reviews to do and opens the review page.
    mel = sign_in(browser, site, manager, width)
    follow(mel, main_navigation(mel).get_by_role("link", name="Reviews to do"))
    assert_no_sideways_scroll(mel)
    follow(mel, mel.get_by_test_id("reviews").get_by_role("link", name="15 January 2026"))
    expect(mel.get_by_role("heading", name="Review: session with Sam")).to_be_visible()
    expect(mel.get_by_test_id("transcript")).to_contain_text(OPENING)
    assert_no_sideways_scroll(mel)

    # Plays from the machine's evidence of the check-in.
    evidence = mel.get_by_test_id("item-A1").get_by_test_id("evidence-link").first
    moment = float(evidence.get_attribute("data-seek"))
    mel.locator("#player").evaluate(
        "(player) => new Promise((done) => player.readyState >= 1 ? done() :"
        " player.addEventListener('loadedmetadata', done))"
    )
    mel.evaluate("document.getElementById('player').currentTime = 30")
    evidence.click()
    wait_for_seek(mel, moment)
    line = mel.locator(f"#line-{evidence.get_attribute('data-line')}")
    expect(line).to_have_class(re.compile(r"\btranscript-line--playing\b"))

    # Rates, writes feedback (autosaved as a draft) and shares it.
    mel.get_by_label("Overall: Structuring").select_option("satisfactory")
    mel.get_by_label("Overall: Relationship building").select_option("needs_improvement")
    mel.get_by_label("Overall: Prosocial modelling").select_option("not_applicable")
    mel.get_by_label("Overall: Cognitive techniques").select_option("not_applicable")
    mel.get_by_label("A1 Check-in").select_option("satisfactory")
    mel.get_by_label("What went well (1 of 2)").fill("A warm, clear check-in.")
    # Its moment: a line picked in the transcript.
    mel.get_by_role(
        "button", name=re.compile(r"^Pick a line\s+for the moment of the first thing")
    ).click()
    mel.locator("#line-0 .transcript-line__text").click()
    expect(mel.locator("#id_went_well_1_at")).not_to_have_value("")
    mel.get_by_label("One thing to work on").fill("Reflect before the next question.")
    mel.get_by_label("What it could have sounded like").fill("It sounds like work is tiring.")
    # Its moment: where the player is.
    third_line = mel.locator("#line-2")
    mel.evaluate("document.getElementById('player').pause()")
    mel.evaluate(
        f"document.getElementById('player').currentTime = {third_line.get_attribute('data-start')}"
    )
    wait_for_seek(mel, float(third_line.get_attribute("data-start")))
    mel.get_by_role(
        "button", name=re.compile(r"^Use the current moment\s+as the moment of the thing to work")
    ).click()
    expect(mel.locator("#id_work_on_at")).not_to_have_value("")
    mel.get_by_text("Draft saved at").wait_for()
    mel.get_by_role("button", name="Share with practitioner").click()
    expect(mel.get_by_text("Your feedback is shared with the practitioner.")).to_be_visible()
    expect(mel.get_by_test_id("review-status")).to_have_text("Shared")
    assert_no_sideways_scroll(mel)

    # The practitioner reads it, plays the moment to work on, responds and marks it read.
    priya.goto(f"{site}/recordings/")
    assert_no_sideways_scroll(priya)
    # Its moments are links to the recording's page until the page's script takes them over:
    # clicked before that script has run, one leaves the page (it did once, in CI).
    follow(priya, priya.get_by_role("link", name="Read the feedback"))
    expect(priya.get_by_test_id("went-well")).to_contain_text("A warm, clear check-in.")
    assert_no_sideways_scroll(priya)
    work_on = priya.get_by_test_id("work-on")
    expect(work_on).to_contain_text("It sounds like work is tiring.")
    expect(priya.get_by_test_id("ratings")).to_contain_text("Structuring: Satisfactory")
    play = work_on.get_by_test_id("moment")
    play.click()
    wait_for_seek(priya, float(play.get_attribute("data-seek")))
    priya.get_by_label("Write a response").fill("Thanks, I will try reflecting first.")
    priya.get_by_role("button", name="Send response").click()
    priya.get_by_role("button", name="Mark as read").click()
    expect(priya.get_by_test_id("read-status")).to_contain_text("Marked as read on")
    assert_no_sideways_scroll(priya)

    # The manager sees the response and that it was read.
    mel.reload()
    expect(mel.get_by_test_id("response")).to_contain_text("Thanks, I will try reflecting first.")
    expect(mel.get_by_test_id("read-status")).to_have_text(re.compile(r"^\s*Read"))
    assert recording_url.rstrip("/").split("/")[-1] in mel.url
    assert_no_sideways_scroll(mel)
