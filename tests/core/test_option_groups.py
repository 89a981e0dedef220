"""A group of radios or tick boxes is drawn as GOV.UK Frontend draws one: a fieldset whose legend
is the label, with its hint and error message named by the fieldset and ids made from the
field's own id, so a screen reader reads them with the group and the error summary's link lands
on its first option. Nothing on the page is labelled for "" or described by an id it lacks."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.template import Context, Template
from django.urls import reverse

from calibration.models import ConsentStatus
from tests.accounts.factories import AdministratorFactory, ManagerFactory, PractitionerFactory
from tests.calibration.factories import CalibrationConsentFactory
from tests.recordings.factories import RecordingFactory

FIELDS = Template(
    '{% load core_tags %}{% error_summary form %}{% for field in form %}{% include "includes/field.html" %}{% endfor %}'  # noqa: E501
)


class PlanForm(forms.Form):
    focus = forms.ChoiceField(
        label="Skill to focus on",
        choices=[("structuring", "Structuring"), ("relationship", "Relationship")],
        widget=forms.RadioSelect,
        help_text="Choose one.",
    )
    skills = forms.MultipleChoiceField(
        label="Skills practised",
        choices=[("structuring", "Structuring"), ("relationship", "Relationship")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all you practised.",
    )
    agreed = forms.BooleanField(label="The client agreed", help_text="Ask before you record.")
    pseudonym = forms.CharField(label="Client pseudonym", help_text="Initials will do.")


def broken_references(html):
    """What a screen reader or the error summary would trip on: labels for "", ids that are
    empty-based or not unique, aria-describedby naming ids the page lacks, summary links to
    nowhere."""
    page = BeautifulSoup(html, "html.parser")
    ids = [element["id"] for element in page.find_all(id=True)]
    problems = [
        f"id {id_!r} appears {ids.count(id_)} times" for id_ in set(ids) if ids.count(id_) > 1
    ]
    problems += [f"id {id_!r} has no field's id before it" for id_ in ids if id_.startswith("-")]
    problems += [f"{label} is for nothing" for label in page.find_all("label", attrs={"for": ""})]
    for element in page.find_all(attrs={"aria-describedby": True}):
        problems += [
            f"{element.name} is described by missing #{id_}"
            for id_ in element["aria-describedby"].split()
            if id_ not in ids
        ]
    for summary in page.find_all(class_="govuk-error-summary"):
        problems += [
            f"the error summary links to missing {link['href']}"
            for link in summary.find_all("a")
            if link["href"].removeprefix("#") not in ids
        ]
    return problems


def group(page, legend):
    """The fieldset whose legend reads `legend`."""
    found = page.find("legend", string=legend)
    assert found is not None and found.parent.name == "fieldset", f"no fieldset for {legend!r}"
    return found.parent


def test_radios_and_tick_boxes_with_errors_are_fieldsets_with_their_messages_tied_to_them():
    form = PlanForm(data={"pseudonym": ""})
    html = FIELDS.render(Context({"form": form}))
    assert broken_references(html) == []
    page = BeautifulSoup(html, "html.parser")

    for name, label, kind in [
        ("focus", "Skill to focus on", "radios"),
        ("skills", "Skills practised", "checkboxes"),
    ]:
        fieldset = group(page, label)
        assert fieldset.legend["class"] == ["govuk-fieldset__legend"]  # no size unless asked
        assert fieldset["aria-describedby"] == f"id_{name}-hint id_{name}-error"
        assert fieldset.find(id=f"id_{name}-hint").get_text() == form.fields[name].help_text
        error = fieldset.find(class_="govuk-error-message")
        assert error["id"] == f"id_{name}-error" and "This field is required." in error.get_text()
        assert "govuk-form-group--error" in fieldset.parent["class"]
        items = fieldset.find(class_=f"govuk-{kind}").find_all(class_=f"govuk-{kind}__item")
        assert [item.label.get_text() for item in items] == ["Structuring", "Relationship"]
        for number, item in enumerate(items):
            assert item.input["id"] == f"id_{name}_{number}" == item.label["for"]
            assert f"govuk-{kind}__input" in item.input["class"]
            assert f"govuk-{kind}__label" in item.label["class"]
            # The fieldset names the messages and carries the error; each option does not.
            assert not item.input.has_attr("aria-describedby")
            assert not item.input.has_attr("aria-invalid")
        summary_link = page.find(class_="govuk-error-summary").find("a", href=f"#id_{name}_0")
        assert summary_link is not None


def test_a_single_tick_box_and_a_text_input_keep_their_label_and_name_their_messages():
    html = FIELDS.render(Context({"form": PlanForm(data={})}))
    assert broken_references(html) == []
    page = BeautifulSoup(html, "html.parser")
    agreed = page.find(id="id_agreed")
    assert page.find("label", attrs={"for": "id_agreed"}).get_text() == "The client agreed"
    assert agreed["aria-describedby"] == "id_agreed-hint id_agreed-error"
    assert agreed.find_parent("fieldset") is None
    pseudonym = page.find(id="id_pseudonym")
    assert page.find("label", attrs={"for": "id_pseudonym"}).get_text() == "Client pseudonym"
    assert pseudonym["aria-describedby"] == "id_pseudonym-hint id_pseudonym-error"


def test_a_group_names_only_the_messages_it_shows():
    form = PlanForm()
    form.fields["focus"].help_text = ""
    page = BeautifulSoup(FIELDS.render(Context({"form": form})), "html.parser")
    assert not group(page, "Skill to focus on").has_attr("aria-describedby")
    assert group(page, "Skills practised")["aria-describedby"] == "id_skills-hint"


def test_a_group_drawn_by_govuk_widget_alone_is_refused():
    """Its messages belong on a fieldset, which only includes/field.html draws."""
    with pytest.raises(TypeError, match="includes/field.html"):
        Template("{% load core_tags %}{{ form.focus|govuk_widget }}").render(
            Context({"form": PlanForm()})
        )


# ---------------------------------------------------------------- the project's own pages


@pytest.mark.django_db
def test_the_calibration_consent_question_left_unanswered(client):
    practitioner = PractitionerFactory()
    recording = RecordingFactory(owner=practitioner, scored=True)
    CalibrationConsentFactory(recording=recording, status=ConsentStatus.ASKED)
    client.force_login(practitioner)

    response = client.post(reverse("calibration:consent", args=[recording.pk]), {"answer": ""})

    html = response.content.decode()
    assert broken_references(html) == []
    page = BeautifulSoup(html, "html.parser")
    question = "May managers rate a pseudonymised text copy of this session?"
    fieldset = group(page, question)
    assert fieldset["aria-describedby"] == "id_answer-error"
    assert page.find(id="id_answer-error") in fieldset.descendants
    assert [label.get_text() for label in fieldset.find_all("label")] == ["Yes, I agree", "No"]
    link = page.find(class_="govuk-error-summary").find("a")
    assert link["href"] == "#id_answer_0" and fieldset.find(id="id_answer_0")


@pytest.mark.django_db
def test_setting_up_a_calibration_exercise_with_too_few_raters(client):
    lead = AdministratorFactory()
    recording = CalibrationConsentFactory().recording
    client.force_login(lead)

    response = client.post(
        reverse("calibration:new"),
        {"title": "Spring", "recording": recording.pk, "participants": [ManagerFactory().pk]},
    )

    html = response.content.decode()
    assert broken_references(html) == []
    fieldset = group(BeautifulSoup(html, "html.parser"), "Managers who will rate it")
    assert fieldset["aria-describedby"] == "id_participants-hint id_participants-error"
    assert "Choose at least two managers" in fieldset.find(id="id_participants-error").get_text()
    assert fieldset.find(class_="govuk-checkboxes__input", checked=True) is not None


@pytest.mark.django_db
def test_an_upload_without_skills_or_a_file(client):
    client.force_login(PractitionerFactory())
    response = client.post(
        reverse("recordings:upload"),
        {
            "session_date": "2026-01-15",
            "client_pseudonym": "Client A",
            "consent": "on",
            "upload_token": str(uuid.uuid4()),
        },
    )

    html = response.content.decode()
    assert broken_references(html) == []
    page = BeautifulSoup(html, "html.parser")
    fieldset = group(page, "Skills practised")
    assert fieldset["aria-describedby"] == "id_skills-error"
    assert "govuk-checkboxes--small" in fieldset.find(class_="govuk-checkboxes")["class"]
    # GOV.UK's small bold legend, asked for with legend="s"
    assert "govuk-fieldset__legend--s" in fieldset.legend["class"]
    links = [link["href"] for link in page.find(class_="govuk-error-summary").find_all("a")]
    assert "#id_skills_0" in links and "#id_audio" in links
