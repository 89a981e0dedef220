"""Sessions end after SESSION_IDLE_TIMEOUT without a request and SESSION_ABSOLUTE_LIFETIME
after signing in, on the site and in the admin, with a message saying why."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from privacy.sessions import LAST_SEEN, SIGNED_IN_AT

pytestmark = pytest.mark.django_db

IDLE = settings.SESSION_IDLE_TIMEOUT.total_seconds()
LIFETIME = settings.SESSION_ABSOLUTE_LIFETIME.total_seconds()


def set_clocks(client, *, signed_in_ago, last_seen_ago):
    session = client.session
    now = time.time()
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[LAST_SEEN] = now - last_seen_ago
    session.save()


def test_defaults_are_thirty_minutes_idle_and_twelve_hours_in_all():
    assert IDLE == 30 * 60
    assert LIFETIME == 12 * 3600
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_signing_in_starts_both_clocks(client, people):
    client.force_login(people["practitioner"])
    client.get(reverse("recordings:list"))
    session = client.session
    assert time.time() - session[SIGNED_IN_AT] < IDLE
    assert time.time() - session[LAST_SEEN] < IDLE


def test_an_active_session_carries_on(client, people):
    client.force_login(people["practitioner"])
    set_clocks(client, signed_in_ago=LIFETIME - 600, last_seen_ago=IDLE - 120)
    assert client.get(reverse("recordings:list")).status_code == 200


def test_an_idle_session_expires_with_a_message(client, people):
    client.force_login(people["practitioner"])
    set_clocks(client, signed_in_ago=IDLE + 60, last_seen_ago=IDLE + 60)
    response = client.get(reverse("recordings:list"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert not response.context["user"].is_authenticated
    assert "had not used the site for 30 minutes" in response.content.decode()


def test_a_busy_session_expires_at_its_absolute_lifetime(client, people):
    client.force_login(people["practitioner"])
    set_clocks(client, signed_in_ago=LIFETIME + 60, last_seen_ago=10)
    response = client.get(reverse("recordings:list"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "signed in more than 12 hours ago" in response.content.decode()


def test_the_admin_session_expires_too(client, people):
    client.force_login(people["admin"])
    set_clocks(client, signed_in_ago=IDLE + 60, last_seen_ago=IDLE + 60)
    response = client.get(reverse("wagtailadmin_home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session
    assert "had not used the site for 30 minutes" in response.content.decode()


def test_signing_in_again_after_expiry_works(client, people):
    from tests.accounts.factories import TEST_PASSWORD

    client.force_login(people["practitioner"])
    set_clocks(client, signed_in_ago=LIFETIME + 60, last_seen_ago=10)
    client.get(reverse("recordings:list"))
    client.logout()
    client.post(reverse("login"), {"username": "pat", "password": TEST_PASSWORD})
    assert client.get(reverse("recordings:list")).status_code == 200
