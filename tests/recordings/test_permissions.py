"""Who may open each recording view. The owner, their team's managers and administrators see a
recording; anyone else is told it does not exist (404); visitors who are not signed in are sent
to sign in. Retrying is the owner's (and administrators'); changing speakers is a reviewer's."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from recordings.enums import RecordingStatus, SpeakerRole
from tests.roles import EVERY_ROLE, sign_in

from .conftest import make_recording

pytestmark = pytest.mark.django_db

CAN_SEE = {"practitioner", "manager", "admin"}


def assert_sent_to_sign_in(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def expected_for_viewing(role, allowed_status=200):
    if role == "anonymous":
        return "sign in"
    return allowed_status if role in CAN_SEE else 404


def check(response, expected):
    if expected == "sign in":
        assert_sent_to_sign_in(response)
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role", EVERY_ROLE)
@pytest.mark.parametrize("view", ["detail", "status", "audio"])
def test_who_can_see_a_recording(client, people, ready_recording, role, view):
    sign_in(client, people, role)
    response = client.get(reverse(f"recordings:{view}", args=[ready_recording.pk]))
    check(response, expected_for_viewing(role))


@pytest.mark.parametrize("view", ["detail", "status", "audio"])
def test_a_recording_that_does_not_exist_looks_the_same_as_one_you_may_not_see(
    client, people, view
):
    client.force_login(people["colleague"])
    assert client.get(reverse(f"recordings:{view}", args=[999999])).status_code == 404


def test_the_recording_page_shows_the_transcript_to_those_who_may_see_it(
    client, people, ready_recording
):
    client.force_login(people["manager"])
    page = client.get(ready_recording.get_absolute_url()).content.decode()
    assert "What has kept you busy?" in page
    assert reverse("recordings:audio", args=[ready_recording.pk]) in page


RETRY = {
    "practitioner": 302,
    "admin": 302,
    "manager": 403,
    "colleague": 404,
    "other_practitioner": 404,
    "other_manager": 404,
    "editor": 404,
    "anonymous": "sign in",
}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_can_try_a_failed_recording_again(client, people, role, settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "recordings"],
        }
    }
    recording = make_recording(people["practitioner"], status=RecordingStatus.FAILED)
    sign_in(client, people, role)
    response = client.post(reverse("recordings:retry", args=[recording.pk]))
    check(response, RETRY[role])
    recording.refresh_from_db()
    expected_status = RecordingStatus.QUEUED if RETRY[role] == 302 else RecordingStatus.FAILED
    assert recording.status == expected_status


# Fixing speakers is correcting the transcript: the owner may too, until feedback is shared
# (tests/reviews/test_corrections_permissions.py has after sharing).
REVIEW = {
    "manager": 302,
    "admin": 302,
    "practitioner": 302,
    "colleague": 404,
    "other_practitioner": 404,
    "other_manager": 404,
    "editor": 404,
    "anonymous": "sign in",
}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_can_swap_the_speakers(client, people, ready_recording, role):
    sign_in(client, people, role)
    response = client.post(reverse("reviews:swap_speakers", args=[ready_recording.pk]))
    check(response, REVIEW[role])
    first = ready_recording.segments.get(index=0)
    swapped = REVIEW[role] == 302
    assert first.role == (SpeakerRole.CLIENT if swapped else SpeakerRole.PRACTITIONER)


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_who_can_reassign_a_line(client, people, ready_recording, role):
    sign_in(client, people, role)
    response = client.post(
        reverse("reviews:reassign_line", args=[ready_recording.pk, 1]),
        {"role": SpeakerRole.PRACTITIONER},
    )
    check(response, REVIEW[role])
    line = ready_recording.segments.get(index=1)
    changed = REVIEW[role] == 302
    assert line.role == (SpeakerRole.PRACTITIONER if changed else SpeakerRole.CLIENT)
    assert line.role_overridden is changed


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_my_recordings_lists_only_your_own(client, people, ready_recording, role):
    make_recording(people["colleague"], client_pseudonym="Colleague's client")
    sign_in(client, people, role)
    response = client.get(reverse("recordings:list"))
    if role == "anonymous":
        assert_sent_to_sign_in(response)
        return
    page = response.content.decode()
    assert response.status_code == 200
    assert ("Client A" in page) is (role == "practitioner")
    assert ("Colleague&#x27;s client" in page) is (role == "colleague")


REVIEWS = {
    "manager": True,
    "admin": True,
    "other_manager": False,
    "practitioner": 403,
    "colleague": 403,
    "other_practitioner": 403,
    "editor": 403,
}


@pytest.mark.parametrize("role", EVERY_ROLE)
def test_reviews_to_do_lists_ready_recordings_of_the_managers_teams(
    client, people, ready_recording, role
):
    busy = make_recording(people["practitioner"], status=RecordingStatus.TRANSCRIBING)
    sign_in(client, people, role)
    response = client.get(reverse("reviews:queue"))
    if role == "anonymous":
        assert_sent_to_sign_in(response)
        return
    if REVIEWS[role] == 403:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    page = response.content.decode()
    # Each recording to review links to its review page (reviews app).
    review_url = reverse("reviews:review", args=[ready_recording.pk])
    assert (f'href="{review_url}"' in page) is REVIEWS[role]
    assert f'href="{reverse("reviews:review", args=[busy.pk])}"' not in page, "only ready ones"


def test_reviews_to_do_are_oldest_first(client, people):
    newer = make_recording(people["practitioner"], client_pseudonym="Newer")
    older = make_recording(people["colleague"], client_pseudonym="Older")
    type(older).objects.filter(pk=older.pk).update(created_at=newer.created_at.replace(year=2025))
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:queue")).content.decode()
    assert page.index("Older") < page.index("Newer")


def test_the_status_endpoint_reports_progress_for_the_page_to_show(client, people):
    recording = make_recording(people["practitioner"], status=RecordingStatus.TRANSCRIBING)
    type(recording).objects.filter(pk=recording.pk).update(
        progress=0.42,
        stage="transcribe",
        heartbeat_at=timezone.now(),
    )
    client.force_login(people["practitioner"])
    data = client.get(reverse("recordings:status", args=[recording.pk])).json()
    assert data["status"] == "transcribing"
    assert data["progress"] == 0.42
    assert data["stage_label"] == "Transcribing"
    assert [label for _, label in data["stages"]] == [
        "Checking the audio",
        "Transcribing",
        "Separating speakers",
        "Scoring",
    ]
    assert data["finished"] is False
    page = client.get(recording.get_absolute_url()).content.decode()
    assert re.search(r'<progress[^>]*value="42"', page)
    assert 'data-stage="transcribe" aria-current="step"' in page


def test_low_confidence_lines_are_marked_for_re_listening(client, people, ready_recording):
    client.force_login(people["practitioner"])
    page = client.get(ready_recording.get_absolute_url()).content.decode()
    assert page.count("Check: unclear") == 1
    unsure = page.index("Not bad, busy.")
    assert page.rindex("transcript__line--unsure", 0, unsure) > page.rindex("line-0", 0, unsure)


def test_swapping_speakers_twice_restores_them_and_rescoring_notes_once(
    client, people, ready_recording
):
    client.force_login(people["manager"])
    url = reverse("reviews:swap_speakers", args=[ready_recording.pk])
    client.post(url)
    ready_recording.refresh_from_db()
    assert ready_recording.practitioner_speaker == "B"
    assert list(ready_recording.segments.values_list("role", flat=True)) == [
        "client",
        "practitioner",
        "client",
    ]
    client.post(url)
    ready_recording.refresh_from_db()
    assert ready_recording.practitioner_speaker == "A"
    assert ready_recording.segments.get(index=0).role == "practitioner"
    assert [entry["stage"] for entry in ready_recording.stage_log] == ["score"]
    assert "score" in ready_recording.timings


@pytest.mark.parametrize("role", [role for role in EVERY_ROLE if role != "anonymous"])
def test_allowed_ids_answers_as_can_does_for_each_recording(people, role):
    from django.contrib.auth.models import AnonymousUser

    from recordings.permissions import Action, allowed_ids, can

    from .factories import RecordingFactory

    recordings = [
        RecordingFactory(owner=people[owner], ready=True)
        for owner in ("practitioner", "colleague", "other_practitioner")
    ]
    for user in (people[role], AnonymousUser()):
        for action in Action:
            expected = {r.pk for r in recordings if can(user, action, r)}
            assert allowed_ids(user, action, recordings) == expected, (role, action)


def test_the_recordings_list_asks_once_whatever_the_number_of_recordings(client, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import RecordingFactory

    client.force_login(people["practitioner"])
    url = reverse("recordings:list")
    # The first visits make the site's settings, which makes what they kept obsolete.
    client.get(url)
    client.get(url)
    counts = []
    for _ in range(2):
        RecordingFactory.create_batch(3, owner=people["practitioner"], ready=True)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
