"""Both review queues (the site's /recordings/reviews/ and the Wagtail admin's "Reviews") list
the same recordings: those of the practitioners the user manages, never the user's own."""

import pytest
from django.urls import reverse

from .conftest import make_recording

pytestmark = pytest.mark.django_db

ADMIN_QUEUE = "/admin/reviews_queue/"
QUEUES = [reverse("recordings:reviews"), ADMIN_QUEUE]


@pytest.fixture
def sessions(people, team):
    """Pat's session; one of the manager's own, made while a member of a team they manage; and
    one from another team."""
    manager = people["manager"]
    manager.team = team
    manager.save()
    make_recording(people["practitioner"], client_pseudonym="Pats client")
    make_recording(manager, client_pseudonym="Managers own client")
    make_recording(people["other_practitioner"], client_pseudonym="Southern client")


def listed(client, url):
    page = client.get(url).content.decode()
    return {
        name for name in ("Pats client", "Managers own client", "Southern client") if name in page
    }


@pytest.mark.parametrize("url", QUEUES)
def test_manager_in_their_own_team_does_not_see_their_own_recordings(client, people, sessions, url):
    client.force_login(people["manager"])
    assert listed(client, url) == {"Pats client"}


@pytest.mark.parametrize("url", QUEUES)
def test_manager_of_another_team_sees_none_of_this_teams_recordings(client, people, sessions, url):
    client.force_login(people["other_manager"])
    assert listed(client, url) == {"Southern client"}


@pytest.mark.parametrize("url", QUEUES)
def test_administrator_sees_every_practitioners_recordings(client, people, sessions, url):
    client.force_login(people["admin"])
    assert listed(client, url) == {"Pats client", "Managers own client", "Southern client"}
