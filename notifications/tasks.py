"""The notification email, sent in the background so a slow mail server never holds a page."""

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

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
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + notification.target_url
    body = (
        f"{notification.summary}.\n\n"
        f"Open it on the SEEDS practice platform (you will be asked to sign in):\n{link}\n\n"
        "This email carries no transcript or feedback text. You can turn these emails off "
        "under Notifications on the site."
    )
    send_mail(
        subject=f"SEEDS: {notification.get_event_display()}",
        message=body,
        from_email=None,
        recipient_list=[notification.recipient.email],
    )
    return True
