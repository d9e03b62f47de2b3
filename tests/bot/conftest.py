from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import resources
from replies.models import REPLY

TRACKERS = Path(__file__).resolve().parent.parent / "data" / "trackers"


def tracker(message: str, intent: str, **slots) -> Tracker:
    """A first-turn tracker for `message` read as `intent`, with the given slots."""
    values = {"language": "en", "place": None, "region": None, "compared_places": None, "pending_need": None}
    values.update(slots)
    return Tracker(
        sender_id="guards",
        slots=values,
        latest_message={"text": message, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(action, state: Tracker):
    """The action's messages and events for that tracker."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, {"slots": {}}))
    return dispatcher.messages, events


@pytest.fixture(autouse=True)
def sample_resources(sample_index, monkeypatch):
    """The actions see the small sample index instead of the built one."""
    monkeypatch.setattr(resources, "_index", lambda: sample_index)


@pytest.fixture(autouse=True)
def typed_replies(monkeypatch):
    """Every message an action sends with `json_message` must be one of the typed replies (replies/models.py):
    the API would otherwise show it as plain text."""
    utter = CollectingDispatcher.utter_message

    def checked(self, *args, **kwargs):
        if kwargs.get("json_message") is not None:
            REPLY.validate_python(kwargs["json_message"])
        return utter(self, *args, **kwargs)

    monkeypatch.setattr(CollectingDispatcher, "utter_message", checked)


def saved_tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((TRACKERS / f"{name}.json").read_text(encoding="utf-8")))
