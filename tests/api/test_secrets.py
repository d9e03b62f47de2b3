"""No back door: production refuses the public development tokens of Rasa's HTTP API and of the action server."""

from __future__ import annotations

import os
import subprocess

import pytest

from api.settings import ApiSettings, refuse_public_defaults
from bot.action_server import refuse_default_token
from bot.settings import BotSettings
from retrieval.settings import ROOT


def test_api_refuses_the_default_rasa_token_in_production():
    with pytest.raises(ValueError, match="NWD_API_RASA_TOKEN"):
        refuse_public_defaults(ApiSettings(environment="production", session_secret="s" * 32))
    refuse_public_defaults(ApiSettings(environment="production", session_secret="s" * 32, rasa_token="own-token-42"))
    refuse_public_defaults(ApiSettings())  # development keeps its local default


def test_action_server_refuses_the_default_secret_in_production(monkeypatch):
    monkeypatch.setenv("NWD_API_ENVIRONMENT", "production")
    with pytest.raises(SystemExit, match="NWD_BOT_ACTIONS_TOKEN"):
        refuse_default_token(BotSettings())
    monkeypatch.setenv("NWD_BOT_ACTIONS_TOKEN", "a-secret-of-its-own-1234")
    refuse_default_token(BotSettings())


@pytest.mark.parametrize(
    ("extra", "says"),
    [({}, "NWD_API_RASA_TOKEN"), ({"NWD_API_RASA_TOKEN": "own-rasa-token-1"}, "NWD_BOT_ACTIONS_TOKEN")],
)
def test_rasa_refuses_to_start_in_production_without_tokens_of_its_own(extra, says):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NWD_")}
    result = subprocess.run(
        [str(ROOT / "scripts" / "run-rasa")],
        env={**env, "NWD_API_ENVIRONMENT": "production", **extra},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1 and says in result.stderr
