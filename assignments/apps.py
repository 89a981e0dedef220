from django.apps import AppConfig


class AssignmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assignments"
    verbose_name = "Assignments"

    def ready(self):
        from django.db.models.signals import post_save

        from training.models import LessonCompletion

        from .completion import complete_on_lesson_completion

        post_save.connect(
            complete_on_lesson_completion,
            sender=LessonCompletion,
            dispatch_uid="assignments-complete-on-lesson",
        )
