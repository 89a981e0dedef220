"""Helpers that build training content and do what the lesson's forms do in a browser."""

from pathlib import Path

FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"


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
