"""The compendium index and its numbered evidence entries."""

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index

from compendium.blocks import EvidenceBodyBlock, ReferenceListBlock
from compendium.highlight import highlight, mark
from compendium.source import SOURCE_STATEMENT
from core.page_serving import RemembersViewRestrictionsMixin

from .themes import EvidencePageTheme, Theme

COMPENDIUM_SOURCE = "NOMS Offender Engagement Programme, Compendium, 1st edition, December 2010"
RESULTS_PER_PAGE = 20
# The index lists the entries a page at a time: all 56 with their themes made it the heaviest page.
ENTRIES_PER_PAGE = 20


class EvidenceKind(models.TextChoices):
    RESEARCH_SUMMARY = "research_summary", "Research summary"
    FIELDWORK_REPORT = "fieldwork_report", "Fieldwork report"
    PRACTITIONER_VIEW = "practitioner_view", "Practitioner view"
    TOOL = "tool", "Tool"
    PILOT = "pilot", "Pilot"


class CompendiumIndexPage(RemembersViewRestrictionsMixin, RoutablePageMixin, Page):
    introduction = RichTextField(blank=True)
    foreword = RichTextField(blank=True)
    source_statement = models.TextField(
        blank=True,
        help_text="Where the compendium comes from and its copyright; shown on every entry.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("foreword"),
        FieldPanel("source_statement"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["compendium.EvidencePage"]
    max_count = 1

    class Meta:
        verbose_name = "compendium index page"

    @property
    def statement(self) -> str:
        return self.source_statement or SOURCE_STATEMENT

    def entries(self):
        return (
            EvidencePage.objects.child_of(self)
            .live()
            .order_by("number")
            .prefetch_related("theme_items__tag")
        )

    def themes_in_use(self):
        return Theme.objects.filter(
            evidence_items__content_object__in=self.entries().values("pk")
        ).distinct()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kinds"] = EvidenceKind.choices
        context["themes"] = self.themes_in_use()
        context["statement"] = self.statement
        return context

    @path("", name="index")
    def index_route(self, request):
        entries = self.entries()
        kind = request.GET.get("kind", "")
        if kind in EvidenceKind.values:
            entries = entries.filter(kind=kind)
        else:
            kind = ""
        page_obj = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "entries": page_obj,
                "page_obj": page_obj,
                "selected_kind": kind,
                "selected_kind_label": EvidenceKind(kind).label if kind else "",
            },
        )

    @path("themes/<slug:slug>/", name="theme")
    def theme_route(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug)
        entries = self.entries().filter(theme_items__tag=theme)
        return self.render(
            request,
            context_overrides={"theme": theme, "entries": entries},
            template="compendium/compendium_index_page_theme.html",
        )

    @path("search/", name="search")
    def search_route(self, request):
        query = request.GET.get("q", "").strip()
        results = []
        page_obj = None
        if query:
            found = EvidencePage.objects.child_of(self).live().search(query)
            page_obj = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            results = [
                {
                    "entry": entry,
                    "title": mark(entry.title, query),
                    "excerpt": highlight(entry.search_text(), query),
                }
                for entry in page_obj
            ]
        return self.render(
            request,
            context_overrides={"query": query, "results": results, "page_obj": page_obj},
            template="compendium/compendium_index_page_search.html",
        )


class EvidencePage(RemembersViewRestrictionsMixin, Page):
    number = models.PositiveIntegerField(
        unique=True, help_text="The entry's number in the compendium."
    )
    kind = models.CharField(
        max_length=32, choices=EvidenceKind.choices, default=EvidenceKind.RESEARCH_SUMMARY
    )
    authors = models.CharField(max_length=500, blank=True)
    contributor = models.CharField(
        max_length=255,
        blank=True,
        help_text="The Probation Trust or body that contributed the entry.",
    )
    summary = models.TextField(blank=True)
    body = StreamField(EvidenceBodyBlock(), blank=True)
    references = StreamField(ReferenceListBlock(), blank=True)
    themes = ClusterTaggableManager(through=EvidencePageTheme, blank=True)
    # A hash of what the importer last wrote: a re-import compares it with the page as it is now
    # to tell an editor's change from its own, and leaves edited pages alone.
    import_hash = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("kind"),
                FieldPanel("authors"),
                FieldPanel("contributor"),
            ],
            heading="Entry",
        ),
        FieldPanel("summary"),
        FieldPanel("themes"),
        FieldPanel("body"),
        FieldPanel("references"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("authors"),
        index.SearchField("contributor"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("references"),
        index.FilterField("kind"),
        index.FilterField("number"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    parent_page_types = ["compendium.CompendiumIndexPage"]
    subpage_types = []

    class Meta:
        ordering = ["number"]
        verbose_name = "evidence page"

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def byline(self) -> str:
        return self.authors or self.contributor

    @property
    def citation(self) -> str:
        """A line to copy into notes, training material or a report."""
        who = f"{self.byline}. " if self.byline else ""
        return f"{who}“{self.title}”. In: {COMPENDIUM_SOURCE}, entry {self.number}."

    def search_text(self) -> str:
        """The entry as plain text, as the search index sees it; used for excerpts."""
        content = self.body.stream_block.get_searchable_content(self.body)
        return strip_tags(" ".join(content)) or self.summary

    def siblings(self):
        return EvidencePage.objects.sibling_of(self, inclusive=False).live()

    def previous_entry(self):
        return self.siblings().filter(number__lt=self.number).order_by("-number").first()

    def next_entry(self):
        return self.siblings().filter(number__gt=self.number).order_by("number").first()

    def citing_pages(self):
        """Live pages (training lessons) whose content references this entry, found through
        Wagtail's reference index so the compendium need not know the training app."""
        ids = (
            ReferenceIndex.get_references_to(self)
            .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
            .values_list("object_id", flat=True)
        )
        return (
            Page.objects.live()
            .filter(pk__in=[int(pk) for pk in ids])
            # Bulletins list their related entries themselves; here, only other apps' pages.
            .exclude(content_type__app_label="compendium")
            .specific()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        context["index"] = parent
        context["statement"] = getattr(parent, "statement", SOURCE_STATEMENT)
        context["previous_entry"] = self.previous_entry()
        context["next_entry"] = self.next_entry()
        context["citing_pages"] = self.citing_pages()
        return context
