"""The upload form: session details, consent, and the audio checked by decoding it."""

import re

from django import forms
from django.conf import settings
from django.utils import timezone

from checklist.enums import Skill
from core.text import strip_bidi_controls
from speech.audio import AudioRejected

from .consent import CURRENT as CURRENT_CONSENT
from .upload_fields import extra_fields
from .uploads import ACCEPTED_EXTENSIONS, CONSENT_STATEMENT, check_audio, uploaded_file_path

# Two or more capitalised words ("John Smith") read like a real full name; a pseudonym such
# as "Client A", "JS" or "Sam" does not.
FULL_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+$")


def looks_like_full_name(text: str) -> bool:
    return bool(FULL_NAME.match(text.strip()))


def _limits_hint():
    megabytes = settings.RECORDINGS_MAX_BYTES // (1024 * 1024)
    hours = settings.RECORDINGS_MAX_SECONDS / 3600
    longest = (
        f"{hours:g} hours" if hours >= 1 else f"{settings.RECORDINGS_MAX_SECONDS / 60:g} minutes"
    )
    return (
        f"MP3, M4A, WAV, OGG, WEBM or FLAC; between {settings.RECORDINGS_MIN_SECONDS:g} seconds "
        f"and {longest} long, and up to {megabytes} MB."
    )


class RecordingUploadForm(forms.Form):
    audio = forms.FileField(
        label="Audio file of the session",
        error_messages={
            "required": "Choose the audio file of the session.",
            "empty": "The file is empty (0 bytes). Check it plays, then upload it again.",
        },
        widget=forms.ClearableFileInput(
            attrs={"accept": "audio/*," + ",".join(f".{ext}" for ext in ACCEPTED_EXTENSIONS)}
        ),
    )
    session_date = forms.DateField(
        label="Date of the session",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Enter the date of the session.",
            "invalid": "Enter the date of the session as a real date, like 15/01/2026.",
        },
    )
    client_pseudonym = forms.CharField(
        label="Client pseudonym",
        max_length=80,
        help_text="A made-up name or initials, never the client's real name.",
        error_messages={"required": "Enter a pseudonym for the client, such as their initials."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-full-name-warning": ""}),
    )
    skills = forms.MultipleChoiceField(
        label="Skills practised",
        choices=Skill.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one skill you practised in this session."},
    )
    consent = forms.BooleanField(
        label=CONSENT_STATEMENT,
        help_text=f"Consent statement version {CURRENT_CONSENT.version}: the recording keeps it.",
        error_messages={
            "required": "Confirm the client consented to the recording; without it, do not upload."
        },
    )
    upload_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audio"].help_text = _limits_hint()
        self.checked_audio = None
        # Fields other apps add (recordings.upload_fields), shown after the skills.
        added = extra_fields(request) if request is not None else {}
        self.fields.update(added)
        self.added_field_names = list(added)

    @property
    def added_fields(self):
        return [self[name] for name in self.added_field_names]

    def clean_session_date(self):
        date = self.cleaned_data["session_date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date of the session must be today or in the past.")
        return date

    def clean_client_pseudonym(self):
        pseudonym = strip_bidi_controls(self.cleaned_data["client_pseudonym"]).strip()
        if not pseudonym:
            raise forms.ValidationError(self.fields["client_pseudonym"].error_messages["required"])
        return pseudonym

    def clean_audio(self):
        uploaded = self.cleaned_data["audio"]
        uploaded.name = strip_bidi_controls(uploaded.name or "")
        refusal = getattr(uploaded, "refusal", None)  # stopped while arriving: see uploads.py
        if refusal is not None:
            raise forms.ValidationError(refusal.message, code=refusal.code)
        try:
            with uploaded_file_path(uploaded) as path:
                self.checked_audio = check_audio(path)
        except AudioRejected as refusal:
            raise forms.ValidationError(refusal.message, code=refusal.code) from None
        return uploaded

    @property
    def pseudonym_looks_real(self):
        return looks_like_full_name(self.cleaned_data.get("client_pseudonym", ""))
