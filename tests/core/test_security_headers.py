"""Every site page carries a strict Content-Security-Policy and a Permissions-Policy; the Wagtail
admin has its own policy; the admin calls nothing on the internet."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from wagtail.users.utils import get_gravatar_url

from core.middleware import PermissionsPolicyMiddleware, permissions_policy

pytestmark = pytest.mark.django_db

SITE_PAGES = ["/", "/accounts/login/", "/feedback/"]


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_pages_allow_scripts_and_styles_from_the_site_only(client, path):
    policy = directives(client.get(path))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in " ".join(policy.values())


def test_signed_in_pages_have_the_same_policy(client, people):
    client.force_login(people["practitioner"])
    policy = directives(client.get(reverse("recordings:list")))
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"


def test_the_admin_has_its_own_policy_still_limited_to_the_site(client, people):
    client.force_login(people["admin"])
    policy = directives(client.get(reverse("wagtailadmin_home")))
    # Wagtail's widgets still need inline scripts and styles (wagtail/wagtail#1288)...
    assert "'unsafe-inline'" in policy["script-src"]
    # ...but load nothing from elsewhere and cannot be framed by another site.
    assert policy["default-src"] == "'self'"
    assert "http" not in " ".join(policy.values())
    assert policy["frame-ancestors"] == "'self'"


@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_pages_switch_off_camera_microphone_and_location(client, path):
    features = client.get(path)["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in features


def test_a_view_can_allow_a_feature_for_itself_only():
    @permissions_policy(microphone=["self"])
    def recorder(request):
        return HttpResponse()

    middleware = PermissionsPolicyMiddleware(recorder)
    features = middleware(RequestFactory().get("/"))["Permissions-Policy"]
    assert "microphone=(self)" in features
    assert "camera=()" in features


def test_the_admin_shows_no_gravatar_and_checks_for_no_release(client, people):
    admin = people["admin"]
    admin.email = "ada@example.org"  # an address is what gravatar would be asked about
    admin.save()
    assert get_gravatar_url(admin.email) is None
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.io" not in html
    assert "w-upgrade" not in html
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "gravatar.com" not in account
