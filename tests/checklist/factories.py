"""Checklist versions for any app's tests: the shipped checklist, recorded as a version."""

import factory
from django.db.models import Max

from checklist.models import ChecklistVersion, load_shipped_checklist
from scoring import load_checklist


def _next_number():
    return (ChecklistVersion.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1


class ChecklistVersionFactory(factory.django.DjangoModelFactory):
    """A new version of the shipped checklist, numbered after the newest one."""

    class Meta:
        model = ChecklistVersion

    number = factory.LazyFunction(_next_number)
    label = factory.LazyAttribute(lambda version: f"seeds-v{version.number}")
    data = factory.LazyAttribute(lambda version: _shipped_data(version.label))
    notes = "Made by a test."


def _shipped_data(label):
    data = load_checklist().to_dict()
    data["version"] = label
    return data


def shipped_checklist_version() -> ChecklistVersion:
    """The version the site uses: the shipped checklist, published the way a fresh site does."""
    return load_shipped_checklist()
