"""`manage.py load_training`: create or update the training modules from training/content/."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.loader import CONTENT_DIR, ContentError, load_training


class Command(BaseCommand):
    help = (
        "Load the training modules in training/content/*.yaml; re-running updates in place. "
        "Pages an editor has changed are kept unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=CONTENT_DIR,
            help="Folder of module files (default: training/content/).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Overwrite editors' changes as well."
        )

    def handle(self, *args, content_dir, force=False, **options):
        try:
            report = load_training(content_dir, force=force)
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Training pages: {report.summary()}."))
