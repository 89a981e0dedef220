"""Local development: DEBUG on, console email, an insecure key that only works here."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
