"""Response headers every page gets: no caching of a signed-in person's pages (they are about
them: recordings, feedback, learning), the Content-Security-Policy and the Permissions-Policy."""

from functools import wraps

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse
from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


def is_admin_path(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy for the site and one for Wagtail's admin.

    The site runs no inline script or style (settings CONTENT_SECURITY_POLICY). Wagtail's admin
    still writes inline scripts and styles in its widgets and editors (wagtail/wagtail#1288), so
    it gets its own, looser ADMIN_CONTENT_SECURITY_POLICY rather than none: sources stay 'self'."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def permissions_policy(**features):
    """A view decorator that allows features for that view only, e.g.
    ``@permissions_policy(microphone=["self"])`` on a page that records in the browser."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            response = view(*args, **kwargs)
            response.permissions_policy = features
            return response

        return wrapped

    return decorator


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy: the browser features in settings.PERMISSIONS_POLICY (camera,
    microphone, geolocation... all off unless allowed), with a view's own allowances on top."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            features = {
                **settings.PERMISSIONS_POLICY,
                **getattr(response, "permissions_policy", {}),
            }
            response["Permissions-Policy"] = ", ".join(
                f"{name}=({' '.join(allowed)})" for name, allowed in features.items()
            )
        return response
