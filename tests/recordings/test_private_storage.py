"""Recordings never share a public place with media: production refuses to start with them in
the media bucket, and a system check fails when their folder is inside MEDIA_ROOT."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks

BASE_DIR = Path(__file__).resolve().parents[2]


def start_production(**environ):
    """Loads the production settings in a fresh process, as a server starting would."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"AWS_STORAGE_BUCKET_NAME", "RECORDINGS_BUCKET_NAME", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="oep.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="seeds.example.org",
        **environ,
    )
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.STORAGES['recordings']['OPTIONS']['bucket_name'])",
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("recordings_bucket", [None, "seeds-media"])
def test_production_refuses_to_put_recordings_in_the_media_bucket(recordings_bucket):
    environ = {"AWS_STORAGE_BUCKET_NAME": "seeds-media"}
    if recordings_bucket:
        environ["RECORDINGS_BUCKET_NAME"] = recordings_bucket
    started = start_production(**environ)
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    assert "Set RECORDINGS_BUCKET_NAME to a private bucket of its own" in started.stderr


def test_production_keeps_recordings_in_their_own_bucket():
    started = start_production(
        AWS_STORAGE_BUCKET_NAME="seeds-media", RECORDINGS_BUCKET_NAME="seeds-recordings"
    )
    assert started.returncode == 0, started.stderr[-2000:]
    assert started.stdout.strip() == "seeds-recordings"


def storage_errors():
    return [message for message in run_checks() if message.id == "recordings.E001"]


def test_the_system_check_fails_when_recordings_are_inside_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "recordings": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media" / "recordings", "base_url": None},
        },
    }
    [error] = storage_errors()
    assert "inside MEDIA_ROOT" in error.msg
    assert "RECORDINGS_ROOT" in error.hint


def test_the_system_check_passes_when_recordings_are_outside_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "recordings": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private" / "recordings", "base_url": None},
        },
    }
    assert storage_errors() == []


@pytest.mark.django_db
def test_a_stored_recording_and_its_folder_are_readable_by_the_site_user_only(people):
    from tests.recordings.conftest import make_recording

    recording = make_recording(people["practitioner"])
    path = Path(recording.audio.path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
