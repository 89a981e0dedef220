import pytest

from tests.accounts.factories import (
    AdministratorFactory,
    EditorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)


@pytest.fixture
def team():
    return TeamFactory(name="North")


@pytest.fixture
def other_team():
    return TeamFactory(name="South")


@pytest.fixture
def people(team, other_team):
    """One user in each role, plus the people of another team: the cast of permission tests."""
    return {
        "practitioner": PractitionerFactory(username="pat", team=team),
        "colleague": PractitionerFactory(username="colin", team=team),
        "manager": ManagerFactory(username="mel", teams=[team]),
        "other_practitioner": PractitionerFactory(username="olly", team=other_team),
        "other_manager": ManagerFactory(username="omar", teams=[other_team]),
        "editor": EditorFactory(username="eddie"),
        "admin": AdministratorFactory(username="ada"),
    }
