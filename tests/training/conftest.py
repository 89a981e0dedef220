"""Training fixtures: a compendium entry to cite, and the fixture modules loaded as pages."""

import shutil

import pytest

from training.loader import load_training
from training.models import LessonPage, ModulePage

from .helpers import FIXTURE_CONTENT, create_evidence_entry


@pytest.fixture
def evidence_entry():
    return create_evidence_entry()


@pytest.fixture
def content_dir(tmp_path):
    """A copy of the fixture modules that a test may edit."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture
def training(evidence_entry, content_dir):
    load_training(content_dir)
    return {
        "module": ModulePage.objects.get(slug="structuring-sessions"),
        "lesson": LessonPage.objects.get(slug="check-in-and-review"),
        "second_lesson": LessonPage.objects.get(slug="summaries-and-next-steps"),
        "other_module": ModulePage.objects.get(slug="relationship-building"),
        "other_lesson": LessonPage.objects.get(slug="open-questions"),
    }
