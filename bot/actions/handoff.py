"""Send people to a human, and never guess about someone's own immigration file."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions import resources
from bot.actions.answer import source_of, utter_answer
from replies.models import AnswerReply, HandoffReply, as_json
from replies.texts import text
from retrieval.folding import fold
from retrieval.search import Hit, SearchIndex

# Content items (translation groups) that hold the contacts.
IRCC_CONTACT = "ircc-account-status"
AUTHORIZED_REPRESENTATIVES = "authorized-representatives"
TWO_ONE_ONE = "211-ontario"


def _item(index: SearchIndex, group: str, language: str) -> Hit | None:
    return index.item(group, language) or index.item(group, "fr" if language == "en" else "en")


def local_settlement_item(index: SearchIndex, region: str | None, language: str) -> Hit | None:
    """The newcomer-services item of the user's municipality, if the index has one."""
    if not region or not region.startswith("ON-"):
        return None
    return _item(index, f"{region.removeprefix('ON-')}-newcomer-services", language)


# Words that ask for a person, not for help with the topic being discussed ("who can help me with that?").
ASKS_FOR_PERSON = re.compile(
    r"\b(person|human|agent|someone real|real people|staff|representative|operator|talk to|speak to|speak with|"
    r"personne|humain|parler a|parler avec|quelqu'un de vrai)\b"
)


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        if tracker.get_slot("last_question") and not ASKS_FOR_PERSON.search(fold(message)):
            # "who can help me?" after a question about a landlord: help with that topic, not a contact list.
            return utter_answer(dispatcher, tracker)
        index = resources.index()
        lines = [text("handoff_intro", language)]
        contacts: list[Hit] = []
        local = local_settlement_item(index, tracker.get_slot("region"), language)
        if local:
            lines.append(
                "- "
                + text(
                    "handoff_local", language, place=tracker.get_slot("place") or "", title=local.title, url=local.url
                )
            )
            contacts.append(local)
        for group, key in ((TWO_ONE_ONE, "handoff_211"), (IRCC_CONTACT, "handoff_ircc")):
            hit = _item(index, group, language)
            if hit:
                lines.append("- " + text(key, language, url=hit.url))
                contacts.append(hit)
        if not local:
            lines.append(text("handoff_place", language))
        sources = [source_of(h, index.taxonomy, language) for h in contacts]
        dispatcher.utter_message(json_message=as_json(HandoffReply(text="\n".join(lines), sources=sources)))
        # Marks the conversation so staff can find the ones where a person was asked for.
        return [SlotSet("handoff_requested", True)]


# A question about the person's own file, in two parts: the file is theirs ("my PR papers", "mon dossier",
# "ma prolongation de permis") and the question is about what happens to it (a decision, its status, an answer,
# how long). "où faire ma demande de prestations" names an application but asks where to apply: not a file's fate.
_OWN_FILE = re.compile(
    r"\b(my|our|mon|ma|mes|notre|nos)\s+(\w+\s+){0,2}?"
    r"(applications?|files?|case|appeal|claim|papers|permits?|visa|sponsorship|pr|citizenship|residence|request|"
    r"extension|renewal|dossiers?|demandes?|candidature|parrainage|permis|prolongation|renouvellement|appel|papiers)\b"
)
_FILE_FATE = re.compile(
    r"\b(approved|accepted|refused|rejected|denied|decision|status|answer(ed)?|respond(ed)?|response|processing|"
    r"progress|update|how long|still waiting|heard back|be (approved|accepted|refused)|"
    r"acceptee?s?|refusee?s?|refus|approuvee?s?|decision|statut|etat|reponse|repond(ent)?|traitement|delai|"
    r"combien de temps|toujours pas|en attente|ou en est)\b|\bwhere\b.{0,40}\bis at\b|\bwhere (is|are) (my|our)\b"
)
# Words that ask for an outcome for the person themself, whatever the file is called.
_OWN_OUTCOME = re.compile(
    r"\b(will|would|could) (i|we) (be|get) (approved|accepted|refused|rejected|invited|selected)|"
    r"\b(my|our|mes|nos) chances\b|\bchances? (that|of|for) (me|my|i|we|our)\b|\bwhen will (i|we)\b|"
    r"\b(vais-je|est-ce que je vais|serai-je)\b.*\b(accepte|refuse|approuve|invite)"
)


def is_own_case(message: str) -> bool:
    """Whether a message asks about the person's own file (only then the "I can't tell you" template)."""
    folded = fold(message)
    if _OWN_OUTCOME.search(folded):
        return True
    return _OWN_FILE.search(folded) is not None and _FILE_FATE.search(folded) is not None


class ActionOwnCase(Action):
    def name(self) -> str:
        return "action_own_case"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        if not is_own_case((tracker.latest_message or {}).get("text") or ""):
            # "My wife came on a visitor record, can she work?" is a question about rules, not about a file.
            return utter_answer(dispatcher, tracker)
        index = resources.index()
        hits = [h for h in (_item(index, g, language) for g in (IRCC_CONTACT, AUTHORIZED_REPRESENTATIVES)) if h]
        lines = [text("own_case", language), *(f"- {h.title} — {h.url}" for h in hits)]
        sources = [source_of(h, index.taxonomy, language) for h in hits]
        dispatcher.utter_message(json_message=as_json(AnswerReply(text="\n".join(lines), sources=sources)))
        return []
