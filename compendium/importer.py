"""Adapt the parsed compendium into Wagtail pages: the index, its foreword and the entries.

Re-running updates pages in place. The importer saves its revisions without a user, so a page
whose latest revision has one was changed by an editor afterwards: those pages are left alone
unless `force` is given. `import_hash` records what the importer last wrote, so an unchanged
entry gets no new revision.
"""

import hashlib
import json

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search import index as search_index

from core.loaders import LoadReport, keep_editors_changes
from home.models import HomePage

from .editorial import ensure_editorial_setup
from .models import CompendiumIndexPage, EvidencePage, Theme
from .parsing import Block, Compendium, Entry, parse_compendium
from .source import SOURCE_STATEMENT, compendium_text
from .themes import THEMES, propose_themes

INDEX_TITLE = "Evidence compendium"
INDEX_SLUG = "compendium"
INDEX_INTRODUCTION = (
    "<p>The NOMS Offender Engagement Programme's compendium of research and fieldwork on "
    "the one-to-one relationship between practitioner and offender: 56 entries, with the "
    "themes they touch on.</p>"
)
SUMMARY_CHARS = 400


def ensure_themes(theme_model=Theme):
    """Create the controlled vocabulary's themes that are missing; never rename or remove."""
    for name, (description, _patterns) in THEMES.items():
        theme_model.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "description": description}
        )


def paragraph_html(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def block_data(block: Block) -> dict:
    """A parsed block as StreamField data."""
    if block.kind == "paragraph":
        return {"type": "paragraph", "value": paragraph_html(block.text)}
    if block.kind in ("bullet_list", "numbered_list"):
        return {"type": block.kind, "value": list(block.items)}
    if block.kind == "quotation":
        return {
            "type": "quotation",
            "value": {"quote": block.text, "attribution": block.attribution},
        }
    if block.kind == "implications":
        return {
            "type": "implications",
            "value": {
                "heading": block.text,
                "content": [block_data(child) for child in block.children],
            },
        }
    return {"type": "heading", "value": block.text}


def blocks_html(blocks: list[Block]) -> str:
    parts = []
    for block in blocks:
        if block.kind in ("bullet_list", "numbered_list"):
            tag = "ul" if block.kind == "bullet_list" else "ol"
            items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
            parts.append(f"<{tag}>{items}</{tag}>")
        else:
            parts.append(paragraph_html(block.plain_text()))
    return "".join(parts)


def entry_fields(entry: Entry) -> dict:
    first_paragraph = next((block.text for block in entry.blocks if block.kind == "paragraph"), "")
    summary = first_paragraph
    if len(summary) > SUMMARY_CHARS:
        summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return {
        "title": entry.title,
        "kind": entry.kind,
        "authors": entry.authors,
        "contributor": entry.contributor,
        "summary": summary,
        "body": [block_data(block) for block in entry.blocks],
        "references": [{"type": "reference", "value": ref} for ref in entry.references],
        "themes": propose_themes(entry.title, entry.plain_text()),
    }


def fields_hash(fields: dict) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def get_or_create_index(compendium: Compendium) -> CompendiumIndexPage:
    index = CompendiumIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first() or Page.get_first_root_node()
        index = CompendiumIndexPage(
            title=INDEX_TITLE,
            slug=INDEX_SLUG,
            introduction=INDEX_INTRODUCTION,
            foreword=blocks_html(compendium.foreword),
            source_statement=SOURCE_STATEMENT,
            live=False,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    elif not index.foreword:
        index.foreword = blocks_html(compendium.foreword)
        index.source_statement = index.source_statement or SOURCE_STATEMENT
        index.save_revision().publish()
    return index


@transaction.atomic
def import_compendium(text: str | None = None, force: bool = False) -> LoadReport:
    compendium = parse_compendium(text if text is not None else compendium_text())
    ensure_themes()
    index = get_or_create_index(compendium)
    ensure_editorial_setup(index)
    themes = {theme.name: theme for theme in Theme.objects.all()}
    report = LoadReport()
    for entry in compendium.entries:
        fields = entry_fields(entry)
        digest = fields_hash(fields)
        page = EvidencePage.objects.filter(number=entry.number).first()
        if page is None:
            page = EvidencePage(number=entry.number, slug=_slug(entry), live=False)
            _apply(page, fields, themes, digest)
            index.add_child(instance=page)
            report.created.append(entry.number)
        elif keep_editors_changes(page, force):
            report.kept_edits.append(entry.number)
            continue
        elif page.import_hash == digest and page.live and not page.has_unpublished_changes:
            if not force:
                report.unchanged.append(entry.number)
                continue
            _apply(page, fields, themes, digest)
            report.updated.append(entry.number)
        else:
            page = page.specific
            _apply(page, fields, themes, digest)
            report.updated.append(entry.number)
        page.save_revision().publish()
        # The search index is normally updated by a background task; the import is often run
        # before any worker starts, so index the page now and search works at once.
        search_index.insert_or_update_object(page)
    return report


def _slug(entry: Entry) -> str:
    return f"{entry.number}-{slugify(entry.title)[:60]}".rstrip("-")


def _apply(page: EvidencePage, fields: dict, themes: dict, digest: str) -> None:
    for name in ("title", "kind", "authors", "contributor", "summary", "body", "references"):
        setattr(page, name, fields[name])
    page.themes.set([themes[name] for name in fields["themes"] if name in themes])
    page.import_hash = digest
