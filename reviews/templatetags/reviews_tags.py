"""Template helpers for review pages: player-style times and dictionary look-ups."""

from django import template

register = template.Library()


@register.filter
def timestamp(seconds):
    """Seconds as a player shows them: 4:07, or 1:05:09 past the hour."""
    if seconds in (None, ""):
        return ""
    seconds = int(float(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def percent(value):
    return "" if value is None else f"{value:.0%}"
