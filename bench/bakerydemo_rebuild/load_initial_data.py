"""bakerydemo/base/management/commands/load_initial_data.py for the rebuilt bakerydemo (our own
writing: upstream's command copies the repository's image files, which the stored files hold
only as binaries this rebuild could not read). Copy it into the rebuilt copy.

Writes a solid-colour JPEG of the width and height each image record of the fixture states,
under the name the record expects, so Wagtail makes real renditions from them; then loads the
fixture and removes the page and site Wagtail makes on install, as upstream's command does."""

import json
import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from PIL import Image as PILImage
from wagtail.models import Page, Site

FIXTURE = os.path.join(settings.PROJECT_DIR, "base", "fixtures", "bakerydemo.json")


class Command(BaseCommand):
    def handle(self, **options):
        with open(FIXTURE) as fixture:
            records = json.load(fixture)
        for record in records:
            if record["model"] != "wagtailimages.image":
                continue
            fields = record["fields"]
            path = os.path.join(settings.MEDIA_ROOT, fields["file"])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if not os.path.exists(path):
                colour = (record["pk"] * 37 % 256, record["pk"] * 91 % 256, 120)
                image = PILImage.new("RGB", (fields["width"], fields["height"]), colour)
                image.save(path, format="JPEG", quality=85)
        call_command("loaddata", FIXTURE, verbosity=0)
        Site.objects.exclude(pk=2).delete()
        Page.objects.filter(title="Welcome to your new Wagtail site!").delete()
        Page.fix_tree(fix_paths=True)
        call_command("update_index", verbosity=0)
