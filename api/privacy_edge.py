"""Privacy at the edge of the gateway: what a person types is redacted and treated as text before Rasa sees it.

- Personal information is replaced by placeholders (privacy/), so the tracker store, the logs
  and everything downstream only ever hold the redacted text.
- Rasa's payload syntax ("/restart", '/feedback{"helpful": "yes"}') typed by a person is data, not a
  command: only a button payload that this service offered in this conversation passes as is; a typed
  command gets an answer from the gateway and is never sent; a leading slash before words is dropped.
- The reply says once per conversation, in its language, what kind of thing was removed.
- A deleted conversation stays deleted: its session id is refused.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from fastapi import HTTPException, Request

from api.dialogue import DialogueUnavailable, Message, RasaGateway
from privacy import Kind, Redactor
from privacy.notice import privacy_notice
from privacy.store import TrackerStore
from replies.models import TextReply
from replies.texts import text

log = logging.getLogger("nwd.api")
_COMMAND_PREFIX = re.compile(r"^\s*/+\s*")
# A whole message in Rasa's payload syntax: /intent, /intent@0.9, /intent{"entity": "value"}.
_COMMAND = re.compile(r"^\s*/+[\w.-]*(?:@[0-9.]+)?\s*(?:\{.*\})?\s*$", re.DOTALL)
DELETED_DETAIL = "session_id: this conversation was deleted; omit session_id to start a new one"


@dataclass(frozen=True)
class Inbound:
    """The text to send to the dialogue engine, and what was removed from it."""

    text: str
    removed: tuple[Kind, ...] = ()
    button: bool = False
    # A typed command: answered by the gateway, never sent (the model would read '/feedback{"helpful": "yes"}'
    # as feedback even without its slash).
    command: bool = False


class _Sessions:
    """A bounded memory per conversation (oldest forgotten first): one API process, one machine."""

    def __init__(self, limit: int):
        self.limit = limit
        self._data: OrderedDict[str, set[str]] = OrderedDict()

    def get(self, session_id: str) -> set[str]:
        if session_id not in self._data:
            self._data[session_id] = set()
            while len(self._data) > self.limit:
                self._data.popitem(last=False)
        self._data.move_to_end(session_id)
        return self._data[session_id]

    def forget(self, session_id: str) -> None:
        self._data.pop(session_id, None)


class PrivacyEdge:
    def __init__(self, redactor: Redactor, store: TrackerStore, max_sessions: int = 20000):
        self.redactor = redactor
        self.store = store
        self._offered = _Sessions(max_sessions)  # button payloads sent to each conversation
        self._noticed = _Sessions(max_sessions)  # whether the notice was given ("yes" in the set)

    def inbound(self, session_id: str, text: str, language: str | None) -> Inbound:
        """What to send to Rasa for this message; 404 for a deleted conversation, 422 for a bare slash."""
        if self.store.is_deleted(session_id):
            raise HTTPException(404, DELETED_DETAIL)
        if text in self._offered.get(session_id):
            return Inbound(text, button=True)
        if _COMMAND.match(text):
            return Inbound("", command=True)
        plain = _COMMAND_PREFIX.sub("", text) if text.lstrip().startswith("/") else text
        if not plain.strip():
            raise HTTPException(422, "message: the message is empty; write a question or a few words")
        try:
            redaction = self.redactor.redact(plain, language)
        except Exception as exc:
            # Fail closed: an unredacted message never goes further. The log names the error's kind only.
            log.error("redaction failed (%s); the message was not sent", type(exc).__name__)
            raise HTTPException(503, "The assistant is unavailable right now. Please try again in a minute.") from None
        return Inbound(redaction.text, redaction.kinds)

    async def command_reply(
        self, session_id: str, language: str | None, gateway: RasaGateway
    ) -> tuple[Literal["en", "fr"], Message]:
        """The answer to a typed command, and its language: the conversation's."""
        if language is None:
            try:
                language = "fr" if (await gateway.slots(session_id)).get("language") == "fr" else "en"
            except DialogueUnavailable:
                language = "en"
        lang: Literal["en", "fr"] = "fr" if language == "fr" else "en"
        return lang, TextReply(text=text("edge.command", lang))

    def outbound(self, session_id: str, messages: Iterable[Message]) -> None:
        """Remember the button payloads offered to this conversation."""
        offered = self._offered.get(session_id)
        for message in messages:
            offered.update(button.payload for button in message.buttons)

    def notice(self, session_id: str, removed: tuple[Kind, ...], language: str) -> Message | None:
        """The privacy notice, the first time something is removed in this conversation."""
        if not removed:
            return None
        given = self._noticed.get(session_id)
        if "yes" in given:
            return None
        given.add("yes")
        return TextReply(text=privacy_notice(removed, language))

    def delete(self, session_id: str) -> None:
        """Delete the conversation from the tracker store; 404 if it was already deleted."""
        if self.store.is_deleted(session_id):
            raise HTTPException(404, DELETED_DETAIL)
        removed = self.store.delete_conversation(session_id)
        self._offered.forget(session_id)
        self._noticed.forget(session_id)
        log.info("a conversation was deleted on request (%d events)", removed)


def get_privacy_edge(request: Request) -> PrivacyEdge:
    edge: PrivacyEdge = request.app.state.privacy
    return edge
