"""What data migrations create, made again after a transactional test flushed it."""

import importlib

from django.apps import apps
from django.conf import settings

# Data migrations whose forward functions are safe to run again (they get_or_create).
DATA_MIGRATIONS = [
    ("accounts.migrations.0002_create_role_groups", "create_groups"),
    ("recordings.migrations.0003_editors_maintain_the_checklist", "grant"),
    ("recordings.migrations.0005_editors_do_not_add_checklists", "revoke_add"),
    (
        "recordings.migrations.0009_retention_consent_versions_and_erasure",
        "administrators_set_retention",
    ),
    ("recordings.migrations.0013_transcription_settings", "administrators_set_transcription"),
]


def restore_migration_data():
    """Recreate the role groups, their permissions, the root and home pages and the site."""
    from django.contrib.auth.models import Group
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    if not Group.objects.filter(name="OEP editor").exists():
        for module, function in DATA_MIGRATIONS:
            getattr(importlib.import_module(module), function)(apps, None)
        _grant_on_the_moved_checklist()
    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(
        instance=HomePage(title="SEEDS practice platform", slug="home", locale=locale)
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    importlib.import_module(
        "home.migrations.0004_privacy_notice_and_accessibility_statement"
    ).create_pages(apps, None)


def _grant_on_the_moved_checklist():
    """Replaying recordings 0003 with today's apps grants on a new `recordings.skillschecklist`
    content type, but the checklist has moved to its own app (checklist 0001 moves the content
    types): grant the same permissions on the checklist app's, and drop the stale type, which
    would otherwise stop the migration test from moving the content types."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from checklist.models import SkillsChecklist

    moved = ContentType.objects.get_for_model(SkillsChecklist)
    stale = ContentType.objects.filter(app_label="recordings", model="skillschecklist")
    for permission in Permission.objects.filter(content_type__in=stale):
        replacement, _ = Permission.objects.get_or_create(
            content_type=moved, codename=permission.codename, defaults={"name": permission.name}
        )
        for group in permission.group_set.all():
            group.permissions.add(replacement)
    stale.delete()
