"""What Whisper is told before it listens: a site setting administrators edit in the Wagtail
admin (Settings > Transcription); `recordings.processing.transcription_options` reads it."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from speech.vocabulary import MAX_VOCABULARY_WORDS, PROBATION_TERMS, prompt_for, terms_in


@register_setting(icon="media")
class TranscriptionSettings(BaseSiteSetting):
    use_vocabulary = models.BooleanField(
        "tell Whisper the words of the trade",
        default=False,
        help_text="Measured with the shipped Whisper settings: in spoken sentences that use "
        "them, 21 of 25 terms written right with the list against 15 without; on three real "
        "conversations that did not use them, 5% more words wrong (0.087 against 0.083). Turn "
        "it on if your sessions are full of these terms and reviewers often correct them. It "
        "applies to recordings transcribed from now on.",
    )
    vocabulary = models.TextField(
        "words of the trade",
        blank=True,
        default="\n".join(PROBATION_TERMS),
        help_text=f"One term per line, spelt as transcripts should spell it (at most "
        f"{MAX_VOCABULARY_WORDS} words in all).",
    )

    panels = [FieldPanel("use_vocabulary"), FieldPanel("vocabulary")]

    class Meta:
        verbose_name = "transcription"

    def clean(self):
        super().clean()
        words = sum(len(term.split()) for term in terms_in(self.vocabulary))
        if words > MAX_VOCABULARY_WORDS:
            raise ValidationError(
                {
                    "vocabulary": f"The list has {words} words; Whisper reads at most "
                    f"{MAX_VOCABULARY_WORDS}. Keep the terms your transcripts most often get wrong."
                }
            )
        if self.use_vocabulary and not terms_in(self.vocabulary):
            raise ValidationError({"vocabulary": "Add at least one term, or turn the list off."})

    @classmethod
    def current(cls) -> "TranscriptionSettings":
        """The default site's settings (the worker has no request to take a site from)."""
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()

    def initial_prompt(self) -> str | None:
        """The prompt Whisper is given, or None when the list is off or empty."""
        return prompt_for(terms_in(self.vocabulary)) if self.use_vocabulary else None
