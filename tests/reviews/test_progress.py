"""Progress over time: server-drawn charts of skill ratings and session metrics, the team view,
and the CSV of a practitioner's scores. Only shared reviews count."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from reviews.charts import Series, line_chart
from scoring.session import SCORER_VERSION

from .chart_tables import chart_table
from .conftest import post_review, scored_recording

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(client, people):
    """Three sessions: the first two reviewed and shared, the last one only drafted."""
    january = scored_recording(people["practitioner"], session_date=date(2026, 1, 10))
    february = scored_recording(people["practitioner"], session_date=date(2026, 2, 10))
    march = scored_recording(people["practitioner"], session_date=date(2026, 3, 10))
    client.force_login(people["manager"])
    post_review(client, january, action="share", skill_structuring="missed_opportunity")
    post_review(client, february, action="share", skill_structuring="satisfactory")
    post_review(client, march, action="save", skill_structuring="needs_improvement")
    return [january, february, march]


def test_a_chart_puts_better_ratings_higher_and_leaves_gaps_for_missing_values():
    chart = line_chart(
        "Structuring",
        [
            Series(
                "",
                [
                    (date(2026, 1, 10), 0, "Missed"),
                    (date(2026, 2, 10), 2, "Satisfactory"),
                    (date(2026, 3, 10), None, "Not rated"),
                ],
            )
        ],
        y_min=0,
        y_max=2,
        ticks=[(0, "Missed"), (2, "Satisfactory")],
    )
    (line,) = chart.lines
    january, february, march = line["points"]
    assert february["y"] < january["y"], "SVG y grows downwards"
    assert january["x"] < february["x"] < march["x"]
    assert march["y"] is None
    assert line["segments"] == [f"M{january['x']},{january['y']} L{february['x']},{february['y']}"]


def test_my_progress_charts_shared_ratings_and_every_metric(client, people, history):
    client.force_login(people["practitioner"])
    response = client.get(reverse("reviews:my_progress"), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse(
        "reviews:progress", args=[people["practitioner"].pk]
    )
    assert page.count("<svg") >= 5, "structuring and the four benchmarked metrics have values"
    structuring = chart_table(page, "Structuring")
    assert structuring == [
        ["10 Jan 2026", "Missed opportunity"],
        ["10 Feb 2026", "Satisfactory"],
        ["10 Mar 2026", "Not rated"],
    ], "the drafted rating is not charted"
    assert "E2 Share of open questions" in page and "at least 50%" in page
    assert "<script" not in page.split("<main")[1].split("</main>")[0], "no JavaScript charts"


def test_scores_csv_has_a_row_per_session_with_metrics_and_shared_ratings(client, people, history):
    client.force_login(people["practitioner"])
    response = client.get(reverse("reviews:scores_csv", args=[people["practitioner"].pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["session date"] for row in rows] == ["2026-01-10", "2026-02-10", "2026-03-10"]
    assert [row["rating: Structuring"] for row in rows] == [
        "Missed opportunity",
        "Satisfactory",
        "",
    ]
    assert [row["reviewed"] for row in rows] == ["yes", "yes", "no"]
    assert float(rows[0]["E2 Share of open questions"]) > 0
    # the column names themselves say what the machine's scores are not, wherever the file goes
    assert rows[0]["machine's first reading, not a progress measure: Structuring"] != ""
    # which scorer read it: the caveat's figures are one scorer's
    assert rows[0]["machine scorer"] == SCORER_VERSION


def test_progress_page_says_the_machines_scores_in_the_csv_are_not_a_measure_of_progress(
    client, people, history
):
    # The scorer's skill scores do not compare sessions (docs/scoring-model-card.md): the page
    # that offers them in a spreadsheet says so beside the download, for owner and manager.
    for viewer in ("practitioner", "manager"):
        client.force_login(people[viewer])
        page = client.get(reverse("reviews:progress", args=[people["practitioner"].pk]))
        caveat = page.content.decode().split('data-testid="machine-scores-caveat">')[1]
        caveat = caveat.split("</p>")[0]
        assert "not a measure of progress" in caveat
        assert "8 or 9 times in 10 for relationship building and prosocial" in caveat


def test_team_view_charts_every_practitioner_of_my_teams(client, people, history):
    scored_recording(people["colleague"], session_date=date(2026, 2, 1))
    scored_recording(people["other_practitioner"], session_date=date(2026, 2, 2))
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:team_progress")).content.decode()
    assert reverse("reviews:progress", args=[people["colleague"].pk]) in page
    assert reverse("reviews:progress", args=[people["practitioner"].pk]) in page
    assert reverse("reviews:progress", args=[people["other_practitioner"].pk]) not in page
    assert ["1 Feb 2026", str(people["colleague"]), "Not rated"] in chart_table(page, "Structuring")
    assert "2 Feb 2026" not in page


def test_administrators_team_view_lists_every_practitioner(client, people, history):
    client.force_login(people["admin"])
    page = client.get(reverse("reviews:team_progress")).content.decode()
    for name in ("practitioner", "colleague", "other_practitioner"):
        assert reverse("reviews:progress", args=[people[name].pk]) in page
    assert reverse("reviews:progress", args=[people["manager"].pk]) not in page


def test_manager_in_their_own_team_is_not_in_their_team_view(client, people, team, history):
    people["manager"].team = team
    people["manager"].save()
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:team_progress")).content.decode()
    assert reverse("reviews:progress", args=[people["practitioner"].pk]) in page
    assert reverse("reviews:progress", args=[people["manager"].pk]) not in page
