import io

import pytest
from django.core.management import call_command

from accounts.models import Team, User

pytestmark = pytest.mark.django_db


def nav_keys(response):
    return [item.key for item in response.context["navigation"]]


def test_home_page_renders_for_anonymous_visitor(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Skip to main content" in response.content
    assert b'id="main-content"' in response.content
    assert b"Sign in" in response.content


def test_home_page_renders_for_signed_in_user(client, people):
    client.force_login(people["practitioner"])
    response = client.get("/")
    assert response.status_code == 200
    assert b"Sign out" in response.content
    assert str(people["practitioner"]).encode() in response.content


def test_practitioner_navigation_has_no_publishing(client, people):
    client.force_login(people["practitioner"])
    assert "publish" not in nav_keys(client.get("/"))
    assert "reviews" not in nav_keys(client.get("/"))


def test_editor_navigation_offers_publishing(client, people):
    client.force_login(people["editor"])
    response = client.get("/")
    assert "publish" in nav_keys(response)
    assert b'href="/admin/"' in response.content


def test_manager_navigation_offers_no_publishing(client, people):
    client.force_login(people["manager"])
    assert "publish" not in nav_keys(client.get("/"))


def test_administrator_navigation_offers_publishing(client, people):
    client.force_login(people["admin"])
    assert "publish" in nav_keys(client.get("/"))


def test_admin_is_refused_to_practitioners(client, people):
    client.force_login(people["practitioner"])
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_opens_for_editors(client, people):
    client.force_login(people["editor"])
    assert client.get("/admin/").status_code == 200


def test_load_demo_data_twice_leaves_one_copy():
    call_command("load_demo_data", stdout=io.StringIO())
    counts = (User.objects.count(), Team.objects.count())
    call_command("load_demo_data", stdout=io.StringIO())
    assert (User.objects.count(), Team.objects.count()) == counts
    assert counts == (6, 2)
    manager = User.objects.get(username="manager")
    assert manager.managed_teams.get().name == "North Probation Team"
    assert User.objects.get(username="practitioner").team == manager.managed_teams.get()
