"""Compendium fixtures: the shipped text parsed once, and a small compendium imported fast."""

import pytest

from compendium.importer import import_compendium
from compendium.parsing import parse_compendium
from compendium.source import compendium_text

# Three entries in the shipped file's layout: enough for browsing, search and navigation tests
# without importing all 56 entries in each of them.
SMALL_COMPENDIUM = """\
Compendium

Foreword

This Compendium is a summary of the evidence on offender engagement.

 1.
Calling time on crime: Motivation and agency, by Deirdre Healy & Ian O’Donnell

This is a research study of desistance among Irish male probationers.

Implications for practice: Practitioners should build on offenders' strengths.

2.
Engaging women offenders, by Loraine Gelsthorpe

Women respond to collaborative settings where they are empowered; gender matters for women.

· Practical and emotional support for women

Fieldwork

3.
Derbyshire Probation Trust: Structured Crams Contact Headings Framework

This is a tool which helps offender managers link contact to the sentence plan.
"""


@pytest.fixture(scope="session")
def shipped():
    return parse_compendium(compendium_text())


@pytest.fixture
def small_compendium(db):
    import_compendium(SMALL_COMPENDIUM)
    from compendium.models import CompendiumIndexPage

    return CompendiumIndexPage.objects.get()
