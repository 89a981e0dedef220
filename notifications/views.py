"""A person's notifications: the list, opening one (which marks it read), marking all read, and
whether to be emailed too."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from . import unread
from .forms import EmailPreferenceForm
from .models import EmailPreference, Notification

LISTED = 50


@login_required
def notification_list(request):
    notifications = Notification.objects.for_user(request.user).select_related(
        "recording__owner", "actor"
    )[:LISTED]
    return render(request, "notifications/list.html", {"notifications": notifications})


@login_required
@require_POST
def open_notification(request, pk):
    # Someone else's notification is "not found", like any other object that is not yours.
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(notification.target_url)


@login_required
@require_POST
def mark_all_read(request):
    count = Notification.objects.for_user(request.user).unread().update(read_at=timezone.now())
    unread.forget(request.user.pk)  # update() sends no signals
    messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked as read.")
    return redirect("notifications:list")


@login_required
def email_preference(request):
    # Unsaved until the form is sent: looking at the setting must not store anything.
    preference = EmailPreference.objects.filter(user=request.user).first() or EmailPreference(
        user=request.user
    )
    # An unticked box posts nothing: the form is bound on every POST, empty or not.
    data = request.POST if request.method == "POST" else None
    form = EmailPreferenceForm(data, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your email setting is saved.")
        return redirect("notifications:list")
    return render(request, "notifications/email_preference.html", {"form": form})
