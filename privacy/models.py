"""The access log (who saw or heard which recording, when) and the privacy settings an
administrator changes without a deployment."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from recordings.signals import AccessKind


class AccessRecord(models.Model):
    """One access to a recording (or, for a subject-access export, to all of one person's data).

    Names are never copied in: erasing the person who looked leaves "a deleted user" here
    (SET_NULL); erasing the person the data is about, or the recording, removes the records
    about them (CASCADE), so no trace of them stays in the log."""

    accessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="accesses_made",
        help_text="Who looked or listened.",
    )
    accessor_role = models.CharField(
        max_length=40, blank=True, help_text="In what capacity: owner, manager, administrator."
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="accesses_about",
        help_text="The person whose data it is: the recording's owner.",
    )
    recording = models.ForeignKey(
        "recordings.Recording",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_records",
    )
    kind = models.CharField(max_length=40, choices=AccessKind.choices)
    accessed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        indexes = [models.Index(fields=["recording", "accessed_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} at {self.accessed_at:%d %b %Y %H:%M}"

    @property
    def accessor_label(self):
        return str(self.accessor) if self.accessor_id else "A deleted user"


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    access_log_days = models.PositiveIntegerField(
        "keep access records for (days)",
        default=365,
        help_text="Records of who saw or heard a recording are deleted after this many days.",
    )

    panels = [FieldPanel("access_log_days")]

    class Meta:
        verbose_name = "privacy settings"
