"""People hear of what concerns them: a manager of a recording to review, a practitioner of
shared feedback, each side of a response; in the app and, unless turned off, by an email that
carries no transcript or feedback text."""

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import EmailPreference, Event, Notification
from recordings import processing
from recordings.enums import RecordingStatus, Stage
from reviews import commenting, reviewing
from tests.recordings.factories import RecordingFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

FEEDBACK_TEXT = "You checked in warmly."


@pytest.fixture
def shared(people, django_capture_on_commit_callbacks):
    recording = RecordingFactory(scored=True, owner=people["practitioner"])
    with django_capture_on_commit_callbacks(execute=True):
        return ReviewFactory(recording=recording, reviewer=people["manager"], shared=True)


def test_a_finished_recording_tells_the_owners_team_managers_only(
    people, monkeypatch, django_capture_on_commit_callbacks
):
    recording = RecordingFactory(
        owner=people["practitioner"], status=RecordingStatus.QUEUED, stage=Stage.SCORE
    )
    monkeypatch.setitem(processing.STAGES, Stage.SCORE, lambda recording, path: None)

    with django_capture_on_commit_callbacks(execute=True):
        assert processing.run(recording.pk) == RecordingStatus.READY

    notice = Notification.objects.get()
    assert (notice.recipient, notice.event) == (people["manager"], Event.RECORDING_READY)
    assert notice.target_url == reverse("reviews:review", args=[recording.pk])
    assert [message.to for message in mail.outbox] == [[people["manager"].email]]


def test_sharing_feedback_tells_the_practitioner_by_email_without_its_text(people, shared):
    notice = Notification.objects.get(recipient=people["practitioner"])
    assert notice.event == Event.FEEDBACK_SHARED
    (message,) = mail.outbox
    assert message.to == [people["practitioner"].email]
    assert reverse("reviews:feedback", args=[shared.recording.pk]) in message.body
    for private in (FEEDBACK_TEXT, shared.recording.client_pseudonym):
        assert private not in message.body and private not in message.subject


def test_a_response_tells_the_reviewer_and_a_reply_tells_the_practitioner(people, shared):
    reviewing.respond(shared, people["practitioner"], "Thanks, I will try that.")
    to_manager = Notification.objects.get(event=Event.RESPONSE)
    assert to_manager.recipient == people["manager"]
    assert to_manager.actor == people["practitioner"]

    reviewing.respond(shared, people["manager"], "Good, let us look at it next time.")
    assert Notification.objects.filter(
        event=Event.RESPONSE, recipient=people["practitioner"]
    ).exists()


def test_looking_at_the_email_setting_stores_nothing(client, people):
    client.force_login(people["practitioner"])
    response = client.get(reverse("notifications:email_preference"))
    assert response.status_code == 200
    assert 'name="send_email"' in response.content.decode()
    assert not EmailPreference.objects.exists()


def test_turning_email_off_keeps_the_in_app_notice(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people["practitioner"])
    response = client.post(reverse("notifications:email_preference"), {})
    assert response.status_code == 302
    assert not EmailPreference.wants_email(people["practitioner"])

    recording = RecordingFactory(scored=True, owner=people["practitioner"])
    with django_capture_on_commit_callbacks(execute=True):
        ReviewFactory(recording=recording, reviewer=people["manager"], shared=True)
    assert Notification.objects.filter(recipient=people["practitioner"]).count() == 1
    assert mail.outbox == []


def test_the_header_counts_unread_and_opening_one_marks_it_read(client, people, shared):
    client.force_login(people["practitioner"])
    page = client.get(reverse("notifications:list")).content.decode()
    assert 'aria-label="1 unread"' in page
    assert "was shared by" in page

    notice = Notification.objects.get(recipient=people["practitioner"])
    response = client.post(reverse("notifications:open", args=[notice.pk]))
    assert response.url == reverse("reviews:feedback", args=[shared.recording.pk])
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert "unread" not in client.get(reverse("notifications:list")).content.decode()


def test_someone_elses_notification_is_not_found(client, people, shared):
    notice = Notification.objects.get(recipient=people["practitioner"])
    client.force_login(people["colleague"])
    assert client.post(reverse("notifications:open", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read(client, people, shared):
    reviewing.respond(shared, people["manager"], "One more thought.")
    client.force_login(people["practitioner"])
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.for_user(people["practitioner"]).unread().exists()


def test_notifications_are_signed_in_only(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_header_count_follows_new_and_read_notifications(client, people, shared):
    client.force_login(people["practitioner"])
    assert 'aria-label="1 unread"' in client.get(reverse("notifications:list")).content.decode()
    reviewing.respond(shared, people["manager"], "A second thought.")
    assert 'aria-label="2 unread"' in client.get(reverse("notifications:list")).content.decode()
    client.post(reverse("notifications:mark_all_read"))
    assert "unread" not in client.get(reverse("notifications:list")).content.decode()


def test_a_reply_tells_the_other_side_by_email_without_its_text(
    people, shared, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    comment = commenting.add_comment(
        shared, people["manager"], text="Nice reflection.", at=5.0, line=1
    )
    comment.shared_at = comment.created_at
    comment.save(update_fields=["shared_at"])
    with django_capture_on_commit_callbacks(execute=True):
        commenting.reply(shared, people["practitioner"], "Private words.", comment=comment)
    notice = Notification.objects.get(event=Event.REPLY)
    assert (notice.recipient, notice.actor) == (people["manager"], people["practitioner"])
    (message,) = mail.outbox
    assert message.to == [people["manager"].email]
    assert reverse("reviews:review", args=[shared.recording.pk]) in message.body
    for private in ("Private words.", "Nice reflection."):
        assert private not in message.body and private not in message.subject
