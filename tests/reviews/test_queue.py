"""The review queue lists the recordings of the practitioners the user manages, never the
user's own."""

import pytest
from django.urls import reverse

from tests.recordings.conftest import make_recording

pytestmark = pytest.mark.django_db

QUEUE = reverse("reviews:queue")


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


def listed(client):
    page = client.get(QUEUE).content.decode()
    return {
        name for name in ("Pats client", "Managers own client", "Southern client") if name in page
    }


def test_manager_in_their_own_team_does_not_see_their_own_recordings(client, people, sessions):
    client.force_login(people["manager"])
    assert listed(client) == {"Pats client"}


def test_manager_of_another_team_sees_none_of_this_teams_recordings(client, people, sessions):
    client.force_login(people["other_manager"])
    assert listed(client) == {"Southern client"}


def test_administrator_sees_every_practitioners_recordings(client, people, sessions):
    client.force_login(people["admin"])
    assert listed(client) == {"Pats client", "Managers own client", "Southern client"}
