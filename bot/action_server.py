"""Start the rasa_sdk action server on loopback only (rasa_sdk's CLI binds every interface)."""

from __future__ import annotations

import logging
import os

from rasa_sdk import endpoint
from rasa_sdk.executor import ActionExecutor

from bot.settings import BotSettings


def main() -> None:
    settings = BotSettings()
    logging.basicConfig(level=logging.INFO)
    os.environ["SANIC_HOST"] = settings.host  # rasa_sdk reads the bind address from here
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    endpoint.run(executor, port=settings.port, cors_origins=None)


if __name__ == "__main__":
    main()
