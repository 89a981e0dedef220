from .models import Notification


def unread_notifications(request):
    """The count in the header; lazy, so pages that never show the header never query it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: Notification.objects.for_user(user).unread().count()}
