"""A permission policy for admin views that only administrators may use."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .roles import Role


class AdministratorsOnlyPolicy(BasePermissionPolicy):
    """Administrators may list, inspect and delete; nobody adds or edits here (recordings come
    in through the upload form with its checks; sign-in lockouts are made by failed sign-ins)."""

    actions = frozenset({"view", "delete"})

    def user_has_permission(self, user, action):
        return (
            user.is_authenticated
            and user.is_active
            and action in self.actions
            and user.is_administrator
        )

    def users_with_any_permission(self, actions):
        if not self.actions.intersection(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name=Role.ADMINISTRATOR.value))
            .filter(is_active=True)
            .distinct()
        )
