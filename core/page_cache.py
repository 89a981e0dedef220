"""Anonymous visitors' pages, served from the "pages" cache until content changes.

Only a page every visitor would see alike is kept: a GET from someone with no session and no
pending message, answered 200 with no cookie set, no CSRF token used, nothing marking it
private and no variation on request headers other than cookies. Signed-in people always have a
session cookie, so their requests never reach the cache, in either direction. Keys carry the
content generation (core/content_cache.py), so a published change shows at once.
"""

import logging

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from . import content_cache

logger = logging.getLogger(__name__)

STATUS_HEADER = "X-Page-Cache"
# Cookies that make a visitor's page their own: a session (signed in, a form's state, a page
# password passed) or a message waiting to be shown.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")


def request_key(request) -> str | None:
    """The cache key of an anonymous GET, or None when the request must not use the cache."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return None
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return None
    try:
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    except DisallowedHost:
        return None
    return content_cache.key("page", address)


def is_cacheable(request, response) -> bool:
    """A response anyone may be given: public, cookie-free and the same whatever was asked."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
        return False
    varies = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if varies - {"cookie"}:
        return False
    # A nonce is for one response only.
    return "nonce-" not in response.get("Content-Security-Policy", "")


def _frozen(response) -> dict:
    return {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.headers.items() if k != STATUS_HEADER],
        "content": response.content,
    }


def _thawed(stored: dict) -> HttpResponse:
    response = HttpResponse(stored["content"], status=stored["status"])
    for header, value in stored["headers"]:
        response[header] = value
    return response


class AnonymousPageCacheMiddleware:
    """Placed before the session middleware: a hit costs no database query at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cache = content_cache.page_cache()
        try:
            # The generation is read before the page is made: a change while it is being made
            # leaves it under the old generation, never read again.
            key = request_key(request)
            stored = cache.get(key) if key else None
        except Exception:
            logger.exception("Page cache unavailable; serving without it.")
            key = stored = None
        if stored is not None:
            response = _thawed(stored)
            response[STATUS_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if key and is_cacheable(request, response):
            try:
                cache.set(key, _frozen(response))
                response[STATUS_HEADER] = "miss"
            except Exception:
                logger.exception("Could not keep a page in the page cache.")
        return response
