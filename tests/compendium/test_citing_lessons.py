"""An entry links to the training lessons that cite it, found through Wagtail's reference index."""

import pytest

from tests.training.helpers import FIXTURE_CONTENT, create_evidence_entry
from training.loader import load_training
from training.models import LessonPage

pytestmark = pytest.mark.django_db


def test_entry_lists_the_lessons_that_cite_it(client):
    entry = create_evidence_entry()
    uncited = entry.get_parent().add_child(
        instance=entry.__class__(title="Not cited anywhere", slug="entry-13", number=13)
    )
    load_training(FIXTURE_CONTENT)
    citing = [
        lesson
        for lesson in LessonPage.objects.live()
        if any(
            block.block_type == "evidence" and block.value["entry"].specific == entry
            for block in lesson.body
        )
    ]
    assert citing, "the fixture lessons cite entry 12"

    html = client.get(entry.url).content.decode()
    for lesson in citing:
        assert f'href="{lesson.url}"' in html
        assert lesson.title in html
    assert "No training lessons cite this entry yet." in client.get(uncited.url).content.decode()
