"""Import the shipped OEP compendium into Wagtail pages. Safe to run again."""

from pathlib import Path

from compendium.importer import import_compendium
from core.loaders import LoaderCommand


class Command(LoaderCommand):
    help = (
        "Create or update the compendium index and its 56 evidence pages from the shipped text. "
        "Pages an editor has changed since the last import are kept unless --force is given."
    )
    noun = "Compendium"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--file", type=Path, help="Another copy of the compendium text.")

    def load(self, force, file=None, **options):
        text = file.read_text(encoding="utf-8") if file else None
        return import_compendium(text, force=force)
