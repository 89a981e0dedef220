"""The shorter review form: each item's title once, the machine's proposal and first evidence
on one line with the rest on request, skills not practised "not applicable" by default and not
needed to share, and moments typed, taken from the player or picked, not chosen from a list of
every line."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from recordings.models import ScoreCard
from reviews.models import Review
from reviews.moments import line_at, parse_moment

from .conftest import post_review

pytestmark = pytest.mark.django_db


def review_page(client, recording):
    return client.get(reverse("reviews:review", args=[recording.pk]))


def test_each_item_title_appears_once(client, people, recording):
    client.force_login(people["manager"])
    html = review_page(client, recording).content.decode()
    card = ScoreCard.objects.latest_for(recording)
    for item in card.checklist_version.checklist().items:
        assert html.count(f"{item.id} {item.title}") == 1, item.id


def test_the_machine_line_is_compact_and_the_evidence_expands(client, people, recording):
    client.force_login(people["manager"])
    html = review_page(client, recording).content.decode()
    card = ScoreCard.objects.latest_for(recording)
    several = next(code for code, item in card.items.items() if len(item.get("evidence", [])) > 1)
    item_html = html[html.index(f'data-testid="item-{several}"') :]
    item_html = item_html[: item_html.index('data-testid="item-', 10)]
    machine_line = item_html[item_html.index('data-testid="machine-line"') :]
    machine_line = machine_line[: machine_line.index("</p>")]
    assert "Machine proposes" in machine_line or "govuk-tag" in machine_line
    assert machine_line.count('data-testid="evidence-link"') == 1, "one piece on the line"
    evidence = len(card.items[several]["evidence"])
    assert f"All evidence ({evidence})" in item_html
    assert "<details" in item_html


def test_skills_not_chosen_at_upload_start_not_applicable(client, people, recording):
    assert recording.skills == ["structuring"]
    client.force_login(people["manager"])
    form = review_page(client, recording).context["form"]
    assert form["skill_structuring"].value() in ("", None)
    for skill in ("relationship_building", "prosocial_modelling", "cognitive_techniques"):
        assert form[f"skill_{skill}"].value() == "not_applicable"


def test_sharing_does_not_demand_a_rating_of_skills_not_practised(client, people, recording):
    client.force_login(people["manager"])
    response = post_review(
        client,
        recording,
        action="share",
        skill_relationship_building="",
        skill_prosocial_modelling="",
        skill_cognitive_techniques="",
    )
    assert response.status_code == 302
    review = Review.objects.get(recording=recording)
    assert review.live
    assert [rating.skill for rating in review.skill_ratings.all()] == ["structuring"]


def test_moments_are_typed_or_filled_in_not_chosen_from_every_line(client, people, recording):
    client.force_login(people["manager"])
    html = review_page(client, recording).content.decode()
    assert "Choose the moment in the transcript" not in html
    assert 'name="went_well_1_line"' not in html
    assert html.count("data-moment-now") == 3 and html.count("data-moment-pick") == 3
    assert 'name="went_well_1_at"' in html and 'name="work_on_at"' in html


def test_a_typed_moment_anchors_the_point_to_its_line(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="save", went_well_1_at="0:12", work_on_at="1:02:03")
    review = Review.objects.get(recording=recording).get_latest_revision_as_object()
    assert [(p.line, p.at) for p in review.went_well] == [(2, 12.0), (2, 10.0)]
    assert (review.work_on.line, review.work_on.at) == (7, 3723.0), "past the end: the last line"


def test_a_moment_that_is_no_time_is_refused(client, people, recording):
    client.force_login(people["manager"])
    response = post_review(client, recording, action="save", went_well_1_at="soon")
    assert response.status_code == 200
    assert "Enter the moment as minutes and seconds, like 1:05." in response.content.decode()


@pytest.mark.parametrize(
    "text,seconds",
    [("0:12", 12.0), ("1:05", 65.0), ("1:02:03", 3723.0), ("42", 42.0), ("12.5", 12.5)],
)
def test_moments_read_as_the_player_writes_them(text, seconds):
    assert parse_moment(text) == seconds


@pytest.mark.parametrize("text", ["", "1:", "1:75", "-3", "a:b", "1:2:3:4"])
def test_what_is_not_a_moment(text):
    with pytest.raises(ValueError):
        parse_moment(text)


def test_a_time_code_finds_a_line_that_starts_within_its_second():
    segments = [SimpleNamespace(index=0, start=0.0), SimpleNamespace(index=1, start=3.48)]
    assert line_at(segments, 3.0).index == 1, "0:03 is the line starting at 3.48"
    assert line_at(segments, 2.0).index == 0
