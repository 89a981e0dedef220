"""A practitioner's enrolled voice: the voice print (numbers) the worker uses to tell them from
the client in their own recordings. The sample it was made from is never kept."""

from django.conf import settings
from django.db import models


class VoicePrint(models.Model):
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="voice_print"
    )
    embedding = models.JSONField(
        help_text="speech.speakers.voice_embedding of the sample: 38 numbers, no audio."
    )
    consent_statement = models.TextField(help_text="The statement the practitioner confirmed.")
    consent_version = models.CharField(max_length=20)
    sample_seconds = models.FloatField(help_text="How long the sample was (it is not kept).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "voice print"

    def __str__(self):
        # Audit entries and admin lists show this: an id, never the person's name.
        return f"Voice print of user {self.owner_id}"
