"""Spreadsheet exports of recordings never carry a live formula: text a spreadsheet would run
(a pseudonym typed as "=HYPERLINK(...)") is written as plain text."""

import csv
import io

import pytest
from django.urls import reverse

from core.exports import spreadsheet_safe

from .conftest import make_recording

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Open")'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (FORMULA, "'" + FORMULA),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "'\rReturn"),
        ("Client A", "Client A"),
        (-0.5, -0.5),
        (None, None),
    ],
)
def test_text_that_would_run_as_a_formula_is_written_as_text(value, written):
    assert spreadsheet_safe(value) == written


def test_the_admin_csv_of_recordings_neutralises_formulas(client, people):
    make_recording(people["practitioner"], client_pseudonym=FORMULA)
    client.force_login(people["admin"])
    response = client.get(reverse("recordings_admin:index") + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Client pseudonym"] for row in rows] == ["'" + FORMULA]
