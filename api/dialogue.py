"""The gateway to the dialogue engine: Rasa's REST webhook, called on loopback."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from pydantic import ValidationError

from replies.models import REPLY, Button, ChoicesReply, Reply, TextReply

log = logging.getLogger("nwd.api")

# One message of the assistant: the typed replies the actions build (replies/models.py).
Message = Reply


def _fields(error: ValidationError) -> str:
    """Where the message was wrong, never its values (they may quote what a person wrote)."""
    return "; ".join(".".join(str(p) for p in e["loc"]) + f" ({e['type']})" for e in error.errors()[:5])


class DialogueUnavailable(RuntimeError):
    """Rasa or the action server cannot answer now."""


def to_messages(rasa_output: list[dict[str, Any]]) -> list[Message]:
    """Rasa's REST output (text, buttons, custom) as the API's Message types."""
    messages: list[Message] = []
    for item in rasa_output:
        custom = item.get("custom")
        buttons = item.get("buttons") or []
        if isinstance(custom, dict) and custom.get("type"):
            data = {**custom}
            if buttons and not data.get("buttons"):
                data["buttons"] = buttons
            try:
                messages.append(REPLY.validate_python(data))
                continue
            except ValidationError as exc:
                # Fall through to the plain text, never drop a message; the log says what the action got wrong.
                log.warning("an action's %s message did not match its model: %s", custom.get("type"), _fields(exc))
        said = item.get("text") or (custom.get("text") if isinstance(custom, dict) else None)
        if said:
            offered = [Button.model_validate(b) for b in buttons if "title" in b and "payload" in b]
            messages.append(ChoicesReply(text=said, buttons=offered) if offered else TextReply(text=said))
    return messages


class RasaGateway:
    def __init__(self, rasa_url: str, actions_url: str, timeout: float, token: str):
        self.rasa_url = rasa_url.rstrip("/")
        self.actions_url = actions_url.rstrip("/")
        self._token = token
        self._client = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=2.0))

    async def slots(self, sender: str) -> dict[str, Any]:
        """The conversation's slots (language, place, portal, ...), from Rasa's HTTP API."""
        try:
            response = await self._client.get(
                f"{self.rasa_url}/conversations/{sender}/tracker",
                params={"include_events": "NONE", "token": self._token},
            )
        except httpx.HTTPError:
            raise DialogueUnavailable("the dialogue engine is unreachable") from None
        if response.status_code != 200:
            raise DialogueUnavailable(
                f"the dialogue engine answered HTTP {response.status_code} for the conversation state"
            )
        return dict(response.json().get("slots") or {})

    async def close(self) -> None:
        await self._client.aclose()

    async def send(self, sender: str, text: str, metadata: dict[str, Any]) -> list[Message]:
        try:
            response = await self._client.post(
                f"{self.rasa_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": metadata},
            )
        except httpx.HTTPError:
            raise DialogueUnavailable("the dialogue engine is unreachable") from None
        if response.status_code != 200:
            raise DialogueUnavailable(f"the dialogue engine answered HTTP {response.status_code}")
        messages = to_messages(response.json())
        if not messages:
            # Every turn of this assistant replies; silence means an action failed.
            state = await self.actions_ready()
            raise DialogueUnavailable(
                "the assistant could not answer" + ("" if state else ": the action server is unreachable")
            )
        return messages

    async def rasa_ready(self) -> bool:
        try:
            return (await self._client.get(f"{self.rasa_url}/", timeout=2.0)).status_code == 200
        except httpx.HTTPError:
            return False

    async def actions_ready(self) -> bool:
        try:
            return (await self._client.get(f"{self.actions_url}/health", timeout=2.0)).status_code == 200
        except httpx.HTTPError:
            return False
