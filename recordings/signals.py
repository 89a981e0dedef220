"""Signals recordings sends for apps above it (notifications, the access log), so that it
needs to import none of them."""

from django.dispatch import Signal

# Sent once a recording has been transcribed and scored: sender=Recording, recording=...
recording_ready = Signal()

# Sent when a recording's transcript is erased (retention, consent withdrawn): sender=Recording,
# recording=...; apps holding copies made from the transcript delete them.
transcript_erased = Signal()
