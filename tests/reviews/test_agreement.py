"""Whether a manager's rating confirms or overrides the machine, and the report of it that
OEP editors read in the admin."""

import pytest
from django.urls import reverse

from reviews.agreement import agreement, machine_proposal

from .conftest import first_found_item, post_review, scored_recording

FOUND = {"mode": "verdict", "present": True, "counts_against": False}
FOUND_AGAINST = {"mode": "verdict", "present": True, "counts_against": True}
NOT_FOUND = {"mode": "verdict", "present": False, "counts_against": False}
PROMPT = {"mode": "prompt", "present": None, "evidence": [{"utterance": 1}]}


def test_the_machine_proposes_only_for_items_it_found():
    assert machine_proposal(FOUND) == "satisfactory"
    assert machine_proposal(FOUND_AGAINST) == "needs_improvement"
    assert machine_proposal(NOT_FOUND) == ""
    assert machine_proposal(PROMPT) == ""


@pytest.mark.parametrize(
    "item, rating, expected",
    [
        (FOUND, "satisfactory", "confirmed"),
        (FOUND, "needs_improvement", "overridden"),
        (FOUND_AGAINST, "needs_improvement", "confirmed"),
        (FOUND_AGAINST, "not_applicable", "overridden"),
        (NOT_FOUND, "satisfactory", "missed"),
        (NOT_FOUND, "missed_opportunity", ""),
        (PROMPT, "satisfactory", ""),
        (FOUND, "", ""),
    ],
)
def test_agreement_with_the_machine(item, rating, expected):
    assert agreement(item, rating) == expected


@pytest.mark.django_db
def test_the_report_counts_confirmations_and_overrides_of_shared_reviews_only(client, people):
    first = scored_recording(people["practitioner"])
    second = scored_recording(people["colleague"])
    drafted = scored_recording(people["practitioner"], client_pseudonym="Drafted")
    found = first_found_item(first)
    client.force_login(people["manager"])
    post_review(client, first, action="share", **{f"item_{found}": "satisfactory"})
    post_review(client, second, action="share", **{f"item_{found}": "missed_opportunity"})
    post_review(client, drafted, action="save", **{f"item_{found}": "missed_opportunity"})

    client.force_login(people["editor"])
    response = client.get(reverse("reviews_agreement"))
    rows = {row["item"]: row for row in response.context["object_list"]}
    assert (rows[found]["rated"], rows[found]["confirmed"], rows[found]["overridden"]) == (2, 1, 1)
    assert rows[found]["agreement_percent"] == 50

    export = client.get(reverse("reviews_agreement") + "?export=csv")
    text = b"".join(export.streaming_content).decode()
    assert text.splitlines()[0].startswith("Item,Title,Rated by managers,Confirmed,Overridden")
    assert f"{found}," in text and ",2,1,1,0,50" in text


@pytest.mark.django_db
def test_the_report_is_in_the_reports_menu_for_editors_only(client, people):
    client.force_login(people["editor"])
    assert b"Agreement with the machine" in client.get(reverse("wagtailadmin_home")).content
    client.force_login(people["manager"])
    assert b"Agreement with the machine" not in client.get(reverse("wagtailadmin_home")).content
