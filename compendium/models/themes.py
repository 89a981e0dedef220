"""Themes: a controlled vocabulary of taggit tags; editors manage the list, not type new ones."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel


class Theme(TagBase):
    # Editors pick from the list; new themes are added on purpose, as snippets.
    free_tagging = False

    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "theme"
        verbose_name_plural = "themes"

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class EvidencePageTheme(ItemBase):
    tag = models.ForeignKey(Theme, related_name="evidence_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "compendium.EvidencePage", related_name="theme_items", on_delete=models.CASCADE
    )
