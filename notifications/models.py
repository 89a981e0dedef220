"""What a person is told about: a recording to review, feedback shared, a response, a reply.

A notification holds no text of the recording, transcript or feedback: only which event, on
which recording, by whom. The words shown and emailed are written here from the event, so
nothing personal is copied into a second table or an email."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from recordings.models import Recording


class Event(models.TextChoices):
    RECORDING_READY = "recording_ready", "A recording is ready to review"
    FEEDBACK_SHARED = "feedback_shared", "Feedback has been shared with you"
    RESPONSE = "response", "A response to feedback"
    REPLY = "reply", "A reply in a feedback conversation"


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    event = models.CharField(max_length=40, choices=Event.choices)
    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="+")
    # Who caused it; kept as a link, so erasing that person leaves no name behind.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.get_event_display()

    @property
    def summary(self) -> str:
        """One line naming the event and the session by its date, never by its content."""
        session = f"{self.recording.session_date:%-d %B %Y}"
        by = f" by {self.actor}" if self.actor else ""
        if self.event == Event.RECORDING_READY:
            return f"{self.recording.owner}'s session of {session} is ready to review"
        if self.event == Event.FEEDBACK_SHARED:
            return f"Feedback on the session of {session} was shared{by}"
        if self.event == Event.REPLY:
            return f"A reply about the feedback on the session of {session}{by}"
        return f"A response to the feedback on the session of {session}{by}"

    @property
    def target_url(self) -> str:
        if self.event == Event.RECORDING_READY:
            return reverse("reviews:review", args=[self.recording_id])
        if self.event == Event.REPLY:
            # The practitioner reads the thread on the feedback; a manager on the review page.
            if self.recipient_id == self.recording.owner_id:
                return reverse("reviews:feedback", args=[self.recording_id]) + "#conversation"
            return reverse("reviews:review", args=[self.recording_id]) + "#conversation"
        return reverse("reviews:feedback", args=[self.recording_id])


class EmailPreference(models.Model):
    """Whether a person gets emails as well as the in-app notifications (on unless turned off)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    send_email = models.BooleanField(
        default=True,
        verbose_name="Email me as well",
        help_text="Emails say what happened and link here; they never carry transcript or "
        "feedback text.",
    )

    def __str__(self):
        return f"Email preference of {self.user}"

    @classmethod
    def wants_email(cls, user) -> bool:
        preference = cls.objects.filter(user=user).first()
        return bool(user.email) and (preference is None or preference.send_email)
