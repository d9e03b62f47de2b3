"""POST /api/chat: the chat gateway for the widget and the portals."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from api.deps import Settings
from api.dialogue import DialogueUnavailable, Message, RasaGateway
from api.privacy_edge import PrivacyEdge, get_privacy_edge
from api.sessions import SessionError, SessionIds
from replies import texts
from replies.models import TextReply
from retrieval.language import confident_official_language, lexicon_votes, other_language

router = APIRouter(prefix="/api", tags=["chat"])


def other_language_reply() -> str:
    """Both official languages at once: the person wrote in neither."""
    return "\n".join(texts.text("edge.other_language", language) for language in ("en", "fr"))


class ChatRequest(BaseModel):
    message: str = Field(max_length=20000, description="What the person wrote.")
    session_id: str | None = Field(default=None, max_length=100, description="From a previous response; omit to start.")
    lang: Literal["en", "fr"] | None = Field(
        default=None,
        description="Answer in this language: send it only when the person chose it (the first message, a language "
        "switch, a button); without it the assistant reads the language the message is written in.",
    )
    portal: Literal["canada", "ontario"] | None = Field(default=None, description="The portal the widget is on.")


class ChatResponse(BaseModel):
    session_id: str
    language: Literal["en", "fr"]
    messages: list[Message]


def get_gateway(request: Request) -> RasaGateway:
    gateway: RasaGateway = request.app.state.gateway
    return gateway


def get_sessions(request: Request) -> SessionIds:
    sessions: SessionIds = request.app.state.sessions
    return sessions


def _clean(message: str, limit: int) -> str:
    text = message.strip()
    if not text:
        raise HTTPException(422, "message: the message is empty; write a question or a few words")
    if len(text) > limit:
        raise HTTPException(422, f"message: {len(text)} characters is too long; the limit is {limit}. Shorten it.")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\t\r" for ch in text):
        raise HTTPException(422, "message: contains control or binary characters; send plain text")
    return text


# Small words inside place names ("Saint-Jean-sur-Richelieu", "Niagara-on-the-Lake").
NAME_JOINERS = {"de", "des", "du", "la", "le", "les", "sur", "on", "the", "upon", "of"}


def names_only(text: str) -> bool:
    """A short run of capitalised words ("Thunder Bay", "Greater Sudbury", "Belleville - Quinte West"): a name,
    typically the answer to "which city?". It says nothing of the language it was typed in (a detector reads
    "Thunder Bay" as German), so it is not taken for a message in another language.
    """
    words = [w for w in re.split(r"[\s,/\-–]+", text.strip(" .!?")) if w]
    named = [w for w in words if w.lower() not in NAME_JOINERS]
    return 0 < len(named) <= 4 and len(words) <= 6 and all(w[0].isupper() for w in named)


def unsupported_language(text: str) -> str | None:
    """The language of a message clearly written in neither English nor French, else None.

    Words typical of French or English chat ("quel", "numéro", "d'IRCC") count
    as a sign of an official language even where a detector hesitates; a message of names only
    is no sign of any language.
    """
    if names_only(text):
        return None
    fr, en = lexicon_votes(text)
    words = len(text.split())
    # "compare Ottawa and Toronto": one official-language word among names is enough in a short message.
    if max(fr, en) >= (1 if words <= 6 else max(2, words // 2)):
        return None
    return other_language(text)


@router.post("/chat", response_model=ChatResponse)
async def chat(
    body: ChatRequest,
    settings: Settings,
    gateway: Annotated[RasaGateway, Depends(get_gateway)],
    sessions: Annotated[SessionIds, Depends(get_sessions)],
    privacy: Annotated[PrivacyEdge, Depends(get_privacy_edge)],
) -> ChatResponse:
    """Send one message to the assistant and get its replies."""
    text = _clean(body.message, settings.max_message_chars)
    try:
        session_id = sessions.verify(body.session_id) if body.session_id else sessions.issue()
    except SessionError as exc:
        raise HTTPException(404, str(exc)) from None
    # Redacted (and typed commands answered here) before anything is sent, stored or logged.
    inbound = privacy.inbound(session_id, text, body.lang)
    if inbound.command:
        said_in, reply = await privacy.command_reply(session_id, body.lang, gateway)
        return ChatResponse(session_id=session_id, language=said_in, messages=[reply])
    text = inbound.text
    if body.lang is None and unsupported_language(text):
        return ChatResponse(session_id=session_id, language="en", messages=[TextReply(text=other_language_reply())])
    metadata = {k: v for k, v in {"language": body.lang, "portal": body.portal}.items() if v}
    try:
        messages = await gateway.send(session_id, text, metadata)
        # Every reply is written in the conversation's language, so the reply says which it is;
        # only a reply too short to tell costs a read of the conversation's state from Rasa.
        found = confident_official_language(" ".join(m.text for m in messages), min_confidence=0.9)
        if found is None:
            found = "fr" if (await gateway.slots(session_id)).get("language") == "fr" else "en"
    except DialogueUnavailable as exc:
        raise HTTPException(
            503, f"The assistant is unavailable right now ({exc}). Please try again in a minute."
        ) from None
    language: Literal["en", "fr"] = "fr" if found == "fr" else "en"
    privacy.outbound(session_id, messages)
    notice = privacy.notice(session_id, inbound.removed, language)
    messages = [notice, *messages] if notice else messages
    return ChatResponse(session_id=session_id, language=language, messages=messages)
