from django.db import migrations

ROLES = ["Practitioner", "Treatment manager", "OEP editor", "Administrator"]
# Editors publish in the Wagtail admin; managers review recordings there.
ADMIN_ROLES = ["Treatment manager", "OEP editor", "Administrator"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if name in ADMIN_ROLES:
            group.permissions.add(access_admin)


def remove_groups(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
