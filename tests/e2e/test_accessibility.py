"""An accessibility crawl: for each role, every page reachable by following the site's links
from the home page (and a missing page) is checked at desktop and phone widths: no serious or
critical axe-core violation (pinned in package.json) against WCAG 2.2 AA, no sideways scrolling,
and GOV.UK Frontend's template and stylesheet in use. Downloads are checked for their content
type, Wagtail's admin only for being reached, and no page may change anything when fetched."""

import hashlib
import re
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.site_pages import browser_context, build_site

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [1280, 390]
ROLES = ["anonymous", "practitioner", "manager", "editor", "admin"]
# More pages than any role reaches with build_site's content; reaching it fails the crawl, so a
# page is never silently left unchecked.
MAX_PAGES = 80
MISSING_PAGE = "/no-such-page/"
# No link reaches a search's results: the crawl starts there too.
SEARCH = "/compendium/search/?q=engaging"

# Wagtail's user bar (editors' shortcut to the admin) is Wagtail's, not this service's, markup.
RUN_AXE = """async () => {
  const results = await axe.run(
    { exclude: [["wagtail-userbar"]] },
    { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } },
  );
  return results.violations
    .filter((violation) => ["serious", "critical"].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target)}`);
}"""
PAGE_STATE = """() => ({
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  template: document.documentElement.classList.contains("govuk-template"),
  stylesheet: [...document.styleSheets].some(
    (sheet) => (sheet.href || "").includes("/govuk/govuk-frontend") && sheet.cssRules.length > 0,
  ),
  started: Boolean(
    document.querySelector("[data-module=govuk-service-navigation][data-govuk-service-navigation-init]"),
  ),
})"""
# Every link, the media a page plays, and every GET form as submitting it unchanged would ask
# for it.
LINKS = """() => [
  ...[...document.querySelectorAll("a[href]")].map((link) => link.href),
  ...[...document.querySelectorAll("audio[src], source[src]")].map((media) => media.src),
  ...[...document.querySelectorAll("form")]
    .filter((form) => form.method === "get")
    .map((form) => {
      const url = new URL(form.action);
      for (const [name, value] of new FormData(form)) {
        if (typeof value === "string") url.searchParams.append(name, value);
      }
      return url.href;
    }),
]"""

OBJECT_ID = re.compile(r"/\d+/")
# Pages that differ with their object's state (a recording queued, failed, ready, reviewed...):
# each object's is checked. Other pages differing only in an id are one variant.
EVERY_OBJECT = [
    re.compile(pattern)
    for pattern in (
        r"^/recordings/\d+/$",
        r"^/reviews/recordings/\d+/$",
        r"^/reviews/recordings/\d+/feedback/$",
        r"^/reviews/recordings/\d+/self-assessment/$",
    )
]

# Links that are not pages: fetched for their content type, never opened as pages.
DOWNLOADS = [
    (lambda path: path.endswith(".csv") or path.endswith("/csv/"), "text/csv"),
    (lambda path: path.endswith(".atom"), "application/atom+xml"),
    (lambda path: path.startswith("/recordings/") and path.endswith("/audio/"), "audio/"),
]
# Written on GET by design: sessions, sign-in records, and the access log (who opened a
# recording).
LOGGING_TABLES = {"django_session", "axes_accessattempt", "axes_accesslog", "privacy_accessrecord"}


@dataclass
class Crawl:
    """What one role's crawl found: the pages it checked (in the order it reached them), the
    downloads it fetched, and every problem on the way."""

    pages: list = field(default_factory=list)
    downloads: dict = field(default_factory=dict)
    linked_from: dict = field(default_factory=dict)
    admin_reached: bool = False
    problems: list = field(default_factory=list)


def database_fingerprint():
    """A hash per table of its rows, for spotting a GET that changed something."""
    fingerprint = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in LOGGING_TABLES:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            fingerprint[table] = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
    return fingerprint


def check_page(page, where):
    """Problems with the open page: axe's serious and critical violations, sideways scrolling,
    and GOV.UK Frontend missing (its template, its stylesheet, its script started)."""
    problems = [f"{where}: {violation}" for violation in page.evaluate(RUN_AXE)]
    state = page.evaluate(PAGE_STATE)
    if state["overflow"] > 0:
        problems.append(f"{where}: scrolls sideways by {state['overflow']}px")
    for part in ("template", "stylesheet", "started"):
        if not state[part]:
            problems.append(f"{where}: GOV.UK Frontend's {part} is missing")
    return problems


def variant_key(target):
    """Links differing only in a query's values (another sort, page or range of one view), or
    only in an object's id on a page that looks the same for every object (the same
    confirmation for another recording), are one variant: the crawl follows the first."""
    path, _, query = target.partition("?")
    if not any(pattern.match(path) for pattern in EVERY_OBJECT):
        path = OBJECT_ID.sub("/<id>/", path)
    return path, tuple(sorted({name for name, _ in parse_qsl(query, keep_blank_values=True)}))


def next_links(page, origin, crawl, seen):
    """The same-origin links on the open page the crawl has yet to follow, as path?query."""
    here = page.url.removeprefix(origin)
    found = []
    for href in page.evaluate(LINKS):
        url = urlsplit(href)
        if f"{url.scheme}://{url.netloc}" != origin:
            continue
        if url.path.startswith("/admin/"):
            crawl.admin_reached = crawl.admin_reached or admin_answers(page, origin, crawl)
            continue
        if url.path == reverse("logout"):
            continue
        target = url.path + (f"?{url.query}" if url.query else "")
        if variant_key(target) not in seen:
            seen.add(variant_key(target))
            crawl.linked_from[target] = here
            found.append(target)
    return found


def admin_answers(page, origin, crawl):
    """Wagtail's admin is Wagtail's markup: the crawl only checks that it is there."""
    response = page.context.request.get(origin + "/admin/")
    if response.status != 200:
        crawl.problems.append(f"/admin/: status {response.status}")
    return True


def check_download(context, origin, path, expected, crawl):
    response = context.request.get(origin + path)
    content_type = response.headers.get("content-type", "")
    crawl.downloads[path] = content_type
    if response.status != 200 or not content_type.startswith(expected):
        crawl.problems.append(f"{path}: {response.status} {content_type}, expected {expected}")


def crawl_role(browser, live_server, user):
    """Follows the role's links breadth first from the home page at the first width, checking
    each page; then checks the same pages at the other widths."""
    origin = live_server.url
    crawl = Crawl()
    context = browser_context(browser, live_server, user, WIDTHS[0])
    # An init script, not a <script> tag: it runs under the strict CSP without weakening it.
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    starts = ["/", SEARCH, MISSING_PAGE]
    seen = {variant_key(start) for start in starts}
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        download = next((kind for test, kind in DOWNLOADS if test(urlsplit(path).path)), None)
        if download:
            check_download(context, origin, path, download, crawl)
            continue
        if len(crawl.pages) == MAX_PAGES:
            crawl.problems.append(f"more than {MAX_PAGES} pages: {path} and others unchecked")
            break
        before = database_fingerprint()
        try:
            response = page.goto(origin + path)
        except PlaywrightError as error:  # a download that DOWNLOADS does not know, say
            crawl.problems.append(f"{path}: {error.message.splitlines()[0]}")
            continue
        page.wait_for_load_state("load")
        changed = [t for t, h in database_fingerprint().items() if before.get(t) != h]
        if changed:
            crawl.problems.append(f"GET {path} changed {', '.join(sorted(changed))}")
        landed = page.url.removeprefix(origin)
        where = f"{path} at {WIDTHS[0]}px" + (f" (sent to {landed})" if landed != path else "")
        if path in crawl.linked_from:
            where += f", linked from {crawl.linked_from[path]}"
        expected_status = 404 if path == MISSING_PAGE else 200
        if response.status != expected_status:
            crawl.problems.append(f"{where}: status {response.status}")
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("text/html"):
            crawl.problems.append(f"{where}: {content_type} is not a page nor a known download")
            continue
        crawl.pages.append(path)
        crawl.problems.extend(check_page(page, where))
        seen.add(variant_key(landed))
        queue.extend(next_links(page, origin, crawl, seen))
    context.close()

    for width in WIDTHS[1:]:
        context = browser_context(browser, live_server, user, width)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        for path in crawl.pages:
            page.goto(origin + path)
            page.wait_for_load_state("load")
            crawl.problems.extend(check_page(page, f"{path} at {width}px"))
        context.close()
    return crawl


def known_pages(role, user):
    """A few pages each role must reach, so a link-follower that visits nothing cannot pass."""
    from calibration.models import CalibrationExercise, ExerciseStatus
    from compendium.models import BulletinPage
    from training.models import LessonPage

    common = ["/", "/privacy-notice/", "/accessibility-statement/", "/feedback/", MISSING_PAGE]
    content = [BulletinPage.objects.live().first().url, "/compendium/themes/women/"]
    exercise = CalibrationExercise.objects.get(status=ExerciseStatus.OPEN)
    checking = CalibrationExercise.objects.get(status=ExerciseStatus.CHECKING)
    if role == "anonymous":
        return [*common, *content, "/accounts/login/", reverse("compendium:bulletin_feed_page")]
    if role == "practitioner":
        recording = user.recordings.order_by("pk").first()
        return [
            *common,
            *content,
            LessonPage.objects.live().first().url,
            reverse("assignments:mine"),
            reverse("notifications:list"),
            reverse("notifications:email_preference"),
            reverse("recordings:voice_delete"),
            reverse("reviews:feedback", args=[recording.pk]),
            reverse("privacy:recording_access", args=[recording.pk]),
        ]
    if role == "manager":
        return [
            *common,
            reverse("reviews:queue"),
            reverse("assignments:team"),
            reverse("assignments:new"),
            reverse("calibration:exercise", args=[exercise.pk]),
            reverse("notifications:list"),
            reverse("reviews:team_progress"),
        ]
    if role == "editor":
        return [*common, *content, "/accounts/profile/"]
    return [
        *common,
        reverse("calibration:index"),
        reverse("calibration:report", args=[exercise.pk]),
        reverse("calibration:check", args=[checking.pk]),
        reverse("reviews:queue"),
    ]


def test_every_page_each_role_reaches_is_accessible_at_both_widths(browser, live_server):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make frontend` (npm ci) first.")
    site = build_site()
    problems = []
    started = time.monotonic()
    for role in ROLES:
        user, main_pages = site[role]
        crawl = crawl_role(browser, live_server, user)
        print(f"\n{role}: {len(crawl.pages)} pages, {len(crawl.downloads)} downloads")
        print("\n".join(f"  {path}" for path in crawl.pages))
        print("\n".join(f"  {path} ({kind})" for path, kind in crawl.downloads.items()))
        print("\n".join(f"  PROBLEM {problem}" for problem in crawl.problems))
        problems.extend(f"{role}: {problem}" for problem in crawl.problems)
        # Known pages, or the variant of each that the crawl followed.
        reached = {variant_key(path.partition("?")[0]) for path in crawl.pages}
        # Signed in, nothing links to the sign-in page any more.
        main_pages = [path for path in main_pages if user is None or path != reverse("login")]
        expected = [path.partition("?")[0] for path in [*main_pages, *known_pages(role, user)]]
        problems.extend(
            f"{role}: never reached {path}" for path in expected if variant_key(path) not in reached
        )
        if role in ("editor", "admin") and not crawl.admin_reached:
            problems.append(f"{role}: no link to Wagtail's admin")
    print(f"\nbrowser time: {time.monotonic() - started:.0f}s")
    assert problems == []


def test_refused_and_server_error_pages_are_accessible_govuk_pages(browser, live_server):
    """The error pages a crawl of links never meets (the missing page is in the crawl): a
    manager refused the owner's own consent page (403), and the server-error page as Django
    renders it, without a request, served in place of a page."""
    from django.template import loader

    from calibration import calibrating
    from tests.accounts.factories import ManagerFactory
    from tests.recordings.factories import RecordingFactory

    recording = RecordingFactory(scored=True)
    manager = ManagerFactory(teams=[recording.owner.team])
    calibrating.ask_consent(recording, manager)
    server_error = loader.get_template("500.html").render()
    pages = [(reverse("calibration:consent", args=[recording.pk]), 403), ("/server-error/", 500)]
    problems = []
    for width in WIDTHS:
        context = browser_context(browser, live_server, manager, width)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        page.route(
            live_server.url + "/server-error/",
            lambda route: route.fulfill(status=500, content_type="text/html", body=server_error),
        )
        for path, status in pages:
            response = page.goto(live_server.url + path)
            page.wait_for_load_state("load")
            assert response.status == status, path
            problems.extend(check_page(page, f"{path} at {width}px"))
        context.close()
    assert problems == []
