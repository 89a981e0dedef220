"""The one rule for refusing: who may not see a thing is told it does not exist (404), so ids
cannot be probed; who may see it but not do what they ask gets 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def get_or_refuse(visible, pk, *, allowed=True, what="item"):
    """The object `pk` from the queryset `visible` (what the user may see), refusing by the rule.

    `allowed` is a bool or a callable taking the object: may the user do what they ask with it."""
    try:
        obj = visible.get(pk=pk)
    except visible.model.DoesNotExist:
        raise Http404(f"No such {what}.") from None
    if not (allowed(obj) if callable(allowed) else allowed):
        raise PermissionDenied
    return obj
