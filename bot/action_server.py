"""Start the rasa_sdk action server on loopback only (rasa_sdk's CLI binds every interface).

Only Rasa may call it: /webhook and /actions require the shared secret in the X-NWD-Actions-Token
header (endpoints.yml sends it); /health stays open for readiness checks.
"""

from __future__ import annotations

import hmac
import logging
import os
import sys
import threading
from functools import partial

from rasa_sdk import endpoint
from rasa_sdk.executor import ActionExecutor
from sanic import Request, Sanic, response
from sanic.worker.loader import AppLoader

from bot.actions import resources
from bot.settings import ACTIONS_TOKEN_HEADER, DEV_ACTIONS_TOKEN, BotSettings
from nwd.settings import get_settings

log = logging.getLogger("nwd.bot")
GUARDED_PATHS = ("/webhook", "/actions")


def refuse_default_token(settings: BotSettings) -> None:
    """Production must have its own shared secret: the development default is public."""
    if settings.environment == "production" and settings.actions_token == DEV_ACTIONS_TOKEN:
        raise SystemExit("NWD_BOT_ACTIONS_TOKEN must be set to a secret of its own (16+ characters) in production")


def guarded_app(executor: ActionExecutor, token: str) -> Sanic:
    """rasa_sdk's app, answering 401 to any action call without the shared secret."""
    app = endpoint.create_app_for_serve(executor, cors_origins=None)

    @app.on_request
    async def require_token(request: Request) -> response.HTTPResponse | None:
        if request.path.rstrip("/") in GUARDED_PATHS:
            given = request.headers.get(ACTIONS_TOKEN_HEADER, "")
            if not hmac.compare_digest(given.encode(), token.encode()):
                return response.json({"error": "only the dialogue engine may call actions"}, status=401)
        return None

    return app


def main() -> None:
    settings = get_settings().bot
    logging.basicConfig(level=logging.INFO)
    try:
        refuse_default_token(settings)
    except SystemExit as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise
    os.environ["SANIC_HOST"] = settings.host  # rasa_sdk reads the bind address from here
    # Sanic sets the multiprocessing start method when it serves; a library imported by the warm-up thread
    # (spaCy's lookups for the language reader) may set it first, and Sanic then refuses to start. Claim it now.
    Sanic._set_startup_method()
    # Heavy objects load in the background while the server starts, not during someone's first question.
    threading.Thread(target=resources.warm_up, name="warm-up", daemon=True).start()
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    loader = AppLoader(factory=partial(guarded_app, executor, settings.actions_token))
    app = loader.load()
    app.prepare(host=settings.host, port=settings.port, workers=1)
    log.info("action server on http://%s:%d (calls need the shared secret)", settings.host, settings.port)
    Sanic.serve(primary=app, app_loader=loader)


if __name__ == "__main__":
    main()
