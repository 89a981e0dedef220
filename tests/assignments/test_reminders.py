"""Email reminders: once per assignment per reminder window, for work falling due or overdue,
never with feedback or transcript text."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from assignments.reminders import send_reminders
from tests.reviews.conftest import SESSION

from .factories import AssignmentFactory, days_from_today

pytestmark = pytest.mark.django_db

# A growth point and a note quoting the session, as a manager may write them.
QUOTED = SESSION[4][2]


@pytest.fixture
def overdue(people):
    return AssignmentFactory(
        practitioner=people["practitioner"],
        overdue=True,
        growth_point=f"You asked: “{QUOTED}”",
        note=f"Listen again to “{SESSION[6][2]}”",
        practice_task="Reflect before asking again.",
    )


def test_reminder_is_sent_once_per_window(settings, overdue):
    settings.ASSIGNMENT_REMINDER_EVERY_DAYS = 7
    now = timezone.now()
    assert send_reminders(now) == [overdue.pk]
    assert send_reminders(now + timedelta(hours=1)) == []
    assert send_reminders(now + timedelta(days=6)) == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [overdue.practitioner.email]
    assert send_reminders(now + timedelta(days=7, minutes=1)) == [overdue.pk]
    assert len(mail.outbox) == 2


def test_reminder_names_the_lesson_and_due_date_without_transcript_text(overdue):
    send_reminders()
    message = mail.outbox[0]
    text = message.subject + message.body
    assert overdue.lesson.title in text
    assert f"{overdue.due_date:%-d %B %Y}" in text
    assert message.subject.startswith("Overdue")
    assert "/assignments/" in message.body
    for line in (QUOTED, SESSION[6][2], overdue.growth_point, overdue.note):
        assert line not in text
    for _speaker, _role, line in SESSION:
        assert line not in text


def test_no_reminder_for_work_done_or_not_yet_near(settings, people):
    settings.ASSIGNMENT_REMINDER_LEAD_DAYS = 2
    AssignmentFactory(practitioner=people["practitioner"], overdue=True, completed=True)
    AssignmentFactory(practitioner=people["practitioner"], due_date=days_from_today(10))
    due_soon = AssignmentFactory(practitioner=people["colleague"], due_date=days_from_today(2))
    assert send_reminders() == [due_soon.pk]
    assert mail.outbox[0].subject.startswith("Due soon")


def test_the_command_sends_once_and_stops(overdue):
    call_command("send_assignment_reminders")
    call_command("send_assignment_reminders")
    assert len(mail.outbox) == 1


def test_a_reminder_that_could_not_be_sent_is_tried_again_next_run(overdue, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("core.mail.send_mail", refuse)
    assert send_reminders() == []
    monkeypatch.undo()
    assert send_reminders() == [overdue.pk]
    assert len(mail.outbox) == 1
