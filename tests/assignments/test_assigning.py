"""A manager assigns training to a practitioner or a team they manage, from the form or in one
click from a growth point in feedback; nobody else can."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assignments.models import Assignment
from tests.accounts.factories import TeamFactory

from .factories import days_from_today, share_review

pytestmark = pytest.mark.django_db

NEW = reverse("assignments:new")


def assign_data(assignee, target, **overrides):
    data = {
        "assignee": assignee,
        "training": target,
        "due_date": days_from_today(7).isoformat(),
        "note": "Read this before our supervision.",
        "practice_task": "Check in before business next session.",
    }
    return {**data, **overrides}


def test_manager_assigns_a_lesson_to_a_practitioner_in_their_team(client, people, training):
    pat, lesson = people["practitioner"], training["lesson"]
    client.force_login(people["manager"])
    response = client.post(
        NEW, assign_data(f"practitioner-{pat.pk}", f"lesson-{lesson.pk}"), follow=True
    )
    assignment = Assignment.objects.get()
    assert (assignment.practitioner, assignment.lesson, assignment.due_date) == (
        pat,
        lesson,
        days_from_today(7),
    )
    assert assignment.assigned_by == people["manager"]
    assert assignment.practice_task == "Check in before business next session."
    assert "is assigned to" in response.content.decode()
    assert ModelLogEntry.objects.filter(action="assignments.assign").count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_manager_of_another_team_gets_404_assigning_to_a_practitioner(
    client, people, training, method
):
    pat, lesson = people["practitioner"], training["lesson"]
    client.force_login(people["other_manager"])
    if method == "get":
        response = client.get(NEW, {"practitioner": pat.pk, "lesson": lesson.pk})
    else:
        response = client.post(NEW, assign_data(f"practitioner-{pat.pk}", f"lesson-{lesson.pk}"))
    assert response.status_code == 404
    assert not Assignment.objects.exists()


def test_manager_of_another_team_gets_404_assigning_to_the_team(client, people, team, training):
    client.force_login(people["other_manager"])
    response = client.post(NEW, assign_data(f"team-{team.pk}", f"lesson-{training['lesson'].pk}"))
    assert response.status_code == 404
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("role", ["practitioner", "editor"])
def test_people_who_manage_nobody_are_refused_the_form(client, people, role):
    client.force_login(people[role])
    assert client.get(NEW).status_code == 403
    assert client.get(reverse("assignments:team")).status_code == 403


def test_team_assignment_creates_one_per_member(client, people, team, training):
    module = training["module"]
    client.force_login(people["manager"])
    client.post(NEW, assign_data(f"team-{team.pk}", f"module-{module.pk}"))
    assigned = Assignment.objects.order_by("practitioner__username")
    assert [a.practitioner for a in assigned] == [people["colleague"], people["practitioner"]]
    assert {(a.module, a.lesson, a.team) for a in assigned} == {(module, None, team)}


def test_a_due_date_in_the_past_is_refused(client, people, training):
    client.force_login(people["manager"])
    response = client.post(
        NEW,
        assign_data(
            f"practitioner-{people['practitioner'].pk}",
            f"lesson-{training['lesson'].pk}",
            due_date=days_from_today(-1).isoformat(),
        ),
    )
    assert "The due date must be today or later." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_growth_point_offers_its_manager_to_assign_the_lesson(
    client, people, training, recording
):
    share_review(recording, people["manager"], work_on="Two closed questions in a row.")
    feedback = reverse("reviews:feedback", args=[recording.pk])

    client.force_login(people["practitioner"])
    assert "Assign this lesson" not in client.get(feedback).content.decode()

    client.force_login(people["manager"])
    page = client.get(feedback).content.decode()
    assert "Assign this lesson" in page
    start = page.index(reverse("assignments:new"))
    link = page[start : page.index('"', start)].replace("&amp;", "&")

    form = client.get(link).content.decode()
    lesson = training["lesson"]
    assert f'value="practitioner-{people["practitioner"].pk}" selected' in form
    assert f'value="lesson-{lesson.pk}" selected' in form
    assert f'name="recording" value="{recording.pk}"' in form
    assert "Two closed questions in a row." in form


def test_the_assignment_keeps_the_growth_point_it_came_from(client, people, training, recording):
    client.force_login(people["manager"])
    pat, lesson = people["practitioner"], training["lesson"]
    client.post(
        NEW,
        assign_data(
            f"practitioner-{pat.pk}",
            f"lesson-{lesson.pk}",
            growth_point="Two closed questions in a row.",
            skill="structuring",
            recording=recording.pk,
        ),
    )
    assignment = Assignment.objects.get()
    assert assignment.growth_point == "Two closed questions in a row."
    assert (assignment.skill, assignment.source_recording) == ("structuring", recording)


def test_assigning_to_a_team_without_members_says_nobody_was_assigned(client, people, training):
    empty = TeamFactory(name="East")
    empty.managers.add(people["manager"])
    client.force_login(people["manager"])
    response = client.post(
        NEW, assign_data(f"team-{empty.pk}", f"lesson-{training['lesson'].pk}"), follow=True
    )
    assert "Nobody in East was assigned: it has no members." in response.content.decode()
    assert not Assignment.objects.exists()
