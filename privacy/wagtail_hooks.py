"""The access log beside recordings (a "Who has seen it" link for owners and administrators)
and in the admin (Settings > Access log), and the subject-access export in the admin's user
list."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from recordings import links as recording_links

from .admin_views import subject_access_export
from .models import AccessRecord
from .periodic import DELETE_OLD_ACCESS_RECORDS
from .permissions import may_see_access_log
from .viewsets import AccessLogPolicy, AccessRecordViewSet

register_permission_policy(AccessRecord, AccessLogPolicy(AccessRecord))


@hooks.register("register_admin_viewset")
def register_access_log():
    return AccessRecordViewSet("access_log")


@hooks.register(recording_links.HOOK)
def access_log_links(user, recordings):
    return {
        recording.pk: [
            ("Who has seen it", reverse("privacy:recording_access", args=[recording.pk]))
        ]
        for recording in recordings
        if may_see_access_log(user, recording)
    }


@hooks.register("register_admin_urls")
def register_subject_access_urls():
    return [
        path(
            "privacy/subject-access/<int:user_id>/",
            subject_access_export,
            name="privacy_subject_access_export",
        )
    ]


@hooks.register("register_user_listing_buttons")
def subject_access_button(user, request_user):
    if request_user.is_administrator:
        yield Button(
            "Download everything held (subject access)",
            reverse("privacy_subject_access_export", args=[user.pk]),
            icon_name="download",
            priority=90,
        )


@hooks.register("register_periodic_jobs")
def register_privacy_periodic_jobs():
    return [DELETE_OLD_ACCESS_RECORDS]
