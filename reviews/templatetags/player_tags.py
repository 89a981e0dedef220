"""What the review and feedback pages' player (static/js/player.js) reads from the page: the
moments it can play, as JSON the strict Content-Security-Policy allows (a data- attribute or a
`<script type="application/json">`, never inline script)."""

import json

from django import template

register = template.Library()

# Longer than this (seconds), and with no waveform stored, the browser does not decode the
# audio to draw one: an hour's audio decoded is hundreds of megabytes. The timeline still shows
# the moments.
DECODE_IN_BROWSER_UP_TO = 600


# The speeds the player offers, slowest first; "<" and ">" step through them.
SPEEDS = ("0.75", "1", "1.25", "1.5", "2")


@register.simple_tag
def player_speeds():
    """(value, label) of each speed button."""
    return [(speed, f"{speed}×") for speed in SPEEDS]


@register.simple_tag
def player_data(recording, segments):
    """The player's facts about the recording: its length, its waveform (one channel of
    peaks) or else whether the browser may decode the audio to draw one, and where each
    transcript line starts and ends (so "play this moment" stops at the end of its line).
    `segments`: a list of lines, or a dict of them by index."""
    lines = segments.values() if isinstance(segments, dict) else segments
    duration = recording.duration
    peaks = recording.waveform_peaks
    return {
        "duration": duration,
        "peaks": [peaks] if peaks and duration else None,
        "decodeWaveform": not peaks and bool(duration) and duration <= DECODE_IN_BROWSER_UP_TO,
        "lines": {str(line.index): [line.start, line.end] for line in lines},
    }


@register.filter
def word_timings(words):
    """A line's words as compact JSON for a data- attribute: [[start, end, text], ...], so the
    player can mark the word being spoken."""
    return json.dumps(
        [
            [round(word["start"], 2), round(word["end"], 2), word["text"].strip()]
            for word in words or ()
        ],
        separators=(",", ":"),
    )
