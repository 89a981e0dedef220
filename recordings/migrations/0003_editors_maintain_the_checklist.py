from django.db import migrations

ACTIONS = ["add", "change", "publish", "view"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="recordings", model="skillschecklist"
    )
    editors, _ = Group.objects.get_or_create(name="OEP editor")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_skillschecklist",
            defaults={"name": f"Can {action} skills checklist"},
        )
        editors.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    editors = Group.objects.filter(name="OEP editor").first()
    if editors:
        editors.permissions.remove(
            *editors.permissions.filter(content_type__model="skillschecklist")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("recordings", "0002_checklist_and_scorecards"),
        ("accounts", "0002_create_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
