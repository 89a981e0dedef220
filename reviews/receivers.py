"""Comments go with the transcript they quote: erasing a recording's transcript (retention, the
client's consent withdrawn) empties the words selected from it in the comments on the recording.
The manager's own text and the moment stay, as the rest of the feedback does."""

from django.dispatch import receiver

from recordings.signals import transcript_erased

from .models import Comment


@receiver(transcript_erased)
def erase_quotes_of_the_transcript(sender, recording, **kwargs):
    Comment.objects.filter(review__recording=recording).exclude(quote="").update(quote="")
