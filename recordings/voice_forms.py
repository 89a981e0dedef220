"""The voice enrolment form: a short sample of the practitioner's voice and their consent."""

from django import forms

from .voices import CONSENT, MAX_SECONDS, MIN_SECONDS, VoiceSampleRefused, embedding_from_sample


class VoiceEnrolmentForm(forms.Form):
    sample = forms.FileField(
        label="Voice sample",
        help_text=(
            f"About 20 to 30 seconds of you alone, reading the passage aloud (at least "
            f"{MIN_SECONDS:g} seconds, at most {MAX_SECONDS / 60:g} minutes): record it below, "
            "or choose a recording you made (MP3, M4A, WAV, OGG, WEBM or FLAC)."
        ),
        error_messages={
            "required": "Record your voice sample, or choose a file of it.",
            "empty": "The file is empty (0 bytes). Record your voice sample again.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*"}),
    )
    consent = forms.BooleanField(
        label=CONSENT.text,
        help_text=f"Voice print consent version {CONSENT.version}: your voice print keeps it.",
        error_messages={"required": "Confirm you agree to a voice print being kept, or go back."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.embedding = None
        self.seconds = None

    def clean(self):
        cleaned = super().clean()
        sample = cleaned.get("sample")
        if sample is None:
            return cleaned
        if not cleaned.get("consent"):
            # Without consent the sample is not even decoded, and goes with the request.
            sample.close()
            return cleaned
        try:
            self.embedding, self.seconds = embedding_from_sample(sample)
        except VoiceSampleRefused as refusal:
            self.add_error("sample", forms.ValidationError(refusal.message, code=refusal.code))
        return cleaned
