"""Completing lessons, the reflective log, "My learning" and what a treatment manager sees."""

import pytest
from django.urls import reverse

from training import progress
from training.models import LessonCompletion, QuizAttempt, ReflectiveLogEntry, TrainingIndexPage

from .factories import LessonPageFactory
from .helpers import quiz_answers, route

pytestmark = pytest.mark.django_db


def exercise_id(lesson):
    return next(b.id for b in lesson.body if b.block_type == "reflective_exercise")


def reflect(client, lesson, text, shared=False):
    data = {"exercise": exercise_id(lesson), "text": text}
    if shared:
        data["shared"] = "on"
    return client.post(route(lesson, "save_reflection"), data)


def index():
    return TrainingIndexPage.objects.get()


# Completing lessons and progress


def test_marking_a_lesson_without_a_quiz_complete(client, people, training):
    client.force_login(people["practitioner"])
    lesson = LessonPageFactory(parent=training["module"], title="Reading only")
    html = client.get(lesson.url).content.decode()
    assert "Mark this lesson as complete" in html
    response = client.post(route(lesson, "complete"))
    assert response.status_code == 302
    assert LessonCompletion.objects.filter(user=people["practitioner"], lesson=lesson).exists()
    html = client.get(lesson.url).content.decode()
    assert "is marked complete" in html
    assert 'data-testid="lesson-status">Completed' in html
    # Marking it again does not count it twice.
    client.post(route(lesson, "complete"))
    assert LessonCompletion.objects.filter(user=people["practitioner"]).count() == 1


def test_a_lesson_with_a_quiz_is_completed_by_passing_it_not_by_a_button(client, people, training):
    client.force_login(people["practitioner"])
    lesson = training["lesson"]
    html = client.get(lesson.url).content.decode()
    assert "Mark this lesson as complete" not in html
    assert "Passing the quiz (80% or more) completes this lesson." in html
    client.post(route(lesson, "complete"))
    assert not LessonCompletion.objects.exists()


def test_module_progress_counts_completed_live_lessons(people, training):
    learner = people["practitioner"]
    LessonCompletion.objects.create(user=learner, lesson=training["lesson"])
    rows = {row.module.slug: row for row in progress.module_progress(learner)}
    assert (rows["structuring-sessions"].completed, rows["structuring-sessions"].total) == (1, 2)
    assert rows["structuring-sessions"].percent == 50
    assert rows["relationship-building"].percent == 0

    # An unpublished lesson no longer counts, either way.
    training["second_lesson"].unpublish()
    rows = {row.module.slug: row for row in progress.module_progress(learner)}
    assert (rows["structuring-sessions"].completed, rows["structuring-sessions"].total) == (1, 1)
    assert rows["structuring-sessions"].done


def test_progress_is_per_learner(people, training):
    LessonCompletion.objects.create(user=people["colleague"], lesson=training["lesson"])
    rows = progress.module_progress(people["practitioner"])
    assert all(row.completed == 0 for row in rows)


def test_quiz_scores_keep_latest_best_and_attempts(client, people, training):
    client.force_login(people["practitioner"])
    lesson = training["lesson"]
    client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))
    client.post(route(lesson, "answer_quiz"), quiz_answers(lesson, right=False))
    (row,) = progress.quiz_scores(people["practitioner"])
    assert (row.attempts, row.latest, row.best, row.passed) == (2, 0, 100, True)


def test_last_lesson_is_the_most_recent_activity(client, people, training):
    learner = people["practitioner"]
    assert progress.last_lesson(learner, viewer=learner) is None
    client.force_login(learner)
    client.post(route(training["lesson"], "answer_quiz"), quiz_answers(training["lesson"]))
    assert progress.last_lesson(learner, viewer=learner) == training["lesson"]
    other = training["other_lesson"]
    client.post(route(other, "answer_quiz"), quiz_answers(other))
    assert progress.last_lesson(learner, viewer=learner) == other


def test_my_learning_shows_progress_scores_and_log(client, people, training):
    client.force_login(people["practitioner"])
    lesson = training["lesson"]
    client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))
    reflect(client, lesson, "I opened with the agenda, not a check-in.")

    html = client.get(route(index(), "my_learning")).content.decode()
    assert "My learning" in html
    assert "1 of 2" in html and "50%" in html
    assert 'data-testid="last-lesson">Last lesson: <a' in html
    assert "Check-in and review" in html
    assert "100%" in html and "Passed" in html
    assert "I opened with the agenda, not a check-in." in html
    assert "Private" in html


def test_module_page_shows_completion(client, people, training):
    client.force_login(people["practitioner"])
    client.post(route(training["lesson"], "answer_quiz"), quiz_answers(training["lesson"]))
    html = client.get(training["module"].url).content.decode()
    assert "50%" in html and "1 of 2 lessons complete" in html
    assert "Open a session with a check-in and a review." in html
    assert "About 45 minutes" in html


# Reflective log


def test_saving_a_reflection_keeps_it_private_by_default(client, people, training):
    client.force_login(people["practitioner"])
    response = reflect(client, training["lesson"], "First thoughts.")
    assert response.status_code == 302
    entry = ReflectiveLogEntry.objects.get()
    assert (entry.user, entry.text, entry.shared) == (
        people["practitioner"],
        "First thoughts.",
        False,
    )
    assert entry.prompt == "Think of your last session. How did you open it?"
    # Saving again updates the same entry and can share it.
    reflect(client, training["lesson"], "Second thoughts.", shared=True)
    entry = ReflectiveLogEntry.objects.get()
    assert (entry.text, entry.shared) == ("Second thoughts.", True)
    assert "Second thoughts." in client.get(training["lesson"].url).content.decode()


def test_empty_reflection_shows_an_error(client, people, training):
    client.force_login(people["practitioner"])
    response = reflect(client, training["lesson"], "   ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and "Write your reflection before saving it." in html
    # the summary links to the reflection's box, and the box shows the error beside it
    text_box = f"exercise-{exercise_id(training['lesson'])}-text"
    assert f'<a href="#{text_box}">Write your reflection before saving it.</a>' in html
    assert "govuk-textarea--error" in html
    assert not ReflectiveLogEntry.objects.exists()


def test_reflection_for_an_exercise_not_in_the_lesson_is_refused(client, people, training):
    client.force_login(people["practitioner"])
    response = client.post(
        route(training["lesson"], "save_reflection"),
        {"exercise": training["lesson"].body[0].id, "text": "x"},  # a text block, not an exercise
    )
    assert response.status_code == 404
    assert not ReflectiveLogEntry.objects.exists()


@pytest.fixture
def reflections(client, people, training):
    """A private and a shared reflection by the practitioner."""
    client.force_login(people["practitioner"])
    reflect(client, training["lesson"], "PRIVATE THOUGHT")
    reflect(client, training["other_lesson"], "SHARED THOUGHT", shared=True)
    client.logout()
    return people["practitioner"]


def practitioner_url(learner):
    return route(index(), "practitioner_progress", learner.pk)


def test_reflective_log_is_invisible_to_another_practitioner(client, people, reflections):
    client.force_login(people["colleague"])
    html = client.get(route(index(), "my_learning")).content.decode()
    assert "PRIVATE THOUGHT" not in html and "SHARED THOUGHT" not in html
    assert client.get(practitioner_url(reflections)).status_code == 404
    qs = ReflectiveLogEntry.objects.visible_to(people["colleague"], owner=reflections)
    assert not qs.exists()


def test_other_teams_manager_sees_nothing(client, people, reflections):
    client.force_login(people["other_manager"])
    assert client.get(practitioner_url(reflections)).status_code == 404
    html = client.get(reverse("reviews:team_progress")).content.decode()
    assert str(reflections) not in html


def test_own_manager_sees_only_shared_reflections(client, people, reflections):
    client.force_login(people["manager"])
    html = client.get(practitioner_url(reflections)).content.decode()
    assert "SHARED THOUGHT" in html
    assert "PRIVATE THOUGHT" not in html


def test_editor_and_administrator_cannot_read_reflections(client, people, reflections):
    client.force_login(people["editor"])
    assert client.get(practitioner_url(reflections)).status_code == 404
    # Administrators oversee progress, but reflections are shared with the treatment manager.
    client.force_login(people["admin"])
    html = client.get(practitioner_url(reflections)).content.decode()
    assert "PRIVATE THOUGHT" not in html and "SHARED THOUGHT" not in html


def test_last_lesson_seen_by_a_manager_does_not_betray_a_private_reflection(
    client, people, training
):
    learner = people["practitioner"]
    client.force_login(learner)
    reflect(client, training["lesson"], "SHARED THOUGHT", shared=True)
    reflect(client, training["other_lesson"], "PRIVATE THOUGHT")
    assert progress.last_lesson(learner, viewer=learner) == training["other_lesson"]
    assert progress.last_lesson(learner, viewer=people["manager"]) == training["lesson"]

    client.force_login(people["manager"])
    html = client.get(practitioner_url(learner)).content.decode()
    last = html.split('data-testid="last-lesson"', 1)[1].split("</p>", 1)[0]
    assert training["lesson"].title in last
    assert training["other_lesson"].title not in last


def test_private_reflection_alone_leaves_no_last_lesson_for_the_manager(client, people, training):
    learner = people["practitioner"]
    client.force_login(learner)
    reflect(client, training["lesson"], "PRIVATE THOUGHT")
    assert progress.last_lesson(learner, viewer=learner) == training["lesson"]
    assert progress.last_lesson(learner, viewer=people["manager"]) is None


# Manager visibility


def learners(response):
    return {row["learning"].learner.username for row in response.context["rows"]}


def test_manager_sees_progress_of_own_team_only(client, people, training):
    lesson = training["lesson"]
    LessonCompletion.objects.create(user=people["practitioner"], lesson=lesson)
    LessonCompletion.objects.create(user=people["other_practitioner"], lesson=lesson)
    QuizAttempt.objects.create(
        user=people["practitioner"], lesson=lesson, answers={}, right=3, total=3, score=100,
        passed=True,
    )  # fmt: skip
    client.force_login(people["manager"])
    response = client.get(reverse("reviews:team_progress"))
    rows = {row["learning"].learner.username: row["learning"] for row in response.context["rows"]}
    assert set(rows) == {"pat", "colin"}
    assert (rows["pat"].lessons_completed, rows["pat"].lessons_total) == (1, 3)
    assert rows["pat"].quizzes_passed == 1
    assert rows["colin"].lessons_completed == 0
    assert str(people["other_practitioner"]) not in response.content.decode()

    detail = client.get(practitioner_url(people["practitioner"])).content.decode()
    assert "1 of 2" in detail and "100%" in detail


def test_manager_gets_404_for_practitioner_of_another_team(client, people, training):
    client.force_login(people["manager"])
    assert client.get(practitioner_url(people["other_practitioner"])).status_code == 404
    assert client.get(practitioner_url(people["other_manager"])).status_code == 404


def test_administrator_sees_every_practitioners_progress(client, people, training):
    client.force_login(people["admin"])
    response = client.get(reverse("reviews:team_progress"))
    assert learners(response) == {
        "pat",
        "colin",
        "olly",
    }
    assert client.get(practitioner_url(people["other_practitioner"])).status_code == 200


def test_manager_in_their_own_team_is_not_among_their_learners(client, people, team, training):
    people["manager"].team = team
    people["manager"].save()
    client.force_login(people["manager"])
    response = client.get(reverse("reviews:team_progress"))
    assert learners(response) == {
        "pat",
        "colin",
    }
    assert client.get(practitioner_url(people["manager"])).status_code == 404


def test_the_training_team_route_leads_to_the_one_team_page(client, people, training):
    client.force_login(people["manager"])
    response = client.get(route(index(), "team_progress"))
    assert response.status_code == 302
    assert response.url == reverse("reviews:team_progress")


def test_team_progress_is_404_for_non_managers(client, people, training):
    for role in ("practitioner", "editor"):
        client.force_login(people[role])
        assert client.get(reverse("reviews:team_progress")).status_code == 404


# Anonymous visitors


def test_anonymous_visitor_sees_the_module_list_and_a_sign_in_prompt(client, training):
    response = client.get(index().url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Structuring sessions" in html and "Relationship building" in html
    assert 'data-testid="sign-in-prompt"' in html


@pytest.mark.parametrize("page_key", ["module", "lesson"])
def test_anonymous_visitor_is_asked_to_sign_in_for_modules_and_lessons(client, training, page_key):
    url = training[page_key].url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_anonymous_visitor_cannot_post_answers(client, training):
    lesson = training["lesson"]
    response = client.post(route(lesson, "answer_quiz"), quiz_answers(lesson))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not QuizAttempt.objects.exists()
    assert client.get(route(index(), "my_learning")).status_code == 302


# Practice task


def test_practice_link_preselects_the_lessons_skill_when_recordings_exist(client, people, training):
    from django.urls import NoReverseMatch, reverse

    client.force_login(people["practitioner"])
    html = client.get(training["lesson"].url).content.decode()
    try:
        upload = reverse("recordings:upload")
    except NoReverseMatch:
        assert "Record a session practising this skill" not in html
    else:
        assert f'href="{upload}?skill=structuring"' in html
    # A lesson with no practice skill never offers it.
    second = client.get(training["second_lesson"].url).content.decode()
    assert "Record a session practising this skill" not in second


@pytest.mark.parametrize("role", ["manager", "editor", "admin"])
def test_practice_link_is_offered_to_practitioners_only(client, people, training, role):
    # The upload page refuses anyone else: a link to it would be a link to a 403.
    client.force_login(people[role])
    html = client.get(training["lesson"].url).content.decode()
    assert "Record a session practising this skill" not in html
