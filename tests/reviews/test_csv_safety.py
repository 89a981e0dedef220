"""The CSVs of the reviews app (a practitioner's scores, the managers' review queue) write text
a spreadsheet would run as a formula as plain text."""

import csv
import io

import pytest
from django.urls import reverse

from .conftest import scored_recording

pytestmark = pytest.mark.django_db

FORMULA = "=1+cmd|' /C calc'!A0"


def test_the_scores_csv_neutralises_a_formula_pseudonym(client, people):
    scored_recording(people["practitioner"], client_pseudonym=FORMULA)
    scored_recording(people["practitioner"], client_pseudonym="@SUM(1,2)")
    client.force_login(people["practitioner"])
    response = client.get(reverse("reviews:scores_csv", args=[people["practitioner"].pk]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["client"] for row in rows) == ["'=1+cmd|' /C calc'!A0", "'@SUM(1,2)"]
    assert all(float(row["E2 Share of open questions"]) >= 0 for row in rows), "numbers stay"
