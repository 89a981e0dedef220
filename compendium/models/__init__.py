"""The compendium's page types, its themes and the research bulletins."""

from .bulletins import BulletinDocument, BulletinIndexPage, BulletinPage, BulletinPageTheme
from .evidence import CompendiumIndexPage, EvidenceKind, EvidencePage
from .themes import EvidencePageTheme, Theme

__all__ = [
    "BulletinDocument",
    "BulletinIndexPage",
    "BulletinPage",
    "BulletinPageTheme",
    "CompendiumIndexPage",
    "EvidenceKind",
    "EvidencePage",
    "EvidencePageTheme",
    "Theme",
]
