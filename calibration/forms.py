"""Forms of calibration: asking an owner, setting up an exercise, checking its copy, rating."""

from django import forms

from reviews.enums import Rating

from .models import ConsentStatus
from .permissions import candidate_recordings, consented_recordings, possible_participants

RATING_CHOICES = [("", "Not rated"), *Rating.choices]


class RecordingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, recording):
        team = recording.owner.team or "no team"
        return f"{recording.owner}, {team}: {recording.session_date:%d %b %Y} ({recording.pk})"


class AskConsentForm(forms.Form):
    recording = RecordingChoiceField(queryset=None, label="Recording to ask about")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recording"].queryset = candidate_recordings(user).filter(
            calibration_consent__isnull=True
        )


class ExerciseForm(forms.Form):
    title = forms.CharField(max_length=120, label="Title")
    recording = RecordingChoiceField(
        queryset=None,
        label="Recording",
        help_text="Only recordings whose owner agreed to calibration can be chosen.",
        error_messages={
            "invalid_choice": "Only a recording whose owner agreed to calibration can be chosen."
        },
    )
    participants = forms.ModelMultipleChoiceField(
        queryset=None,
        label="Managers who will rate it",
        widget=forms.CheckboxSelectMultiple,
        help_text="At least two: agreement needs more than one rater.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recording"].queryset = consented_recordings(user)
        self.fields["participants"].queryset = possible_participants()

    def clean(self):
        data = super().clean()
        recording, people = data.get("recording"), data.get("participants")
        if recording is not None and people is not None:
            people = [person for person in people if person.pk != recording.owner_id]
            if len(people) < 2:
                self.add_error(
                    "participants", "Choose at least two managers other than the practitioner."
                )
            data["participants"] = people
        return data


class CheckForm(forms.Form):
    extra_terms = forms.CharField(
        label="Also replace these words",
        help_text="Names or places the copy still shows, separated by commas.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConsentForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[(ConsentStatus.GIVEN, "Yes, I agree"), (ConsentStatus.DECLINED, "No")],
        widget=forms.RadioSelect,
        label="May managers rate a pseudonymised text copy of this session?",
        error_messages={"required": "Select yes if managers may rate a copy, or no if not."},
    )


class CalibrationRatingForm(forms.Form):
    """A rating per checklist item (optional) and per skill (required), blind."""

    def __init__(self, *args, checklist, **kwargs):
        super().__init__(*args, **kwargs)
        self.checklist = checklist
        self.sections = []
        for skill in checklist.skills:
            overall = f"skill_{skill.code}"
            self.fields[overall] = forms.ChoiceField(
                label=f"Overall: {skill.title}",
                choices=RATING_CHOICES,
                error_messages={"required": f"Give an overall rating for {skill.title}."},
            )
            names = []
            for item in skill.items:
                name = f"item_{item.id}"
                self.fields[name] = forms.ChoiceField(
                    label=f"{item.id} {item.title}", choices=RATING_CHOICES, required=False
                )
                names.append(name)
            self.sections.append((skill, self[overall], [self[name] for name in names]))

    def values(self):
        data = self.cleaned_data
        items = {
            item.id: data[f"item_{item.id}"]
            for item in self.checklist.items
            if data.get(f"item_{item.id}")
        }
        skills = {skill.code: data[f"skill_{skill.code}"] for skill in self.checklist.skills}
        return {"items": items, "skills": skills}
