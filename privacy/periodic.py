"""The access log's clean-up as a periodic job (core.periodic)."""

from core.periodic import PeriodicJob

from .access_log import delete_expired_access_records


def _delete_old() -> str:
    deleted = delete_expired_access_records()
    return f"Deleted {deleted} old access records." if deleted else ""


DELETE_OLD_ACCESS_RECORDS = PeriodicJob("delete_old_access_records", 3600, _delete_old)
