"""Compendium pages, each under the page type it lives under (the index pages are found if
they exist: there is one of each)."""

import factory
import wagtail_factories

from compendium.models import BulletinIndexPage, BulletinPage, CompendiumIndexPage, EvidencePage
from tests.home.factories import HomePageFactory


class CompendiumIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CompendiumIndexPage
        django_get_or_create = ("slug", "parent")

    title = "Compendium"
    slug = "compendium"
    parent = factory.SubFactory(HomePageFactory)


class EvidencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EvidencePage

    title = factory.Sequence(lambda n: f"Evidence entry {n}")
    number = factory.Sequence(lambda n: 100 + n)
    authors = "A. Author"
    summary = "What the study found, in two sentences."
    parent = factory.SubFactory(CompendiumIndexPageFactory)


class BulletinIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinIndexPage
        django_get_or_create = ("slug", "parent")

    title = "Bulletins"
    slug = "bulletins"
    parent = factory.SubFactory(HomePageFactory)


class BulletinPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BulletinPage

    title = factory.Sequence(lambda n: f"Bulletin {n}")
    authors = "A. Author"
    summary = "What the bulletin is about."
    parent = factory.SubFactory(BulletinIndexPageFactory)
