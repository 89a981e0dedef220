"""What the GOV.UK error summary lists: (field id, message) pairs, the id None for an error that
belongs to no field. The `error_summary` tag (core_tags) draws them, the same on every page."""

from django import forms


def form_error_links(form: forms.BaseForm) -> list[tuple[str | None, str]]:
    """A form's own errors first, then each field's, linked to the field. A field drawn as a
    group of options has no one id (`id_for_label` is ""): its error links to the page's top."""
    return [(None, error) for error in form.non_field_errors()] + [
        (field.id_for_label, error) for field in form for error in field.errors
    ]
