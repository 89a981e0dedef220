"""Seed the first research bulletins and the editorial workflow. Safe to run again."""

from compendium.bulletins import seed_bulletins
from core.loaders import LoaderCommand


class Command(LoaderCommand):
    help = (
        "Create or update the bulletin index, the four seeded bulletins, OEP editors' page "
        "permissions and the moderation workflow. Editors' changes are kept unless --force."
    )
    noun = "Bulletins"

    def load(self, force, **options):
        return seed_bulletins(force=force)
