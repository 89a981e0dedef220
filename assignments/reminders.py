"""Email reminders of assignments: one per assignment per reminder window, when it falls due
soon or is overdue.

An open assignment due within ASSIGNMENT_REMINDER_LEAD_DAYS (or past due) is reminded unless it
was reminded less than ASSIGNMENT_REMINDER_EVERY_DAYS ago. The stamp is set before sending by a
conditional update, so two runs at once still send one email. The email names the training and
the due date and links to the site; it never carries feedback or transcript text (a growth
point or a note may quote the session)."""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.mail import send_site_email

from .models import Assignment

logger = logging.getLogger(__name__)


def due_for_reminder(now=None):
    now = now or timezone.now()
    soon = timezone.localdate(now) + timedelta(days=settings.ASSIGNMENT_REMINDER_LEAD_DAYS)
    window_start = now - timedelta(days=settings.ASSIGNMENT_REMINDER_EVERY_DAYS)
    return (
        Assignment.objects.open()
        .filter(due_date__lte=soon, practitioner__is_active=True)
        .exclude(practitioner__email="")
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=window_start))
        .select_related("practitioner", "lesson", "module")
    )


def _claim(assignment, now):
    """True for the one run that stamps this assignment's reminder."""
    return bool(
        Assignment.objects.filter(pk=assignment.pk, reminded_at=assignment.reminded_at).update(
            reminded_at=now
        )
    )


def send_reminders(now=None) -> list[int]:
    """Emails each assignment due for a reminder; returns their ids."""
    now = now or timezone.now()
    sent = []
    for assignment in due_for_reminder(now):
        if not _claim(assignment, now):
            continue
        context = {
            "assignment": assignment,
            "overdue": assignment.due_date < timezone.localdate(now),
            "every_days": settings.ASSIGNMENT_REMINDER_EVERY_DAYS,
        }
        try:
            send_site_email(
                assignment.practitioner,
                "assignments/email/reminder",
                context,
                reverse("assignments:mine"),
            )
        except (SMTPException, OSError):
            # Not sent: try again on the next run rather than wait a whole window.
            Assignment.objects.filter(pk=assignment.pk).update(reminded_at=assignment.reminded_at)
            logger.exception("Could not email the reminder of assignment %s", assignment.pk)
            continue
        sent.append(assignment.pk)
    return sent
