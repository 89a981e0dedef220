"""The error summary links every field's error to a place on the page (GOV.UK Frontend)."""

from django import forms
from django.template import Context, Template

from core.error_summary import form_error_links


class PlanForm(forms.Form):
    title = forms.CharField()
    skills = forms.MultipleChoiceField(
        choices=[("A", "Structuring"), ("B", "Relationship")],
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        raise forms.ValidationError("Something about the whole form.")


def test_a_group_of_options_links_to_its_first_option_and_the_form_error_to_nothing():
    form = PlanForm(data={})
    assert form_error_links(form) == [
        (None, "Something about the whole form."),
        ("id_title", "This field is required."),
        ("id_skills_0", "This field is required."),
    ]


def test_the_link_to_a_group_of_options_lands_on_an_input_the_page_draws():
    form = PlanForm(data={})
    page = Template("{% load core_tags %}{% error_summary form %}{{ form.skills }}").render(
        Context({"form": form})
    )
    assert 'href="#id_skills_0"' in page
    assert 'id="id_skills_0"' in page
    assert 'href="#"' not in page
