"""Every email the site sends is written one way: addressed by name, an absolute link to the page,
and the footer that says it carries no session text."""

import pytest
from django.core import mail

from assignments.reminders import send_reminders
from core.mail import send_site_email, site_link
from notifications.delivery import notify
from notifications.models import Event
from tests.assignments.factories import AssignmentFactory
from tests.recordings.factories import RecordingFactory

pytestmark = pytest.mark.django_db

FOOTER = "This email carries no transcript or feedback text"


def test_a_site_email_names_the_person_links_the_page_and_carries_the_footer(people, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://seeds.example.org/"
    person = people["practitioner"]
    person.first_name, person.email = "Priya", "priya@example.org"
    person.save()
    assignment = AssignmentFactory(practitioner=person)

    send_site_email(person, "assignments/email/reminder", {"assignment": assignment}, "/learning/")

    (message,) = mail.outbox
    assert message.to == ["priya@example.org"]
    assert message.body.startswith("Hello Priya,")
    assert "https://seeds.example.org/learning/" in message.body
    assert FOOTER in message.body
    assert site_link("/x/") == "https://seeds.example.org/x/"


def test_notifications_and_reminders_share_the_footer(people, django_capture_on_commit_callbacks):
    recording = RecordingFactory(scored=True, owner=people["practitioner"])
    with django_capture_on_commit_callbacks(execute=True):
        notify([people["manager"]], Event.RECORDING_READY, recording)
    AssignmentFactory(practitioner=people["practitioner"], overdue=True)
    send_reminders()

    assert len(mail.outbox) == 2
    assert all(FOOTER in message.body for message in mail.outbox)
