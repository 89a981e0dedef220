"""An accessibility crawl: axe-core (pinned in package.json) checks every main page as each
role, at desktop and phone widths, against WCAG 2.2 AA; no serious or critical violation, and no
page scrolls sideways on a phone."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.e2e.site_pages import browser_context, build_site

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = [1280, 390]
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


@pytest.mark.parametrize("role", ["anonymous", "practitioner", "manager", "editor", "admin"])
def test_main_pages_have_no_serious_accessibility_problems(browser, live_server, role):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make frontend` (npm ci) first.")
    user, paths = build_site()[role]
    problems = []
    for width in WIDTHS:
        context = browser_context(browser, live_server, user, width)
        # An init script, not a <script> tag: it runs under the strict CSP without weakening it.
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        for path in paths:
            page.goto(live_server.url + path)
            page.wait_for_load_state("load")
            where = f"{path} at {width}px"
            problems.extend(f"{where}: {violation}" for violation in page.evaluate(RUN_AXE))
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append(f"{where}: scrolls sideways by {overflow}px")
        context.close()
    assert problems == []
