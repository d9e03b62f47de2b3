"""GET /widget/...: the chat widget's script, styles and themes, its demo pages and its privacy page."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from retrieval.settings import ROOT

router = APIRouter(prefix="/widget", tags=["widget"], include_in_schema=False)
WIDGET = ROOT / "widget"
# Only these files are served: never the build folder (package.json, node_modules).
ASSETS = {
    "nwd.js": "text/javascript; charset=utf-8",
    "nwd.css": "text/css; charset=utf-8",
    "themes/canada.css": "text/css; charset=utf-8",
    "themes/ontario.css": "text/css; charset=utf-8",
}
# Short enough that a fix reaches the portals within minutes; ETag/Last-Modified make refreshes cheap.
CACHE = {"Cache-Control": "public, max-age=300"}
INLINE_CSS_SLOT = "/*nwd:inline-css*/ null"


@lru_cache(maxsize=1)
def widget_script() -> tuple[bytes, str]:
    """nwd.js with each portal's styles (theme + layout) inlined, and its ETag.

    One request instead of three before the launcher shows; the files on disk stay plain JS and CSS.
    Read once per process: a deploy restarts the API.
    """
    source = (WIDGET / "nwd.js").read_text(encoding="utf-8")
    if INLINE_CSS_SLOT not in source:
        raise RuntimeError(f"widget/nwd.js: the slot {INLINE_CSS_SLOT!r} for the inlined styles is missing")
    layout = (WIDGET / "nwd.css").read_text(encoding="utf-8")
    styles = {p: (WIDGET / "themes" / f"{p}.css").read_text(encoding="utf-8") + layout for p in ("canada", "ontario")}
    body = source.replace(INLINE_CSS_SLOT, json.dumps(styles, ensure_ascii=False), 1).encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def fill(template: Path, lang: Literal["en", "fr"]) -> str:
    """A bilingual page template: `{{lang}}` and each `{{en:...|fr:...}}` pair resolved to one language."""
    text = template.read_text(encoding="utf-8").replace("{{lang}}", lang)
    out, rest = [], text
    while "{{en:" in rest:
        before, _, tail = rest.partition("{{en:")
        pair, _, rest = tail.partition("}}")
        english, _, french = pair.partition("|fr:")
        out += [before, french if lang == "fr" else english]
    return "".join([*out, rest])


@router.get("/demo/{portal}", response_class=HTMLResponse)
def demo_page(portal: str, lang: Literal["en", "fr"] = "en") -> HTMLResponse:
    """A page that looks like the portal, with the widget embedded by its one script tag."""
    if portal not in ("canada", "ontario"):
        raise HTTPException(404, f"portal: no demo page for '{portal}'; use /widget/demo/canada or …/ontario")
    return HTMLResponse(fill(WIDGET / "demo" / f"{portal}.html", lang))


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(lang: Literal["en", "fr"] = "en") -> HTMLResponse:
    """What the assistant keeps and how to delete a conversation, linked from the widget's notice."""
    return HTMLResponse(fill(WIDGET / "privacy.html", lang))


@router.get("/nwd.js")
def script(request: Request) -> Response:
    """The widget: the one file a portal's page loads."""
    body, etag = widget_script()
    headers = {**CACHE, "ETag": etag}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=ASSETS["nwd.js"], headers=headers)


@router.get("/{path:path}", response_model=None)
def asset(path: str) -> FileResponse:
    """The widget's stylesheet and portal themes (linked when nwd.js is used as a plain file)."""
    if path not in ASSETS:
        raise HTTPException(404, f"widget: no file '{path}'; the widget is /widget/nwd.js")
    return FileResponse(WIDGET / path, media_type=ASSETS[path], headers=CACHE)
