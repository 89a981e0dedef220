"""The managers' review queue in the Wagtail admin: their teams' recordings only, filters that
offer only their own teams and people, CSV export, rows that open the review page."""

import pytest
from django.urls import reverse

from .conftest import post_review, scored_recording

pytestmark = pytest.mark.django_db

QUEUE = "/admin/reviews_queue/"


@pytest.fixture
def queue(client, people, recording):
    """North: one shared, one drafted; South: one untouched."""
    drafted = scored_recording(people["colleague"], client_pseudonym="Drafted")
    scored_recording(people["other_practitioner"], client_pseudonym="Southern")
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    post_review(client, drafted, action="save")
    return recording, drafted


@pytest.mark.parametrize(
    "role, sees",
    [
        ("manager", {"Client A", "Drafted"}),
        ("other_manager", {"Southern"}),
        ("admin", {"Client A", "Drafted", "Southern"}),
    ],
)
def test_each_manager_lists_their_own_teams_recordings(client, people, queue, role, sees):
    client.force_login(people[role])
    page = client.get(QUEUE).content.decode()
    listed = {name for name in ("Client A", "Drafted", "Southern") if name in page}
    assert listed == sees


@pytest.mark.parametrize("role", ["practitioner", "colleague", "editor"])
def test_others_cannot_open_the_queue(client, people, queue, role):
    client.force_login(people[role])
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert b"Client A" not in response.content


def test_filters_offer_only_my_teams_and_people(client, people, queue):
    client.force_login(people["manager"])
    page = client.get(QUEUE).content.decode()
    assert "North" in page and "South" not in page
    assert str(people["other_practitioner"]) not in page


def test_filtering_by_review_state_and_practitioner(client, people, queue):
    client.force_login(people["manager"])
    shared = client.get(QUEUE + "?review=shared").content.decode()
    assert "Client A" in shared and "Drafted" not in shared
    to_do = client.get(QUEUE + "?review=todo").content.decode()
    assert "Drafted" in to_do and "Client A" not in to_do
    mine = client.get(QUEUE + f"?practitioner={people['colleague'].pk}").content.decode()
    assert "Drafted" in mine and "Client A" not in mine


def test_rows_open_the_review_page_and_export_as_csv(client, people, queue):
    recording, _ = queue
    client.force_login(people["manager"])
    assert reverse("reviews:review", args=[recording.pk]) in client.get(QUEUE).content.decode()
    export = client.get(QUEUE + "?export=csv")
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert lines[0] == "Id,Owner,Team,Date of the session,Client pseudonym,Status,Review,Created at"
    assert len(lines) == 3
    assert any("Client A" in line and ",Shared," in line for line in lines)
    assert any("Drafted" in line and ",Draft," in line for line in lines)
