"""`manage.py load_training`: create or update the training modules from training/content/."""

from pathlib import Path

from django.core.management.base import CommandError

from core.loaders import LoaderCommand
from training.loader import CONTENT_DIR, ContentError, load_training


class Command(LoaderCommand):
    help = (
        "Load the training modules in training/content/*.yaml; re-running updates in place. "
        "Pages an editor has changed are kept unless --force is given."
    )
    noun = "Training pages"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--content-dir",
            type=Path,
            default=CONTENT_DIR,
            help="Folder of module files (default: training/content/).",
        )

    def load(self, force, content_dir=CONTENT_DIR, **options):
        try:
            return load_training(content_dir, force=force)
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
