"""The practice plan: growth point -> assigned lesson -> practice task -> the next recording
tagged to it -> its feedback shows whether the skill moved since the previous session."""

import uuid
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assignments.models import PracticeRecording
from recordings.models import Recording, ScoreCard
from reviews.enums import Rating

from .conftest import scored_recording
from .factories import AssignmentFactory, PracticeRecordingFactory, share_review

pytestmark = pytest.mark.django_db

UPLOAD = reverse("recordings:upload")


@pytest.fixture
def task(people):
    return AssignmentFactory(practitioner=people["practitioner"], practice=True)


def post_upload(client, path, capture, **fields):
    data = {
        "session_date": "2026-01-15",
        "client_pseudonym": "Client A",
        "skills": ["structuring"],
        "consent": "on",
        "upload_token": str(uuid.uuid4()),
        **fields,
    }
    data["audio"] = SimpleUploadedFile(path.name, path.read_bytes())
    with capture(execute=True):
        return client.post(UPLOAD, data)


def test_upload_form_offers_the_open_practice_task_chosen_in_the_link(client, people, task):
    client.force_login(people["practitioner"])
    page = client.get(UPLOAD, {"practice": task.pk}).content.decode()
    assert "Practice task" in page
    assert f'<option value="{task.pk}" selected>' in page


def test_no_practice_task_field_without_open_tasks(client, people, task):
    client.force_login(people["colleague"])
    assert 'name="practice_task"' not in client.get(UPLOAD).content.decode()


def test_uploading_for_a_practice_task_tags_the_recording(
    client, people, task, spoken, dummy_tasks, django_capture_on_commit_callbacks
):
    client.force_login(people["practitioner"])
    response = post_upload(
        client, spoken, django_capture_on_commit_callbacks, practice_task=str(task.pk)
    )
    recording = Recording.objects.get()
    assert response.status_code == 302
    assert PracticeRecording.objects.get().recording == recording
    assert recording.practice_tag.assignment == task
    # Tagged: the task is no longer offered.
    assert 'name="practice_task"' not in client.get(UPLOAD).content.decode()


def test_a_practice_task_of_someone_else_is_refused(
    client, people, task, spoken, dummy_tasks, django_capture_on_commit_callbacks
):
    AssignmentFactory(practitioner=people["colleague"], practice=True)
    client.force_login(people["colleague"])
    response = post_upload(
        client, spoken, django_capture_on_commit_callbacks, practice_task=str(task.pk)
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Recording.objects.exists()
    assert not PracticeRecording.objects.exists()


def skill_score(recording):
    return ScoreCard.objects.latest_for(recording).skills["structuring"]["score"]


@pytest.fixture
def two_sessions(people, task):
    pat = people["practitioner"]
    previous = scored_recording(pat, session_date=date(2026, 1, 8))
    share_review(previous, people["manager"], structuring=Rating.NEEDS_IMPROVEMENT)
    current = PracticeRecordingFactory(
        assignment=task, recording=scored_recording(pat, session_date=date(2026, 1, 15))
    ).recording
    share_review(current, people["manager"], structuring=Rating.SATISFACTORY)
    return previous, current


@pytest.mark.parametrize("role", ["practitioner", "manager"])
def test_feedback_shows_the_skill_beside_the_previous_session(client, people, two_sessions, role):
    previous, current = two_sessions
    client.force_login(people[role])
    page = client.get(reverse("reviews:feedback", args=[current.pk])).content.decode()
    plan = page[page.index('data-testid="practice-plan"') :]
    assert "Did structuring move?" in plan
    assert "Previous session (8 January 2026)" in plan
    machine = plan[plan.index('data-testid="machine-score"') :]
    machine = machine[: machine.index("</tr>")]
    assert f"{skill_score(previous):.0%}" in machine
    assert f"{skill_score(current):.0%}" in machine
    rating = plan[plan.index('data-testid="manager-rating"') :]
    rating = rating[: rating.index("</tr>")]
    assert rating.index("Needs improvement") < rating.index("Satisfactory")
    assert '<td class="govuk-table__cell">up</td>' in rating


def test_feedback_of_an_untagged_recording_has_no_practice_plan(client, people, recording):
    share_review(recording, people["manager"])
    client.force_login(people["practitioner"])
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert 'data-testid="practice-plan"' not in page


def test_the_first_session_says_there_is_no_previous_one(client, people, task):
    current = PracticeRecordingFactory(assignment=task).recording
    share_review(current, people["manager"])
    client.force_login(people["practitioner"])
    page = client.get(reverse("reviews:feedback", args=[current.pk])).content.decode()
    assert "no previous session" in page


def test_my_assignments_links_each_practice_task_to_the_upload_form(client, people, task):
    task.completed_at = task.created_at
    task.save()
    client.force_login(people["practitioner"])
    page = client.get(reverse("assignments:mine")).content.decode()
    section = page[page.index('data-testid="practice-task"') :]
    assert task.practice_task in section
    assert f"{UPLOAD}?practice={task.pk}&amp;skill=structuring" in section
