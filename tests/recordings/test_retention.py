"""Retention: audio and transcripts are deleted when the administrators' periods end, by
`manage.py apply_retention`; feedback, ratings and scores are kept; pages say when."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from accounts.roles import Role
from recordings.enums import ErasureReason, RecordingStatus
from recordings.models import Recording, RetentionSettings, ScoreCard, WhisperSegment
from recordings.retention import RetentionPolicy, apply_retention
from reviews.models import Review
from tests.accounts.factories import UserFactory
from tests.reviews.factories import ReviewFactory

from .conftest import stored_files
from .factories import RecordingFactory

pytestmark = pytest.mark.django_db

QUOTE = "How have you been since last week?"


@pytest.fixture
def retention():
    """The default site's settings: audio 30 days after feedback, 90 if never reviewed,
    transcripts 180 days."""
    settings = RetentionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.audio_days_after_feedback = 30
    settings.audio_days_if_never_reviewed = 90
    settings.transcript_days = 180
    settings.save()
    return settings


def aged(recording, *, uploaded_days_ago, shared_days_ago=None):
    now = timezone.now()
    Recording.objects.filter(pk=recording.pk).update(
        created_at=now - timedelta(days=uploaded_days_ago),
        feedback_shared_at=None
        if shared_days_ago is None
        else now - timedelta(days=shared_days_ago),
    )
    recording.refresh_from_db()
    return recording


def shared_recording(owner, **ages):
    review = ReviewFactory(recording=RecordingFactory(owner=owner, scored=True), shared=True)
    WhisperSegment.objects.create(
        recording=review.recording, index=0, start=0, end=4, text=QUOTE, words=[{"word": "How"}]
    )
    return aged(review.recording, **ages)


def test_sharing_feedback_records_when_it_was_shared(people):
    draft = ReviewFactory(recording=RecordingFactory(owner=people["practitioner"], scored=True))
    shared = ReviewFactory(
        recording=RecordingFactory(owner=people["practitioner"], scored=True), shared=True
    )
    draft.recording.refresh_from_db()
    shared.recording.refresh_from_db()
    assert draft.recording.feedback_shared_at is None
    assert shared.recording.feedback_shared_at is not None


def test_audio_past_its_time_after_feedback_is_deleted_and_feedback_and_scores_kept(
    people, retention, django_capture_on_commit_callbacks
):
    recording = shared_recording(people["practitioner"], uploaded_days_ago=40, shared_days_ago=31)
    audio_name = recording.audio.name
    scores_before = ScoreCard.objects.get(recording=recording).skills

    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", stdout=StringIO())

    recording.refresh_from_db()
    assert recording.audio_erased_at is not None
    assert recording.erasure_reason == ErasureReason.RETENTION
    assert not recording.has_audio and recording.original_name == ""
    assert audio_name not in stored_files()
    # The transcript's time (180 days) has not come.
    assert recording.segments.exists() and recording.transcript_erased_at is None
    review = Review.objects.get(recording=recording)
    assert review.live and review.skill_ratings.count() and review.points.count()
    assert ScoreCard.objects.get(recording=recording).skills == scores_before


def test_audio_within_its_time_is_kept(people, retention, django_capture_on_commit_callbacks):
    shared = shared_recording(people["practitioner"], uploaded_days_ago=60, shared_days_ago=29)
    unreviewed = aged(
        RecordingFactory(owner=people["practitioner"], ready=True), uploaded_days_ago=89
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert apply_retention() == {"audio": [], "transcript": []}
    for recording in (shared, unreviewed):
        recording.refresh_from_db()
        assert recording.has_audio
        assert recording.audio.name in stored_files()


def test_audio_never_reviewed_is_deleted_its_period_after_upload(
    people, retention, django_capture_on_commit_callbacks
):
    old = aged(RecordingFactory(owner=people["practitioner"], ready=True), uploaded_days_ago=91)
    failed = aged(RecordingFactory(owner=people["practitioner"], failed=True), uploaded_days_ago=91)
    with django_capture_on_commit_callbacks(execute=True):
        done = apply_retention()
    assert sorted(done["audio"]) == sorted([old.pk, failed.pk])
    assert stored_files() == []


def test_a_recording_a_worker_holds_is_left_alone(people, retention):
    busy = aged(
        RecordingFactory(owner=people["practitioner"], status=RecordingStatus.TRANSCRIBING),
        uploaded_days_ago=400,
    )
    assert apply_retention() == {"audio": [], "transcript": []}
    busy.refresh_from_db()
    assert busy.has_audio


def test_transcript_past_its_time_is_deleted_with_quotes_in_scores_and_ratings_kept(
    people, retention, django_capture_on_commit_callbacks
):
    recording = shared_recording(people["practitioner"], uploaded_days_ago=200, shared_days_ago=181)
    card = ScoreCard.objects.get(recording=recording)
    assert QUOTE in str(card.result)

    with django_capture_on_commit_callbacks(execute=True):
        done = apply_retention()

    assert done == {"audio": [recording.pk], "transcript": [recording.pk]}
    recording.refresh_from_db()
    assert recording.transcript_erased_at is not None
    assert not recording.segments.exists() and not recording.whisper_segments.exists()
    card.refresh_from_db()
    assert QUOTE not in str(card.result)
    assert card.skills and card.metrics and card.items  # the scores themselves stay
    assert Review.objects.get(recording=recording).skill_ratings.count()


def test_retention_writes_audit_entries_that_name_no_one(people, retention):
    recording = shared_recording(people["practitioner"], uploaded_days_ago=200, shared_days_ago=181)
    apply_retention()
    entries = ModelLogEntry.objects.filter(
        action__in=["recordings.audio_erased", "recordings.transcript_erased"],
        object_id=str(recording.pk),
    )
    assert entries.count() == 2
    for entry in entries:
        assert entry.label == f"Recording {recording.pk}"
        assert recording.client_pseudonym not in str(entry.data)


def test_the_recording_page_says_when_audio_and_transcript_will_be_deleted(
    client, people, retention
):
    recording = shared_recording(people["practitioner"], uploaded_days_ago=10, shared_days_ago=5)
    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    policy = RetentionPolicy.current()
    audio_day = timezone.localtime(recording.feedback_shared_at + timedelta(days=30))
    transcript_day = timezone.localtime(recording.feedback_shared_at + timedelta(days=180))
    assert policy.audio_due(recording) == recording.feedback_shared_at + timedelta(days=30)
    assert (
        f'The audio will be deleted on <strong data-testid="audio-deletion-date">'
        f"{audio_day:%-d %B %Y}</strong>"
    ) in page
    assert f"{transcript_day:%-d %B %Y}" in page


def test_an_unreviewed_recording_page_counts_from_upload(client, people, retention):
    recording = aged(
        RecordingFactory(owner=people["practitioner"], ready=True), uploaded_days_ago=10
    )
    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    due = timezone.localtime(recording.created_at + timedelta(days=90))
    assert f"{due:%-d %B %Y}" in page
    assert "unless feedback on it is shared before then" in page


def test_a_recording_whose_audio_retention_deleted_says_so_without_player_or_error(
    client, people, retention, django_capture_on_commit_callbacks
):
    recording = shared_recording(people["practitioner"], uploaded_days_ago=40, shared_days_ago=31)
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention()
    for role in ("practitioner", "manager"):
        client.force_login(people[role])
        response = client.get(recording.get_absolute_url())
        page = response.content.decode()
        assert response.status_code == 200
        assert "<audio" not in page
        assert "The audio of this session was deleted on" in page
        assert "Try again" not in page
        feedback = client.get(reverse("reviews:feedback", args=[recording.pk]))
        assert feedback.status_code == 200 and "<audio" not in feedback.content.decode()
    review = client.get(reverse("reviews:review", args=[recording.pk]))  # as the manager
    assert review.status_code == 200 and "<audio" not in review.content.decode()
    audio = client.get(reverse("recordings:audio", args=[recording.pk]))
    assert audio.status_code == 410
    assert b"deleted" in audio.content


def test_administrators_edit_the_retention_settings_in_the_admin(client, people):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["recordings", "retentionsettings", site.pk])
    # Not only superusers: a member of the Administrator group.
    admin = UserFactory(username="adele", role=Role.ADMINISTRATOR)
    assert not admin.is_superuser
    client.force_login(admin)
    response = client.post(
        url,
        {
            "audio_days_after_feedback": "14",
            "audio_days_if_never_reviewed": "60",
            "transcript_days": "365",
        },
    )
    assert response.status_code == 302
    assert RetentionPolicy.current() == RetentionPolicy(14, 60, 365)

    # An editor may use the admin but not these settings: Wagtail sends them to the admin's
    # dashboard with its permission-denied message, and their changes are not saved.
    client.force_login(people["editor"])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    # (The administrator's "Retention updated." waits in the same browser's messages too.)
    assert "Sorry, you do not have permission to access this area." in [
        str(message).strip() for message in get_messages(response.wsgi_request)
    ]
    client.post(
        url,
        {
            "audio_days_after_feedback": "1",
            "audio_days_if_never_reviewed": "1",
            "transcript_days": "1",
        },
    )
    assert RetentionPolicy.current() == RetentionPolicy(14, 60, 365)
