"""Deletion and retention in the tracker store's `events` table; the retention CLI logs counts only."""

from __future__ import annotations

import logging
import sqlite3
import time

import pytest

from privacy.__main__ import main
from privacy.store import TrackerStore

DAY = 86400


def tracker_db(path, conversations):
    """A store shaped like Rasa's SQL tracker store: {sender_id: [timestamps of its events]}."""
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, timestamp REAL, "
            "intent_name TEXT, action_name TEXT, data TEXT)"
        )
        for sender, stamps in conversations.items():
            db.executemany(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, ?)",
                [(sender, t, '{"text": "my SIN [SIN]"}') for t in stamps],
            )
    return path


def senders(path):
    with sqlite3.connect(path) as db:
        return sorted({row[0] for row in db.execute("SELECT sender_id FROM events")})


def test_retention_deletes_conversations_whose_last_message_is_older(tmp_path):
    now = time.time()
    db = tracker_db(
        tmp_path / "tracker.db",
        {"old": [now - 400 * DAY, now - 200 * DAY], "recent": [now - 400 * DAY, now - 2 * DAY], "new": [now]},
    )
    store = TrackerStore(db)
    assert store.delete_older_than(180, now=now) == (1, 2)
    assert senders(db) == ["new", "recent"]
    assert store.is_deleted("old") and not store.is_deleted("recent")
    assert store.delete_older_than(180, now=now) == (0, 0)


def test_retention_refuses_a_period_under_one_day(tmp_path):
    with pytest.raises(ValueError, match="days must be 1 or more"):
        TrackerStore(tmp_path / "t.db").delete_older_than(0)


def test_retention_without_a_store_yet_deletes_nothing(tmp_path):
    assert TrackerStore(tmp_path / "missing.db").delete_older_than(30) == (0, 0)


def test_delete_conversation_removes_only_its_events(tmp_path):
    db = tracker_db(tmp_path / "tracker.db", {"a": [1.0, 2.0], "b": [1.0]})
    store = TrackerStore(db)
    assert store.delete_conversation("a") == 2
    assert senders(db) == ["b"] and store.is_deleted("a")
    assert TrackerStore(db).is_deleted("a")  # remembered in the database, not only in memory


def test_retention_cli_logs_counts_and_never_ids(tmp_path, caplog):
    now = time.time()
    db = tracker_db(tmp_path / "tracker.db", {"secret-session-id": [now - 10 * DAY], "kept": [now]})
    with caplog.at_level(logging.INFO, logger="nwd.privacy"):
        assert main(["retention", "--days", "7", "--db", str(db)]) == 0
    assert "deleted 1 conversations (1 events) older than 7 days" in caplog.text
    assert "secret-session-id" not in caplog.text and "[SIN]" not in caplog.text
    assert senders(db) == ["kept"]
