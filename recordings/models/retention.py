"""How long audio and transcripts are kept: a site setting administrators edit in the Wagtail
admin (Settings > Retention); recordings.retention applies it."""

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="time")
class RetentionSettings(BaseSiteSetting):
    audio_days_after_feedback = models.PositiveIntegerField(
        "audio: days after the feedback is shared",
        default=30,
        validators=[MinValueValidator(1)],
        help_text="The audio is deleted this many days after the feedback on it was last shared.",
    )
    audio_days_if_never_reviewed = models.PositiveIntegerField(
        "audio: days after upload if feedback is never shared",
        default=90,
        validators=[MinValueValidator(1)],
        help_text="The audio of a recording whose feedback was never shared is deleted this "
        "many days after it was uploaded.",
    )
    transcript_days = models.PositiveIntegerField(
        "transcript: days after the feedback is shared (or after upload, if never shared)",
        default=180,
        validators=[MinValueValidator(1)],
        help_text="The transcript lines, Whisper's segments and words, and the quotes in the "
        "scores are deleted this many days after the feedback was last shared, or after "
        "upload if it never was. Feedback, ratings and scores are kept.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("audio_days_after_feedback"), FieldPanel("audio_days_if_never_reviewed")],
            heading="Audio",
        ),
        FieldPanel("transcript_days"),
    ]

    class Meta:
        verbose_name = "retention"
