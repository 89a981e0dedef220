from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "recordings"
    verbose_name = "Recordings"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import pre_delete
        from django_tasks.signals import task_started

        from . import checks  # noqa: F401  (registers the system checks)
        from .person_erasure import erase_person_text_before_delete

        task_started.connect(recover_when_a_job_starts, dispatch_uid="recordings-recover")
        # Erasing a person: their text leaves the audit log and the task rows with them.
        pre_delete.connect(
            erase_person_text_before_delete,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="recordings-erase-person-text",
        )


def recover_when_a_job_starts(sender, task_result, **kwargs):
    """A worker starting a recordings job is alive: let it pick up what dead ones left."""
    from .tasks import QUEUE_NAME, recover_stale_recordings

    if task_result.task.queue_name == QUEUE_NAME:
        recover_stale_recordings()
