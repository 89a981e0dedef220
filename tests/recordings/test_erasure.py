"""The owner erases a recording: withdraws the client's consent (audio and transcript erased,
a stub kept only when feedback was shared) or deletes it; administrators delete it in the admin.
Each leaves an audit entry with no personal content."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from recordings.models import Recording, ScoreCard, WhisperSegment
from reviews.models import Review
from tests.reviews.factories import ReviewFactory
from tests.roles import EVERY_ROLE, sign_in

from .conftest import stored_files
from .factories import RecordingFactory

pytestmark = pytest.mark.django_db

PSEUDONYM = "Zebedee Quill"
SAID = "I was at my sister's flat on Tuesday."


def owned_recording(owner, *, shared=False):
    recording = RecordingFactory(
        owner=owner,
        scored=True,
        client_pseudonym=PSEUDONYM,
        original_name="zebedee-quill.wav",
        lines=[("A", "practitioner", "How was your week?"), ("B", "client", SAID)],
    )
    WhisperSegment.objects.create(recording=recording, index=0, start=0, end=4, text=SAID)
    if shared:
        ReviewFactory(recording=recording, shared=True)
    recording.refresh_from_db()
    return recording


def audit_text():
    return " ".join(
        f"{entry.label} {entry.data}"
        for entry in ModelLogEntry.objects.filter(action__startswith="recordings.")
    )


def test_owner_withdraws_consent_after_feedback_audio_and_transcript_go_feedback_stays(
    client, people, django_capture_on_commit_callbacks
):
    recording = owned_recording(people["practitioner"], shared=True)
    recording.third_voice = True  # what the speaker stage heard goes with the transcript
    recording.save()
    audio_name = recording.audio.name
    assert audio_name in stored_files()
    client.force_login(people["practitioner"])
    url = reverse("recordings:withdraw_consent", args=[recording.pk])

    confirm = client.get(url).content.decode()
    assert "feedback, ratings and scores are kept" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302 and response["Location"] == recording.get_absolute_url()
    recording.refresh_from_db()
    assert recording.consent_withdrawn and recording.audio_erased_at
    assert recording.transcript_erased_at
    assert not recording.third_voice
    assert stored_files() == []
    assert not recording.segments.exists() and not recording.whisper_segments.exists()
    assert SAID not in str(ScoreCard.objects.get(recording=recording).result)
    assert Review.objects.get(recording=recording).live  # the feedback is kept

    page = client.get(recording.get_absolute_url()).content.decode()
    assert "<audio" not in page and SAID not in page
    assert "Withdrawn on" in page

    entries = ModelLogEntry.objects.filter(action="recordings.consent_withdrawn")
    assert [(e.object_id, e.user_id) for e in entries] == [
        (str(recording.pk), people["practitioner"].pk)
    ]
    text = audit_text()
    for personal in (PSEUDONYM, SAID, "zebedee", people["practitioner"].get_full_name()):
        assert personal.lower() not in text.lower()


def test_withdrawing_consent_before_any_feedback_deletes_the_recording(
    client, people, django_capture_on_commit_callbacks
):
    recording = owned_recording(people["practitioner"])
    client.force_login(people["practitioner"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("recordings:withdraw_consent", args=[recording.pk]))
    assert response["Location"] == reverse("recordings:list")
    assert not Recording.objects.filter(pk=recording.pk).exists()
    assert stored_files() == []
    assert ModelLogEntry.objects.filter(
        action="recordings.consent_withdrawn", object_id=str(recording.pk)
    ).exists()
    assert PSEUDONYM not in audit_text()


def test_owner_deletes_a_recording_with_everything_on_it(
    client, people, django_capture_on_commit_callbacks
):
    recording = owned_recording(people["practitioner"], shared=True)
    client.force_login(people["practitioner"])
    url = reverse("recordings:delete", args=[recording.pk])
    assert "cannot be recovered" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response["Location"] == reverse("recordings:list")
    assert not Recording.objects.filter(pk=recording.pk).exists()
    assert not Review.objects.exists() and not ScoreCard.objects.exists()
    assert stored_files() == []
    entry = ModelLogEntry.objects.get(action="recordings.deleted")
    assert entry.label == f"Recording {recording.pk}"
    assert PSEUDONYM not in audit_text()


def test_an_administrator_deleting_in_the_admin_leaves_an_entry_with_no_pseudonym(
    client, people, django_capture_on_commit_callbacks
):
    recording = owned_recording(people["practitioner"])
    client.force_login(people["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("recordings_admin:delete", args=[recording.pk]))
    assert response.status_code == 302
    assert not Recording.objects.filter(pk=recording.pk).exists()
    assert stored_files() == []
    labels = list(ModelLogEntry.objects.values_list("label", flat=True))
    assert f"Recording {recording.pk}" in labels
    assert not any(PSEUDONYM in label for label in labels)


@pytest.mark.parametrize("role", EVERY_ROLE)
@pytest.mark.parametrize("name", ["withdraw_consent", "delete"])
def test_only_the_owner_and_administrators_erase_a_recording(client, people, role, name):
    recording = owned_recording(people["practitioner"])
    sign_in(client, people, role)
    response = client.post(reverse(f"recordings:{name}", args=[recording.pk]))
    expected = {
        "practitioner": 302,
        "admin": 302,
        "manager": 403,  # may see it, may not erase it
        "anonymous": 302,  # to the sign-in page
    }.get(role, 404)
    assert response.status_code == expected
    survived = Recording.objects.filter(pk=recording.pk, consent_withdrawn_at=None).exists()
    assert survived == (role not in ("practitioner", "admin"))


def test_the_owner_sees_the_erasure_actions_and_the_manager_does_not(client, people):
    recording = owned_recording(people["practitioner"])
    client.force_login(people["practitioner"])
    assert (
        'data-testid="erasure-actions"' in client.get(recording.get_absolute_url()).content.decode()
    )
    client.force_login(people["manager"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert 'data-testid="erasure-actions"' not in page


def test_erasing_the_audio_deletes_a_decoded_copy_a_job_holds_on_this_machine(
    people, settings, django_capture_on_commit_callbacks
):
    from recordings import processing
    from recordings.enums import ErasureReason
    from recordings.erasure import erase_audio

    recording = owned_recording(people["practitioner"])
    copy = processing.decoded_path(recording)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(b"audio")
    with django_capture_on_commit_callbacks(execute=True):
        erase_audio(recording, ErasureReason.RETENTION)
    assert not copy.exists()
