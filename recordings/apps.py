from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "recordings"
    verbose_name = "Recordings"

    def ready(self):
        from django_tasks.signals import task_started

        from . import checks  # noqa: F401  (registers the system checks)

        task_started.connect(recover_when_a_job_starts, dispatch_uid="recordings-recover")


def recover_when_a_job_starts(sender, task_result, **kwargs):
    """A worker starting a recordings job is alive: let it pick up what dead ones left."""
    from .tasks import QUEUE_NAME, recover_stale_recordings

    if task_result.task.queue_name == QUEUE_NAME:
        recover_stale_recordings()
