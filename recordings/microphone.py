"""What a page that records from the microphone needs from the browser's policies: the
Permissions-Policy allows the microphone for this site's own pages (it is off everywhere else),
and the Content-Security-Policy lets the page play the take back from a blob: URL before it is
sent."""

from csp.decorators import csp_update

from core.middleware import permissions_policy


def records_in_the_browser(view):
    """Decorates a view whose page records audio with static/js/recorder.js."""
    view = csp_update({"media-src": ["blob:"]})(view)
    return permissions_policy(microphone=["self"])(view)
