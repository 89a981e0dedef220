"""Every main page, as each role, at desktop and phone widths, runs under the strict
Content-Security-Policy without a single violation: no inline script or style is left, GOV.UK
Frontend loads from static files and starts, and no page scrolls sideways on a phone."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import WIDTHS
from tests.e2e.site_pages import browser_context, build_site

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Recorded before any page script runs: the browser reports each blocked script, style or
# resource as a `securitypolicyviolation` event.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  const what = `${event.effectiveDirective} blocked ${event.blockedURI}`;
  window.__cspViolations.push(`${what} at ${where}`);
});
"""
PAGE_STATE = """() => ({
  violations: window.__cspViolations,
  started: document.querySelector("[data-module=govuk-service-navigation]")
    .hasAttribute("data-govuk-service-navigation-init"),
  overflow: document.documentElement.scrollWidth - window.innerWidth,
})"""


def recording_pages():
    return {reverse("recordings:upload"), reverse("recordings:voice")}


def watch(page, site_url, problems):
    """Adds to `problems` what the console, the page's scripts and its requests report."""

    def console(message):
        if "Content Security Policy" in message.text:
            problems.append(f"console: {message.text}")

    def failed(response):
        if response.url.startswith(site_url) and response.status >= 400:
            problems.append(f"{response.status} for {response.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("response", failed)


@pytest.mark.parametrize("role", ["anonymous", "practitioner", "manager", "editor", "admin"])
def test_main_pages_run_under_the_strict_policy(browser, live_server, role):
    user, paths = build_site()[role]
    problems = []
    for width in WIDTHS:
        context = browser_context(browser, live_server, user, width)
        context.add_init_script(COLLECT_VIOLATIONS)
        page = context.new_page()
        watch(page, live_server.url, problems)
        for path in paths:
            response = page.goto(live_server.url + path)
            where = f"{path} at {width}px"
            assert response.status == 200, where
            policy = response.headers["content-security-policy"]
            assert "script-src 'self'" in policy and "unsafe-inline" not in policy, where
            # Only the pages that record from the microphone may use it, on this site only.
            microphone = "(self)" if path in recording_pages() else "()"
            assert f"microphone={microphone}" in response.headers["permissions-policy"], where
            page.wait_for_load_state("load")
            state = page.evaluate(PAGE_STATE)
            problems.extend(f"{where}: {violation}" for violation in state["violations"])
            if not state["started"]:
                problems.append(f"{where}: GOV.UK Frontend did not start")
            if state["overflow"] > 0:
                problems.append(f"{where}: scrolls sideways by {state['overflow']}px")
        context.close()
    assert problems == []


def test_the_admin_editors_use_runs_under_its_own_policy(browser, live_server):
    from compendium.models import BulletinPage, EvidencePage

    site = build_site()
    editor, _ = site["editor"]
    admin, _ = site["admin"]
    evidence = EvidencePage.objects.first()
    bulletin = BulletinPage.objects.first()
    problems = []
    for user, paths in [
        (
            editor,
            [
                "/admin/",
                f"/admin/pages/{evidence.get_parent().pk}/",
                f"/admin/pages/{evidence.pk}/edit/",
                f"/admin/pages/{bulletin.pk}/edit/",
            ],
        ),
        (admin, ["/admin/", reverse("recordings_admin:index"), "/admin/users/"]),
    ]:
        context = browser_context(browser, live_server, user, 1280)
        context.add_init_script(COLLECT_VIOLATIONS)
        page = context.new_page()
        watch(page, live_server.url, problems)
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            assert "'unsafe-inline'" in response.headers["content-security-policy"], path
            page.wait_for_load_state("load")
            violations = page.evaluate("window.__cspViolations")
            problems.extend(f"{path}: {violation}" for violation in violations)
        context.close()
    assert problems == []
