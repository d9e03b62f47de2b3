"""Send people to the right service: the need from their words, resolved by place, status and language."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions import resources
from bot.actions.answer import is_follow_up, utter_answer
from bot.actions.safety import unsafe_kind
from bot.actions.texts import text
from retrieval.urgent import urgent_item
from services.cards import service_card
from services.needs import NeedClassifier, NeedGuess
from services.router import Route, RouteRequest

# Needs whose answer depends on where the person lives.
LOCAL_LEVELS = ("municipal", "community", "provincial")
# Where no place is known yet: both portals serve Ontario.
PROVINCE = "ON"


def services_message(route: Route, language: str) -> dict[str, Any]:
    """The `services` message: the chosen service first, then up to two alternatives."""
    entries = [route.entry, *route.alternatives[:2]]
    lines = [route.explanation]
    for entry in entries:
        card = service_card(entry, language)
        contact = " — ".join(x for x in (card["url"], card["phone"]) if x)
        lines.append(f"- {card['name']} ({card['organization']}): {contact}")
    return {"type": "services", "text": "\n".join(lines), "services": [service_card(e, language) for e in entries]}


def route_need(
    dispatcher: CollectingDispatcher, need: str, region: str | None, language: str, status: str | None = None
) -> bool:
    """Utter the services for a need; False when the directory has none for this place."""
    router = resources.router()
    route = router.route(RouteRequest(need, region, status, language))
    if route is None and status:
        # Something exists, but not for this status: say so, and where else to turn.
        other = router.route(RouteRequest(need, region, None, language))
        if other is None:
            return False
        label = resources.directory().vocabulary.statuses[status].in_language(language)
        message = services_message(other, language)
        message["text"] = text("not_for_status", language, status=label) + "\n" + message["text"]
        dispatcher.utter_message(json_message=message)
        return True
    if route is None:
        return False
    message = services_message(route, language)
    if status:
        unnarrowed = router.route(RouteRequest(need, region, None, language))
        if unnarrowed is not None and unnarrowed.entry.service.id != route.entry.service.id:
            # The status the person stated changed what is offered: say so, so a wrong reading can be corrected.
            label = resources.directory().vocabulary.statuses[status].in_language(language)
            message["text"] = text("for_status", language, status=label) + "\n" + message["text"]
    dispatcher.utter_message(json_message=message)
    return True


def remember(question: str) -> list[EventType]:
    """The question a service answered, for its follow-ups ("how much?", "phone number?")."""
    return [SlotSet("last_question", question), SlotSet("last_item", None)]


def routed_need(message: str, language: str, classifier: NeedClassifier | None = None) -> NeedGuess | None:
    """The need a find_service message is routed to, or None when it should be answered from the content.

    An emergency, a request to deceive, or a follow-up ("phone number?") never gets a random service, nor
    does a message whose nearest need is not close enough (the directory does not know it).
    """
    if urgent_item(message) or unsafe_kind(message) or is_follow_up(message):
        return None
    guess = (classifier or resources.needs()).classify(message, language)
    if guess is None or guess.similarity < resources.settings().min_need_similarity:
        return None
    return guess


class ActionFindService(Action):
    def name(self) -> str:
        return "action_find_service"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        guess = routed_need(message, language)
        if guess is None:
            return utter_answer(dispatcher, tracker)
        need = resources.directory().vocabulary.needs[guess.need]
        region = tracker.get_slot("region")
        if region is None and need.level in LOCAL_LEVELS:
            province_wide = resources.router().route(
                RouteRequest(guess.need, PROVINCE, tracker.get_slot("status"), language)
            )
            if province_wide is not None and PROVINCE in province_wide.entry.service.regions:
                # One service for the whole province (the Landlord and Tenant Board, Legal Aid Ontario):
                # name it now; the place only adds the local office or clinic.
                reply = services_message(province_wide, language)
                reply["text"] += "\n" + text("add_local_office", language)
                dispatcher.utter_message(json_message=reply)
                return [SlotSet("pending_need", guess.need), *remember(message)]
            dispatcher.utter_message(
                text=text("ask_place_for_service", language, need=need.label.in_language(language))
            )
            return [SlotSet("pending_need", guess.need), *remember(message)]
        if not route_need(dispatcher, guess.need, region, language, tracker.get_slot("status")):
            return utter_answer(dispatcher, tracker)
        return [SlotSet("pending_need", None), *remember(message)]
