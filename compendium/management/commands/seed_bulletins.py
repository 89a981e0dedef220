"""Seed the first research bulletins and the editorial workflow. Safe to run again."""

from django.core.management.base import BaseCommand

from compendium.bulletins import seed_bulletins


class Command(BaseCommand):
    help = (
        "Create or update the bulletin index, the four seeded bulletins, OEP editors' page "
        "permissions and the moderation workflow. Editors' changes are kept unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Overwrite editors' changes as well."
        )

    def handle(self, *args, force=False, **options):
        report = seed_bulletins(force=force)
        self.stdout.write(
            f"Bulletins: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.kept_edits)} kept as editors "
            "left them."
        )
