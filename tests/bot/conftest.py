from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import resources
from replies.models import REPLY

TRACKERS = Path(__file__).resolve().parent.parent / "data" / "trackers"


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
