"""Helpers that build training content and do what the lesson's forms do in a browser."""

from pathlib import Path

from django.conf import settings

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


def restore_site_data():
    """Recreate what data migrations made (role groups, root and home page, site).

    A transactional test flushes the database when it ends, data migrations included, so a
    browser test that runs after another one starts without them.
    """
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    if not Group.objects.exists():
        roles = importlib.import_module("accounts.migrations.0002_create_role_groups")
        roles.create_groups(apps, None)
    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    home = root.add_child(
        instance=HomePage(title="SEEDS practice platform", slug="home", locale=locale)
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


def create_evidence_entry():
    """Compendium entry 12, which the fixture lessons cite."""
    from compendium.models import CompendiumIndexPage, EvidencePage
    from home.models import HomePage

    home = HomePage.objects.get()
    index = home.add_child(instance=CompendiumIndexPage(title="Compendium", slug="compendium"))
    return index.add_child(
        instance=EvidencePage(
            title="Engaging offenders in change", slug="entry-12", number=12, authors="A. Author"
        )
    )


def route(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def quiz_answers(lesson, right=True):
    """Form data answering every question of the lesson: all right, or all wrong."""
    data = {}
    for question in lesson.questions():
        chosen = [option_id for option_id, _t, correct, _e in question.options if correct == right]
        data[question.field_name] = chosen if question.multiple else chosen[0]
    return data
