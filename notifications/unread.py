"""The unread count in the header, kept in the shared cache so that a page costs no query for
it (the web server and the worker are separate processes: the cache is the one they share).
Every change to a person's notifications forgets their count; a short timeout covers the rest."""

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Notification

CACHE_ALIAS = "pages"
TIMEOUT_SECONDS = 300


def _key(user_id) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user) -> int:
    cache = caches[CACHE_ALIAS]
    count = cache.get(_key(user.pk))
    if count is None:
        count = Notification.objects.for_user(user).unread().count()
        cache.set(_key(user.pk), count, timeout=TIMEOUT_SECONDS)
    return count


def forget(user_id) -> None:
    caches[CACHE_ALIAS].delete(_key(user_id))


@receiver(post_save, sender=Notification)
@receiver(post_delete, sender=Notification)
def _forget_on_change(sender, instance, **kwargs):
    forget(instance.recipient_id)
