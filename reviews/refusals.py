"""A comment or reply the server refused, kept as typed for the page that shows it again.

Without JavaScript a refused comment or reply does not redirect (which would lose the text):
the review or feedback page comes back with the text in its field, the error beside it and an
error summary at the top that links to the field, as GOV.UK forms do.
"""

from dataclasses import dataclass

from django import forms

from core.error_summary import form_error_links


@dataclass(frozen=True)
class RefusedReply:
    """A reply refused on the thread of a comment or a response (`kind`), with its form."""

    kind: str
    pk: int
    form: forms.Form

    @property
    def field_id(self) -> str:
        # As templates/reviews/includes/reply_form.html names the thread's textarea.
        return f"reply-{self.kind}-{self.pk}"

    @property
    def text(self) -> str:
        return self.form.data.get("text", "")

    @property
    def error(self) -> str:
        return next(iter(self.form.errors.values()))[0]


def conversation_errors(comment_form=None, refused_reply=None) -> dict:
    """The template context for a refused comment or reply: `conversation_errors`, the error
    summary's (field id, message) pairs, and `refused_reply` for the thread that shows it."""
    errors = []
    if comment_form is not None:
        errors += form_error_links(comment_form)
    if refused_reply is not None:
        errors.append((refused_reply.field_id, refused_reply.error))
    return {"conversation_errors": errors, "refused_reply": refused_reply}
