"""Signed-in learning pages take a fixed, small number of queries, however many modules, lessons,
attempts and practitioners there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.accounts.factories import ManagerFactory, PractitionerFactory, TeamFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import (
    LessonCompletionFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizAttemptFactory,
    ReflectiveLogEntryFactory,
    TrainingIndexPageFactory,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
SMALL = {"modules": 1, "lessons": 1, "attempts": 1, "practitioners": 1}
LARGE = {"modules": 4, "lessons": 5, "attempts": 3, "practitioners": 4}


def build_learning(size):
    """A team whose practitioners have studied every lesson: completed it, answered its quiz
    `attempts` times (the last one passed), written a reflection; each has a shared review."""
    team = TeamFactory()
    manager = ManagerFactory(teams=[team])
    learners = [PractitionerFactory(team=team) for _ in range(size["practitioners"])]
    training = TrainingIndexPageFactory()
    lessons = []
    for _ in range(size["modules"]):
        module = ModulePageFactory(parent=training)
        lessons += [LessonPageFactory(parent=module) for _ in range(size["lessons"])]
    for learner in learners:
        for lesson in lessons:
            LessonCompletionFactory(user=learner, lesson=lesson)
            QuizAttemptFactory.create_batch(size["attempts"] - 1, user=learner, lesson=lesson)
            QuizAttemptFactory(user=learner, lesson=lesson, all_right=True)
            ReflectiveLogEntryFactory(user=learner, lesson=lesson, shared=True)
        ReviewFactory(recording=RecordingFactory(owner=learner, scored=True), shared=True)
    return {
        "learner": learners[0],
        "manager": manager,
        "urls": {
            "training index": training.url,
            "my learning": training.url + training.reverse_subpage("my_learning"),
            "module": lessons[0].get_parent().url,
            "lesson": lessons[-1].url,
            "learner's record": training.url
            + training.reverse_subpage("practitioner_progress", args=[learners[0].pk]),
            "team page": reverse("reviews:team_progress"),
        },
    }


LEARNER_PAGES = ["training index", "my learning", "module", "lesson"]
MANAGER_PAGES = ["training index", "my learning", "learner's record", "team page"]


def query_counts(client, size, role, pages):
    """Each page's queries once earlier visits have filled what is kept until content changes."""
    data = build_learning(size)
    client.force_login(data[role])
    urls = [data["urls"][page] for page in pages]
    # Twice: a first visit may itself change content (the site's settings and the checklist's
    # first version are made on first use), which makes what the visits before it kept obsolete.
    for url in urls + urls:
        assert client.get(url).status_code == 200, url
    counts = {}
    for page, url in zip(pages, urls, strict=True):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[page] = len(queries)
        if len(queries) > MAX_QUERIES:
            print(page, *(query["sql"][:300] for query in queries), sep="\n")
    return counts


@pytest.mark.parametrize(
    ("role", "pages"), [("learner", LEARNER_PAGES), ("manager", MANAGER_PAGES)]
)
def test_learning_pages_take_at_most_twelve_queries_whatever_the_amount_of_data(
    client, role, pages
):
    small = query_counts(client, SMALL, role, pages)
    large = query_counts(client, LARGE, role, pages)
    assert max(small.values()) <= MAX_QUERIES, small
    assert large == small
