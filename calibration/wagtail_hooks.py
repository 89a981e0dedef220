"""Calibration's audit-log actions, and the owner's link to answer a calibration request."""

from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail import hooks

from recordings import links as recording_links

from . import calibrating
from .models import CalibrationConsent, ConsentStatus


@hooks.register("register_log_actions")
def register_calibration_actions(actions):
    actions.register_action(calibrating.ASK, "Ask for calibration", "Owner asked for calibration")
    actions.register_action(calibrating.ANSWER, "Answer calibration", "Owner answered")
    actions.register_action(calibrating.OPEN, "Open calibration", "Calibration shared")
    actions.register_action(calibrating.CLOSE, "Close calibration", "Calibration closed")
    actions.register_action(calibrating.SUBMIT, "Submit calibration", "Calibration ratings")


@hooks.register("register_permissions")
def register_calibration_permission():
    """Lets administrators give "Can set up calibration exercises" to a group (e.g. senior
    treatment managers) on the Wagtail admin's group page."""
    return Permission.objects.filter(
        content_type__app_label="calibration", codename="run_calibration"
    )


@hooks.register(recording_links.HOOK)
def calibration_request_links(user, recordings):
    """On the owner's recording: the calibration request, to answer or to change the answer."""
    consents = CalibrationConsent.objects.filter(
        recording__in=[r for r in recordings if r.owner_id == user.pk]
    )
    labels = {
        ConsentStatus.ASKED: "Answer the calibration request",
        ConsentStatus.GIVEN: "Calibration: you agreed (change)",
        ConsentStatus.DECLINED: "Calibration: you declined (change)",
    }
    return {
        consent.recording_id: [
            (labels[consent.status], reverse("calibration:consent", args=[consent.recording_id]))
        ]
        for consent in consents
    }
