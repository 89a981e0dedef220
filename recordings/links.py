"""Links other apps add to recordings, without the recordings app knowing those apps.

An app registers a Wagtail hook `recording_links`: a function taking (user, recordings) and
returning {recording id: [(label, url), ...]}. The recordings list and a recording's page show
them (the reviews app adds "Review this recording" and "Read the feedback")."""

from collections import defaultdict

from wagtail import hooks

HOOK = "recording_links"


def links_for(user, recordings) -> dict[int, list[tuple[str, str]]]:
    recordings = list(recordings)
    links = defaultdict(list)
    for hook in hooks.get_hooks(HOOK):
        for recording_id, extra in hook(user, recordings).items():
            links[recording_id].extend(extra)
    return links
