"""Answer a settlement question from the shared index, or say honestly that it has no good answer."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions import resources
from bot.actions.texts import text
from retrieval.search import Hit, SearchFilters
from retrieval.taxonomy import Taxonomy

_SENTENCE = re.compile(r"(?<=[.!?:])\s+")


def excerpt(passage: str, max_words: int) -> str:
    """The first sentences of a passage, within max_words, without Markdown emphasis."""
    plain = re.sub(r"\*\*|__|`", "", passage).strip()
    out: list[str] = []
    for sentence in _SENTENCE.split(plain):
        if out and len(" ".join([*out, sentence]).split()) > max_words:
            break
        out.append(sentence)
    joined = " ".join(out)
    words = joined.split()
    return joined if len(words) <= max_words else " ".join(words[:max_words]) + "…"


def source_of(hit: Hit, taxonomy: Taxonomy, language: str) -> dict[str, str]:
    owner = taxonomy.owners.get(hit.owner)
    return {
        "title": hit.title,
        "url": hit.url,
        "jurisdiction": hit.jurisdiction,
        "owner": owner.in_language(language) if owner else hit.owner,
        "language": hit.language,
    }


def feedback_buttons(language: str) -> list[dict[str, str]]:
    return [
        {"title": text("helpful", language), "payload": '/feedback{"helpful": "yes"}'},
        {"title": text("not_helpful", language), "payload": '/feedback{"helpful": "no"}'},
    ]


def answer_message(
    hits: list[Hit], language: str, fallback: bool, taxonomy: Taxonomy, max_words: int
) -> dict[str, Any]:
    """The `answer` message: an excerpt of the best passage, its source, and who is responsible."""
    best = hits[0]
    source = source_of(best, taxonomy, language)
    lines = [excerpt(best.text, max_words), "", text("source", language, title=best.title, url=best.url)]
    lines.append(text(f"responsible_{best.jurisdiction}", language, owner=source["owner"]))
    if fallback:
        lines.append(text("other_language", language))
    return {
        "type": "answer",
        "text": "\n".join(lines),
        "sources": [source] + [source_of(h, taxonomy, language) for h in hits[1:2]],
    }


def not_sure_message(hits: list[Hit], language: str) -> dict[str, Any]:
    lines = [text("not_sure", language), text("not_sure_contact", language)]
    buttons = [{"title": h.title, "payload": h.title} for h in hits[:3]]
    return {
        "type": "choices",
        "text": "\n".join([lines[0], *(f"- {h.title}" for h in hits[:3]), lines[1]]),
        "buttons": buttons,
    }


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = tracker.latest_message or {}
        index = resources.index()
        settings = resources.settings()
        result = index.search(
            message.get("text") or "", language, SearchFilters(region=tracker.get_slot("region")), k=3
        )
        hits = result.hits
        if not hits or (hits[0].similarity or 0.0) < settings.min_similarity:
            dispatcher.utter_message(json_message=not_sure_message(hits, language))
            return []
        reply = answer_message(hits, language, result.language_fallback, index.taxonomy, settings.answer_words)
        dispatcher.utter_message(json_message={**reply, "buttons": feedback_buttons(language)})
        return []
