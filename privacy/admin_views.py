"""The administrators' subject-access export, reached from each user's "More" menu in the
Wagtail admin's user list."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .subject_access import export_subject_access


@require_GET
def subject_access_export(request, user_id):
    if not request.user.is_administrator:
        raise PermissionDenied("Only administrators export a person's data.")
    person = get_object_or_404(get_user_model(), pk=user_id)
    response = HttpResponse(
        export_subject_access(request.user, person), content_type="application/json"
    )
    name = slugify(person.get_username()) or str(person.pk)
    response["Content-Disposition"] = (
        f'attachment; filename="subject-access-{name}-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response
