"""Send people to the right service: the need from their words, resolved by place, status and language."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions import resources
from bot.actions.answer import found_hits, is_follow_up, utter_answer
from bot.actions.safety import unsafe_kind
from replies.models import ServicesReply, as_json
from replies.texts import text
from retrieval.folding import fold
from retrieval.urgent import urgent_item
from services.cards import service_card
from services.needs import NeedClassifier, NeedGuess
from services.router import PLACE_LEVELS, Route, RouteRequest

# Where no place is known yet: both portals serve Ontario.
PROVINCE = "ON"


def services_message(route: Route, language: str, intro: str | None = None, outro: str | None = None) -> ServicesReply:
    """The `services` message: the chosen service first, then up to two alternatives; `intro` and `outro`
    around them."""
    cards = [service_card(e, language) for e in [route.entry, *route.alternatives[:2]]]
    lines = [*([intro] if intro else []), route.explanation]
    for card in cards:
        contact = " — ".join(x for x in (card.url, card.phone) if x)
        lines.append(text("service_line", language, name=card.name, organization=card.organization, contact=contact))
    return ServicesReply(text="\n".join([*lines, *([outro] if outro else [])]), services=cards)


def route_need(
    dispatcher: CollectingDispatcher,
    need: str,
    region: str | None,
    language: str,
    status: str | None = None,
    message: str | None = None,
) -> str | None:
    """Utter the services for a need; the id of the service shown first, None when the directory has none
    for this place. `message`, the person's words: among services as near, the one that fits them first."""
    router = resources.router()
    fit = resources.service_affinity(message, language) if message else None
    route = router.route(RouteRequest(need, region, status, language), fit)
    if route is None and status:
        # Something exists, but not for this status: say so, and where else to turn.
        other = router.route(RouteRequest(need, region, None, language), fit)
        if other is None:
            return None
        label = resources.directory().vocabulary.statuses[status].in_language(language)
        note = text("not_for_status", language, status=label)
        dispatcher.utter_message(json_message=as_json(services_message(other, language, note)))
        return other.entry.service.id
    if route is None:
        return None
    intro: str | None = None
    if status:
        unnarrowed = router.route(RouteRequest(need, region, None, language), fit)
        if unnarrowed is not None and unnarrowed.entry.service.id != route.entry.service.id:
            # The status the person stated changed what is offered: say so, so a wrong reading can be corrected.
            label = resources.directory().vocabulary.statuses[status].in_language(language)
            intro = text("for_status", language, status=label)
    dispatcher.utter_message(
        json_message=as_json(services_message(route, language, intro, no_office(route, region, language)))
    )
    return route.entry.service.id


def no_office(route: Route, region: str | None, language: str) -> str | None:
    """For a city, when the service shown covers the whole province and the directory lists no office of its
    own there: said, since the person was asked for their city to find one."""
    vocabulary = resources.directory().vocabulary
    regions = route.entry.service.regions
    if region is None or vocabulary.needs[route.need].level != "provincial" or region in regions:
        return None
    if PROVINCE not in regions:
        return None
    return text("no_local_office", language, place=vocabulary.taxonomy.regions[region].in_language(language))


def remember(question: str, service: str | None = None) -> list[EventType]:
    """The question a service answered and the service shown, for its follow-ups ("how much?", "phone number?")."""
    return [SlotSet("last_question", question), SlotSet("last_item", None), SlotSet("last_service", service)]


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


def content_agrees(message: str, need: str, language: str, region: str | None) -> bool:
    """Whether the content search lets the need stand: it does unless it is sure of its best item
    (`agreement_similarity`) and none of the items it would answer from is on the need's topic.

    "deadline for a human rights complaint" may come nearest to a need's examples (income support), but the
    search is sure of the Human Rights Tribunal's item: the question is answered from the content.
    """
    index = resources.index()
    hits, _, _ = found_hits(index, message, language, region)
    if not hits or hits[0].similarity is None:
        return True
    if max(h.similarity or 0.0 for h in hits) < resources.settings().agreement_similarity:
        return True  # the search is not sure of anything: the need stands
    relevant = [h for h in hits if (h.similarity or 0.0) >= resources.search_settings().min_similarity]
    topic = resources.directory().vocabulary.needs[need].topic
    return any(topic in h.topics for h in relevant)


# A question after an amount, a length of time or a date ("how many days without pay before EI?", "for how
# long?", "under what income?"): the content states it; the service card alone would not.
_ASKS_FOR_A_FIGURE = re.compile(
    r"\b(how (much|many|long|often|soon)|under what|what (income|age)|combien|pour combien de temps|"
    r"(quel|quelle) (montant|revenu|age|delai|date)|a partir de quel|jusqu'a quand|delai)\b"
)


def asks_for_a_figure(message: str) -> bool:
    return _ASKS_FOR_A_FIGURE.search(fold(message)) is not None


class ActionFindService(Action):
    def name(self) -> str:
        return "action_find_service"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        guess = routed_need(message, language)
        if guess is None or not content_agrees(message, guess.need, language, tracker.get_slot("region")):
            return utter_answer(dispatcher, tracker)
        need = resources.directory().vocabulary.needs[guess.need]
        region = tracker.get_slot("region")
        if asks_for_a_figure(message):
            # The figure from the content first; then the service, when no place is needed to name it.
            answered = utter_answer(dispatcher, tracker)
            if region is None and need.level in PLACE_LEVELS:
                return answered
            shown = route_need(dispatcher, guess.need, region, language, tracker.get_slot("status"), message)
            return [*answered, SlotSet("last_service", shown)] if shown else answered
        if region is None and need.level in PLACE_LEVELS:
            province_wide = resources.router().route(
                RouteRequest(guess.need, PROVINCE, tracker.get_slot("status"), language),
                resources.service_affinity(message, language),
            )
            if province_wide is not None and PROVINCE in province_wide.entry.service.regions:
                # One service for the whole province (the Landlord and Tenant Board, Legal Aid Ontario):
                # name it now; the place only adds the local office or clinic.
                reply = services_message(province_wide, language, outro=text("add_local_office", language))
                dispatcher.utter_message(json_message=as_json(reply))
                return [SlotSet("pending_need", guess.need), *remember(message, province_wide.entry.service.id)]
            dispatcher.utter_message(
                text=text("ask_place_for_service", language, need=need.label.in_language(language))
            )
            return [SlotSet("pending_need", guess.need), *remember(message)]
        shown = route_need(dispatcher, guess.need, region, language, tracker.get_slot("status"), message)
        if shown is None:
            return utter_answer(dispatcher, tracker)
        return [SlotSet("pending_need", None), *remember(message, shown)]
