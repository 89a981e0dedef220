"""Test settings for real worker processes started by tests: the database task backend, and the
database and recordings under OEP_VAR_DIR so every process of one test shares them."""

from .test import *  # noqa: F403
from .test import STORAGES, VAR_DIR

RECORDINGS_ROOT = VAR_DIR / "private" / "recordings"
STORAGES = {
    **STORAGES,
    "recordings": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": RECORDINGS_ROOT, "base_url": None},
    },
}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "recordings"],
    }
}
