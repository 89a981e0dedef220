"""The "Who has seen this recording" page, for the recording's owner and administrators."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from .permissions import recording_with_access_log

PER_PAGE = 50


@login_required
def recording_access(request, pk):
    recording = recording_with_access_log(request.user, pk)
    records = recording.access_records.select_related("accessor")
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "privacy/recording_access.html",
        {
            "recording": recording,
            "records": page,
            "breadcrumbs": [(str(recording), recording.get_absolute_url())],
        },
    )
