"""Times in a recording, written one way everywhere: as a player shows them."""


def timecode(seconds) -> str:
    """4:07, or 1:05:09 past the hour; empty for no time."""
    if seconds in (None, ""):
        return ""
    whole = int(float(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
