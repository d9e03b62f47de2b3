"""Start the rasa_sdk action server on loopback only (rasa_sdk's CLI binds every interface)."""

from __future__ import annotations

import logging
import os
import threading

from rasa_sdk import endpoint
from rasa_sdk.executor import ActionExecutor

from bot.actions import resources
from bot.settings import BotSettings


def main() -> None:
    settings = BotSettings()
    logging.basicConfig(level=logging.INFO)
    os.environ["SANIC_HOST"] = settings.host  # rasa_sdk reads the bind address from here
    # Heavy objects load in the background while the server starts, not during someone's first question.
    threading.Thread(target=resources.warm_up, name="warm-up", daemon=True).start()
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    endpoint.run(executor, port=settings.port, cors_origins=None)


if __name__ == "__main__":
    main()
