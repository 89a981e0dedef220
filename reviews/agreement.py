"""What the machine proposed for a checklist item, and whether a manager's rating agrees.

The machine proposes a rating only for verdict items it found evidence of: satisfactory for an
item that shows good practice, needs improvement for one that counts against. Prompt and manual
items are for human judgement and never count as confirmed or overridden.
"""

from .enums import Agreement, Rating


def machine_proposal(item: dict) -> str:
    """The rating the machine proposes for one score-card item, or "" for none."""
    if item.get("mode") != "verdict" or not item.get("present"):
        return ""
    return Rating.NEEDS_IMPROVEMENT if item.get("counts_against") else Rating.SATISFACTORY


def agreement(item: dict, rating: str) -> str:
    """Confirmed, overridden, missed (the manager found what the machine did not) or ""."""
    if not rating or item.get("mode") != "verdict":
        return ""
    proposal = machine_proposal(item)
    if proposal:
        return Agreement.CONFIRMED if rating == proposal else Agreement.OVERRIDDEN
    would_propose = Rating.NEEDS_IMPROVEMENT if item.get("counts_against") else Rating.SATISFACTORY
    return Agreement.MISSED if rating == would_propose else ""
