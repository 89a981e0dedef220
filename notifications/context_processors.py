from .unread import unread_count


def unread_notifications(request):
    """The count in the header; lazy, so pages that never show the header never look it up."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: unread_count(user)}
