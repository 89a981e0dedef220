"""Published content's cache: anonymous pages and what pages derive from content (navigation,
routes, the checklist's titles), kept in the "pages" cache until any content changes.

Every key carries the current *generation*, a random token that `content_changed` replaces when
a page, snippet, setting, site, image or document is saved or deleted. Nothing is ever deleted
or looked up by pattern: entries of an old generation are simply never read again and expire.
A lost generation token (evicted, or a new cache) only makes a new one, so no entry can be read
after the content it was made from has changed.
"""

import functools
import hashlib
import logging
import uuid

from django.core.cache import caches
from django.db import transaction

CACHE_ALIAS = "pages"
GENERATION_KEY = "content-generation"

logger = logging.getLogger(__name__)


def page_cache():
    return caches[CACHE_ALIAS]


def generation() -> str:
    """The current content generation; made on first use."""
    cache = page_cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add(): two processes starting at once agree on one token.
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY) or token
    return token


def _new_generation():
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed():
    """Forget everything cached from content: now, and again once the change is committed.

    Now, so the process that made the change sees it at once even inside a transaction; after
    the commit, because a request served between the two could have read the old rows and
    cached them under the first new generation."""
    try:
        _new_generation()
    except Exception:
        # An unreachable cache must not stop an editor publishing; what it holds expires.
        logger.exception("Could not mark cached pages out of date.")
    transaction.on_commit(_new_generation, robust=True)


def key(name: str, *parts) -> str:
    """A key in the current generation; `parts` (a URL, ids) are hashed to keep it short."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"{name}:{generation()}:{digest}"


_MISSING = object()


def remember(name: str, compute, *parts):
    """`compute()`, kept until content changes. Values must pickle."""
    cache = page_cache()
    cache_key = key(name, *parts)
    value = cache.get(cache_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(cache_key, value)
    return value


# What counts as content: whatever a public page or a derived value may show. Apps add their
# own with `watch` (the checklist's versions); snippets are found when first needed.
_watched: list[type] = []


def watch(*models: type):
    """Treat saving or deleting an instance of these models as a change of content."""
    _watched.extend(models)
    _content_classes.cache_clear()


@functools.cache
def _content_classes() -> tuple[type, ...]:
    from taggit.models import TagBase
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    return (
        Page,
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        TagBase,
        AbstractImage,
        AbstractDocument,
        Redirect,
        *get_snippet_models(),
        *_watched,
    )


def _on_save_or_delete(sender, instance, **kwargs):
    if isinstance(instance, _content_classes()):
        content_changed()


def _on_signal(**kwargs):
    content_changed()


def connect_signals():
    """Called once when the app is ready (core.apps)."""
    from django.db.models.signals import post_delete, post_migrate, post_save
    from wagtail import signals as wagtail_signals

    post_save.connect(_on_save_or_delete, dispatch_uid="content_cache_save")
    post_delete.connect(_on_save_or_delete, dispatch_uid="content_cache_delete")
    # Publishing saves the page or snippet too; these also cover moves, whose descendants'
    # paths are updated without saving each one, and migrations' bulk updates.
    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.published,
        wagtail_signals.unpublished,
        wagtail_signals.post_page_move,
        post_migrate,
    ):
        signal.connect(_on_signal, dispatch_uid=f"content_cache_{id(signal)}")
