"""A reference Wagtail site for side-by-side page-load figures: Wagtail's own project template.

The performance issue first compared against wagtail/bakerydemo, which cannot be installed from
the package registries this machine may reach (PyPI, npm, Debian), so the side-by-side runs
against what `wagtail start` makes with the same installed Wagtail and Python: its home page and
its search view, SQLite, DEBUG off, ManifestStaticFilesStorage, no cache, served by the same
gunicorn with the same workers. It does the least a Wagtail site does (bakerydemo's pages do
more: images, menus, StreamFields), so a ratio against it is the harder one to meet.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from site_process import manage

PAGES = [
    ("reference home", "/"),
    ("reference search", "/search/?query=welcome"),
]
WSGI = "reference.wsgi"


def make(folder: Path) -> dict:
    """Creates the reference site in `folder` (empty or missing) and returns its environment."""
    wagtail = Path(sys.executable).parent / "wagtail"
    if not (folder / "manage.py").exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(wagtail), "start", "reference", str(folder)], check=True)
        (folder / "reference" / "settings" / "local.py").write_text(
            f"SECRET_KEY = {secrets.token_hex(24)!r}\nALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
        )
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="reference.settings.production", PYTHONUNBUFFERED="1")
    manage(env, "migrate", "--noinput", "-v0", root=folder)
    manage(env, "collectstatic", "--noinput", "-v0", root=folder)
    return env
