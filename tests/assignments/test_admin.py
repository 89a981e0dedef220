"""Assignments in the Wagtail admin: administrators list, export and correct them; nobody else."""

import csv
import io

import pytest
from django.urls import reverse

from tests.roles import assert_admin_refuses

from .factories import AssignmentFactory

pytestmark = pytest.mark.django_db


def test_administrator_lists_and_exports_assignments(client, people):
    assignment = AssignmentFactory(practitioner=people["practitioner"], overdue=True)
    client.force_login(people["admin"])
    page = client.get(reverse("assignments_admin:index")).content.decode()
    assert assignment.lesson.title in page
    export = client.get(reverse("assignments_admin:index") + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert [(row["Lesson or module"], row["Status"]) for row in rows] == [
        (assignment.lesson.title, "Overdue")
    ]


@pytest.mark.parametrize("role", ["manager", "editor"])
def test_others_are_refused_the_admin_list(client, people, role):
    client.force_login(people[role])
    path = reverse("assignments_admin:index")
    assert_admin_refuses(client.get(path), role, path)
