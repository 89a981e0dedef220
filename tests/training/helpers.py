"""Helpers that build training content and do what the lesson's forms do in a browser."""

from pathlib import Path

from training import quiz

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


def quiz_questions(lesson, seed=1):
    """The questions of the attempt with this seed, in the order the page shows them."""
    return quiz.attempt_questions(lesson.questions(), lesson.quiz_draw, seed)


def quiz_answers(lesson, right=True, seed=1):
    """Form data for the attempt with this seed, every question answered right or all wrong."""
    data = {quiz.ATTEMPT_FIELD: quiz.attempt_token(lesson.pk, seed)}
    for question in quiz_questions(lesson, seed):
        chosen = [option_id for option_id, _t, correct, _e in question.options if correct == right]
        data[question.field_name] = chosen if question.multiple else chosen[0]
    return data
