"""The shipped copy of the compendium and the statement of its source and copyright."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
COMPENDIUM_FILE = DATA_DIR / "compendium-2010.txt"

SOURCE_STATEMENT = (
    "Source: NOMS Offender Engagement Programme, Compendium, 1st edition, December 2010. "
    "© Crown copyright 2010, National Offender Management Service (Ministry of Justice). "
    "Entries summarise published work whose copyright stays with its authors and publishers."
)


def compendium_text() -> str:
    return COMPENDIUM_FILE.read_text(encoding="utf-8")
