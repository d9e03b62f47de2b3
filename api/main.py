"""Build the FastAPI app: the only public edge of No Wrong Door."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api import access_log
from api.deps import settings_of
from api.dialogue import RasaGateway
from api.privacy_edge import PrivacyEdge
from api.retention import start_retention
from api.routes import chat, content, conversations, health, occupations, page, places, search, services, widget
from api.sessions import SessionIds, load_secret
from api.settings import ApiSettings, refuse_public_defaults
from api.state import AppState
from nwd.settings import get_settings
from privacy import default_redactor
from privacy.store import TrackerStore

log = logging.getLogger("nwd.api")


def _readable(errors: list[dict]) -> str:  # type: ignore[type-arg]
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err.get("loc", []) if p not in ("query", "body"))
        parts.append(f"{where}: {err.get('msg')}")
    return "; ".join(parts)


LOCALHOST_ORIGINS = r"^http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?$"


def create_app(state: AppState | None = None, settings: ApiSettings | None = None) -> FastAPI:
    """The app; pass a prepared `state` (and `settings`) in tests, or let startup load the index."""
    given = settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The routes' own settings (a test's dependency overrides included), the API section given if any: one source.
        resolved = settings_of(app)
        settings = given or resolved.api
        refuse_public_defaults(settings)
        app.state.sessions = SessionIds(load_secret(settings))
        app.state.gateway = RasaGateway(
            settings.rasa_url, settings.actions_url, settings.rasa_timeout_seconds, settings.rasa_token
        )
        privacy = resolved.privacy
        store = TrackerStore(privacy.tracker_db)
        # Loaded once here (spaCy pipelines, public numbers), not on the first message.
        app.state.privacy = PrivacyEdge(default_redactor(), store)
        retention = start_retention(privacy, store)
        if app.state.nwd.directory is None:
            app.state.nwd.load_directory(resolved.services)
        if app.state.nwd.places is None:
            app.state.nwd.load_places(resolved.places)
        if state is None:
            app.state.nwd.load(resolved.retrieval, settings.build_index_if_missing)
            if app.state.nwd.problem:
                log.warning("starting degraded: %s", app.state.nwd.problem)
        yield
        if retention is not None:
            retention.shutdown(wait=False)
        await app.state.gateway.close()

    app = FastAPI(
        title="No Wrong Door API",
        version="0.1.0",
        description="Settlement information for newcomers to Canada and Ontario, from one shared content index.",
        lifespan=lifespan,
    )
    app.state.nwd = state or AppState()
    # The widget runs on the portals' pages: only their origins may call the API from a browser.
    cors = settings or get_settings().api
    app.add_middleware(
        CORSMiddleware,
        allow_origins=cors.cors_origins,
        allow_origin_regex=LOCALHOST_ORIGINS if cors.environment == "development" else None,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    access_log.install()

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One readable sentence first, the structured list after.
        # `input` is left out: it may be huge or binary, and it is the user's own data.
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return JSONResponse(status_code=422, content={"detail": _readable(errors), "errors": errors})

    app.include_router(chat.router)
    app.include_router(conversations.router)
    app.include_router(search.router)
    app.include_router(services.router)
    app.include_router(places.router)
    app.include_router(occupations.router)
    app.include_router(page.router)
    app.include_router(widget.router)
    app.include_router(widget.config_router)
    app.include_router(content.router)
    app.include_router(health.router)
    return app


app = create_app()
