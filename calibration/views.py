"""Calibration pages: the list, the owner's answer, setting up and checking an exercise (leads),
rating it blind (participants) and the report.

Exercises are fetched through calibration.permissions and recordings through
recordings.permissions, with the 404/403 rule of core.permissions.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from recordings.permissions import get_recording_for

from . import calibrating
from .forms import AskConsentForm, CalibrationRatingForm, CheckForm, ConsentForm, ExerciseForm
from .models import CalibrationConsent, ConsentStatus, ExerciseStatus
from .permissions import (
    candidate_recordings,
    exercise_for_report,
    exercise_to_lead,
    exercise_to_rate,
    has_submitted,
    invited_exercises,
    is_lead,
    is_leading,
    led_exercises,
)
from .pseudonymising import pseudonymised_lines
from .report import build_report, table


def _crumbs(*extra):
    return [("Calibration", reverse("calibration:index")), *extra]


def _posted(request):
    """The form's data on a POST, else None (unbound). Not ``request.POST or None``: a POST
    whose only field is an unanswered question is empty, and must show its errors, not the
    question again as if never asked."""
    return request.POST if request.method == "POST" else None


def _lead_only(user):
    if not is_lead(user):
        raise Http404("Calibration exercises are set up by calibration leads.")


@login_required
def index(request):
    user = request.user
    lead = is_lead(user)
    invited = list(invited_exercises(user))
    if not (lead or invited or user.is_treatment_manager):
        raise Http404("Calibration is for treatment managers.")
    submitted = set(
        user.calibration_ratings.filter(submitted_at__isnull=False).values_list(
            "exercise_id", flat=True
        )
    )
    context = {"invited": [(e, e.pk in submitted) for e in invited], "is_lead": lead}
    if lead:
        context.update(
            led=led_exercises(user).prefetch_related("participants"),
            ask_form=AskConsentForm(user=user),
            consents=CalibrationConsent.objects.filter(
                recording__in=candidate_recordings(user)
            ).select_related("recording", "recording__owner"),
        )
    return render(request, "calibration/index.html", context)


@require_POST
@login_required
def ask(request):
    _lead_only(request.user)
    form = AskConsentForm(request.POST, user=request.user)
    if form.is_valid():
        calibrating.ask_consent(form.cleaned_data["recording"], request.user)
        messages.success(request, "The practitioner is asked; the recording can be used once "
                         "they agree.")  # fmt: skip
    else:
        messages.error(request, "Choose a recording you may see that has not been asked about.")
    return redirect("calibration:index")


@login_required
def consent(request, recording_pk):
    """The owner is asked whether managers may rate a pseudonymised copy, and answers."""
    recording = get_recording_for(request.user, recording_pk)
    if recording.owner_id != request.user.pk:
        raise PermissionDenied("Only the practitioner answers for their recording.")
    consent = get_object_or_404(CalibrationConsent, recording=recording)
    form = ConsentForm(_posted(request), initial={"answer": consent.status})
    if request.method == "POST" and form.is_valid():
        agree = form.cleaned_data["answer"] == ConsentStatus.GIVEN
        calibrating.answer_consent(consent, request.user, agree)
        messages.success(
            request,
            "Thank you: managers may rate a pseudonymised text copy of this session."
            if agree
            else "Your recording will not be used for calibration.",
        )
        return redirect(recording)
    return render(
        request,
        "calibration/consent.html",
        {
            "recording": recording,
            "consent": consent,
            "form": form,
            "breadcrumbs": [(str(recording), recording.get_absolute_url())],
        },
    )


@login_required
def new(request):
    _lead_only(request.user)
    form = ExerciseForm(_posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            exercise = calibrating.create_exercise(
                data["recording"], request.user, title=data["title"],
                participants=data["participants"],
            )  # fmt: skip
        except calibrating.NoConsent:
            form.add_error("recording", "The owner has not agreed to calibration.")
        else:
            messages.info(request, "Check the pseudonymised transcript before you share it.")
            return redirect("calibration:check", pk=exercise.pk)
    return render(
        request,
        "calibration/new.html",
        {"form": form, "breadcrumbs": _crumbs()},
    )


@login_required
def check(request, pk):
    """The lead reads the pseudonymised copy beside what was replaced, asks for more words to
    be replaced, and shares it with the participants."""
    exercise = exercise_to_lead(request.user, pk)
    form = CheckForm(_posted(request), initial={"extra_terms": exercise.extra_terms})
    if request.method == "POST" and exercise.status == ExerciseStatus.CHECKING:
        if request.POST.get("action") == "open":
            try:
                calibrating.open_exercise(exercise, request.user)
            except calibrating.NoConsent:
                messages.error(request, "The owner has withdrawn consent: it cannot be shared.")
                return redirect("calibration:index")
            messages.success(request, "Shared with the participants: they can rate it now.")
            return redirect("calibration:report", pk=exercise.pk)
        if form.is_valid():
            calibrating.recheck(exercise, form.cleaned_data["extra_terms"])
            messages.info(request, "The copy is made again: check it once more.")
            return redirect("calibration:check", pk=exercise.pk)
    _, replacements = pseudonymised_lines(exercise.recording, exercise.extra_terms)
    return render(
        request,
        "calibration/check.html",
        {
            "exercise": exercise,
            "form": form,
            "replacements": replacements,
            "breadcrumbs": _crumbs(),
        },
    )


@login_required
def exercise(request, pk):
    """A participant reads the pseudonymised transcript and rates it, blind."""
    exercise = exercise_to_rate(request.user, pk)
    submitted = has_submitted(request.user, exercise)
    checklist = exercise.checklist_version.checklist()
    form = CalibrationRatingForm(_posted(request), checklist=checklist)
    if request.method == "POST":
        if submitted or exercise.status != ExerciseStatus.OPEN:
            raise PermissionDenied("Your ratings are already submitted.")
        if form.is_valid():
            calibrating.submit(exercise, request.user, **form.values())
            messages.success(request, "Submitted. Here is how the group rated it so far.")
            return redirect("calibration:report", pk=exercise.pk)
    return render(
        request,
        "calibration/exercise.html",
        {
            "exercise": exercise,
            "form": form,
            "submitted": submitted,
            "count": exercise.submitted().count(),
            "breadcrumbs": _crumbs(),
        },
    )


@require_POST
@login_required
def close(request, pk):
    exercise = exercise_to_lead(request.user, pk)
    if exercise.status == ExerciseStatus.OPEN:
        calibrating.close_exercise(exercise, request.user)
        messages.success(request, "Closed: no more ratings can be submitted.")
    return redirect("calibration:report", pk=exercise.pk)


@login_required
def report(request, pk):
    exercise = exercise_for_report(request.user, pk)
    leading = is_leading(request.user, exercise)
    result = build_report(exercise)
    return render(
        request,
        "calibration/report.html",
        {
            "exercise": exercise,
            "report": result,
            "leading": leading,
            "table": table(result, [r.pk for r in result.raters] if leading else [request.user.pk]),
            "my_differences": [
                (row, row.label_of(request.user.pk)) for row in result.differences(request.user.pk)
            ],
            "participants": exercise.participants.all(),
            "breadcrumbs": _crumbs(),
        },
    )
