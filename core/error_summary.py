"""What the GOV.UK error summary lists: (field id, message) pairs, the id None for an error that
belongs to no field. The `error_summary` tag (core_tags) draws them, the same on every page."""

from django import forms

from core.form_fields import is_option_group


def form_error_links(form: forms.BaseForm) -> list[tuple[str | None, str]]:
    """A form's own errors first, then each field's, linked to the field."""
    return [(None, error) for error in form.non_field_errors()] + [
        (field_anchor(field), error) for field in form for error in field.errors
    ]


def field_anchor(field: forms.BoundField) -> str | None:
    """The id an error summary links a field's error to. A group of options (tick boxes,
    radios) has no one id: GOV.UK's error summary links its error to the first option, as
    templates/includes/field.html draws it, so the link puts the reader in the group rather than
    at the top of the page."""
    if is_option_group(field):
        options = field.subwidgets
        return (options[0].id_for_label or None) if options else None
    return field.id_for_label or None
