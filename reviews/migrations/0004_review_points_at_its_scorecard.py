"""A shared review points at the score card it was shared with, instead of a copy of its JSON.

Each review's copied scores and speaker roles become a score card of their own (cards are never
changed, so this is the card the practitioner was shown)."""

import django.db.models.deletion
from django.db import migrations, models


def cards_from_copies(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    ScoreCard = apps.get_model("recordings", "ScoreCard")
    for review in Review.objects.exclude(shared_scores={}).exclude(checklist_version=None):
        result = review.shared_scores.get("result")
        if not result:
            continue
        review.scorecard = ScoreCard.objects.create(
            recording_id=review.recording_id,
            checklist_version_id=review.checklist_version_id,
            scorer_version=result.get("scorer_version", ""),
            result=result,
            roles=review.shared_scores.get("roles", {}),
        )
        review.save(update_fields=["scorecard"])


def copies_from_cards(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    for review in Review.objects.exclude(scorecard=None).select_related("scorecard"):
        review.shared_scores = {"result": review.scorecard.result, "roles": review.scorecard.roles}
        review.save(update_fields=["shared_scores"])


class Migration(migrations.Migration):

    dependencies = [
        ("recordings", "0007_scorecards_are_kept"),
        ("reviews", "0003_checklist_moves_to_its_own_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="scorecard",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The score card this version was shared with: its scores and speaker roles.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reviews",
                to="recordings.scorecard",
            ),
        ),
        migrations.RunPython(cards_from_copies, copies_from_cards),
        migrations.RemoveField(model_name="review", name="shared_scores"),
    ]
