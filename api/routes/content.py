"""GET /api/content/stats: what the shared content index covers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from api.deps import State

router = APIRouter(prefix="/api/content", tags=["content"])


@router.get("/stats")
def stats(state: State) -> dict[str, Any]:
    """Counts by language, jurisdiction, topic, owner and portal; coverage; items past review_by."""
    if not state.stats:
        raise HTTPException(503, f"content statistics are not ready: {state.problem or 'loading'}")
    manifest = state.manifest
    return {
        **state.stats,
        "index": None
        if manifest is None
        else {
            "encoder": manifest.encoder,
            "items": manifest.items,
            "passages": manifest.passages,
            "built_at": manifest.built_at,
            "fingerprint": manifest.fingerprint[:12],
        },
        "problem": state.problem,
    }
