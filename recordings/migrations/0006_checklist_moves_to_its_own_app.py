"""The skills checklist now lives in the checklist app (state only: its tables are not touched)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("recordings", "0005_editors_do_not_add_checklists"),
        ("checklist", "0001_initial"),
        # The review's foreign key moves first, so nothing points at the models removed here.
        ("reviews", "0003_checklist_moves_to_its_own_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="scorecard",
                    name="checklist_version",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="scorecards",
                        to="checklist.checklistversion",
                    ),
                ),
                migrations.DeleteModel(name="SkillsChecklistItem"),
                migrations.DeleteModel(name="SkillsChecklist"),
                migrations.DeleteModel(name="ChecklistVersion"),
            ],
        ),
    ]
