"""The review form: a rating per checklist item and skill, and the coached feedback points;
a comment at a moment and a reply in a conversation.

Built from the score card's checklist version and the recording's transcript, so the items are
the ones the machine scored and every anchor is a real line of the transcript. Skills the
practitioner did not choose at upload start as "not applicable" and need no rating to share.
"""

from typing import NamedTuple

from django import forms

from checklist.enums import Skill
from core.timecodes import timecode

from .agreement import agreement, machine_proposal
from .enums import PointKind, Rating
from .models import FeedbackPoint, ItemRating, SkillRating
from .moments import MomentField, anchor

RATING_CHOICES = [("", "Not rated"), *Rating.choices]
WENT_WELL_POINTS = 2  # feedback practitioners act on: at most two things done well, one to work on
# The longest comment, reply or response in a feedback conversation. The reply box's textarea
# (templates/reviews/includes/reply_form.html) is written by hand with the same maxlength.
MESSAGE_MAX_CHARS = 4000


def line_label(segment):
    text = segment.text if len(segment.text) <= 60 else segment.text[:57] + "…"
    return f"{segment.start_label} {segment.get_role_display() or 'Unknown'}: {text}"


def practised_skills(recording, checklist) -> set[str]:
    """The skills chosen at upload; every skill for a recording that names none."""
    every = {skill.code for skill in checklist.skills}
    chosen = every & set(recording.skills or [])
    return chosen or every


MOMENT_LABELS = {
    "went_well_1_at": "Moment of the first thing that went well",
    "went_well_2_at": "Moment of the second thing that went well",
    "work_on_at": "Moment of the thing to work on",
}


class ReviewForm(forms.Form):
    def __init__(self, *args, checklist, scorecard, segments, practised=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.checklist = checklist
        self.scorecard = scorecard
        self.segments = {segment.index: segment for segment in segments}
        every = {skill.code for skill in checklist.skills}
        self.practised = set(practised) if practised is not None else every
        for skill in checklist.skills:
            self.fields[f"skill_{skill.code}"] = forms.ChoiceField(
                label=f"Overall: {skill.title}",
                choices=RATING_CHOICES,
                required=False,
                help_text=(
                    ""
                    if skill.code in self.practised
                    else "Not chosen at upload: not applicable unless you rate it."
                ),
            )
            for item in skill.items:
                self.fields[f"item_{item.id}"] = forms.ChoiceField(
                    label=f"{item.id} {item.title}", choices=RATING_CHOICES, required=False
                )
        for number in range(1, WENT_WELL_POINTS + 1):
            self.fields[f"went_well_{number}"] = forms.CharField(
                label=f"What went well ({number} of {WENT_WELL_POINTS})",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
            self.fields[f"went_well_{number}_at"] = MomentField(
                label=MOMENT_LABELS[f"went_well_{number}_at"], required=False
            )
        self.fields["work_on"] = forms.CharField(
            label="One thing to work on", widget=forms.Textarea(attrs={"rows": 2}), required=False
        )
        self.fields["work_on_example"] = forms.CharField(
            label="What it could have sounded like",
            widget=forms.Textarea(attrs={"rows": 2}),
            required=False,
        )
        self.fields["work_on_at"] = MomentField(label=MOMENT_LABELS["work_on_at"], required=False)

    # ------------------------------------------------------------------ reading a review

    @staticmethod
    def initial_for(review, practised=()) -> dict:
        """The form as the review left it; a skill not practised and not rated starts as
        "not applicable"."""
        initial = {f"item_{r.item}": r.rating for r in review.item_ratings.all()}
        initial.update({f"skill_{r.skill}": r.rating for r in review.skill_ratings.all()})
        for code in Skill.values:
            if code not in practised:
                initial.setdefault(f"skill_{code}", Rating.NOT_APPLICABLE)
        for number, point in enumerate(review.went_well[:WENT_WELL_POINTS], start=1):
            initial[f"went_well_{number}"] = point.text
            initial[f"went_well_{number}_at"] = point.at
        if review.work_on:
            initial["work_on"] = review.work_on.text
            initial["work_on_example"] = review.work_on.example
            initial["work_on_at"] = review.work_on.at
        return initial

    def moment_fields(self):
        return [self[name] for name in MOMENT_LABELS]

    # ------------------------------------------------------------------ checks for sharing

    def check_shareable(self) -> bool:
        """Sharing needs the feedback's shape: a point done well, the one to work on with an
        example, each at a moment, and an overall rating for every skill practised (one not
        chosen at upload may stay unrated)."""
        data = self.cleaned_data
        needs = [
            ("went_well_1", "Write at least one thing that went well."),
            ("went_well_1_at", "Choose the moment of what went well."),
            ("work_on", "Write the one thing to work on."),
            ("work_on_example", "Give an example of what it could have sounded like."),
            ("work_on_at", "Choose the moment of the thing to work on."),
        ]
        for skill in self.checklist.skills:
            if skill.code in self.practised:
                needs.append((f"skill_{skill.code}", f"Give an overall rating for {skill.title}."))
        if data.get("went_well_2"):
            needs.append(("went_well_2_at", "Choose the moment of the second thing."))
        for field, message in needs:
            if data.get(field) in (None, ""):
                self.add_error(field, message)
        return not self.errors

    # ------------------------------------------------------------------ writing a review

    def _point(self, kind, text, seconds, example=""):
        line, at = (None, None)
        if seconds is not None:
            line, at = anchor(self.segments.values(), seconds)
        return FeedbackPoint(
            kind=kind, text=text.strip(), example=example.strip(), line=line, at=at
        )

    def apply_to(self, review):
        """Set the review's ratings and points from the form (in memory: the caller saves)."""
        data = self.cleaned_data
        scored = self.scorecard.items
        review.checklist_version = self.scorecard.checklist_version
        ratings = []
        for item in self.checklist.items:
            rating = data.get(f"item_{item.id}")
            if rating:
                result = scored.get(item.id, {})
                ratings.append(
                    ItemRating(
                        item=item.id,
                        skill=item.skill,
                        rating=rating,
                        machine_proposal=machine_proposal(result),
                        agreement=agreement(result, rating),
                    )
                )
        review.item_ratings = ratings
        review.skill_ratings = [
            SkillRating(skill=skill.code, rating=data[f"skill_{skill.code}"])
            for skill in self.checklist.skills
            if data.get(f"skill_{skill.code}")
        ]
        points = []
        for number in range(1, WENT_WELL_POINTS + 1):
            if data.get(f"went_well_{number}", "").strip():
                points.append(
                    self._point(
                        PointKind.WENT_WELL,
                        data[f"went_well_{number}"],
                        data.get(f"went_well_{number}_at"),
                    )
                )
        if data.get("work_on", "").strip() or data.get("work_on_example", "").strip():
            points.append(
                self._point(
                    PointKind.WORK_ON,
                    data.get("work_on", ""),
                    data.get("work_on_at"),
                    data.get("work_on_example", ""),
                )
            )
        review.points = points
        return review


class CommentForm(forms.Form):
    """A comment at a moment: the player's position, a line, or words selected in a line."""

    text = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_CHARS,
        error_messages={"required": "Write your comment before saving it."},
    )
    moment = MomentField(
        label="Moment",
        error_messages={"required": "Choose the moment: play the recording or pick a line."},
    )
    line = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    quote = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def __init__(self, *args, segments, duration=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.segments = {segment.index: segment for segment in segments}
        self.duration = duration

    def clean_moment(self):
        # A moment past the end would be saved at a time the player can never reach.
        moment = self.cleaned_data["moment"]
        if self.duration and moment > self.duration + 1:
            raise forms.ValidationError(
                f"The recording is {timecode(self.duration)} long: choose a moment within it.",
                code="past_the_end",
            )
        return moment

    def values(self) -> dict:
        """text, at, line and quote: a chosen line is kept (the words were selected in it);
        otherwise the line the moment falls in."""
        data = self.cleaned_data
        line, at = anchor(self.segments.values(), data["moment"])
        chosen = self.segments.get(data.get("line"))
        if chosen is not None:
            line, at = chosen.index, max(data["moment"], chosen.start)
        quote = data.get("quote", "").strip() if chosen is not None else ""
        return {"text": data["text"].strip(), "at": at, "line": line, "quote": quote}


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Reply",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MESSAGE_MAX_CHARS,
        error_messages={"required": "Write your reply before sending it."},
    )


class ResponseForm(forms.Form):
    text = forms.CharField(
        label="Write a response",
        help_text="Your manager will see it. What will you try next time?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_CHARS,
    )


class Moment(NamedTuple):
    """One moment of the self-assessment: a line of the transcript and a note on it, stored in
    the assessment's `<name>_line` and `<name>_note`."""

    name: str
    label: str
    required_message: str  # shown when no line is chosen
    note_label: str


class SelfAssessmentForm(forms.Form):
    """The practitioner rates each skill on the managers' scale and picks two moments of the
    transcript: the one they are proudest of and one they would do again differently."""

    MOMENTS = (
        Moment(
            "proudest",
            "The moment you are proudest of",
            "Choose the moment you are proudest of.",
            "Why that moment?",
        ),
        Moment(
            "redo",
            "A moment you would do differently",
            "Choose a moment you would do differently.",
            "What would you do instead?",
        ),
    )

    def __init__(self, *args, segments, **kwargs):
        super().__init__(*args, **kwargs)
        self.segments = {segment.index: segment for segment in segments}
        lines = [
            ("", "Choose the moment in the transcript"),
            *[(str(index), line_label(segment)) for index, segment in self.segments.items()],
        ]
        for skill in Skill:
            self.fields[f"skill_{skill.value}"] = forms.ChoiceField(
                label=skill.label,
                choices=[("", "Choose a rating"), *Rating.choices],
                error_messages={"required": f"Rate your {skill.label.lower()}."},
            )
        for moment in self.MOMENTS:
            self.fields[f"{moment.name}_line"] = forms.ChoiceField(
                label=moment.label,
                choices=lines,
                error_messages={"required": moment.required_message},
            )
            self.fields[f"{moment.name}_note"] = forms.CharField(
                label=moment.note_label,
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )

    @property
    def skill_fields(self):
        return [self[f"skill_{skill.value}"] for skill in Skill]

    @classmethod
    def initial_for(cls, assessment) -> dict:
        if assessment is None:
            return {}
        initial = {f"skill_{code}": rating for code, rating in assessment.ratings.items()}
        for moment in cls.MOMENTS:
            initial[f"{moment.name}_line"] = str(getattr(assessment, f"{moment.name}_line"))
            initial[f"{moment.name}_note"] = getattr(assessment, f"{moment.name}_note")
        return initial

    def values(self) -> dict:
        data = self.cleaned_data
        values = {"ratings": {skill.value: data[f"skill_{skill.value}"] for skill in Skill}}
        for moment in self.MOMENTS:
            values[f"{moment.name}_line"] = int(data[f"{moment.name}_line"])
            values[f"{moment.name}_note"] = data[f"{moment.name}_note"].strip()
        return values
