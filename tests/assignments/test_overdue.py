"""Open assignments with their due dates on the practitioner's pages; overdue work shown to
the practitioner and to their managers, and to nobody else."""

import pytest
from django.urls import reverse

from tests.training.factories import LessonPageFactory

from .factories import AssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue(people):
    lesson = LessonPageFactory(title="Open questions first")
    return AssignmentFactory(practitioner=people["practitioner"], lesson=lesson, overdue=True)


@pytest.fixture
def on_time(people):
    lesson = LessonPageFactory(title="Summaries that land")
    return AssignmentFactory(practitioner=people["practitioner"], lesson=lesson)


def page_of(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assignments_panel(page):
    """The home page's assignments panel: the page also names the next lesson to study, which
    may be the assigned one, assigned or not."""
    start = page.find('data-testid="dashboard-assignments"')
    return page[start : page.index("</section>", start)] if start >= 0 else ""


def my_learning_url(lesson):
    index = lesson.get_parent().get_parent().specific
    return index.url + index.reverse_subpage("my_learning")


def test_practitioner_sees_open_assignments_with_due_dates(client, people, overdue, on_time):
    page = page_of(client, people["practitioner"], reverse("assignments:mine"))
    assert "Open questions first" in page and "Summaries that land" in page
    assert f"{on_time.due_date:%-d %B %Y}" in page
    assert page.count('data-testid="overdue"') == 1


@pytest.mark.parametrize("where", ["home", "my_learning"])
def test_the_dashboard_and_my_learning_show_overdue_work(client, people, overdue, where):
    url = "/" if where == "home" else my_learning_url(overdue.lesson)
    page = page_of(client, people["practitioner"], url)
    assert "Open questions first" in page
    assert 'data-testid="overdue"' in page


def test_a_completed_assignment_is_no_longer_open(client, people):
    AssignmentFactory(
        practitioner=people["practitioner"],
        lesson=LessonPageFactory(title="Done already"),
        overdue=True,
        completed=True,
    )
    page = page_of(client, people["practitioner"], "/")
    assert "Done already" not in assignments_panel(page)
    page = page_of(client, people["practitioner"], reverse("assignments:mine"))
    assert 'data-testid="overdue"' not in page
    assert "Done already" in page  # among the completed


@pytest.mark.parametrize("url", ["/reviews/team/", "/assignments/team/"])
def test_manager_sees_overdue_work_of_their_team(client, people, overdue, url):
    page = page_of(client, people["manager"], url)
    assert "Open questions first" in page
    assert str(people["practitioner"]) in page
    assert 'data-testid="overdue"' in page


def test_managers_dashboard_counts_their_teams_overdue_work(client, people, overdue):
    assert "1 overdue assignment in your teams" in page_of(client, people["manager"], "/")
    assert "overdue assignment" not in page_of(client, people["other_manager"], "/")


@pytest.mark.parametrize("url", ["/reviews/team/", "/assignments/team/"])
def test_manager_of_another_team_does_not_see_them(client, people, overdue, url):
    page = page_of(client, people["other_manager"], url)
    assert "Open questions first" not in page


def test_colleagues_do_not_see_each_others_assignments(client, people, overdue):
    page = page_of(client, people["colleague"], reverse("assignments:mine"))
    assert "Open questions first" not in page
    page = page_of(client, people["colleague"], "/")
    assert "Open questions first" not in assignments_panel(page)


def test_manager_sees_a_practitioners_assignments_in_their_learning_record(client, people, overdue):
    index = overdue.lesson.get_parent().get_parent().specific
    url = index.url + index.reverse_subpage(
        "practitioner_progress", args=[people["practitioner"].pk]
    )
    page = page_of(client, people["manager"], url)
    assert "Open questions first" in page and 'data-testid="overdue"' in page
