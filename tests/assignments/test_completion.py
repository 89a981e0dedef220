"""An assignment is complete once the practitioner completes its lesson, or every lesson of
its module (training's record of a completed lesson)."""

import pytest
from wagtail.models import ModelLogEntry

from assignments.models import Assignment
from tests.training.helpers import quiz_answers, route

from .factories import AssignmentFactory

pytestmark = pytest.mark.django_db


def complete(client, lesson):
    """Passing a lesson's quiz completes it (every fixture lesson has one)."""
    return client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))


def test_completing_the_lesson_completes_the_assignment(client, people, training):
    pat = people["practitioner"]
    assignment = AssignmentFactory(practitioner=pat, lesson=training["lesson"])
    client.force_login(pat)
    complete(client, training["lesson"])
    assignment.refresh_from_db()
    assert assignment.is_complete
    assert ModelLogEntry.objects.filter(action="assignments.complete").count() == 1


def test_another_lesson_leaves_the_assignment_open(client, people, training):
    pat = people["practitioner"]
    assignment = AssignmentFactory(practitioner=pat, lesson=training["lesson"])
    client.force_login(pat)
    complete(client, training["other_lesson"])
    assignment.refresh_from_db()
    assert not assignment.is_complete


def test_a_module_is_complete_only_when_every_lesson_is(client, people, training):
    pat = people["practitioner"]
    assignment = AssignmentFactory(practitioner=pat, lesson=None, module=training["module"])
    client.force_login(pat)
    complete(client, training["lesson"])
    assignment.refresh_from_db()
    assert not assignment.is_complete
    complete(client, training["second_lesson"])
    assignment.refresh_from_db()
    assert assignment.is_complete


def test_a_colleague_completing_the_lesson_does_not_complete_it(client, people, training):
    assignment = AssignmentFactory(practitioner=people["practitioner"], lesson=training["lesson"])
    client.force_login(people["colleague"])
    complete(client, training["lesson"])
    assignment.refresh_from_db()
    assert not assignment.is_complete


def test_a_lesson_already_completed_counts_when_it_is_assigned(client, people, training):
    pat, lesson = people["practitioner"], training["lesson"]
    client.force_login(pat)
    complete(client, lesson)
    client.force_login(people["manager"])
    client.post(
        "/assignments/new/",
        {
            "assignee": f"practitioner-{pat.pk}",
            "training": f"lesson-{lesson.pk}",
            "due_date": "2099-01-01",
        },
    )
    assert Assignment.objects.get().is_complete
