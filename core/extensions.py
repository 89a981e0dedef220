"""Panels and links one app adds to another app's pages without that app knowing it.

A page names a Wagtail hook; every function registered for the hook is called with what the
page shows (as keyword arguments) and returns HTML (a panel) or (label, url) pairs (links), or
nothing. So dependencies keep running one way: the app that adds imports the app that shows,
never the reverse (as `recordings.links` does for recordings).

The hooks pages name, and what they pass besides the request:
- `dashboard_panels` (the home page);
- `my_learning_panels` (a learner's record of learning: `learner`);
- `team_page_panels` (the managers' team page);
- `feedback_panels` (a recording's feedback: `recording`, `review`);
- `growth_point_links` (beside each lesson a feedback skill links to: `recording`, `review`,
  `skill`, `lesson`).
"""

from django.utils.html import format_html_join
from wagtail import hooks


def panels(hook_name, **context) -> str:
    """The HTML every function registered for `hook_name` returns, one after another."""
    parts = (hook(**context) for hook in hooks.get_hooks(hook_name))
    # Escaped unless the hook returned safe HTML (a rendered template).
    return format_html_join("", "{}", ((part,) for part in parts if part))


def links(hook_name, **context) -> list[tuple[str, str]]:
    """The (label, url) pairs every function registered for `hook_name` returns."""
    return [link for hook in hooks.get_hooks(hook_name) for link in (hook(**context) or ())]
