"""Sessions end after a spell of inactivity (SESSION_IDLE_TIMEOUT) and, however active, a fixed
time after signing in (SESSION_ABSOLUTE_LIFETIME), on the site and in the Wagtail admin alike.

A small middleware rather than a package: the packages that do this either enforce only one of
the two limits or need a script in every page. After an expiry the request carries on signed
out, so a signed-in page sends the person to sign in again, where a message says why.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SIGNED_IN_AT = "privacy.signed_in_at"
LAST_SEEN = "privacy.last_seen"
# Stamping the session on every request would write it on every request; a minute's
# precision is plenty for limits counted in minutes and hours.
STAMP_EVERY_SECONDS = 60

IDLE_MESSAGE = "You were signed out because you had not used the site for {minutes} minutes."
LIFETIME_MESSAGE = "You were signed out because you signed in more than {hours} hours ago."


def _minutes(delta):
    return round(delta.total_seconds() / 60)


def _hours(delta):
    hours = delta.total_seconds() / 3600
    return int(hours) if hours == int(hours) else round(hours, 1)


def expiry_reason(session, now):
    """Why the session has expired at `now` (seconds since the epoch), or None."""
    last_seen = session.get(LAST_SEEN)
    signed_in_at = session.get(SIGNED_IN_AT)
    idle = settings.SESSION_IDLE_TIMEOUT
    lifetime = settings.SESSION_ABSOLUTE_LIFETIME
    if signed_in_at is not None and now - signed_in_at > lifetime.total_seconds():
        return LIFETIME_MESSAGE.format(hours=_hours(lifetime))
    if last_seen is not None and now - last_seen > idle.total_seconds():
        return IDLE_MESSAGE.format(minutes=_minutes(idle))
    return None


class SessionLifetimeMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request, time.time())
        return self.get_response(request)

    def _check(self, request, now):
        session = request.session
        reason = expiry_reason(session, now)
        if reason:
            logout(request)
            messages.info(request, reason)
            return
        # A session from before this middleware counts from now.
        session.setdefault(SIGNED_IN_AT, now)
        if now - session.get(LAST_SEEN, 0) >= STAMP_EVERY_SECONDS:
            session[LAST_SEEN] = now


@receiver(user_logged_in, dispatch_uid="privacy-session-start")
def start_the_clocks(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now
