"""The practitioner sees the scores and speaker roles the review was shared with: a speaker fix
after sharing changes the manager's review page at once, and the practitioner's feedback and
progress only when the manager shares again."""

import csv
import io

import pytest
from django.urls import reverse

from .conftest import post_review

pytestmark = pytest.mark.django_db

PRAISED_LINE = "“Well done, that took real effort. How did it go?”"


@pytest.fixture
def shared(client, people, recording):
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    return recording


def feedback_metrics(client, people, recording):
    client.force_login(people["practitioner"])
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    return page.split('id="metrics-heading"')[1].split("</section>")[0], page


def review_metrics(client, people, recording):
    client.force_login(people["manager"])
    page = client.get(reverse("reviews:review", args=[recording.pk])).content.decode()
    return page.split('data-testid="metrics"')[1].split("</table>")[0]


def shared_metric_values(client, people, recording):
    client.force_login(people["practitioner"])
    response = client.get(reverse("reviews:scores_csv", args=[people["practitioner"].pk]))
    (row,) = csv.DictReader(io.StringIO(response.content.decode()))
    return row["E1 Reflections to questions"], row["E2 Share of open questions"]


def swap_speakers(client, people, recording):
    client.force_login(people["manager"])
    client.post(reverse("reviews:swap_speakers", args=[recording.pk]))


def test_a_speaker_fix_after_sharing_shows_the_practitioner_nothing_until_shared_again(
    client, people, shared
):
    metrics_shared, page = feedback_metrics(client, people, shared)
    assert f'<span class="app-secondary">Practitioner:</span> {PRAISED_LINE}' in page
    manager_metrics = review_metrics(client, people, shared)
    progress_shared = shared_metric_values(client, people, shared)

    swap_speakers(client, people, shared)

    assert review_metrics(client, people, shared) != manager_metrics, "the manager sees the fix"
    metrics_now, page = feedback_metrics(client, people, shared)
    assert metrics_now == metrics_shared
    assert f'<span class="app-secondary">Practitioner:</span> {PRAISED_LINE}' in page
    assert shared_metric_values(client, people, shared) == progress_shared

    client.force_login(people["manager"])
    post_review(client, shared, action="share")

    metrics_now, page = feedback_metrics(client, people, shared)
    assert metrics_now != metrics_shared
    assert f'<span class="app-secondary">Client:</span> {PRAISED_LINE}' in page
    assert shared_metric_values(client, people, shared) != progress_shared


def test_a_draft_after_a_fix_does_not_change_what_was_shared(client, people, shared):
    metrics_shared, _ = feedback_metrics(client, people, shared)
    swap_speakers(client, people, shared)
    client.force_login(people["manager"])
    post_review(client, shared, action="save", went_well_1="Reworded after the fix.")
    metrics_now, page = feedback_metrics(client, people, shared)
    assert metrics_now == metrics_shared
    assert "Reworded after the fix." not in page
