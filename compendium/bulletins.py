"""Create or update the research bulletin index and the seeded bulletins."""

from django.db import transaction
from wagtail.models import Page
from wagtail.search import index as search_index

from core.loaders import LoadReport, keep_editors_changes
from home.models import HomePage

from .bulletin_seeds import SEEDS, markdown_blocks
from .editorial import ensure_editorial_setup
from .importer import ensure_themes, fields_hash
from .models import BulletinIndexPage, BulletinPage, CompendiumIndexPage, EvidencePage, Theme
from .themes import propose_themes

INDEX_TITLE = "Research bulletins"
INDEX_SLUG = "bulletins"
INDEX_INTRODUCTION = (
    "<p>Short research bulletins from the Offender Engagement Programme and its partners, "
    "each with its source and licence.</p>"
)


def get_or_create_bulletin_index() -> BulletinIndexPage:
    bulletin_index = BulletinIndexPage.objects.first()
    if bulletin_index is None:
        home = HomePage.objects.first() or Page.get_first_root_node()
        bulletin_index = BulletinIndexPage(
            title=INDEX_TITLE, slug=INDEX_SLUG, introduction=INDEX_INTRODUCTION, live=False
        )
        home.add_child(instance=bulletin_index)
        bulletin_index.save_revision().publish()
    return bulletin_index


@transaction.atomic
def seed_bulletins(force: bool = False) -> LoadReport:
    ensure_themes()
    bulletin_index = get_or_create_bulletin_index()
    ensure_editorial_setup(bulletin_index, *CompendiumIndexPage.objects.all())
    report = LoadReport()
    for number, seed in enumerate(SEEDS, start=1):
        page = BulletinPage.objects.filter(slug=seed.slug).first()
        if page is None:
            page = BulletinPage(slug=seed.slug, live=False)
            _apply(page, seed)
            bulletin_index.add_child(instance=page)
            report.created.append(number)
        elif keep_editors_changes(page, force):
            report.kept_edits.append(number)
            continue
        elif page.import_hash == _digest(seed) and page.live and not force:
            report.unchanged.append(number)
            continue
        else:
            _apply(page, seed)
            report.updated.append(number)
        page.save_revision().publish()
        search_index.insert_or_update_object(page)
    return report


def _digest(seed) -> str:
    return fields_hash({"seed": repr(seed), "text": seed.body_text()})


def _apply(page: BulletinPage, seed) -> None:
    body_text = seed.body_text()
    page.title = seed.title
    page.authors = seed.authors
    page.date = seed.date
    page.summary = seed.summary
    page.source = seed.source
    page.licence = seed.licence
    page.body = markdown_blocks(body_text)
    page.themes.set(Theme.objects.filter(name__in=propose_themes(seed.title, body_text)))
    page.related_entries.set(EvidencePage.objects.filter(number__in=seed.related_entries))
    page.import_hash = _digest(seed)
