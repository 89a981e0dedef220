"""Production settings are imported in a subprocess: they read the environment at import time."""

import os
import subprocess
import sys

from django.conf import settings

PRINT_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, "
    "s.X_FRAME_OPTIONS, s.DEBUG)"
)


def run_with_production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="oep.settings.production")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_SETTINGS}"],
        cwd=settings.BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with_production_settings(ALLOWED_HOSTS="seeds.example.org")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with_production_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "Set ALLOWED_HOSTS" in result.stderr


def test_production_sets_secure_cookies_hsts_and_frame_options():
    result = run_with_production_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="seeds.example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "DENY", "False"]
