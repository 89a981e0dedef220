"""Erasing a person: deleting a user (in the Wagtail admin, or anywhere) leaves no text of theirs,
their name, e-mail or their clients' pseudonyms, in any Wagtail audit entry or task row."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from recordings import speakers
from recordings.models import Recording
from recordings.tasks import process_recording
from tests.accounts.factories import PractitionerFactory
from tests.reviews.factories import ReviewFactory

from .conftest import stored_files
from .factories import RecordingFactory

pytestmark = pytest.mark.django_db

PSEUDONYM = "Zebedee Quill"


@pytest.fixture
def person(team):
    return PractitionerFactory(
        username="perdita", first_name="Perdita", last_name="Øyelaran", team=team
    )


def every_log_entry_text():
    texts = []
    for model in registry.get_log_entry_models():
        for entry in model.objects.all():
            texts.append(f"{entry.label} {json.dumps(entry.data, ensure_ascii=False)}")
    return "\n".join(texts)


def every_task_row_text():
    return "\n".join(
        f"{json.dumps(row.args_kwargs, ensure_ascii=False)} "
        f"{json.dumps(row.return_value, ensure_ascii=False)} {row.traceback}"
        for row in DBTaskResult.objects.all()
    )


def task_row(args, *, status=TaskResultStatus.FAILED, traceback="", task=process_recording):
    return DBTaskResult.objects.create(
        args_kwargs={"args": args, "kwargs": {}},
        task_path=task.module_path,
        queue_name="recordings",
        backend_name="default",
        run_after=timezone.now(),
        status=status,
        traceback=traceback,
    )


@pytest.fixture
def history(people, person):
    """What a person leaves behind: audit entries on them, on their recordings, on a review of
    one, and task rows of their recordings' jobs with their text in them."""
    recording = RecordingFactory(owner=person, scored=True, client_pseudonym=PSEUDONYM)
    review = ReviewFactory(recording=recording, reviewer=people["manager"], shared=True)
    speakers.swap_speakers(recording, people["manager"])
    log(person, "wagtail.edit", user=people["admin"], data={"note": "Perdita Øyelaran moved"})
    # An entry about someone else's thing that quotes the person (an editor's note, say).
    other = RecordingFactory(owner=people["colleague"], client_pseudonym="Client A")
    note = f"as {person.get_full_name()} ({person.email}) said"  # non-ASCII: Ø
    log(other, "wagtail.edit", user=people["admin"], data={"note": note})
    task_row(
        [recording.pk],
        traceback=f"ValueError: bad audio in {PSEUDONYM}, 15 Jan 2026 of Perdita Øyelaran",
    )
    still_running = task_row([recording.pk], status=TaskResultStatus.RUNNING)
    task_row([other.pk], status=TaskResultStatus.SUCCESSFUL)
    assert PSEUDONYM in every_log_entry_text() and "Øyelaran" in every_log_entry_text()
    assert PSEUDONYM in every_task_row_text()
    return {"recording": recording, "review": review, "other": other, "running": still_running}


def assert_nothing_of_theirs_is_left(person_names):
    logs, tasks = every_log_entry_text(), every_task_row_text()
    for text in (*person_names, PSEUDONYM):
        assert text.lower() not in logs.lower(), text
        assert text.lower() not in tasks.lower(), text


def test_deleting_a_user_in_the_admin_leaves_no_text_of_theirs_in_logs_or_task_rows(
    client, people, person, history, django_capture_on_commit_callbacks
):
    names = (person.get_full_name(), person.email, "Øyelaran")
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailusers_users:delete", args=[person.pk]))
    assert response.status_code == 302

    assert not Recording.objects.filter(owner_id=person.pk).exists()
    assert stored_files() == [history["other"].audio.name]
    assert_nothing_of_theirs_is_left(names)
    # The audit trail itself stays: what was done, when and by whom, under neutral labels.
    deleted = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(person.pk))
    assert deleted.label == f"Erased user {person.pk}"
    fixed = ModelLogEntry.objects.get(action=speakers.SPEAKERS_FIXED)
    assert fixed.label == f"Recording {history['recording'].pk}"
    assert fixed.user_id == people["manager"].pk
    # Other people's entries keep their own text: the other client's pseudonym is not theirs.
    other_entry = ModelLogEntry.objects.get(object_id=str(history["other"].pk))
    assert other_entry.label.startswith("Client A")
    assert other_entry.data == {"note": "as [erased] ([erased]) said"}
    # The finished job of their recording is gone; a running one is left to its worker.
    left = DBTaskResult.objects.order_by("status").values_list("status", "args_kwargs")
    assert list(left) == [
        (TaskResultStatus.RUNNING, {"args": [history["recording"].pk], "kwargs": {}}),
        (TaskResultStatus.SUCCESSFUL, {"args": [history["other"].pk], "kwargs": {}}),
    ]


def test_deleting_a_user_anywhere_erases_their_text_too(people, person, history):
    from axes.models import AccessAttempt, AccessLog

    AccessAttempt.objects.create(
        username=person.username, ip_address="10.0.0.7", failures_since_start=2
    )
    AccessLog.objects.create(username=person.username, ip_address="10.0.0.7")
    AccessLog.objects.create(username=people["colleague"].username, ip_address="10.0.0.8")
    person.delete()
    assert_nothing_of_theirs_is_left((person.get_full_name(), person.email))
    assert not AccessAttempt.objects.filter(username=person.username).exists()
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["colin"]
