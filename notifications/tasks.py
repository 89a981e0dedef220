"""The notification email, sent in the background so a slow mail server never holds a page."""

from django_tasks import task

from core.mail import send_site_email

from .models import Notification


@task()
def send_notification_email(notification_id: int) -> bool:
    notification = (
        Notification.objects.select_related("recipient", "recording__owner", "actor")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or notification.read_at is not None:
        # Gone (the recording was erased) or already seen in the app: nothing to say.
        return False
    send_site_email(
        notification.recipient,
        "notifications/email/notice",
        {"notification": notification},
        notification.target_url,
    )
    return True
