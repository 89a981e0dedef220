from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = "Privacy"

    def ready(self):
        from recordings.signals import recording_accessed

        from . import sessions  # noqa: F401  (connects the sign-in receiver)
        from .access_log import log_access

        recording_accessed.connect(log_access, dispatch_uid="privacy-access-log")
