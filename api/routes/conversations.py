"""DELETE /api/chat/{session_id}: a person ends and deletes their conversation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response

from api.privacy_edge import PrivacyEdge, get_privacy_edge
from api.routes.chat import get_sessions
from api.sessions import SessionError, SessionIds

router = APIRouter(prefix="/api", tags=["chat"])


@router.delete(
    "/chat/{session_id}",
    status_code=204,
    responses={404: {"description": "Not a session id of this service, or the conversation was already deleted."}},
)
async def delete_conversation(
    session_id: str,
    sessions: Annotated[SessionIds, Depends(get_sessions)],
    edge: Annotated[PrivacyEdge, Depends(get_privacy_edge)],
) -> Response:
    """Delete the whole conversation from the tracker store; its session id is refused afterwards."""
    try:
        sessions.verify(session_id)
    except SessionError as exc:
        raise HTTPException(404, str(exc)) from None
    edge.delete(session_id)
    return Response(status_code=204)
