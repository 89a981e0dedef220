"""Charts that scale: sessions on a real date axis whose labels never crowd, one line per
person on a team chart, the range the charts cover, and a table beside every chart."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.charts import MIN_TICK_SPACING, Series, date_ticks, line_chart

from .chart_tables import chart_figure, chart_lines, chart_table
from .conftest import scored_recording

OPEN_QUESTIONS = "E2 Share of open questions"


def weekly(count, start=date(2024, 1, 1), value=1):
    return [(start + timedelta(weeks=i), value, f"{value}") for i in range(count)]


def chart_of(series):
    return line_chart("Structuring", series, y_min=0, y_max=2, ticks=[(0, "0"), (2, "2")])


def assert_ticks_apart(chart):
    xs = [tick["x"] for tick in chart.x_ticks]
    assert xs == sorted(xs)
    gaps = [b - a for a, b in zip(xs, xs[1:], strict=False)]
    assert all(gap >= MIN_TICK_SPACING for gap in gaps), gaps
    labels = [tick["label"] for tick in chart.x_ticks]
    assert len(set(labels)) == len(labels), labels
    assert all(chart.plot_left <= x <= chart.plot_right for x in xs)


def test_date_labels_of_120_sessions_are_thinned_so_they_never_touch():
    chart = chart_of([Series("", weekly(120))])
    assert len(chart.lines[0]["points"]) == 120
    assert 2 <= len(chart.x_ticks) <= chart.plot_width // MIN_TICK_SPACING
    assert_ticks_apart(chart)


@pytest.mark.parametrize("days", [0, 5, 20, 61, 62, 63, 100, 400, 800, 3000])
def test_date_labels_stay_apart_over_any_span(days):
    start = date(2025, 3, 17)
    chart = chart_of([Series("", [(start, 1, "1"), (start + timedelta(days=days), 2, "2")])])
    assert chart.x_ticks, "every chart with values has a date on its axis"
    assert_ticks_apart(chart)


def test_sessions_sit_on_the_date_axis_by_their_date_not_their_order():
    first, second, far = date(2026, 1, 1), date(2026, 1, 2), date(2026, 12, 31)
    chart = chart_of([Series("", [(first, 1, "1"), (second, 1, "1"), (far, 1, "1")])])
    a, b, c = (point["x"] for point in chart.lines[0]["points"])
    assert b - a < (c - b) / 100, "a day apart is drawn much closer than a year apart"


def test_ticks_name_months_over_a_long_span_and_days_over_a_short_one():
    assert [label for _, label in date_ticks(date(2026, 1, 1), date(2026, 1, 20))][:2] == [
        "1 Jan",
        "8 Jan",
    ]
    labels = [label for _, label in date_ticks(date(2026, 1, 15), date(2026, 6, 30))]
    assert labels == ["Mar 2026", "May 2026"], "every other month: one month is too close"


def test_a_team_chart_draws_each_persons_sessions_as_their_own_line():
    # Alternate sessions: joined in date order they would zigzag between the two people.
    ann = [(date(2026, 1, d), 2, "Satisfactory") for d in (1, 3, 5)]
    bob = [(date(2026, 1, d), 0, "Missed") for d in (2, 4, 6)]
    chart = line_chart(
        "Structuring",
        [Series("Ann", ann), Series("Bob", bob)],
        y_min=0,
        y_max=2,
        ticks=[],
        by_person=True,
    )
    lines = {line["name"]: line for line in chart.lines}
    for name, value_y in (("Ann", lines["Ann"]["points"][0]["y"]), ("Bob", None)):
        (segment,) = lines[name]["segments"]
        ys = {float(xy.split(",")[1]) for xy in segment[1:].split(" L")}
        assert len(ys) == 1, f"{name}'s line only visits {name}'s values"
        if value_y is not None:
            assert ys == {value_y}
    assert lines["Ann"]["css"] != lines["Bob"]["css"]
    assert [row["person"] for row in chart.rows] == ["Ann", "Bob"] * 3


def test_people_beyond_the_palette_get_dashed_lines():
    series = [Series(f"P{i}", weekly(2)) for i in range(10)]
    css = [line["css"] for line in chart_of(series).lines]
    assert len(set(css)) == 10
    assert "dashed" not in css[7] and "dashed" in css[8]


@pytest.mark.django_db
def test_team_page_charts_one_line_per_practitioner_with_a_table(client, people):
    today = timezone.localdate()
    for days in (40, 20):
        scored_recording(people["practitioner"], session_date=today - timedelta(days=days))
    scored_recording(people["colleague"], session_date=today - timedelta(days=30))
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:team_progress")).content.decode()
    assert chart_lines(page, OPEN_QUESTIONS) == {
        str(people["practitioner"]): 2,
        str(people["colleague"]): 1,
    }
    rows = chart_table(page, OPEN_QUESTIONS)
    assert [row[1] for row in rows] == [
        str(people["practitioner"]),
        str(people["colleague"]),
        str(people["practitioner"]),
    ], "the table lists sessions by date, naming whose each is"
    assert chart_figure(page, OPEN_QUESTIONS).select("[data-testid=date-tick]")


@pytest.fixture
def spread(people):
    """Sessions 30, 200 and 500 days ago."""
    today = timezone.localdate()
    return [
        scored_recording(people["practitioner"], session_date=today - timedelta(days=days))
        for days in (500, 200, 30)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("chosen", "shown"), [("3m", 1), ("12m", 2), ("all", 3), ("bad", 3)])
def test_the_range_parameter_chooses_the_sessions_charted(client, people, spread, chosen, shown):
    client.force_login(people["practitioner"])
    url = reverse("reviews:progress", args=[people["practitioner"].pk])
    page = client.get(url, {"range": chosen}).content.decode()
    assert len(chart_table(page, OPEN_QUESTIONS)) == shown
    expected = chosen if chosen != "bad" else "all"
    assert f'id="range-{expected}" name="range" type="radio" value="{expected}" checked' in page


@pytest.mark.django_db
def test_a_range_without_sessions_says_so_and_keeps_the_range_form(client, people):
    scored_recording(people["practitioner"], session_date=timezone.localdate() - timedelta(400))
    client.force_login(people["practitioner"])
    url = reverse("reviews:progress", args=[people["practitioner"].pk])
    page = client.get(url, {"range": "3m"}).content.decode()
    assert "No transcribed sessions in the last 3 months." in page
    assert 'data-testid="chart-range"' in page
