"""GET /: the chat widget in full-page mode (the same widget the portals embed, one code path)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["page"])
PAGE = Path(__file__).resolve().parent.parent / "static" / "chat.html"


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def chat_page(lang: Literal["en", "fr"] = "en", portal: Literal["canada", "ontario"] = "canada") -> HTMLResponse:
    """The full-page chat; `?lang=fr` opens it in French, `?portal=ontario` in the Ontario theme."""
    page = PAGE.read_text(encoding="utf-8").replace("{{lang}}", lang).replace("{{portal}}", portal)
    return HTMLResponse(page)
