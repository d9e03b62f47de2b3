"""Slots set after every user message: language, place and region, portal.

Rasa calls `action_validate_slot_mappings` after each message for the slots
whose mapping is `custom`; each `extract_<slot>` returns the new values.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import ValidationAction
from rasa_sdk.types import DomainDict

from bot.actions import resources
from places.gazetteer import Place
from retrieval.folding import fold
from retrieval.language import message_language, requested_switch
from services.status import stated_status

LANGUAGE_WORDS = {"fr": {"fr", "french", "francais", "français"}, "en": {"en", "english", "anglais"}}


# "we're moving from Gatineau to Ottawa", "on déménage de Montréal à Sudbury": where they are going is the
# place, not a second place to compare.
_FROM_TO = re.compile(
    r"\b(?:from|de|du|d')\s*(?P<origin>[^,.;:?!]+?)\s+(?:to|a|au|vers|pour|in|en)\s+(?P<to>[^,.;:?!]+)"
)
_MOVING = re.compile(r"\b(mov\w*|relocat\w*|demenag\w*|transfer\w*|arriv\w*|vien\w*|come|coming)\b")


def moving_to(message: str) -> Place | None:
    """The place someone is moving to, when the message says they move from one named place to another."""
    folded = fold(message)
    if not _MOVING.search(folded):
        return None
    gazetteer = resources.gazetteer()
    for match in _FROM_TO.finditer(folded):
        origin, to = gazetteer.find(match["origin"]), gazetteer.find(match["to"])
        if origin and to and origin[0] != to[0]:
            return to[0]
    return None


def _metadata(tracker: Tracker) -> dict[str, Any]:
    return dict((tracker.latest_message or {}).get("metadata") or {})


def language_of_turn(tracker: Tracker) -> str | None:
    """The language this message asks for: an explicit switch, the channel's choice, or what it is written in."""
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    if intent == "set_language":
        for entity in message.get("entities") or []:
            if entity.get("entity") == "language":
                value = str(entity.get("value", "")).lower()
                for code, words in LANGUAGE_WORDS.items():
                    if value in words:
                        return code
    chosen = _metadata(tracker).get("language")
    if chosen in ("en", "fr"):
        return str(chosen)
    text = message.get("text") or ""
    if text.startswith("/"):
        return None  # a button's payload ("/feedback{...}") is not written in any language
    # "in French please" switches; "I need services in French in Ottawa" is an English question.
    asked = requested_switch(text) if len(text.split()) <= 6 else None
    return asked or message_language(text)


class ValidateSlotMappings(ValidationAction):
    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        found = language_of_turn(tracker)
        return {"language": found} if found and found != tracker.get_slot("language") else {}

    async def extract_place(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        message = (tracker.latest_message or {}).get("text") or ""
        places = resources.gazetteer().find(message)
        if not places:
            return {}
        # Where they are moving to; otherwise the most specific place named (a city over its province).
        place = moving_to(message) or max(
            places, key=lambda p: len(resources.index().taxonomy.region_ancestors(p.region))
        )
        language = language_of_turn(tracker) or tracker.get_slot("language") or "en"
        return {"place": place.name(language), "region": place.region}

    async def extract_region(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {}  # set together with `place`

    async def extract_portal(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        portal = _metadata(tracker).get("portal")
        return {"portal": portal} if portal in ("canada", "ontario") and portal != tracker.get_slot("portal") else {}

    async def extract_status(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        found = stated_status((tracker.latest_message or {}).get("text") or "")
        return {"status": found} if found and found != tracker.get_slot("status") else {}

    async def extract_compared_places(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {}  # set by action_compare_places

    async def extract_pending_need(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {}  # set by action_find_service

    async def extract_last_question(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {}  # set by the answering actions

    async def extract_last_item(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {}  # set by the answering actions

    async def extract_handoff_requested(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {}  # set by action_handoff
