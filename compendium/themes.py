"""The compendium's controlled vocabulary of themes, and how an entry's text suggests them.

The themes, their descriptions and patterns are data (data/themes.yaml). Each theme's patterns
are matched against an entry's title and text; the importer proposes the themes that match often
enough, and editors correct them.
"""

import re

import yaml

from .source import DATA_DIR

# name -> (description, patterns), in the order editors see them.
THEMES: dict[str, tuple[str, list[str]]] = {
    name: (theme["description"], theme["patterns"])
    for name, theme in yaml.safe_load(
        (DATA_DIR / "themes.yaml").read_text(encoding="utf-8")
    ).items()
}

# How many matches it takes, in an entry's text, to propose a theme; a short entry (a summary
# of a few paragraphs) names its subject fewer times.
PROPOSAL_THRESHOLD = 3
SHORT_ENTRY_CHARS = 1500
SHORT_ENTRY_THRESHOLD = 2


def propose_themes(title: str, text: str) -> list[str]:
    """Theme names whose patterns the entry's title matches, or its text matches often enough."""
    threshold = SHORT_ENTRY_THRESHOLD if len(text) < SHORT_ENTRY_CHARS else PROPOSAL_THRESHOLD
    proposed = []
    for name, (_description, patterns) in THEMES.items():
        in_title = any(re.search(p, title, re.IGNORECASE) for p in patterns)
        hits = sum(len(re.findall(p, text, re.IGNORECASE)) for p in patterns)
        if in_title or hits >= threshold:
            proposed.append(name)
    return proposed
