from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .permissions import AdministratorsOnlyPolicy
from .viewsets import SignInLockoutViewSet

register_permission_policy(AccessAttempt, AdministratorsOnlyPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_sign_in_lockouts():
    return SignInLockoutViewSet("sign_in_lockouts")
