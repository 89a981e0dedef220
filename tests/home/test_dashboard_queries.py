"""The dashboard takes a fixed, small number of queries for each role, however many
recordings, reviews, responses, lessons and people there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import reviewing
from tests.accounts.factories import (
    AdministratorFactory,
    EditorFactory,
    ManagerFactory,
    PractitionerFactory,
    TeamFactory,
)
from tests.assignments.factories import AssignmentFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import (
    LessonCompletionFactory,
    LessonPageFactory,
    ModulePageFactory,
    TrainingIndexPageFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
SMALL = {"practitioners": 1, "sessions": 1, "lessons": 2}
LARGE = {"practitioners": 3, "sessions": 3, "lessons": 5}


def build_team(size):
    """A team whose practitioners each have shared, drafted and waiting sessions, a response to
    their feedback, some completed lessons and an open assignment; a manager, an editor and an
    administrator."""
    team = TeamFactory()
    manager = ManagerFactory(teams=[team])
    index = TrainingIndexPageFactory()
    lessons = []
    for _ in range(2):
        module = ModulePageFactory(parent=index)
        lessons += [LessonPageFactory(parent=module) for _ in range(size["lessons"])]
    people = [PractitionerFactory(team=team) for _ in range(size["practitioners"])]
    for person in people:
        for _ in range(size["sessions"]):
            shared = ReviewFactory(
                recording=RecordingFactory(owner=person, scored=True),
                reviewer=manager,
                shared=True,
                shared__work_on="Ask one question at a time.",
            )
            reviewing.respond(shared, person, "Thank you.")
            ReviewFactory(recording=RecordingFactory(owner=person, scored=True), reviewer=manager)
            RecordingFactory(owner=person, ready=True)
            RecordingFactory(owner=person, queued=True)
        for lesson in lessons[: size["lessons"]]:
            LessonCompletionFactory(user=person, lesson=lesson)
        AssignmentFactory(practitioner=person, assigned_by=manager, lesson=lessons[-1])
    return {
        "practitioner": people[0],
        "manager": manager,
        "editor": EditorFactory(),
        "admin": AdministratorFactory(),
    }


def dashboard_queries(client, size):
    users = build_team(size)
    counts = {}
    for role, user in users.items():
        client.force_login(user)
        # Twice first: a first visit may itself change content (site settings made on first
        # use), which makes what was kept until content changes obsolete.
        for _ in range(2):
            assert client.get("/").status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert b"Your dashboard" in response.content
        counts[role] = len(queries)
        if len(queries) > MAX_QUERIES:
            print(role, *(query["sql"][:300] for query in queries), sep="\n")
    return counts


def test_the_dashboard_takes_at_most_fifteen_queries_whatever_the_amount_of_data(client):
    small = dashboard_queries(client, SMALL)
    large = dashboard_queries(client, LARGE)
    assert max(small.values()) <= MAX_QUERIES, small
    assert large == small
