"""The skills checklist as OEP editors maintain it, and the immutable versions score cards use.

Editors edit one `SkillsChecklist` snippet (drafts, revisions, publishing: Wagtail's own). Each
publish that changes the items records a new `ChecklistVersion` holding the checklist as the
scorer reads it; a score card points at the version it used, so later edits never change it.
There is only ever one checklist: the admin offers no "add" once it exists, refuses a second
one, and only the one checklist's publishes become versions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import receiver
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.signals import published

from scoring.checklist import (
    DETECT_LEVELS,
    Checklist,
    checklist_from_dict,
    load_checklist,
)

from .enums import Skill


class SkillsChecklistForm(WagtailAdminModelForm):
    """The admin form: one checklist only, and each item code used once in it."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance._state.adding and SkillsChecklist.objects.exists():
            raise ValidationError(
                "There is already a skills checklist: edit it instead of adding another."
            )
        self._check_item_codes_are_unique()
        return cleaned_data

    def _check_item_codes_are_unique(self):
        seen = set()
        for form in self.formsets["items"].forms:
            # Validates the item form now (is_valid caches), so its cleaned data can be read.
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            code = form.cleaned_data.get("code", "").strip()
            if not code:
                continue
            if code.upper() in seen:
                form.add_error(
                    "code",
                    f"Another item already has the id {code}: each item needs its own id.",
                )
            seen.add(code.upper())


class SkillsChecklistQuerySet(models.QuerySet):
    def the_checklist(self):
        """The one checklist editors maintain (the first made, should a second ever exist)."""
        return self.order_by("pk").first()


class SkillsChecklist(DraftStateMixin, RevisionMixin, ClusterableModel):
    name = models.CharField(max_length=120, default="SEEDS skills checklist")
    notes = models.TextField(blank=True, help_text="What changed in this version, and why.")

    panels = [
        FieldPanel("name"),
        FieldPanel("notes"),
        InlinePanel("items", heading="Items", label="Item"),
    ]
    base_form_class = SkillsChecklistForm

    objects = SkillsChecklistQuerySet.as_manager()

    class Meta:
        verbose_name = "skills checklist"

    def __str__(self):
        return self.name

    def to_checklist(self, version: str) -> Checklist:
        """The checklist as the scorer reads it; skill titles and session metrics are kept from
        the shipped file, which editors do not change."""
        shipped = load_checklist()
        skills = []
        for skill in shipped.skills:
            items = [item for item in self.items.all() if item.skill == skill.code]
            skills.append(
                {
                    "code": skill.code,
                    "title": skill.title,
                    "items": [item.as_dict() for item in items],
                }
            )
        return checklist_from_dict(
            {
                "version": version,
                "skills": skills,
                "metrics": [metric.to_dict() for metric in shipped.metrics],
            }
        )


class SkillsChecklistItem(Orderable):
    checklist = ParentalKey(SkillsChecklist, on_delete=models.CASCADE, related_name="items")
    code = models.CharField("id", max_length=10, help_text="For example A1 or B4.")
    skill = models.CharField(max_length=40, choices=Skill.choices)
    title = models.CharField(max_length=120)
    behaviour = models.TextField(help_text="The observable behaviour a rater looks for.")
    cues = models.TextField(blank=True, help_text="Typical wording, one cue per line.")
    detect = models.CharField(
        max_length=3,
        choices=[(level, level) for level in DETECT_LEVELS],
        default="M",
        help_text="H: the wording shows it; M: needs context; L: needs human judgement "
        "(shown to reviewers as a prompt, never as a verdict).",
    )
    counts_against = models.BooleanField(
        default=False, help_text="Evidence of this item counts against the skill."
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("skill"), FieldPanel("detect")]),
        FieldPanel("title"),
        MultiFieldPanel([FieldPanel("behaviour"), FieldPanel("cues")], heading="What to look for"),
        FieldPanel("counts_against"),
    ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def as_dict(self) -> dict:
        return {
            "id": self.code,
            "title": self.title,
            "behaviour": self.behaviour,
            "cues": [line.strip() for line in self.cues.splitlines() if line.strip()],
            "detect": self.detect,
            "counts_against": self.counts_against,
        }


class ChecklistVersionQuerySet(models.QuerySet):
    def current(self):
        """The newest version, loading the shipped checklist first on a fresh database."""
        return self.order_by("-number").first() or load_shipped_checklist()


class ChecklistVersion(models.Model):
    """One published state of the checklist. Never edited: score cards point at it."""

    number = models.PositiveIntegerField(unique=True)
    label = models.CharField(max_length=40, unique=True)
    data = models.JSONField(help_text="The checklist as the scorer reads it.")
    notes = models.TextField(blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ChecklistVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"

    def __str__(self):
        return self.label

    def checklist(self) -> Checklist:
        return checklist_from_dict(self.data)

    @classmethod
    @transaction.atomic
    def record(cls, checklist: SkillsChecklist, revision=None, user=None):
        """Record the published checklist as a new version, unless its items are unchanged."""
        # Not current(): on a fresh database that loads the shipped checklist, which publishes
        # and so calls this again.
        latest = cls.objects.select_for_update().order_by("-number").first()
        number = latest.number + 1 if latest else 1
        label = f"seeds-v{number}"
        data = checklist.to_checklist(label).to_dict()
        if latest and _items(latest.data) == _items(data):
            return latest
        return cls.objects.create(
            number=number,
            label=label,
            data=data,
            notes=checklist.notes,
            revision=revision,
            published_by=user,
        )


def _items(data):
    return [skill["items"] for skill in data["skills"]]


@receiver(published, sender=SkillsChecklist)
def record_checklist_version(sender, instance, revision, **kwargs):
    if instance.pk != SkillsChecklist.objects.the_checklist().pk:
        # A stray second checklist must never replace the one the scorer uses.
        return
    ChecklistVersion.record(instance, revision=revision, user=revision.user if revision else None)


@transaction.atomic
def load_shipped_checklist() -> ChecklistVersion:
    """Create the editable checklist from the shipped file and publish it as version 1.

    Does nothing but return the current version when a checklist exists already."""
    if SkillsChecklist.objects.exists():
        return ChecklistVersion.objects.order_by("-number").first()
    shipped = load_checklist()
    checklist = SkillsChecklist(notes=f"Loaded from the shipped file, {shipped.version}.")
    checklist.items = [
        SkillsChecklistItem(
            code=item.id,
            skill=item.skill,
            title=item.title,
            behaviour=item.behaviour,
            cues="\n".join(item.cues),
            detect=item.detect,
            counts_against=item.counts_against,
            sort_order=order,
        )
        for order, item in enumerate(shipped.items)
    ]
    checklist.save()
    checklist.save_revision().publish()
    return ChecklistVersion.objects.order_by("-number").first()
