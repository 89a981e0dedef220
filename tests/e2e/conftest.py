"""Playwright driving Debian's chromium against pytest-django's live server, at a desktop's
and a phone's width.

A test walks a journey at both widths by parametrizing `width` over WIDTHS (the `page` fixture
takes it; `new_page` opens more pages at it). At a phone's width the journey is done as a phone
user does it: `main_navigation` opens the header's "Menu" first, and `assert_no_sideways_scroll`
is called on each page visited."""

import contextlib
import os
import shutil
import socket
import threading

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.accounts.factories import TEST_PASSWORD

# A desktop's width and a phone's (an iPhone 12 to 15 is 390 CSS pixels wide).
DESKTOP, PHONE = 1280, 390
WIDTHS = [DESKTOP, PHONE]
HEIGHT = 900
# GOV.UK Frontend's tablet breakpoint (40.0625em): narrower, the header's links fold behind "Menu".
TABLET = 641
# How long a step waits for the page: an action (the context's default) and an `expect` alike.
# Playwright's expect waits 5 s by default, less than an action; a transcript correction rescored
# on two loaded cores once took longer than that (a CI run at load 10), though it did finish.
PATIENCE_MS = 15_000
expect.set_options(timeout=PATIENCE_MS)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextlib.contextmanager
def launch_chromium(*extra_args):
    """Debian's chromium with the house arguments and any `extra_args`, closed on leaving.

    Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls made
    beside a running loop; the tests' own ORM calls are synchronous and safe, so they are
    allowed while the browser is open, and only then: the loop stops with the browser."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does this).")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as p:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args])
        yield browser
        browser.close()


class RequestsInFlight:
    """The live server's application, counting the requests it has not finished answering and
    the connections it has accepted and not yet closed.

    The live server answers in threads of its own, on a database connection other than the one
    pytest-django empties the shared in-memory test database with. A page the test has finished
    with can still be loading (the audio of a review page, a status poll, the browser's late
    request for /favicon.ico), and pytest-django empties the database as the test ends: on a
    loaded machine the two met, and the emptying failed ("couldn't be flushed", or "database
    table is locked: django_content_type" when the 404 page's navigation re-created a content
    type the flush had just removed) and left rows to the next test. A request is counted from
    the moment its connection is accepted, before it reaches the application."""

    def __init__(self, app):
        self.app = app
        self.answering: list[str] = []  # the path of each request being answered
        self.open_connections: set = set()  # accepted, their thread not yet finished with them
        self.accepted_ports: set[int] = set()  # the client ports of connections accepted
        self.changed = threading.Condition()

    @property
    def connections(self) -> int:
        return len(self.open_connections)

    def accepted(self, connection, client_address):
        with self.changed:
            self.open_connections.add(connection)
            self.accepted_ports.add(client_address[1])
            self.changed.notify_all()

    def closed(self, connection):
        # a set, not a counter: a connection accepted before the counting began is never
        # counted, and one closing twice is let go once
        with self.changed:
            self.open_connections.discard(connection)
            self.changed.notify_all()

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        with self.changed:
            self.answering.append(path)
        try:
            response = self.app(environ, start_response)
        except BaseException:
            self._finished(path)
            raise
        return _ClosedWhenSent(response, lambda: self._finished(path))

    def _finished(self, path):
        with self.changed:
            self.answering.remove(path)
            self.changed.notify_all()

    def wait_until_idle(self, timeout, last_port=None):
        """Every request answered and every connection closed, including, with `last_port`,
        every one accepted up to the connection from that port."""
        with self.changed:
            return self.changed.wait_for(
                lambda: (
                    (last_port is None or last_port in self.accepted_ports)
                    and not self.answering
                    and not self.connections
                ),
                timeout,
            )

    def wait_for_connections_before_now(self, address, timeout):
        """`wait_until_idle`, after every connection opened before now has been accepted: the
        server accepts in the order connections arrive, so one opened now comes after them."""
        with self.changed:
            self.accepted_ports.clear()
        with socket.create_connection(address) as last:
            last_port = last.getsockname()[1]
        return self.wait_until_idle(timeout, last_port)


class _ClosedWhenSent:
    """A response body that says once when the server has closed it (sent, or the browser
    gone)."""

    def __init__(self, response, finished):
        self.response = response
        self.finished = finished
        self.closed = False

    def __iter__(self):
        return iter(self.response)

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.finished()


def requests_in_flight(live_server):
    """The live server's application wrapped in a RequestsInFlight, once per server, and its
    connections counted from accept() (in the server's thread) to the end of their own thread."""
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    if not isinstance(app, RequestsInFlight):
        app = RequestsInFlight(app)
        httpd.set_app(app)
        process_request, process_request_thread = (
            httpd.process_request,
            httpd.process_request_thread,
        )

        def accepted(request, client_address):
            app.accepted(request, client_address)
            try:
                process_request(request, client_address)
            except BaseException:
                app.closed(request)
                raise

        def served(request, client_address):
            try:
                process_request_thread(request, client_address)
            finally:
                app.closed(request)

        httpd.process_request, httpd.process_request_thread = accepted, served
    return app


@pytest.fixture(autouse=True)
def live_server_answered(request):
    """A test that used the live server ends only when its pages are closed and the server has
    answered every request, before the database is emptied (set up after the database, so torn
    down before it). Pages left open would go on polling (a status poll, an autosave) into the
    next test's database."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    in_flight = requests_in_flight(live_server)
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()
    address = live_server.thread.httpd.server_address[:2]
    assert in_flight.wait_for_connections_before_now(address, timeout=30), (
        f"the live server is still answering {in_flight.answering} "
        f"({in_flight.connections} connections open)"
    )


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module."""
    with launch_chromium() as browser:
        yield browser


def new_page(browser, width=DESKTOP, height=HEIGHT, timeout=PATIENCE_MS, **options):
    """A page in a context of its own (its own cookies: one person), `width` pixels wide.
    Close it with `page.context.close()`, or leave it to the module's browser."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    context.set_default_timeout(timeout)
    return context.new_page()


@pytest.fixture
def width():
    """The viewport's width; a test walks a journey at each of WIDTHS with
    `@pytest.mark.parametrize("width", WIDTHS)`, which overrides this desktop default."""
    return DESKTOP


@pytest.fixture
def page(browser, width):
    page = new_page(browser, width)
    yield page
    page.context.close()


def main_navigation(page):
    """The header's main navigation, ready to click in: on a phone its links are behind the
    "Menu" button (GOV.UK's service navigation), which is pressed as a person would."""
    navigation = page.get_by_role("navigation", name="Main")
    if page.viewport_size["width"] < TABLET:
        menu = navigation.get_by_role("button", name="Menu")
        # The button appears once GOV.UK Frontend's script has started the header.
        expect(menu).to_be_visible()
        if menu.get_attribute("aria-expanded") != "true":
            menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
    return navigation


def follow(page, link):
    """Clicks `link` (or a button that leads to another page) and waits until that page has
    loaded, so that what is checked next is checked on it."""
    before = page.url
    link.click()
    page.wait_for_url(lambda url: url != before)


# The page's width against the window's, what sticks out past the window's right edge, and any
# box inside the page that scrolls sideways itself (a table in a scrolling wrapper, a transcript
# box a long word widens): on a phone each of these hides content off to the side.
SIDEWAYS = """() => {
  const name = (element) =>
    element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") +
    (typeof element.className === "string" && element.className.trim()
      ? "." + element.className.trim().split(/\\s+/).join(".") : "");
  const width = document.documentElement.clientWidth;
  const right = (element) => Math.round(element.getBoundingClientRect().right);
  const elements = [...document.querySelectorAll("body *")];
  // Words in a table cell split over two lines although the page's column could hold them: the
  // table squeezes its columns instead of reflowing ("Earli-er"). A word longer than the column
  // (a file name) may break; hyphens and slashes are places to break.
  const column = (document.querySelector("main") || document.body).clientWidth;
  const shown = (text) => {
    for (let element = text.parentElement; element; element = element.parentElement) {
      if (element.getBoundingClientRect().width < 2) return false;
      if (getComputedStyle(element).clipPath !== "none") return false;
      if (element.matches("th, td")) return true;
    }
    return true;
  };
  const squeezedWords = () => {
    const squeezed = [];
    document.querySelectorAll("th, td").forEach((cell) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!shown(text)) continue;
        for (const word of text.data.matchAll(/[^\\s\\-\\/\u2013\u2014]+/g)) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
          const lines = new Set(boxes.map((box) => Math.round(box.bottom)));
          const width = boxes.reduce((sum, box) => sum + box.width, 0);
          if (lines.size > 1 && width < column) squeezed.push(word[0]);
        }
      }
    });
    return squeezed.slice(0, 10);
  };
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    stickingOut: elements
      .filter((element) => right(element) > width + 1)
      .slice(0, 5)
      .map((element) => `${name(element)} (right edge ${right(element)})`),
    scrollingSideways: elements
      .filter((element) => {
        if (element.matches("input, textarea, select")) return false;
        const scrolls = ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
        return scrolls && element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => `${name(element)} (${element.scrollWidth} px in ${element.clientWidth})`),
    squeezedWords: squeezedWords(),
  };
}"""


def assert_no_sideways_scroll(page):
    """Nothing on the page scrolls sideways, neither the page itself nor a box inside it, and no
    table squeezes its columns until words split (WCAG 1.4.10 Reflow)."""
    found = page.evaluate(SIDEWAYS)
    assert found["scrollWidth"] <= found["innerWidth"], (
        f"{page.url} scrolls sideways at {found['innerWidth']} px "
        f"(content {found['scrollWidth']} px wide): {found['stickingOut']}"
    )
    assert not found["squeezedWords"], (
        f"on {page.url} at {found['innerWidth']} px, table columns too narrow for these words, "
        f"split over two lines: {found['squeezedWords']}"
    )
    assert not found["scrollingSideways"], (
        f"on {page.url} at {found['innerWidth']} px, these scroll sideways: "
        f"{found['scrollingSideways']}"
    )


@pytest.fixture
def sign_in(live_server):
    def _sign_in(page, user):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_server.url}/")
        assert_no_sideways_scroll(page)  # the dashboard, where everyone lands

    return _sign_in


def block_autosave(page):
    """Stop the review form's autosave from reaching the live server: its in-memory SQLite
    cannot take an autosave beside another write or the test's teardown (its tables lock; a
    file database or PostgreSQL waits). Autosave is the review-flow test's, which runs a file
    database; what is typed must survive in the page, which the other tests check."""
    page.route(
        "**/reviews/recordings/*/",
        lambda route: (
            route.abort()
            if route.request.headers.get("x-requested-with") == "autosave"
            else route.continue_()
        ),
    )
