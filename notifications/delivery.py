"""Telling people: one in-app notification per recipient, and an email for those who want one,
sent by a background task once the change that caused it is committed."""

from django.db import transaction

from .models import EmailPreference, Event, Notification


def notify(recipients, event: Event, recording, actor=None) -> list[Notification]:
    from .tasks import send_notification_email

    notifications = [
        Notification.objects.create(
            recipient=recipient, event=event, recording=recording, actor=actor
        )
        for recipient in {r for r in recipients if r is not None and r != actor}
    ]
    for notification in notifications:
        if EmailPreference.wants_email(notification.recipient):
            transaction.on_commit(lambda pk=notification.pk: send_notification_email.enqueue(pk))
    return notifications
