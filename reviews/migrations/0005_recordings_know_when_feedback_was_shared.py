"""Recordings shared before retention existed learn when their feedback was last shared, so
their audio is kept for the period after feedback, counted from then."""

from django.db import migrations


def record_when_shared(apps, schema_editor):
    Review = apps.get_model("reviews", "Review")
    Recording = apps.get_model("recordings", "Recording")
    shared = Review.objects.filter(live=True).exclude(last_published_at=None)
    for recording_id, shared_at in shared.values_list("recording_id", "last_published_at"):
        Recording.objects.filter(pk=recording_id).update(feedback_shared_at=shared_at)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_review_points_at_its_scorecard"),
        ("recordings", "0009_retention_consent_versions_and_erasure"),
    ]

    operations = [migrations.RunPython(record_when_shared, migrations.RunPython.noop)]
