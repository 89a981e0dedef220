"""Research bulletins: short articles by OEP teams, with a feed and a moderation workflow."""

from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from compendium.blocks import EvidenceBodyBlock
from core.page_serving import RemembersViewRestrictionsMixin

from .themes import Theme


class BulletinPageTheme(ItemBase):
    tag = models.ForeignKey(Theme, related_name="bulletin_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "compendium.BulletinPage", related_name="theme_items", on_delete=models.CASCADE
    )


class BulletinIndexPage(RemembersViewRestrictionsMixin, Page):
    introduction = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["compendium.BulletinPage"]
    max_count = 1

    class Meta:
        verbose_name = "bulletin index page"

    def bulletins(self):
        return BulletinPage.objects.child_of(self).live().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bulletins"] = self.bulletins()
        return context


class BulletinPage(RemembersViewRestrictionsMixin, Page):
    date = models.DateField(default=timezone.localdate)
    authors = models.CharField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    body = StreamField(EvidenceBodyBlock(), blank=True)
    themes = ClusterTaggableManager(through=BulletinPageTheme, blank=True)
    related_entries = ParentalManyToManyField(
        "compendium.EvidencePage", blank=True, related_name="bulletins"
    )
    source = models.TextField(blank=True, help_text="Where the text comes from.")
    licence = models.CharField(max_length=255, blank=True)
    # What the seeding command last wrote, so a re-run leaves an unchanged bulletin alone.
    import_hash = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("authors")], heading="Byline"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("related_entries"),
        InlinePanel("documents", label="Attached documents"),
        MultiFieldPanel(
            [FieldPanel("source"), FieldPanel("licence")], heading="Source and licence"
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("authors"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["compendium.BulletinIndexPage"]
    subpage_types = []

    class Meta:
        ordering = ["-date"]
        verbose_name = "bulletin page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.related_entries.live().order_by("number")
        return context


class BulletinDocument(Orderable):
    page = ParentalKey(BulletinPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("document")]
