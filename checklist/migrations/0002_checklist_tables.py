"""The checklist's tables take the checklist app's names, now nothing points at the old state."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("checklist", "0001_initial"),
        ("recordings", "0006_checklist_moves_to_its_own_app"),
        ("reviews", "0003_checklist_moves_to_its_own_app"),
    ]

    operations = [
        migrations.AlterModelTable(name="checklistversion", table=None),
        migrations.AlterModelTable(name="skillschecklist", table=None),
        migrations.AlterModelTable(name="skillschecklistitem", table=None),
    ]
