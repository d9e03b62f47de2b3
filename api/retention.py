"""The retention job, scheduled in the API process (APScheduler): delete conversations past the retention period."""

from __future__ import annotations

import datetime as dt
import logging

from apscheduler.schedulers.background import BackgroundScheduler

from privacy.settings import PrivacySettings
from privacy.store import TrackerStore

log = logging.getLogger("nwd.api")


def _run(store: TrackerStore, days: int) -> None:
    try:
        store.delete_older_than(days)
    except Exception as exc:  # a failed run is retried at the next interval; the API keeps serving
        log.error("retention job failed (%s)", type(exc).__name__)


def start_retention(settings: PrivacySettings, store: TrackerStore) -> BackgroundScheduler | None:
    """A background scheduler running the job a minute after start, then every interval; None when disabled."""
    if not settings.retention_enabled:
        return None
    scheduler = BackgroundScheduler(daemon=True)
    scheduler.add_job(
        _run,
        "interval",
        hours=settings.retention_interval_hours,
        args=(store, settings.retention_days),
        next_run_time=dt.datetime.now() + dt.timedelta(minutes=1),
        id="retention",
    )
    scheduler.start()
    return scheduler
