"""What every content loader shares (the compendium import, the bulletin seeds, the training
modules): one policy for editors' edits and one report.

Loaders save their revisions without a user, so a page whose latest revision has a user was
changed by an editor after the last load: a loader leaves it alone unless `force` is given."""

from dataclasses import dataclass, field

from django.core.management.base import BaseCommand


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept_edits: list = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged"
        )
        if self.kept_edits:
            kept = ", ".join(str(item) for item in self.kept_edits)
            text += (
                f", {len(self.kept_edits)} kept as editors changed them ({kept}; "
                "--force overwrites)"
            )
        return text


def edited_by_someone(page) -> bool:
    """Whether a person has saved the page since a loader last did."""
    revision = page.latest_revision
    return revision is not None and revision.user_id is not None


def keep_editors_changes(page, force: bool) -> bool:
    """The one policy: an editor's change survives a re-load unless the load is forced."""
    return not force and edited_by_someone(page)


class LoaderCommand(BaseCommand):
    """A management command that runs one loader: `--force` and the report, said one way.

    Subclasses name what they load (`noun`) and implement `load(force, **options)` returning a
    LoadReport."""

    noun = "Pages"

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Overwrite editors' changes as well."
        )

    def load(self, force: bool, **options) -> LoadReport:
        raise NotImplementedError

    def handle(self, *args, force=False, **options):
        report = self.load(force=force, **options)
        self.stdout.write(self.style.SUCCESS(f"{self.noun}: {report.summary()}."))
