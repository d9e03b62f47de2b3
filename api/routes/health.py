"""GET /healthz: 200 once every part the API depends on is ready."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import Settings, State

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz(request: Request, state: State, settings: Settings) -> JSONResponse:
    parts = {"search_index": "ready" if state.ready else f"not ready: {state.problem or 'loading'}"}
    if settings.require_dialogue:
        gateway = request.app.state.gateway
        parts["rasa"] = "ready" if await gateway.rasa_ready() else "unreachable"
        parts["actions"] = "ready" if await gateway.actions_ready() else "unreachable"
    status = 200 if all(v == "ready" for v in parts.values()) else 503
    return JSONResponse({"status": "ok" if status == 200 else "unavailable", "parts": parts}, status_code=status)
