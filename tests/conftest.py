import shutil
from pathlib import Path

import pytest
from django.core.files.storage import storages

from core.content_cache import page_cache
from tests.accounts.factories import (
    AdministratorFactory,
    EditorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)
from tests.migration_data import restore_migration_data
from tests.recordings.factories import RecordingFactory


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


@pytest.fixture(autouse=True)
def migration_data(request):
    """Transactional tests (browser tests, real workers) find what data migrations made.

    pytest-django flushes the database after each transaction=True test, taking the home page
    and the role groups with it, so the next such test would start without them."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        request.getfixturevalue("_django_db_helper")
        restore_migration_data()


@pytest.fixture(autouse=True)
def empty_recordings_storage():
    """Each test starts with no stored audio (the database rolls back; files do not)."""
    location = Path(storages["recordings"].location)
    shutil.rmtree(location, ignore_errors=True)
    yield
    shutil.rmtree(location, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached pages: the database rolls back; the cache does not."""
    page_cache().clear()


@pytest.fixture
def ready_recording(people):
    """The practitioner's recording, transcribed (a three-line check-in), not yet scored."""
    return RecordingFactory(owner=people["practitioner"], ready=True, content=b"0123456789" * 100)
