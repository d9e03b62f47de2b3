"""The gateway's privacy edge, with a recording stand-in for Rasa: redaction, notice, typed payloads, deletion."""

from __future__ import annotations

import logging
import sqlite3

import pytest
from fastapi.testclient import TestClient

from api.access_log import NoQueryStrings
from api.deps import get_api_settings, get_privacy_settings
from api.main import create_app
from api.settings import ApiSettings
from api.state import AppState
from privacy.settings import PrivacySettings
from replies.models import AnswerReply, Button

FEEDBACK_YES = '/feedback{"helpful": "yes"}'


class RecordingRasa:
    """Answers every message in the requested language, with feedback buttons; keeps what it was sent."""

    def __init__(self):
        self.sent: list[str] = []

    async def send(self, sender, text, metadata):
        self.sent.append(text)
        if metadata.get("language") == "fr":
            reply = "Voici ce que j'ai trouvé pour votre question sur les services offerts en Ontario."
        else:
            reply = "Here is what I found for your question about the services offered in Ontario."
        buttons = [Button(title="Yes", payload=FEEDBACK_YES), Button(title="No", payload='/feedback{"helpful": "no"}')]
        return [AnswerReply(text=reply, buttons=buttons)]

    async def slots(self, sender):
        return {}

    async def close(self):
        pass

    async def rasa_ready(self):
        return True

    async def actions_ready(self):
        return True


@pytest.fixture(scope="module")
def app_client(sample_settings, tmp_path_factory):
    db = tmp_path_factory.mktemp("privacy") / "tracker.db"
    state = AppState()
    state.load(sample_settings, build_if_missing=False)
    app = create_app(state)
    app.dependency_overrides[get_api_settings] = lambda: ApiSettings(require_dialogue=False)
    # The startup opens the store these settings name (api.deps.settings_of): the test reads the same one.
    app.dependency_overrides[get_privacy_settings] = lambda: PrivacySettings(tracker_db=db, retention_enabled=False)
    with TestClient(app) as c:
        c.db = db  # type: ignore[attr-defined]
        yield c


@pytest.fixture
def client(app_client):
    """A fresh recording Rasa for each test."""
    app_client.app.state.gateway = RecordingRasa()
    app_client.rasa = app_client.app.state.gateway
    return app_client


def chat(client, message, session_id=None, **extra):
    response = client.post("/api/chat", json={"message": message, "session_id": session_id, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_message_is_redacted_before_it_is_sent_and_the_notice_comes_once(client):
    first = chat(client, "my SIN 046 454 286 expired, what do I do", lang="en")
    assert client.rasa.sent == ["my SIN [SIN] expired, what do I do"]
    notice = first["messages"][0]["text"]
    assert "Social Insurance Number" in notice and "Never share" in notice and "046" not in notice
    second = chat(client, "and my UCI 1234-5678?", first["session_id"], lang="en")
    assert client.rasa.sent[-1] == "and my UCI [UCI]?"
    assert all("privacy" not in m["text"] for m in second["messages"])


def test_notice_is_in_the_conversations_language(client):
    reply = chat(client, "mon NAS est 046 454 286, il est expiré", lang="fr")
    notice = reply["messages"][0]["text"]
    assert "numéro d'assurance sociale (NAS)" in notice and "clavardage" in notice and "286" not in notice
    assert reply["language"] == "fr"


def test_a_message_that_is_only_an_identifier_gets_the_notice_and_an_answer(client):
    reply = chat(client, "046454286")
    assert client.rasa.sent == ["[SIN]"]
    assert len(reply["messages"]) == 2 and "SIN" in reply["messages"][0]["text"]


@pytest.mark.parametrize(
    "typed", ["/restart", "/session_start", FEEDBACK_YES, '/ask_question{"region": "ON-toronto"}', "  //restart"]
)
def test_typed_commands_are_answered_by_the_gateway_and_never_sent(client, typed):
    reply = chat(client, typed, lang="fr")
    assert client.rasa.sent == []
    assert reply["language"] == "fr" and "pas des commandes" in reply["messages"][0]["text"]


def test_a_slash_before_words_is_dropped(client):
    chat(client, "/ where do I get a health card", lang="en")
    assert client.rasa.sent == ["where do I get a health card"]


def test_a_button_offered_in_this_conversation_passes_but_not_in_another(client):
    first = chat(client, "where do I get a health card")
    chat(client, FEEDBACK_YES, first["session_id"])
    assert client.rasa.sent[-1] == FEEDBACK_YES
    other = chat(client, "hello")
    chat(client, '/feedback{"helpful": "no"}', other["session_id"])  # offered to `other` too: passes
    assert client.rasa.sent[-1] == '/feedback{"helpful": "no"}'
    sent = len(client.rasa.sent)
    fresh = chat(client, FEEDBACK_YES, lang="en")  # a new conversation was offered nothing
    assert len(client.rasa.sent) == sent and "not commands" in fresh["messages"][0]["text"]


def test_a_bare_slash_is_a_command_too(client):
    reply = chat(client, "/", lang="en")
    assert client.rasa.sent == [] and "not commands" in reply["messages"][0]["text"]


def test_delete_removes_the_events_and_the_id_is_refused_afterwards(client):
    session_id = chat(client, "hello")["session_id"]
    with sqlite3.connect(client.db) as db:  # a tracker store as Rasa writes it (the `events` table)
        db.execute(
            "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
            "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)"
        )
        db.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', 1.0, '{}')",
            [(session_id,), (session_id,), ("someone-else",)],
        )
    assert client.delete(f"/api/chat/{session_id}").status_code == 204
    with sqlite3.connect(client.db) as db:
        assert db.execute("SELECT sender_id FROM events").fetchall() == [("someone-else",)]
    again = client.delete(f"/api/chat/{session_id}")
    assert again.status_code == 404 and "deleted" in again.json()["detail"]
    refused = client.post("/api/chat", json={"message": "hi", "session_id": session_id})
    assert refused.status_code == 404 and "deleted" in refused.json()["detail"]


@pytest.mark.parametrize(
    "session_id",
    ["not-a-session", "A" * 24 + "." + "B" * 22, "x" * 300],
)
def test_delete_with_a_forged_or_malformed_id_is_404(client, session_id):
    response = client.delete(f"/api/chat/{session_id}")
    assert response.status_code == 404 and "session" in response.json()["detail"]


def test_access_log_lines_lose_their_query_string():
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("1.2.3.4:5", "GET", "/api/search?q=046454286", "1.1", 200),
        None,
    )
    assert NoQueryStrings().filter(record)
    assert "046454286" not in record.getMessage() and "/api/search" in record.getMessage()


def test_chat_page_loads_the_widget_script(client):
    # The widget's "End and delete this conversation" control is driven in a real browser in tests/widget
    # (test_end_and_delete_clears_the_conversation, and in French in test_french_conversation_has_no_english_left).
    page = client.get("/").text
    assert 'src="/widget/nwd.js"' in page
    assert client.get("/widget/nwd.js").status_code == 200


def test_retention_job_is_scheduled_in_the_api_process_only_when_enabled(tmp_path):
    from api.retention import start_retention
    from privacy.settings import PrivacySettings
    from privacy.store import TrackerStore

    store = TrackerStore(tmp_path / "tracker.db")
    assert start_retention(PrivacySettings(retention_enabled=False), store) is None
    scheduler = start_retention(PrivacySettings(retention_enabled=True, retention_days=30), store)
    try:
        job = scheduler.get_job("retention")
        assert job.args == (store, 30) and job.trigger.interval.total_seconds() == 24 * 3600
    finally:
        scheduler.shutdown(wait=False)
