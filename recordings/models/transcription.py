"""What Whisper is told before it listens: a site setting administrators edit in the Wagtail
admin (Settings > Transcription); `recordings.processing.transcription_options` reads it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.site_settings import for_default_site
from speech.vocabulary import (
    MAX_PROMPT_TOKENS,
    PROBATION_TERMS,
    prompt_for,
    prompt_tokens,
    terms_in,
)


@register_setting(icon="media")
class TranscriptionSettings(BaseSiteSetting):
    use_vocabulary = models.BooleanField(
        "tell Whisper the words of the trade",
        default=False,
        help_text="Measured with the shipped Whisper settings: in synthesised sentences "
        "(espeak-ng) using the default terms, 21 of 25 terms written right with the list "
        "against 13 without; on three real conversations (medical, not probation) that did not "
        "use them, 6% more words wrong (0.075 against 0.071). Not measured on probation "
        "sessions. It applies to recordings transcribed from now on.",
    )
    vocabulary = models.TextField(
        "words of the trade",
        blank=True,
        default="\n".join(PROBATION_TERMS),
        help_text="One term per line, spelt as transcripts should spell it. Whisper reads "
        f"{MAX_PROMPT_TOKENS} of its tokens, a line of ordinary talk included: about 65 "
        "ordinary words, fewer acronyms.",
    )

    panels = [FieldPanel("use_vocabulary"), FieldPanel("vocabulary")]

    class Meta:
        verbose_name = "transcription"

    def clean(self):
        super().clean()
        if not self.use_vocabulary:
            return  # a list that is off is never given to Whisper, however long
        terms = terms_in(self.vocabulary)
        if not terms:
            raise ValidationError({"vocabulary": "Add at least one term, or turn the list off."})
        try:
            # counted with the line of talk that follows it: Whisper reads the two together
            tokens = prompt_tokens(prompt_for(terms), settings.WHISPER_MODEL)
        except (OSError, ModuleNotFoundError) as error:
            raise ValidationError(
                f"Whisper's model ({settings.WHISPER_MODEL}) cannot be read to count the list: "
                "ask whoever runs the site to check the WHISPER_MODEL setting."
            ) from error
        if tokens > MAX_PROMPT_TOKENS:
            raise ValidationError(
                {
                    "vocabulary": f"The list, with the line of ordinary talk Whisper is "
                    f"always given, makes {tokens} of Whisper's tokens and it reads only "
                    f"{MAX_PROMPT_TOKENS}: the first terms would be dropped. Keep the terms "
                    "your transcripts most often get wrong."
                }
            )

    @classmethod
    def current(cls) -> "TranscriptionSettings":
        """The default site's settings (the worker has no request to take a site from)."""
        return for_default_site(cls)

    def initial_prompt(self) -> str:
        """The prompt Whisper is given: the way people talk, after the list when it is on."""
        return prompt_for(terms_in(self.vocabulary) if self.use_vocabulary else [])
