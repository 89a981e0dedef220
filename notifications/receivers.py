"""Who hears of what: the owner's team managers of a recording ready to review, the owner of
shared feedback, and the other side of a response or a reply."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import published

from recordings.models import Recording
from recordings.signals import recording_ready
from reviews.commenting import other_side
from reviews.models import Reply, Response, Review

from .delivery import notify
from .models import Event


@receiver(recording_ready, sender=Recording)
def tell_managers_a_recording_is_ready(sender, recording, **kwargs):
    owner = recording.owner
    managers = list(owner.team.managers.all()) if owner.team_id else []
    notify(managers, Event.RECORDING_READY, recording, actor=owner)


@receiver(published, sender=Review)
def tell_the_owner_feedback_is_shared(sender, instance, revision=None, **kwargs):
    actor = revision.user if revision is not None else instance.reviewer
    notify([instance.recording.owner], Event.FEEDBACK_SHARED, instance.recording, actor=actor)


@receiver(post_save, sender=Response)
def tell_the_other_side_of_a_response(sender, instance, created, **kwargs):
    if not created:
        return
    review = instance.review
    owner = review.recording.owner
    recipient = review.reviewer if instance.author_id == owner.pk else owner
    notify([recipient], Event.RESPONSE, review.recording, actor=instance.author)


@receiver(post_save, sender=Reply)
def tell_the_other_side_of_a_reply(sender, instance, created, **kwargs):
    if not created:
        return
    review = instance.review
    notify(other_side(instance), Event.REPLY, review.recording, actor=instance.author)
