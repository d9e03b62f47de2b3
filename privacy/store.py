"""Delete conversations from Rasa's tracker store, on request and after the retention period.

Only the store's documented `events` table is used (columns sender_id and timestamp), with
SQLite (the embedded default). Deleted conversation ids are remembered, hashed, in a table
beside it, so a deleted session id is refused afterwards.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from contextlib import closing
from pathlib import Path

log = logging.getLogger("nwd.privacy")
RETENTION_DAYS = 180
_DELETED_TABLE = "nwd_deleted_conversations"


def default_tracker_db() -> Path:
    """The process's tracker store (NWD_PRIVACY_TRACKER_DB)."""
    from nwd.settings import get_settings

    return get_settings().privacy.tracker_db


def _hash(sender_id: str) -> str:
    return hashlib.sha256(sender_id.encode()).hexdigest()


class TrackerStore:
    def __init__(self, db: Path):
        self.db = db
        self._deleted_cache: set[str] = set()

    def _connect(self) -> sqlite3.Connection:
        self.db.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.db, timeout=15)
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {_DELETED_TABLE} (sender_hash TEXT PRIMARY KEY, deleted_at REAL NOT NULL)"
        )
        return connection

    @staticmethod
    def _has_events(connection: sqlite3.Connection) -> bool:
        row = connection.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='events'").fetchone()
        return row is not None

    def is_deleted(self, sender_id: str) -> bool:
        """Whether this conversation was deleted (by its person or by the retention job)."""
        key = _hash(sender_id)
        if key in self._deleted_cache:
            return True
        with closing(self._connect()) as connection:
            found = connection.execute(f"SELECT 1 FROM {_DELETED_TABLE} WHERE sender_hash = ?", (key,)).fetchone()
        if found:
            self._deleted_cache.add(key)
        return found is not None

    def delete_conversation(self, sender_id: str) -> int:
        """Delete every event of one conversation and remember it as deleted; the number of events removed."""
        with closing(self._connect()) as connection, connection:
            removed = 0
            if self._has_events(connection):
                removed = connection.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,)).rowcount
            connection.execute(
                f"INSERT OR REPLACE INTO {_DELETED_TABLE} (sender_hash, deleted_at) VALUES (?, ?)",
                (_hash(sender_id), time.time()),
            )
        self._deleted_cache.add(_hash(sender_id))
        return removed

    def count_events(self, sender_id: str) -> int:
        with closing(self._connect()) as connection:
            if not self._has_events(connection):
                return 0
            row = connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender_id,)).fetchone()
        return int(row[0])

    def delete_older_than(self, days: int, now: float | None = None) -> tuple[int, int]:
        """Delete conversations whose last event is older than `days`; (conversations, events) removed.

        Logs the counts only: never an id or a message.
        """
        if days < 1:
            raise ValueError(f"retention: days must be 1 or more, not {days}")
        cutoff = (now if now is not None else time.time()) - days * 86400
        if not self.db.exists():
            log.info("retention: no tracker store at %s yet; nothing to delete", self.db)
            return 0, 0
        with closing(self._connect()) as connection, connection:
            if not self._has_events(connection):
                return 0, 0
            old = [
                row[0]
                for row in connection.execute(
                    "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < ?", (cutoff,)
                )
            ]
            events = 0
            for sender_id in old:
                events += connection.execute("DELETE FROM events WHERE sender_id = ?", (sender_id,)).rowcount
                connection.execute(
                    f"INSERT OR REPLACE INTO {_DELETED_TABLE} (sender_hash, deleted_at) VALUES (?, ?)",
                    (_hash(sender_id), time.time()),
                )
        log.info("retention: deleted %d conversations (%d events) older than %d days", len(old), events, days)
        return len(old), events
