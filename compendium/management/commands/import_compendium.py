"""Import the shipped OEP compendium into Wagtail pages. Safe to run again."""

from pathlib import Path

from django.core.management.base import BaseCommand

from compendium.importer import import_compendium


class Command(BaseCommand):
    help = (
        "Create or update the compendium index and its 56 evidence pages from the shipped text. "
        "Pages an editor has changed since the last import are kept unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Overwrite editors' changes as well."
        )
        parser.add_argument("--file", type=Path, help="Another copy of the compendium text.")

    def handle(self, *args, force=False, file=None, **options):
        text = file.read_text(encoding="utf-8") if file else None
        report = import_compendium(text, force=force)
        self.stdout.write(
            f"Compendium: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
        if report.kept_edits:
            numbers = ", ".join(str(n) for n in report.kept_edits)
            self.stdout.write(
                self.style.WARNING(
                    f"Kept editors' changes to entries {numbers}; use --force to overwrite."
                )
            )
