"""Production: everything that varies comes from the environment; refuses to start without a key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CACHES,
    DATABASES,
    INSTALLED_APPS,
    RECORDINGS_MAX_SECONDS,
    STORAGES,
    env_list,
)

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable to a long random string.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the comma-separated host names served.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3-compatible object storage (AWS, MinIO, Ceph...) when a bucket is named; local folders
# otherwise. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or an instance role).
# Recordings are private objects in their own bucket, RECORDINGS_BUCKET_NAME, which is required:
# a media bucket is often public (images, documents), and one wrong policy on it would publish
# every recording. They are only ever streamed through the views that check permissions.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
RECORDINGS_BUCKET_NAME = os.environ.get("RECORDINGS_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    if not RECORDINGS_BUCKET_NAME or RECORDINGS_BUCKET_NAME == AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured(
            "Set RECORDINGS_BUCKET_NAME to a private bucket of its own for recordings, not the "
            f"media bucket ({AWS_STORAGE_BUCKET_NAME!r}): media buckets are often public."
        )
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "location": "media",
            "file_overwrite": False,
        },
    }
    STORAGES["recordings"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": RECORDINGS_BUCKET_NAME,
            "location": "recordings",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
            "file_overwrite": False,
        },
    }

# PostgreSQL from DATABASE_URL. Wagtail's database search backend then uses PostgreSQL full-text
# search (tsvector columns with GIN indexes); django.contrib.postgres brings its lookups, and an
# explicit text search configuration gives English stemming whatever locale the cluster has.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.postgres"]
    # Persistent connections (DATABASE_CONN_MAX_AGE) are checked before reuse.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": os.environ.get("WAGTAILSEARCH_CONFIG", "english"),
        }
    }

# Redis from REDIS_URL: tasks go to RQ through django_tasks_rq, and `manage.py rqworker QUEUE...`
# runs them on as many machines as needed. Task code is unchanged; only TASKS differs.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    TASK_QUEUES = ["default", "recordings"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    # RQ kills a job that runs longer than its timeout. The longest recording allowed, on a
    # slow CPU worker, must fit: four times its length, and never under an hour.
    RQ_JOB_TIMEOUT = int(
        os.environ.get("RQ_JOB_TIMEOUT", max(3600, int(4 * RECORDINGS_MAX_SECONDS)))
    )
    RQ_QUEUES = {
        name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": RQ_JOB_TIMEOUT} for name in TASK_QUEUES
    }
    # Workers must run jobs with django_tasks_rq's Job class; setting it here means a plain
    # `manage.py rqworker recordings` does, without --job-class.
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq", "django_tasks_rq"]

# The caches on Redis when there is one: every web server and worker then shares the pages
# cache, so a change published anywhere shows everywhere at once. Without it, the pages cache is
# files under OEP_VAR_DIR, right for any number of processes on one machine.
CACHE_URL = os.environ.get("CACHE_URL") or REDIS_URL
if CACHE_URL:
    CACHES = {
        name: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": f"oep-{name}",
            "TIMEOUT": options.get("TIMEOUT", 300),
        }
        for name, options in CACHES.items()
    }

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
