import re

import pytest
from django.core import mail

from tests.accounts.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_sign_in_then_out(client, people):
    response = client.post(
        "/accounts/login/", {"username": "pat", "password": TEST_PASSWORD}, follow=True
    )
    assert response.context["user"] == people["practitioner"]
    response = client.post("/accounts/logout/", follow=True)
    assert not response.context["user"].is_authenticated
    assert b"You have signed out" in response.content


def test_wrong_password_shows_error_summary(client, people):
    response = client.post("/accounts/login/", {"username": "pat", "password": "nope"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert not response.context["user"].is_authenticated


def test_profile_shows_role_and_team(client, people):
    client.force_login(people["practitioner"])
    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'data-testid="roles">\s*Practitioner', html)
    assert re.search(r'data-testid="team">\s*North', html)


def test_profile_lists_teams_a_manager_manages(client, people):
    client.force_login(people["manager"])
    html = client.get("/accounts/profile/").content.decode()
    assert "Treatment manager" in html
    assert "Teams you manage" in html


def test_profile_asks_anonymous_visitor_to_sign_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_password_reset_sends_a_link_that_sets_a_new_password(client, people):
    client.post("/accounts/password_reset/", {"email": "pat@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    client.post(
        form_page.request["PATH_INFO"],
        {"new_password1": "a-new-long-password-42", "new_password2": "a-new-long-password-42"},
    )
    signed_in = client.post(
        "/accounts/login/", {"username": "pat", "password": "a-new-long-password-42"}
    )
    assert signed_in.status_code == 302


def test_manages_is_true_only_for_own_teams_practitioners(people):
    manager = people["manager"]
    assert manager.manages(people["practitioner"])
    assert manager.manages(people["colleague"])
    assert not manager.manages(people["other_practitioner"])
    assert not people["other_manager"].manages(people["practitioner"])
    assert not people["practitioner"].manages(people["colleague"])
