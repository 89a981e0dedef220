"""System checks for recordings: personal data must not be reachable as a public media file."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register("security")
def recordings_outside_media_root(app_configs=None, **kwargs):
    """Fails when recordings are stored in or under MEDIA_ROOT, which is served to anyone."""
    from django.core.files.storage import storages

    try:
        location = storages["recordings"].path("")
    except NotImplementedError:
        return []  # object storage: production settings insist on a bucket of its own
    if not settings.MEDIA_ROOT:
        return []
    recordings = Path(location).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    if recordings == media or media in recordings.parents:
        return [
            Error(
                f"Recordings are stored in {recordings}, inside MEDIA_ROOT ({media}), whose "
                "files are served to anyone with the link.",
                hint="Set RECORDINGS_ROOT (or STORAGES['recordings']) to a folder outside "
                "MEDIA_ROOT.",
                id="recordings.E001",
            )
        ]
    return []
