"""How a form field is drawn as a GOV.UK Frontend component: whether it is a group of radios or
tick boxes (a fieldset), and the ids of its hint and error message, which
templates/includes/field.html, the `govuk_widget` filter and the error summary take from here."""

from django import forms


def is_option_group(field: forms.BoundField) -> bool:
    """Radios or tick boxes, one per choice: drawn as a fieldset whose legend is the label, as
    Django gives such a field no one id to label (`id_for_label` is "")."""
    return isinstance(field.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))


def option_group_kind(field: forms.BoundField) -> str:
    """GOV.UK Frontend's name for a group's component, "radios" or "checkboxes"; "" for a field
    that is not a group."""
    if not is_option_group(field):
        return ""
    return "checkboxes" if field.field.widget.allow_multiple_selected else "radios"


def message_id(field: forms.BoundField, message: str) -> str:
    """The id of a field's "hint" or "error" message: GOV.UK Frontend's `<id>-hint` and
    `<id>-error`, from the field's `auto_id` (a group's options' ids start with it too), so two
    fields never share one and a group's is never "-error"."""
    return f"{field.auto_id or field.html_name}-{message}"


def described_by(field: forms.BoundField) -> str:
    """What a field's control (or a group's fieldset) names in aria-describedby: its hint, then
    its error message, of those the page draws."""
    shown = {"hint": field.help_text, "error": field.errors}
    return " ".join(message_id(field, message) for message, drawn in shown.items() if drawn)
