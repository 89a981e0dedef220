"""Template helpers every app shares: breadcrumbs, the error summary, time codes, dictionary
look-ups, form widgets drawn as GOV.UK Frontend components, and the panels and links other apps
add to a page (core.extensions)."""

from django import forms, template
from django.forms.boundfield import BoundWidget
from wagtail.models import Page

from core import extensions, form_fields
from core.content_cache import remember
from core.error_summary import form_error_links
from core.timecodes import timecode as format_timecode

register = template.Library()


@register.inclusion_tag("core/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """The way back to the home page, drawn the same on every page.

    On a Wagtail page: its ancestors below the home page (and the page itself when `trail`
    continues past it, as on a routable page's sub-page). Then the view's own `breadcrumbs`
    (a list of (label, url) pairs in the context), then `trail`: label, url, label, url..."""
    crumbs = []
    page = context.get("page")
    if isinstance(page, Page):
        crumbs += remember("breadcrumbs", lambda: _ancestor_crumbs(page), page.pk)
        if trail:
            crumbs.append((page.title, page.url))
    crumbs += list(context.get("breadcrumbs", []))
    crumbs += [(trail[i], trail[i + 1]) for i in range(0, len(trail) - 1, 2) if trail[i]]
    return {"crumbs": crumbs}


def _ancestor_crumbs(page):
    return [(ancestor.title, ancestor.url) for ancestor in page.get_ancestors().filter(depth__gt=2)]


@register.inclusion_tag("core/error_summary.html")
def error_summary(errors, heading=2, testid=""):
    """The GOV.UK error summary, drawn the same on every page: `errors` is a form, or a list of
    (field id, message) pairs (core.error_summary). `heading` is the title's level: 2 at the top
    of a page, lower for a summary inside a section that has a heading of its own."""
    if isinstance(errors, forms.BaseForm):
        errors = form_error_links(errors)
    return {"errors": errors, "heading": heading, "testid": testid}


@register.filter
def timecode(seconds):
    return format_timecode(seconds)


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def percent(value):
    return "" if value is None else f"{value:.0%}"


@register.filter
def minutes(duration):
    """A timedelta as people say it: "15 minutes"."""
    count = round(duration.total_seconds() / 60) if duration else 0
    return f"{count} minute{'' if count == 1 else 's'}"


@register.simple_tag(takes_context=True)
def extension_panels(context, hook_name, **shown):
    """`{% extension_panels "hook_name" recording=recording %}`: what other apps add here."""
    return extensions.panels(hook_name, request=context.get("request"), **shown)


@register.simple_tag(takes_context=True)
def extension_links(context, hook_name, **shown):
    """`{% extension_links "hook_name" lesson=lesson as links %}`: links other apps add here."""
    return extensions.links(hook_name, request=context.get("request"), **shown)


# GOV.UK Frontend's class for each kind of widget; anything else is a text input.
GOVUK_WIDGET_CLASSES = {
    "checkbox": "govuk-checkboxes__input",
    "radio": "govuk-radios__input",
    "file": "govuk-file-upload",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
}


def widget_kind(widget):
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return getattr(widget, "input_type", "text")


@register.filter
def govuk_widget(field):
    """A form field's widget with GOV.UK Frontend's classes, its error state, and its hint and
    error messages tied to it for screen readers (ids from core.form_fields, as
    templates/includes/field.html writes them). Not for a group of radios or tick boxes: its
    messages are tied to a fieldset, which includes/field.html draws round its options
    (`govuk_option`)."""
    if form_fields.is_option_group(field):
        raise TypeError(f"{field.name} is a group of options: draw it with includes/field.html")
    widget = field.field.widget
    css = GOVUK_WIDGET_CLASSES.get(widget_kind(widget), "govuk-input")
    if widget_kind(widget) == "date":
        css += " govuk-input--width-10"
    if field.errors and css in (
        "govuk-input",
        "govuk-select",
        "govuk-textarea",
        "govuk-file-upload",
    ):
        css += f" {css}--error"
    if widget.attrs.get("class"):
        css += f" {widget.attrs['class']}"
    attrs = {"class": css}
    if described := form_fields.described_by(field):
        attrs["aria-describedby"] = described
    return field.as_widget(attrs=attrs)


@register.filter
def govuk_option(option):
    """One radio or tick box of a group (iterating a bound field gives them) as GOV.UK Frontend
    draws its input: Django's own attributes (id, name, value, checked) and GOV.UK's class.
    Not Django's aria-invalid: the group's error is the fieldset's (ARIA has no aria-invalid
    for a radio, and a screen reader would otherwise say "invalid" at every option)."""
    kind = "radios" if option.data["type"] == "radio" else "checkboxes"
    attrs = {k: v for k, v in option.data["attrs"].items() if k != "aria-invalid"}
    css = " ".join(filter(None, [f"govuk-{kind}__input", attrs.get("class")]))
    data = {**option.data, "attrs": {**attrs, "class": css}}
    return BoundWidget(option.parent_widget, data, option.renderer).tag()


@register.filter
def is_option_group(field):
    return form_fields.is_option_group(field)


@register.filter
def option_group_kind(field):
    return form_fields.option_group_kind(field)


@register.filter
def hint_id(field):
    return form_fields.message_id(field, "hint")


@register.filter
def error_id(field):
    return form_fields.message_id(field, "error")


@register.filter
def described_by(field):
    return form_fields.described_by(field)
