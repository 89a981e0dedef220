"""The practitioner's self-assessment: given before the feedback is shared, seen by the manager
only after rating every skill (blind first), compared with the manager's ratings on the
feedback page; and reflections that link to the learner's own recordings."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from checklist.enums import Skill
from reviews.enums import Rating
from reviews.forms import Moment, SelfAssessmentForm
from reviews.models import SelfAssessment
from tests.roles import sign_in
from training.models import ReflectiveLogEntry

from .conftest import post_review, scored_recording
from .factories import SelfAssessmentFactory

pytestmark = pytest.mark.django_db

PROUD = "The warm check-in at the start, I was proud of that."


def self_assessment_data(**overrides):
    data = {
        "skill_structuring": "satisfactory",
        "skill_relationship_building": "satisfactory",
        "skill_prosocial_modelling": "needs_improvement",
        "skill_cognitive_techniques": "not_applicable",
        "proudest_line": "0",
        "proudest_note": PROUD,
        "redo_line": "4",
        "redo_note": "Ask one open question instead of two closed ones.",
    }
    data.update(overrides)
    return data


def self_assess(client, recording, **overrides):
    return client.post(
        reverse("reviews:self_assess", args=[recording.pk]), self_assessment_data(**overrides)
    )


def review_page(client, recording):
    return client.get(reverse("reviews:review", args=[recording.pk])).content.decode()


def test_the_practitioner_rates_their_own_session_from_the_recording_page(
    client, people, recording
):
    client.force_login(people["practitioner"])
    page = client.get(recording.get_absolute_url()).content.decode()
    assert "Rate your own session" in page
    response = self_assess(client, recording)
    assert response.status_code == 302
    assessment = SelfAssessment.objects.get(recording=recording)
    assert assessment.ratings["prosocial_modelling"] == "needs_improvement"
    assert (assessment.proudest_line, assessment.redo_line) == (0, 4)
    assert (
        "Change your self-assessment" in client.get(recording.get_absolute_url()).content.decode()
    )


def test_every_skill_and_both_moments_are_required(client, people, recording):
    client.force_login(people["practitioner"])
    response = self_assess(client, recording, skill_structuring="", redo_line="")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Rate your structuring." in page
    assert "Choose a moment you would do differently." in page
    assert not SelfAssessment.objects.exists()


def test_the_manager_cannot_see_the_self_assessment_before_rating_every_skill(
    client, people, recording
):
    client.force_login(people["practitioner"])
    self_assess(client, recording)
    client.force_login(people["manager"])
    page = review_page(client, recording)
    assert "You will see it once you have saved your own overall rating" in page
    assert PROUD not in page

    # A draft rating only some skills is not enough.
    post_review(client, recording, skill_cognitive_techniques="", skill_prosocial_modelling="")
    assert PROUD not in review_page(client, recording)

    post_review(client, recording)
    page = review_page(client, recording)
    assert PROUD in page
    assert 'data-testid="self-agreement">Agreed on' in page


def test_the_feedback_shows_where_practitioner_and_manager_agreed_and_differed(
    client, people, recording
):
    client.force_login(people["practitioner"])
    self_assess(client, recording)
    client.force_login(people["manager"])
    # Manager: structuring satisfactory, relationship needs improvement, the other two n/a.
    post_review(client, recording, action="share")
    client.force_login(people["practitioner"])
    page = client.get(reverse("reviews:feedback", args=[recording.pk])).content.decode()
    assert "Agreed on 2 of 4 skills." in page

    def row(skill):
        start = page.index(f'data-testid="self-row-{skill}"')
        return page[start : page.index("</tr>", start)]

    assert "Agreed" in row("structuring") and "Differed" not in row("structuring")
    assert "Differed" in row("relationship_building")
    assert "Differed" in row("prosocial_modelling")
    assert "Agreed" in row("cognitive_techniques")
    assert PROUD in page
    assert "Before we start, how have you been since last week?" in page, "the proudest moment"


def test_once_shared_the_self_assessment_is_final(client, people, recording):
    SelfAssessmentFactory(recording=recording)
    client.force_login(people["manager"])
    post_review(client, recording, action="share")
    client.force_login(people["practitioner"])
    response = self_assess(client, recording, skill_structuring="missed_opportunity")
    assert response["Location"] == reverse("reviews:feedback", args=[recording.pk])
    assert SelfAssessment.objects.get().ratings["structuring"] == "satisfactory"
    page = client.get(recording.get_absolute_url()).content.decode()
    assert "Rate your own session" not in page and "Change your self-assessment" not in page


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("colleague", 404),
        ("other_practitioner", 404),
        ("other_manager", 404),
        ("editor", 404),
        ("manager", 403),
        ("admin", 403),
    ],
)
def test_only_the_owner_assesses_their_session(client, people, recording, role, status):
    sign_in(client, people, role)
    assert self_assess(client, recording).status_code == status
    assert client.get(reverse("reviews:self_assess", args=[recording.pk])).status_code == status
    assert not SelfAssessment.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, recording):
    response = client.get(reverse("reviews:self_assess", args=[recording.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# ---------------------------------------------------------------- reflections about a recording


def reflect(client, lesson, **extra):
    exercise = next(b.id for b in lesson.body if b.block_type == "reflective_exercise")
    data = {"exercise": exercise, "text": "I talked too much in that session.", **extra}
    return client.post(lesson.url + "reflect/", data)


def test_a_reflection_links_to_one_of_the_learners_own_recordings(
    client, people, recording, training
):
    client.force_login(people["practitioner"])
    lesson = training["lesson"]
    assert str(recording) in client.get(lesson.url).content.decode()
    reflect(client, lesson, recording=str(recording.pk))
    assert ReflectiveLogEntry.objects.get().recording == recording
    learning = client.get(training["module"].get_parent().url + "my-learning/").content.decode()
    assert f'href="{recording.get_absolute_url()}" data-testid="reflection-recording"' in learning


def test_a_reflection_cannot_link_to_someone_elses_recording(client, people, training):
    other = scored_recording(people["colleague"])
    client.force_login(people["practitioner"])
    response = reflect(client, training["lesson"], recording=str(other.pk))
    html = response.content.decode()
    # the error belongs to the recording's choice: the summary links there, and it shows
    # beside the choice, not beside the reflection's box
    exercise = next(b.id for b in training["lesson"].body if b.block_type == "reflective_exercise")
    message = "Choose one of your own recordings, or none."
    assert f'<a href="#exercise-{exercise}-recording">{message}</a>' in html
    assert f'id="exercise-{exercise}-recording-error"' in html
    assert "govuk-textarea--error" not in html
    assert "I talked too much in that session." in html  # what was typed is kept
    assert not ReflectiveLogEntry.objects.exists()
    assert str(other) not in client.get(training["lesson"].url).content.decode()


def segment(index):
    """A transcript line as the form lists it."""
    return SimpleNamespace(
        index=index, start_label=f"0:0{index}", text=f"Line {index}", get_role_display=str
    )


def saved_assessment(**moments):
    """What the form reads of a saved self-assessment: the ratings and each moment's fields."""
    ratings = dict.fromkeys(Skill.values, Rating.SATISFACTORY.value)
    return SimpleNamespace(ratings=ratings, **moments)


class WithATurningPoint(SelfAssessmentForm):
    MOMENTS = (
        *SelfAssessmentForm.MOMENTS,
        Moment("turning", "The turning point", "Choose the turning point.", "Why there?"),
    )


def test_a_saved_self_assessment_reopens_with_its_moments_and_saves_them_back_unchanged():
    assessment = saved_assessment(
        proudest_line=2, proudest_note="The check-in.", redo_line=3, redo_note="One question."
    )
    initial = SelfAssessmentForm.initial_for(assessment)
    form = SelfAssessmentForm(initial, segments=[segment(i) for i in range(5)])

    assert form.is_valid(), form.errors
    values = form.values()
    assert values["ratings"] == assessment.ratings
    assert (values["proudest_line"], values["proudest_note"]) == (2, "The check-in.")
    assert (values["redo_line"], values["redo_note"]) == (3, "One question.")


def test_every_moment_the_form_lists_is_reopened_and_saved():
    # The moments are listed once (MOMENTS): a further one needs no other change to the form.
    assessment = saved_assessment(
        proudest_line=0,
        proudest_note="",
        redo_line=1,
        redo_note="",
        turning_line=1,
        turning_note="Here.",
    )
    initial = WithATurningPoint.initial_for(assessment)
    assert (initial["turning_line"], initial["turning_note"]) == ("1", "Here.")

    form = WithATurningPoint(initial, segments=[segment(i) for i in range(5)])
    assert form.is_valid(), form.errors
    assert (form.values()["turning_line"], form.values()["turning_note"]) == (1, "Here.")
