from django.apps import AppConfig


class ChecklistConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "checklist"
    verbose_name = "Skills checklist"

    def ready(self):
        from core.content_cache import watch

        from .models import ChecklistVersion

        # Lessons show the current version's item titles, kept until content changes.
        watch(ChecklistVersion)
