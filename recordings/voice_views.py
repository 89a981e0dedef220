"""The practitioner's own voice enrolment: see whether a voice print is kept, make one from a
sample recorded in the browser or chosen as a file, and delete it (recordings.voices does the
work). There is no other person's page: each view acts on the signed-in practitioner only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse

from . import voices
from .microphone import records_in_the_browser
from .voice_forms import VoiceEnrolmentForm

READING_PASSAGE = (
    "Thanks for coming in today. Before we start, I want to check how the last week has gone "
    "for you, and then we can look at the plan we made together. If anything has come up that "
    "you want to talk about first, tell me and we will make time for it. At the end I will sum "
    "up what we agreed, and we will book the next appointment."
)


def _practitioner_only(request):
    if not request.user.is_practitioner:
        raise PermissionDenied("Only practitioners enrol their voice for their own recordings.")


@login_required
@records_in_the_browser
def voice(request):
    _practitioner_only(request)
    if request.method == "POST":
        form = VoiceEnrolmentForm(request.POST, request.FILES)
        if form.is_valid():
            voices.enrol(request.user, form.embedding, seconds=form.seconds)
            messages.success(
                request,
                "Your voice print is saved and the voice sample is deleted. It will be used to "
                "tell you from the client in the recordings you upload from now on.",
            )
            return redirect("recordings:voice")
    else:
        form = VoiceEnrolmentForm()
    return render(
        request,
        "recordings/voice.html",
        {
            "form": form,
            "voice_print": voices.voice_print_of(request.user),
            "passage": READING_PASSAGE,
            "breadcrumbs": [("My recordings", reverse("recordings:list"))],
        },
    )


@login_required
def voice_delete(request):
    _practitioner_only(request)
    if request.method == "POST":
        if voices.withdraw(request.user):
            messages.success(request, "Your voice print is deleted.")
        else:
            messages.info(request, "You had no voice print to delete.")
        return redirect("recordings:voice")
    if voices.voice_print_of(request.user) is None:
        return redirect("recordings:voice")
    return render(
        request,
        "recordings/confirm_voice_delete.html",
        {
            "breadcrumbs": [
                ("My recordings", reverse("recordings:list")),
                ("Your voice", reverse("recordings:voice")),
            ]
        },
    )
