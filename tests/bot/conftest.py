from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa_sdk import Tracker

from bot.actions import resources

TRACKERS = Path(__file__).resolve().parent.parent / "data" / "trackers"


@pytest.fixture(autouse=True)
def sample_resources(sample_index, monkeypatch):
    """The actions see the small sample index instead of the built one."""
    monkeypatch.setattr(resources, "_index", lambda: sample_index)


def saved_tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((TRACKERS / f"{name}.json").read_text(encoding="utf-8")))
