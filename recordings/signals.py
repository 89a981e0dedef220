"""Signals recordings sends for apps above it (notifications, the access log), so that it
needs to import none of them."""

from django.dispatch import Signal

# Sent once a recording has been transcribed and scored: sender=Recording, recording=...
recording_ready = Signal()
