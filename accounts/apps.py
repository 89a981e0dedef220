from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the team field on its forms."""

    user_viewset = "accounts.viewsets.UserViewSet"
