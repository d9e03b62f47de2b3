"""Follow-ups on the service just shown ("phone number?", "how much?", "what do I bring?"): answered from
that service's own record in the directory, not by a new search that may land on another service."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import resources
from replies.models import ServicesReply, as_json
from replies.texts import text
from retrieval.folding import fold
from services.cards import service_card
from services.directory import DirectoryEntry

# What a short follow-up asks about the service, in folded words of both languages.
ASPECTS: dict[str, re.Pattern[str]] = {
    aspect: re.compile(pattern)
    for aspect, pattern in (
        ("phone", r"\b(phone|telephone|tel|number|call|numero|appeler|telephoner|joindre)\b"),
        ("where", r"\b(where|office|offices|address|location|nearest|closest|ou|bureau|bureaux|adresse|proche|pres)\b"),
        ("cost", r"\b(cost|costs|fee|fees|price|pay|how much|free|combien|cout|coute|frais|prix|payer|gratuit)\b"),
        ("documents", r"\b(documents?|papers?|bring|pieces?|apporter|papiers|fournir)\b"),
        ("eligibility", r"\b(eligible|eligibility|qualify|who can|admissible|admissibilite|droit|qui peut)\b"),
        ("apply", r"\b(apply|application|sign up|register|steps|how do i|demande|demander|inscrire|etapes|comment)\b"),
        ("online", r"\b(website|online|web ?site|link|lien|en ligne|internet)\b"),
        ("hours", r"\b(hours|open|opening|closed?|closing|heures?|ouvert|horaires?|ferme)\b"),
    )
}
MAX_WORDS = 10
# Up to this many words ("phone number?", "c'est combien?") a follow-up names no topic of its own.
TOPIC_FREE_WORDS = 4
# How much better another need must score than the service's own for a message to be a new topic: questions
# that name no topic ("what documents do I need to bring?") give some need 0.04-0.05 more; a named topic
# ("... to apply for citizenship?") 0.10 or more.
NEW_TOPIC_MARGIN = 0.07


def asked_aspects(message: str) -> list[str]:
    folded = fold(message)
    return [aspect for aspect, pattern in ASPECTS.items() if pattern.search(folded)]


def detail_lines(entry: DirectoryEntry, aspects: list[str], language: str) -> list[str]:
    """One line per aspect asked, from the service's record; where the record has nothing, say so and
    point to the service's page and phone rather than guess."""
    service, card = entry.service, service_card(entry, language)
    name, url = card.name, card.url or entry.organization.website
    contact = text("service_contact_phone", language, url=url, phone=card.phone) if card.phone else url
    lines: list[str] = []
    for aspect in aspects:
        if aspect == "phone":
            lines.append(
                text("service_phone", language, name=name, phone=card.phone)
                if card.phone
                else text("service_no_phone", language, name=name, url=url)
            )
        elif aspect == "where":
            key = "service_in_person" if "in-person" in service.access else "service_not_in_person"
            ways = ", ".join(text(f"access.{a.replace('-', '_')}", language) for a in service.access) or text(
                "access.online", language
            )
            lines.append(text(key, language, name=name, ways=ways, url=url))
        elif aspect == "cost":
            lines.append(
                text("service_fees", language, name=name, fees=service.fees.get(language))
                if service.fees
                else text("service_no_fees", language, name=name, contact=contact)
            )
        elif aspect == "documents":
            documents = service.required_documents.get(language) if service.required_documents else []
            lines.append(
                text("service_documents", language, name=name, documents="; ".join(documents))
                if documents
                else text("service_no_documents", language, name=name, contact=contact)
            )
        elif aspect == "eligibility" and service.eligibility:
            lines.append(
                text("service_eligibility", language, name=name, eligibility=service.eligibility.get(language))
            )
        elif aspect == "apply" and service.application_process:
            steps = service.application_process.get(language)
            lines.append(text("service_apply", language, name=name, steps=steps))
        elif aspect in ("online", "hours", "eligibility", "apply"):
            lines.append(text("service_page", language, name=name, contact=contact))
    return list(dict.fromkeys(lines))


def names_another_need(message: str, language: str, entry: DirectoryEntry) -> bool:
    """Whether the message is clearly about another need than the service's ("how much does a health card
    cost?" after the SIN): another need scores above the threshold and beats the service's own needs by a
    margin. Questions that name no topic ("what documents do I need to bring?") score about the same for all."""
    scores = resources.needs().scores(message, language)
    if not scores:
        return False
    best = max(scores, key=scores.__getitem__)
    own = max((scores.get(n, 0.0) for n in entry.service.needs), default=0.0)
    settings = resources.settings()
    return (
        best not in entry.service.needs
        and scores[best] >= settings.min_need_similarity
        and scores[best] - own >= NEW_TOPIC_MARGIN
    )


def show_service(dispatcher: CollectingDispatcher, service_id: str | None, language: str) -> bool:
    """The service shown last, again, in `language` ("in French please" after a service card)."""
    entry = resources.directory().services.get(service_id) if service_id else None
    if entry is None:
        return False
    card = service_card(entry, language)
    contact = " — ".join(x for x in (card.url, card.phone) if x)
    line = text("service_line", language, name=card.name, organization=card.organization, contact=contact)
    reply = ServicesReply(text=f"{card.description}\n{line}", services=[card])
    dispatcher.utter_message(json_message=as_json(reply))
    return True


def follow_up_on_service(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Answer a short question about the service shown last; None when the message is not that."""
    service_id = tracker.get_slot("last_service")
    message = (tracker.latest_message or {}).get("text") or ""
    if not service_id or len(message.split()) > MAX_WORDS:
        return None
    entry = resources.directory().services.get(service_id)
    aspects = asked_aspects(message)
    if entry is None or not aspects:
        return None
    language = tracker.get_slot("language") or "en"
    if len(message.split()) > TOPIC_FREE_WORDS and names_another_need(message, language, entry):
        return None
    reply = ServicesReply(
        text="\n".join(detail_lines(entry, aspects, language)), services=[service_card(entry, language)]
    )
    dispatcher.utter_message(json_message=as_json(reply))
    return []
