"""POST /api/chat without the dialogue engine: input checks, sessions, and Rasa being down."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from api.deps import get_api_settings
from api.dialogue import to_messages
from api.main import create_app
from api.sessions import SessionError, SessionIds
from api.settings import ApiSettings
from api.state import AppState
from tests.e2e import free_port


@pytest.fixture(scope="module")
def chat_client(sample_settings):
    # Nothing listens on these ports: the gateway must fail fast and say so.
    settings = ApiSettings(
        rasa_url=f"http://127.0.0.1:{free_port()}", actions_url=f"http://127.0.0.1:{free_port()}", require_dialogue=True
    )
    state = AppState()
    state.load(sample_settings, build_if_missing=False)
    app = create_app(state, settings)
    app.dependency_overrides[get_api_settings] = lambda: settings
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(
    ("body", "status", "expected"),
    [
        ({"message": ""}, 422, "message: the message is empty"),
        ({"message": "   \n "}, 422, "message: the message is empty"),
        ({"message": "x" * 10000}, 422, "the limit is 2000"),
        ({"message": "x" * 30000}, 422, "message: String should have at most 20000 characters"),
        ({"message": "hi\x00there"}, 422, "control or binary characters"),
        ({"message": "hi", "lang": "es"}, 422, "lang: Input should be 'en' or 'fr'"),
        ({"message": "hi", "portal": "quebec"}, 422, "portal: Input should be 'canada' or 'ontario'"),
        ({"message": "hi", "session_id": "not-a-session"}, 404, "omit it to start a new conversation"),
        ({"msg": "hi"}, 422, "message: Field required"),
        ({"message": 42}, 422, "message: Input should be a valid string"),
    ],
)
def test_bad_input_is_a_clear_4xx(chat_client, body, status, expected):
    response = chat_client.post("/api/chat", json=body)
    assert response.status_code == status, response.text
    assert expected in str(response.json()["detail"])


def test_malformed_json_is_422(chat_client):
    response = chat_client.post("/api/chat", content=b'{"message": "hi"', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["detail"]


def test_binary_body_is_422(chat_client):
    response = chat_client.post("/api/chat", content=b"\x00\xff\xfe\x01", headers={"content-type": "application/json"})
    assert response.status_code == 422


def test_rasa_down_is_a_quick_503_that_says_so(chat_client):
    started = time.monotonic()
    response = chat_client.post("/api/chat", json={"message": "how do I get a health card"})
    assert response.status_code == 503
    assert "unavailable" in response.json()["detail"] and "unreachable" in response.json()["detail"]
    assert time.monotonic() - started < 5


def test_healthz_reports_each_part(chat_client):
    response = chat_client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["parts"] == {"search_index": "ready", "rasa": "unreachable", "actions": "unreachable"}


def test_other_language_gets_the_bilingual_pointer_without_the_engine(chat_client):
    response = chat_client.post("/api/chat", json={"message": "¿Dónde puedo obtener una tarjeta de salud en Ontario?"})
    assert response.status_code == 200
    text = response.json()["messages"][0]["text"]
    assert "211" in text and "English or French" in text and "français ou en anglais" in text


def test_chat_page_is_the_widget_in_full_page_mode(chat_client):
    page = chat_client.get("/")
    assert page.status_code == 200
    assert '<script src="/widget/nwd.js" data-portal="canada" data-mode="page" defer></script>' in page.text
    # What the widget draws (a comparison as a table headed in each language) is checked in a real browser:
    # tests/widget/test_widget_browser.py. Here: the script the page names is served.
    script = chat_client.get("/widget/nwd.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")


def test_session_ids_are_signed_and_unguessable():
    sessions = SessionIds(b"k" * 48)
    first, second = sessions.issue(), sessions.issue()
    assert first != second and sessions.verify(first) == first
    token, _signature = first.split(".")
    with pytest.raises(SessionError):
        sessions.verify(f"{token}.{'A' * 22}")
    with pytest.raises(SessionError):
        SessionIds(b"another key entirely, 48 bytes long......").verify(first)


def test_production_refuses_to_start_without_a_secret(tmp_path):
    from api.sessions import load_secret

    with pytest.raises(SessionError, match="NWD_API_SESSION_SECRET"):
        load_secret(ApiSettings(environment="production"), tmp_path / "secret")
    assert len(load_secret(ApiSettings(environment="development"), tmp_path / "secret")) >= 32


def test_rasa_output_becomes_typed_messages():
    messages = to_messages(
        [
            {"recipient_id": "s", "text": "Hello"},
            {"recipient_id": "s", "text": "Pick one", "buttons": [{"title": "A", "payload": "/a"}]},
            {
                "recipient_id": "s",
                "custom": {
                    "type": "answer",
                    "text": "An answer",
                    "sources": [
                        {
                            "title": "T",
                            "url": "https://x.ca",
                            "jurisdiction": "federal",
                            "owner": "Canada",
                            "language": "en",
                        }
                    ],
                    "buttons": [{"title": "Helpful", "payload": "/feedback"}],
                },
            },
            {"recipient_id": "s", "custom": {"type": "unknown-kind", "text": "Still readable"}},
        ]
    )
    assert [(m.type, m.text) for m in messages] == [
        ("text", "Hello"),
        ("choices", "Pick one"),
        ("answer", "An answer"),
        ("text", "Still readable"),
    ]
    assert messages[2].sources[0].jurisdiction == "federal" and messages[2].buttons[0].title == "Helpful"


class ScriptedGateway:
    """Stands in for Rasa: replies with given texts and counts reads of the conversation state."""

    def __init__(self, replies: list[str], slots: dict):
        self.replies, self.state, self.slot_reads = replies, slots, 0

    async def send(self, sender, text, metadata):
        return to_messages([{"text": r} for r in self.replies])

    async def slots(self, sender):
        self.slot_reads += 1
        return self.state

    async def close(self):
        """The app closes its gateway at shutdown; this one holds no connection."""


def test_the_reply_says_its_language_and_only_a_short_one_reads_rasa(sample_settings):
    state = AppState()
    state.load(sample_settings, build_if_missing=False)
    app = create_app(state)
    app.dependency_overrides[get_api_settings] = lambda: ApiSettings(require_dialogue=False)
    with TestClient(app) as client:
        gateway = ScriptedGateway(
            ["Pour obtenir la carte Santé, présentez-vous à un centre ServiceOntario avec vos documents."],
            {"language": "en"},
        )
        client.app.state.gateway = gateway
        body = client.post("/api/chat", json={"message": "carte santé svp"}).json()
        assert body["language"] == "fr" and gateway.slot_reads == 0
        gateway.replies, gateway.state = ["OK!"], {"language": "fr"}
        body = client.post("/api/chat", json={"message": "merci", "session_id": body["session_id"]}).json()
        assert body["language"] == "fr" and gateway.slot_reads == 1
