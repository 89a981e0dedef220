"""The review's checklist version now lives in the checklist app (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0002_review_keeps_the_shared_scores"),
        ("checklist", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="review",
                    name="checklist_version",
                    field=models.ForeignKey(
                        help_text="The checklist version of the score card the ratings were made against.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reviews",
                        to="checklist.checklistversion",
                    ),
                ),
            ],
        ),
    ]
