"""GET /widget/...: the chat widget's script, styles and themes, its demo pages and its privacy page;
GET /api/widget-config: the server settings the widget shows or obeys."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Privacy, Settings
from replies.texts import text
from retrieval.settings import ROOT

router = APIRouter(prefix="/widget", tags=["widget"], include_in_schema=False)
config_router = APIRouter(prefix="/api", tags=["widget"])
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
CONFIG_SLOT = "/*nwd:config*/ null"


class WidgetConfig(BaseModel):
    """What the widget takes from the server's settings rather than from its own copy."""

    model_config = ConfigDict(frozen=True)

    retention_days: int = Field(description="A conversation is deleted this many days after its last message.")
    max_message_chars: int = Field(description="The longest message POST /api/chat accepts.")


def widget_config(settings: Settings, privacy: Privacy) -> WidgetConfig:
    """The widget's settings, from the API's and the privacy settings (NWD_PRIVACY_RETENTION_DAYS...)."""
    return WidgetConfig(retention_days=privacy.retention_days, max_message_chars=settings.max_message_chars)


@lru_cache(maxsize=4)
def widget_script(config: WidgetConfig) -> tuple[bytes, str]:
    """nwd.js with each portal's styles (theme + layout) and the server's settings inlined, and its ETag.

    One request instead of three before the launcher shows, and none for the settings on open; the files
    on disk stay plain JS and CSS. Read once per process and settings: a deploy restarts the API.
    """
    source = (WIDGET / "nwd.js").read_text(encoding="utf-8")
    for slot in (INLINE_CSS_SLOT, CONFIG_SLOT):
        if slot not in source:
            raise RuntimeError(f"widget/nwd.js: the slot {slot!r} the API fills in is missing")
    layout = (WIDGET / "nwd.css").read_text(encoding="utf-8")
    styles = {p: (WIDGET / "themes" / f"{p}.css").read_text(encoding="utf-8") + layout for p in ("canada", "ontario")}
    body = (
        source.replace(INLINE_CSS_SLOT, json.dumps(styles, ensure_ascii=False), 1)
        .replace(CONFIG_SLOT, config.model_dump_json(), 1)
        .encode()
    )
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def retention_period(privacy: Privacy, lang: Literal["en", "fr"]) -> str:
    """The retention period in words: "180 days", "180 jours", "1 day"."""
    days = privacy.retention_days
    number = f"{days:,}".replace(",", "\u00a0" if lang == "fr" else ",")
    unit = text("widget.days" if days != 1 else "widget.day", lang)
    return f"{number} {unit}"


def fill(template: Path, lang: Literal["en", "fr"], values: dict[str, str] | None = None) -> str:
    """A bilingual page template: `{{lang}}`, each `{{name}}` of `values` and each `{{en:...|fr:...}}` pair
    resolved to one language."""
    text = template.read_text(encoding="utf-8").replace("{{lang}}", lang)
    for name, value in (values or {}).items():
        text = text.replace("{{" + name + "}}", value)
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
def privacy_page(settings: Settings, privacy: Privacy, lang: Literal["en", "fr"] = "en") -> HTMLResponse:
    """What the assistant keeps, for how long, and how to delete a conversation, linked from the widget's notice."""
    return HTMLResponse(fill(WIDGET / "privacy.html", lang, {"retention_period": retention_period(privacy, lang)}))


@router.get("/nwd.js")
def script(request: Request, settings: Settings, privacy: Privacy) -> Response:
    """The widget: the one file a portal's page loads."""
    body, etag = widget_script(widget_config(settings, privacy))
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


@config_router.get("/widget-config", response_model=WidgetConfig)
def config(settings: Settings, privacy: Privacy) -> WidgetConfig:
    """The settings the widget shows (how long conversations are kept) and obeys (the message limit).

    The API's own /widget/nwd.js carries them already; a copy of the script hosted elsewhere asks here.
    """
    return widget_config(settings, privacy)
