"""The record of learning: the managers' gradebook and its CSV, and module certificates."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import PractitionerFactory
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory
from training.models import Certificate, TrainingIndexPage

from .helpers import quiz_answers, route

pytestmark = pytest.mark.django_db


def index():
    return TrainingIndexPage.objects.get()


def pass_quiz(client, learner, lesson):
    client.force_login(learner)
    client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))


def complete_module(client, learner, training):
    pass_quiz(client, learner, training["lesson"])
    pass_quiz(client, learner, training["second_lesson"])


def certificate_url(module, learner):
    return route(index(), "certificate", module.pk, learner.pk)


# The gradebook


def gradebook_rows(client, user):
    client.force_login(user)
    response = client.get(route(index(), "gradebook"))
    assert response.status_code == 200
    return {row.learner.username: row for row in response.context["rows"]}


def test_manager_sees_their_team_only_and_admin_everyone(client, people, training):
    assert set(gradebook_rows(client, people["manager"])) == {"pat", "colin"}
    assert {"pat", "colin", "olly"} <= set(gradebook_rows(client, people["admin"]))


@pytest.mark.parametrize("role", ["practitioner", "editor"])
def test_gradebook_is_404_for_anyone_but_managers(client, people, training, role):
    client.force_login(people[role])
    assert client.get(route(index(), "gradebook")).status_code == 404
    assert client.get(route(index(), "gradebook_csv")).status_code == 404


def test_gradebook_row_shows_training_and_recordings(client, people, training):
    pat = people["practitioner"]
    complete_module(client, pat, training)
    client.post(
        route(training["other_lesson"], "answer_quiz"),
        quiz_answers(training["other_lesson"], right=False),
    )
    review = ReviewFactory(recording=RecordingFactory(owner=pat, scored=True), shared=True)
    RecordingFactory(owner=pat)

    row = gradebook_rows(client, people["manager"])["pat"]
    assert (row.modules_completed, row.modules_total) == (1, 2)
    assert (row.lessons_completed, row.lessons_total) == (2, 3)
    assert (row.quizzes_passed, row.quizzes_attempted, row.average_best_score) == (2, 3, 67)
    assert row.last_activity is not None
    assert row.recordings == 2
    review.refresh_from_db()
    assert row.latest_review == review.last_published_at
    assert [c.module for c in row.certificates] == [training["module"]]


def test_gradebook_queries_do_not_grow_with_the_team(client, people, team, training):
    def queries():
        client.force_login(people["manager"])
        client.get(route(index(), "gradebook"))  # the sign-in's own queries happen once
        with CaptureQueriesContext(connection) as captured:
            client.get(route(index(), "gradebook"))
        return len(captured)

    before = queries()
    for _ in range(3):
        learner = PractitionerFactory(team=team)
        RecordingFactory(owner=learner)
        pass_quiz(client, learner, training["lesson"])
    assert queries() == before


def test_gradebook_csv_is_safe_to_open_in_a_spreadsheet(client, people, team, training):
    PractitionerFactory(username="sly", first_name='=HYPERLINK("http://x")', team=team)
    client.force_login(people["manager"])
    response = client.get(route(index(), "gradebook_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Name", "Username", "Team"]
    names = {row[1]: row[0] for row in rows[1:]}
    assert set(names) == {"pat", "colin", "sly"}
    assert names["sly"].startswith("'=HYPERLINK")


# Certificates


def test_certificate_only_once_the_module_is_complete(client, people, training):
    pat = people["practitioner"]
    pass_quiz(client, pat, training["lesson"])
    assert client.get(certificate_url(training["module"], pat)).status_code == 404
    assert not Certificate.objects.exists()

    pass_quiz(client, pat, training["second_lesson"])
    certificate = Certificate.objects.get(user=pat, module=training["module"])
    response = client.get(certificate_url(training["module"], pat))
    html = response.content.decode()
    assert response.status_code == 200
    assert pat.get_full_name() and pat.get_full_name() in html
    assert "Structuring sessions" in html
    assert timezone.localtime(certificate.completed_at).strftime("%-d %B %Y") in html
    assert certificate.code in html
    assert "certificate.css" in html  # the print layout


def test_module_page_and_my_learning_link_to_the_certificate(client, people, training):
    pat = people["practitioner"]
    complete_module(client, pat, training)
    url = certificate_url(training["module"], pat)
    assert url in client.get(training["module"].url).content.decode()
    assert url in client.get(route(index(), "my_learning")).content.decode()


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        ("practitioner", 200),
        ("manager", 200),
        ("admin", 200),
        ("colleague", 404),
        ("other_manager", 404),
        ("editor", 404),
    ],
)
def test_who_may_see_a_certificate(client, people, training, viewer, status):
    complete_module(client, people["practitioner"], training)
    client.force_login(people[viewer])
    url = certificate_url(training["module"], people["practitioner"])
    assert client.get(url).status_code == status


def test_anonymous_visitor_is_asked_to_sign_in_for_a_certificate(client, people, training):
    complete_module(client, people["practitioner"], training)
    client.logout()
    response = client.get(certificate_url(training["module"], people["practitioner"]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_certificate_code_can_be_checked(client, people, training):
    complete_module(client, people["practitioner"], training)
    certificate = Certificate.objects.get()
    client.logout()
    verify = route(index(), "verify_certificate")
    response = client.get(verify, {"code": certificate.code.lower().replace("-", " ")})
    html = response.content.decode()
    assert 'data-testid="verified"' in html and "Structuring sessions" in html
    assert "no-store" in response["Cache-Control"]
    html = client.get(verify, {"code": "AAAA-BBBB-CCCC"}).content.decode()
    assert 'data-testid="not-verified"' in html and "Structuring sessions" not in html


def test_team_page_and_my_learning_lead_managers_to_the_gradebook(client, people, training):
    client.force_login(people["manager"])
    url = route(index(), "gradebook")
    assert url in client.get(reverse("reviews:team_progress")).content.decode()
    assert url in client.get(route(index(), "my_learning")).content.decode()
