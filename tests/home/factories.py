"""The home page: made by a data migration, so the factory finds it rather than adding one."""

import factory
import wagtail_factories
from factory import LazyFunction
from wagtail.models import Page

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage
        django_get_or_create = ("slug", "parent")

    title = "SEEDS practice platform"
    slug = "home"
    parent = LazyFunction(Page.get_first_root_node)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = "About this service"
    slug = factory.Sequence(lambda n: f"about-{n}")
    body = "<p>What this service is for.</p>"
    parent = factory.SubFactory(HomePageFactory)
