"""Load the shipped skills checklist into the database as its first published version."""

from django.core.management.base import BaseCommand

from checklist.models import load_shipped_checklist


class Command(BaseCommand):
    help = "Create the editable skills checklist from the shipped file, once; publish version 1."

    def handle(self, *args, **options):
        version = load_shipped_checklist()
        items = sum(len(skill["items"]) for skill in version.data["skills"])
        self.stdout.write(f"Skills checklist: current version {version}, {items} items.")
