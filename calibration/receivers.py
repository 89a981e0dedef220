"""Calibration copies go with the transcript they were made from: erasing a recording's
transcript (retention, the client's consent withdrawn) deletes its exercises and ratings."""

from django.dispatch import receiver

from recordings.signals import transcript_erased

from .models import CalibrationExercise


@receiver(transcript_erased)
def delete_calibration_copies(sender, recording, **kwargs):
    CalibrationExercise.objects.filter(recording=recording).delete()
