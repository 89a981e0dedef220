"""The templates keep the strict Content-Security-Policy possible: no inline scripts, styles or
event handlers (data goes in data- attributes or json_script), and GOV.UK Frontend's layout with
the footer's links and the Beta banner's feedback route on every page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Site

from home.models import SiteSettings

TEMPLATES = sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html"))
INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I),
    "style element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"\sstyle=", re.I),
    "event handler": re.compile(r"\son[a-z]+=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.name))
def test_templates_have_no_inline_code(template):
    text = template.read_text(encoding="utf-8")
    found = [name for name, pattern in INLINE.items() if pattern.search(text)]
    assert found == [], f"{template}: {found}"


@pytest.mark.django_db
def test_every_page_has_the_footer_links_and_the_feedback_route(client):
    html = client.get("/").content.decode()
    assert 'class="govuk-footer"' in html
    assert 'href="/privacy-notice/">Privacy notice</a>' in html
    assert 'href="/accessibility-statement/">Accessibility statement</a>' in html
    banner = re.search(r'<div class="govuk-phase-banner">.*?</div>', html, re.S).group(0)
    assert "Beta" in banner and 'href="/feedback/"' in banner
    assert client.get("/feedback/").status_code == 200


@pytest.mark.django_db
def test_the_feedback_page_offers_the_support_address_from_the_settings(client):
    assert "mailto:" not in client.get("/feedback/").content.decode()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.support_email = "seeds-team@example.org"
    site_settings.save()
    html = client.get("/feedback/").content.decode()
    assert 'href="mailto:seeds-team@example.org?subject=Feedback' in html


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_pages_load_gov_uk_frontend_and_start_it_from_a_module(client):
    html = client.get("/").content.decode()
    assert 'href="/static/govuk/govuk-frontend.min.css"' in html
    assert '<script type="module" src="/static/js/site.js">' in html
    site_js = (Path(settings.BASE_DIR) / "static" / "js" / "site.js").read_text()
    assert 'import { initAll } from "../govuk/govuk-frontend.min.js"' in site_js
