"""A moment of the session as a person writes it ("1:05", "1:02:09", or seconds) and the
transcript line it falls in: how feedback points and comments are anchored without a list of
every line (the review page's buttons fill the same field from the player or a picked line)."""

import math

from django import forms
from django.core.exceptions import ValidationError

from core.timecodes import timecode


def parse_moment(value: str) -> float:
    """Seconds from "m:ss", "h:mm:ss" or plain seconds; ValueError if it is none of them."""
    parts = value.strip().split(":")
    if not 1 <= len(parts) <= 3 or any(part.strip() == "" for part in parts):
        raise ValueError(value)
    numbers = [float(part) for part in parts]
    if any(n < 0 or not math.isfinite(n) for n in numbers):
        raise ValueError(value)
    if len(parts) > 1 and any(n >= 60 for n in numbers[1:]):
        raise ValueError(value)
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds


def line_at(segments, seconds):
    """The line a moment falls in. A time code drops the fraction of a second, so a line
    starting at 3.48 s is the line of "0:03": the last line whose whole-second start is at or
    before the moment; the first line for a moment before any."""
    ordered = sorted(segments, key=lambda segment: segment.start)
    found = ordered[0] if ordered else None
    for segment in ordered:
        if int(segment.start) <= seconds:
            found = segment
    return found


def anchor(segments, seconds):
    """(line index, seconds) of a moment: in the line it falls in, never before that line."""
    segment = line_at(segments, seconds)
    if segment is None:
        return None, seconds
    return segment.index, max(seconds, segment.start)


class MomentField(forms.CharField):
    """A moment typed as the player shows it; cleans to seconds (a float) or None."""

    default_error_messages = {
        "invalid": "Enter the moment as minutes and seconds, like 1:05.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "The time beside the line in the transcript, like 1:05.")
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"class": "govuk-input--width-5", "maxlength": 12, "spellcheck": "false"}
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_moment(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, (int, float)):
            return timecode(value)
        return value
