"""Assignment reminders as a periodic job (core.periodic)."""

from core.periodic import PeriodicJob

from .reminders import send_reminders


def _remind() -> str:
    sent = send_reminders()
    return f"Reminded: {', '.join(map(str, sent))}" if sent else ""


SEND_REMINDERS = PeriodicJob("send_assignment_reminders", 3600, _remind)
