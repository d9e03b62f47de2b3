"""A new session after a pause keeps where and in which language, never what was said about oneself."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

# Carried into a new session: the conversation's language, the portal and the place the person gave.
# Their immigration status, the thread of the last conversation (question, item, comparison, pending
# need) and their occupation start empty: a status is confirmed again, never assumed from an old session.
CARRIED = ("language", "portal", "place", "region")


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        carried = [SlotSet(key, tracker.get_slot(key)) for key in CARRIED if tracker.get_slot(key) is not None]
        return [SessionStarted(), *carried, ActionExecuted("action_listen")]
