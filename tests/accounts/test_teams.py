"""Who manages whom (accounts.teams): the one rule behind every queue and progress page."""

import pytest

from accounts.teams import practitioners_managed_by, teams_managed_by
from tests.accounts.factories import PractitionerFactory

pytestmark = pytest.mark.django_db


def usernames(users):
    return {user.username for user in users}


def test_manager_manages_the_active_members_of_their_teams(people):
    PractitionerFactory(username="gone", team=people["practitioner"].team, is_active=False)
    assert usernames(practitioners_managed_by(people["manager"])) == {"pat", "colin"}
    assert not people["manager"].manages(people["other_practitioner"])


def test_manager_who_joins_their_own_team_never_manages_themself(people, team):
    manager = people["manager"]
    manager.team = team
    manager.save()
    assert usernames(practitioners_managed_by(manager)) == {"pat", "colin"}
    assert not manager.manages(manager)


def test_manager_of_another_team_manages_none_of_this_team(people):
    other_manager = people["other_manager"]
    assert usernames(practitioners_managed_by(other_manager)) == {"olly"}
    assert not other_manager.manages(people["practitioner"])


def test_administrator_manages_every_active_practitioner(people):
    PractitionerFactory(username="newcomer", team=None)
    assert usernames(practitioners_managed_by(people["admin"])) == {
        "pat",
        "colin",
        "olly",
        "newcomer",
    }
    assert {team.name for team in teams_managed_by(people["admin"])} == {"North", "South"}


@pytest.mark.parametrize("role", ["practitioner", "editor"])
def test_practitioners_and_editors_manage_nobody(people, role):
    assert not practitioners_managed_by(people[role]).exists()
    assert not teams_managed_by(people[role]).exists()
    assert not people[role].manages(people["colleague"])
