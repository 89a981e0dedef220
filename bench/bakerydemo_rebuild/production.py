"""bakerydemo/settings/production.py for the rebuilt bakerydemo the page-load bench compares with
(our own writing, not bakerydemo's: copy it into the rebuilt copy's bakerydemo/settings/).

It reads what bench/reference_site.py sets, none of which upstream bakerydemo reads this way:
BAKERYDEMO_DB (the SQLite file, one per bench data folder), DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS separated by ";". DEBUG off, ManifestStaticFilesStorage (from base.py's
STORAGES) and no CACHES setting: Django's default local-memory cache, which bakerydemo's pages do
not use once the blog index's {% wagtailcache %} fragment is removed (README.md here)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", SECRET_KEY)  # noqa: F405
ALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "127.0.0.1;localhost").split(";")
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("BAKERYDEMO_DB", os.path.join(BASE_DIR, "bakerydemodb")),  # noqa: F405
    }
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
