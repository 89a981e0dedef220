"""The site's emails: one way to write, link and send them.

Every email the site sends (notifications, assignment reminders) is a subject and a plain-text body
rendered from templates, names the person, links to the page on the site and ends with the same
footer. Emails never carry transcript or feedback text: the recipient signs in to read it, so a
forwarded or misdirected email discloses nothing about a session. Callers decide *whether* to send
(preferences, reminder windows); this module decides *how*.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def site_link(path: str) -> str:
    """An absolute link to a page of the site, for an email read outside the browser."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_site_email(recipient, template: str, context: dict, path: str) -> None:
    """Sends `template`_subject.txt and `template`.txt to `recipient` (a user), with a link to
    `path`. Raises what the mail backend raises: the caller chooses to retry or give up."""
    context = {
        **context,
        "recipient": recipient,
        "name": recipient.first_name or recipient.get_username(),
        "url": site_link(path),
    }
    send_mail(
        subject=render_to_string(f"{template}_subject.txt", context).strip(),
        message=render_to_string(f"{template}.txt", context),
        from_email=None,
        recipient_list=[recipient.email],
    )
