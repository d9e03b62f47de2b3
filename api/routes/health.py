"""GET /healthz: 200 once every part the API depends on is ready."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.deps import State

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(state: State) -> JSONResponse:
    parts = {"search_index": "ready" if state.ready else f"not ready: {state.problem or 'loading'}"}
    status = 200 if state.ready else 503
    return JSONResponse({"status": "ok" if status == 200 else "unavailable", "parts": parts}, status_code=status)
