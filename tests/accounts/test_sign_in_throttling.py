"""Repeated wrong passwords pause sign-in for that user from that address, on the site and in
the admin; the right password does not get through while paused; an administrator lifts it."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db

SITE = "/accounts/login/"
ADMIN = "/admin/login/"
PASSWORD = "the-right-password-1"


@pytest.fixture
def pat(people):
    user = people["practitioner"]
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, url, username, password, address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("url", [SITE, ADMIN])
def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, pat, settings, url):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, url, pat.username, "guess").status_code == 200
    assert sign_in(client, url, pat.username, "guess").status_code == 429
    response = sign_in(client, url, pat.username, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many wrong passwords" in page
    assert "15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_the_pause_is_for_that_user_from_that_address_only(client, pat, people, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, SITE, pat.username, "guess")
    assert sign_in(client, SITE, pat.username, PASSWORD, address="10.0.0.2").status_code == 302


def test_a_right_password_before_the_limit_clears_the_count(client, pat, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, SITE, pat.username, "guess")
    assert sign_in(client, SITE, pat.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, SITE, pat.username, "guess")
    assert sign_in(client, SITE, pat.username, PASSWORD).status_code == 302


def test_an_administrator_lifts_a_pause_in_the_admin(client, pat, people, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, SITE, pat.username, "guess")
    attempt = AccessAttempt.objects.get(username=pat.username)

    admin = client.__class__()
    admin.force_login(people["admin"])
    listing = admin.get(reverse("sign_in_lockouts:index")).content.decode()
    assert pat.username in listing
    assert admin.post(reverse("sign_in_lockouts:delete", args=[attempt.pk])).status_code == 302

    assert sign_in(client, SITE, pat.username, PASSWORD).status_code == 302


def test_only_administrators_see_the_lockouts(client, people):
    client.force_login(people["manager"])
    assert client.get(reverse("sign_in_lockouts:index")).status_code == 302
    client.force_login(people["editor"])
    assert client.get(reverse("sign_in_lockouts:index")).status_code == 302
