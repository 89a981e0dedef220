"""Reference Wagtail sites for side-by-side page-load figures.

Two references, both served by the same gunicorn settings as ours (sync workers, same count),
on SQLite with DEBUG off, ManifestStaticFilesStorage and no cache:

- **bakerydemo** (`--reference-dir DIR`): wagtail/bakerydemo, the site the performance issue
  compares with. It is not on PyPI, so it must already be rebuilt in DIR with its own
  virtualenv in DIR/.venv holding gunicorn (its python and gunicorn are used: a copy without
  gunicorn is refused rather than served by another server than ours); the bench migrates it,
  loads its fixture once with its own `load_initial_data` and loads its home, blog index, a
  blog post, breads index, a bread page, locations index and search. How to rebuild the copy is in
  bench/bakerydemo_rebuild/README.md.
- **the project template** (the default when no folder is given, as in CI): what
  `wagtail start` makes with this project's Wagtail and Python, its home page and search view.
  It does the least a Wagtail site does, so a ratio against it is the harder one to meet.
  It runs in this interpreter, so its gunicorn is found exactly as ours is.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from site_process import manage

TEMPLATE_PAGES = [
    ("reference home", "/"),
    ("reference search", "/search/?query=welcome"),
]
BAKERYDEMO_PAGES = [
    ("bakerydemo home", "/"),
    ("bakerydemo blog index", "/blog/"),
    ("bakerydemo blog post", "/blog/wild-yeast/"),
    ("bakerydemo breads index", "/breads/"),
    ("bakerydemo bread page", "/breads/anpan/"),
    ("bakerydemo locations index", "/locations/"),
    ("bakerydemo search", "/search/?q=bread"),
]
WSGI = "reference.wsgi"


@dataclass
class Reference:
    """How to set up, start and load one reference site."""

    name: str
    root: Path
    env: dict
    wsgi: str
    pages: list[tuple[str, str]]
    python: str = sys.executable
    # None: found as our own site's is (page_load.start_server), so both run on the same server.
    gunicorn: str | None = None


def _clean_env() -> dict:
    return {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}


def template_reference(folder: Path) -> Reference:
    """Wagtail's project template, made in `folder` (empty or missing), migrated and collected."""
    wagtail = Path(sys.executable).parent / "wagtail"
    if not (folder / "manage.py").exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(wagtail), "start", "reference", str(folder)], check=True)
        (folder / "reference" / "settings" / "local.py").write_text(
            f"SECRET_KEY = {secrets.token_hex(24)!r}\nALLOWED_HOSTS = ['127.0.0.1', 'localhost']\n"
        )
    env = _clean_env()
    env.update(DJANGO_SETTINGS_MODULE="reference.settings.production", PYTHONUNBUFFERED="1")
    manage(env, "migrate", "--noinput", "-v0", root=folder)
    manage(env, "collectstatic", "--noinput", "-v0", root=folder)
    return Reference("Wagtail project template", folder, env, WSGI, TEMPLATE_PAGES)


def bakerydemo_reference(folder: Path, var: Path) -> Reference:
    """The bakerydemo rebuilt in `folder`, with its database in `var` (loaded once)."""
    python = folder / ".venv" / "bin" / "python"
    if not (folder / "manage.py").exists() or not python.exists():
        raise SystemExit(
            f"{folder} has no bakerydemo with its virtualenv (manage.py and .venv/bin/python)."
        )
    gunicorn = folder / ".venv" / "bin" / "gunicorn"
    if not gunicorn.exists():
        # Served by runserver it would be compared with our gunicorn: unlike servers.
        raise SystemExit(
            f"{folder}/.venv has no gunicorn: install it there (pip install gunicorn)."
        )
    var.mkdir(parents=True, exist_ok=True)
    database = var / "bakerydemo.sqlite3"
    fresh = not database.exists()
    env = _clean_env()
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bench-" + secrets.token_hex(24),
        DJANGO_ALLOWED_HOSTS="127.0.0.1;localhost",
        BAKERYDEMO_DB=str(database),
        PYTHONUNBUFFERED="1",
    )
    for args in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        manage(env, *args, root=folder, python=str(python))
    if fresh:
        manage(env, "load_initial_data", root=folder, python=str(python))
    return Reference(
        "bakerydemo", folder, env, "bakerydemo.wsgi", BAKERYDEMO_PAGES, str(python), str(gunicorn)
    )


def reference_for(folder: Path | None, var: Path) -> Reference:
    """bakerydemo when a folder is given, else the project template (made under `var`)."""
    if folder is None:
        return template_reference(var / "reference")
    return bakerydemo_reference(Path(folder).resolve(), var / "bakerydemo")
