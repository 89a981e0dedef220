"""OEP editors maintain the one skills checklist: they change and publish it, never add one."""

from django.db import migrations


def revoke_add(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    editors = Group.objects.filter(name="OEP editor").first()
    if editors:
        editors.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="recordings", codename="add_skillschecklist"
            )
        )


def grant_add(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    editors = Group.objects.filter(name="OEP editor").first()
    if editors:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="recordings", codename="add_skillschecklist"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("recordings", "0004_queue_recovery_and_content_type")]

    operations = [migrations.RunPython(revoke_add, grant_add)]
