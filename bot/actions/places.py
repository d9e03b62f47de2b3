"""Where someone lives, and comparing places to settle."""

from __future__ import annotations

import re
from collections import Counter

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions import resources
from bot.actions.answer import asks_something, says_more_than_a_place, utter_answer
from bot.actions.services import remember, route_need
from bot.actions.slots import moving_to
from places.compare import (
    MAX_COMPARE,
    MIN_COMPARE,
    CompareError,
    compare,
    conflict_message,
    place_refs,
    priorities_from_text,
    read_priorities,
    recommend,
)
from places.indicators import DIRECTION_WORDS, INDICATORS
from places.occupations import Occupation, occupation_summary
from replies.models import Button, ChoicesReply, Comparison, ComparisonReply, Score, as_json
from replies.texts import text
from retrieval.folding import fold


def named_records(message: str) -> list[str]:
    """Ids of the places with figures named in the message, in order."""
    found = []
    for place in resources.gazetteer().find(message):
        if place.record and place.record not in found:
            found.append(place.record)
    return found


# Words that introduce someone's own occupation ("as a nurse", "je suis infirmière", "for engineers").
OCCUPATION_CUES = re.compile(
    r"\b(i am|i'm|im|as an?|work as|working as|worked as|for|my (job|field|profession|occupation|trade)|"
    r"je suis|comme|en tant que|pour|mon (metier|métier|emploi|domaine)|ma profession)\b",
    re.IGNORECASE,
)


def occupation_in(tracker: Tracker) -> Occupation | None:
    """The occupation the person names now (the longest name in their words), else the one named before."""
    book = resources.occupations()
    message = (tracker.latest_message or {}).get("text") or ""
    if OCCUPATION_CUES.search(message):
        found = book.find(message)
        if found:
            return found
    named = tracker.get_slot("occupation")  # the `occupation` entity, kept from earlier turns
    return book.find(str(named)) if named else None


def with_occupation(message: ComparisonReply, occupation: Occupation | None, language: str) -> ComparisonReply:
    """The message with whether the occupation is regulated in Ontario and its outlooks for the places shown."""
    if occupation is None:
        return message
    shown = [(p.id, p.name, p.province) for p in message.comparison.places]
    summary = occupation_summary(occupation, language, shown)
    return message.model_copy(
        update={
            "comparison": message.comparison.model_copy(update={"occupation": summary}),
            "text": message.text + "\n\n" + summary.text,
        }
    )


def criteria_in(message: str) -> list[str]:
    """Criteria the message asks about ("what about rent?")."""
    return list(priorities_from_text(message))


def criterion_answer(data: Comparison, asked: list[str], language: str) -> str:
    """The figures for the criteria the question asks about ("is Thunder Bay colder than Sudbury?"), first."""
    lines = []
    for row in data.criteria:
        if row.criterion not in asked:
            continue
        values = ", ".join(
            f"{p.name} {cell.display}" + (f" ({cell.year})" if cell.year else "")
            for p, cell in zip(data.places, row.values, strict=True)
        )
        sep = " : " if language == "fr" else ": "
        lines.append(f"{row.label}{sep}{values}.")
    return "\n".join(lines[:2])


def comparison_message(
    ids: list[str], language: str, criteria: list[str] | None = None, first: list[str] | None = None
) -> ComparisonReply:
    """Places side by side (only `criteria` when given); the criteria in `first` answered before the table."""
    data = compare(resources.places(), ids, language, criteria or None).as_comparison(language)
    if first:
        data.criteria.sort(key=lambda row: row.criterion not in first)
    names = " / ".join(p.name for p in data.places)
    lines = [text("comparison_intro", language, places=names)]
    if first:
        lines.insert(0, criterion_answer(data, first, language))
    sep = " : " if language == "fr" else ": "
    for row in data.criteria:
        values = "; ".join(
            f"{p.name} {cell.display}" + (f" ({cell.year})" if cell.year else "")
            for p, cell in zip(data.places, row.values, strict=True)
        )
        lines.append(f"- {row.label}{sep}{values}")
    if data.summary:
        lines.append(data.summary)
    lines.append(text("comparison_sources", language))
    publishers = official_publishers(data)
    if publishers:
        lines.append(text("comparison_publishers", language, publishers=", ".join(publishers)))
    return ComparisonReply(text="\n".join(lines), comparison=data)


def official_publishers(data: Comparison) -> list[str]:
    """The official publishers of the figures shown, most cited first: who stands behind the table (issue 14.2)."""
    names = Counter(cell.source.publisher_name for row in data.criteria for cell in row.values if cell.source)
    return [name for name, _ in names.most_common()]


# The priorities offered as buttons; each says back words the priority reader understands (priority_payload.*).
PRIORITY_BUTTONS = ("rent_2br", "unemployment_rate", "french_speakers_share", "january_mean_temp", "immigrant_share")


def ask_which_place(dispatcher: CollectingDispatcher, message: str, language: str) -> bool:
    """Offer the nearest known places for a name not recognised; False when nothing is close."""
    suggestions = resources.gazetteer().suggest(message)
    if not suggestions:
        return False
    dispatcher.utter_message(
        text=text("place_did_you_mean", language, places=", ".join(p.name(language) for p in suggestions)),
        buttons=[{"title": p.name(language), "payload": p.name(language)} for p in suggestions],
    )
    return True


def priority_buttons(language: str) -> list[Button]:
    lang = "fr" if language == "fr" else "en"
    return [
        Button(
            title=INDICATORS[key].label.in_language(lang),
            payload=f"{text('priority_payload', lang)} {text(f'priority_payload.{key}', lang)}",
        )
        for key in PRIORITY_BUTTONS
    ]


def direction_buttons(conflicts: tuple[str, ...], language: str) -> list[Button]:
    """One button for each way of each contradictory priority ("milder winters" / "colder winters")."""
    lang = "fr" if language == "fr" else "en"
    return [
        Button(title=label.in_language(lang), payload=f"{text('priority_payload', lang)} {label.in_language(lang)}")
        for key in conflicts
        for label in DIRECTION_WORDS[key].values()
    ]


def recommendation_message(
    weights: dict[str, float], language: str, opposite: frozenset[str] = frozenset()
) -> ComparisonReply:
    found = recommend(resources.places(), weights, language, top=3, opposite=opposite)
    lines = [text("recommend_intro", language)]
    for n, r in enumerate(found, 1):
        details = ", ".join(r.reasons[:3]) or text("recommend_no_strength", language)
        if r.tradeoffs:
            details += "; " + ", ".join(r.tradeoffs[:2])
        lines.append(f"{n}. {r.place.name.get(language)} ({r.place.province}) — {details}")
        if r.missing:
            lines.append("   " + ", ".join(r.missing))
    lines.append(text("recommend_how", language))
    data = Comparison(
        places=place_refs([r.place for r in found], language),
        priorities=weights,
        opposite=sorted(opposite),
        scores=[Score(place=r.place.id, score=r.score, reasons=r.reasons, tradeoffs=r.tradeoffs) for r in found],
    )
    return ComparisonReply(text="\n".join(lines), comparison=data)


# Words of a comparison or of choosing where to live: without them, one place and a question is a question.
# Words that weigh places against each other, beyond moving between them.
WEIGHS_UP = re.compile(
    r"\b(compar\w*|vs|versus|than|between|better|best|worse|cheaper|colder|warmer|bigger|smaller|"
    r"entre|mieux|meilleure?s?|pire|plutot)\b"
)

COMPARE_CUES = re.compile(
    r"\b(compar\w*|vs|versus|than|between|better|best|worse|cheaper|colder|warmer|bigger|smaller|"
    r"settle|move|moving|relocate|which (city|town|place|region)|where (should|to) (i|we) (live|go)|"
    r"(good|nice|best) place|place to live|quality of life|cost of living|bon endroit|endroit pour vivre|"
    r"qualite de vie|cout de la vie|"
    r"entre|mieux|meilleure?s?|pire|plutot|installer|demenager|quelle ville|ou (vivre|habiter|aller))\b",
    re.IGNORECASE,
)


def add_to_comparison(
    dispatcher: CollectingDispatcher, tracker: Tracker, max_words: int | None = 4
) -> list[EventType] | None:
    """ "And Sudbury?" during a comparison: the place joins it; None when the message is not that
    (or, with `max_words`, is longer than that)."""
    message = (tracker.latest_message or {}).get("text") or ""
    ids = named_records(message)
    previous = list(tracker.get_slot("compared_places") or [])
    if not (previous and ids) or (max_words is not None and len(message.split()) > max_words):
        return None
    merged = list(dict.fromkeys([*previous, *ids]))[-MAX_COMPARE:]
    if len(merged) < MIN_COMPARE:
        return None
    dispatcher.utter_message(json_message=as_json(comparison_message(merged, tracker.get_slot("language") or "en")))
    return [SlotSet("compared_places", merged)]


def compare_on_criterion(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """Compare when a question names two or more places and a criterion; None when it does not."""
    message = (tracker.latest_message or {}).get("text") or ""
    ids = named_records(message)
    criteria = criteria_in(message)
    previous = list(tracker.get_slot("compared_places") or [])
    if not ids and previous and criteria and len(message.split()) <= 5:
        ids = previous  # "et les loyers?" right after a comparison: those places, that criterion
    if not (MIN_COMPARE <= len(ids) <= MAX_COMPARE) or not criteria:
        return None
    language = tracker.get_slot("language") or "en"
    dispatcher.utter_message(json_message=as_json(comparison_message(ids, language, None, criteria)))
    return [SlotSet("compared_places", ids)]


class ActionComparePlaces(Action):
    def name(self) -> str:
        return "action_compare_places"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        occupation = occupation_in(tracker)
        ids = named_records(message)
        previous = list(tracker.get_slot("compared_places") or [])
        criteria = criteria_in(message)
        comparing = COMPARE_CUES.search(fold(message)) is not None
        moving = moving_to(message)
        if moving is not None and not criteria and not WEIGHS_UP.search(fold(message)) and asks_something(message):
            # "we're moving from Gatineau to Ottawa, how do I enrol my son?": a question about where they go.
            return utter_answer(dispatcher, tracker, region=moving.region)
        one_place_question = len(ids) == 1 or (not ids and not criteria)
        if not comparing and not previous and one_place_question and occupation is None and asks_something(message):
            # "no money left for rent in Brampton, any help?": a question about one place, not a comparison.
            return utter_answer(dispatcher, tracker)
        if len(ids) == 1 and previous:  # "and Kingston?"
            ids = [*previous, ids[0]][-4:]
        if not ids and previous and criteria:  # "what about rent?"
            ids = previous
        if len(ids) > MAX_COMPARE:
            names = ", ".join(resources.places().places[i].name.get(language) for i in ids)
            dispatcher.utter_message(text=text("compare_too_many", language, count=str(len(ids)), places=names))
            return []
        if len(ids) >= 2:
            try:
                follow_up = ids == previous  # "what about rent?": only those rows
                reply = comparison_message(
                    ids, language, criteria if follow_up else None, None if follow_up else criteria
                )
                dispatcher.utter_message(json_message=as_json(with_occupation(reply, occupation, language)))
            except CompareError as exc:
                dispatcher.utter_message(text=str(exc))
                return []
            return [SlotSet("compared_places", ids[:4])]
        if len(ids) == 1:
            dispatcher.utter_message(text=text("compare_one_place", language))
            return [SlotSet("compared_places", ids)]
        if not criteria and ask_which_place(dispatcher, message, language):
            return []
        wanted = read_priorities(message, resources.index().encoder)  # clauses with no known word: by meaning
        if wanted.conflicts:
            choices = ChoicesReply(
                text=conflict_message(wanted.conflicts, language), buttons=direction_buttons(wanted.conflicts, language)
            )
            dispatcher.utter_message(json_message=as_json(choices))
            return []
        weights = wanted.weights
        if not weights and occupation is not None:
            weights = {"unemployment_rate": 1.0}  # work in their field: the job market first
        if not weights:
            choices = ChoicesReply(text=text("ask_priorities", language), buttons=priority_buttons(language))
            dispatcher.utter_message(json_message=as_json(choices))
            return []
        recommended = recommendation_message(weights, language, wanted.opposite)
        dispatcher.utter_message(json_message=as_json(with_occupation(recommended, occupation, language)))
        # "and the rents?", "and Sudbury?" continue with the places just recommended.
        return [SlotSet("compared_places", [p.id for p in recommended.comparison.places])]


class ActionInformPlace(Action):
    """The person says where they live (or a place): finish what was pending, or note the place."""

    def name(self) -> str:
        return "action_inform_place"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # "is Thunder Bay colder than Sudbury?"; during a comparison, "and Kingston?" at any length.
        compared = compare_on_criterion(dispatcher, tracker) or add_to_comparison(dispatcher, tracker, max_words=None)
        if compared is not None:
            return compared
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        place, region = tracker.get_slot("place"), tracker.get_slot("region")
        if not place:
            if not ask_which_place(dispatcher, message, language):
                dispatcher.utter_message(text=text("place_unknown", language))
            return []
        pending = tracker.get_slot("pending_need")
        pending_question = tracker.get_slot("last_question")
        shown = (
            route_need(dispatcher, pending, region, language, tracker.get_slot("status"), pending_question)
            if pending
            else None
        )
        if shown:
            return [SlotSet("pending_need", None), SlotSet("last_service", shown)]
        place_words = sum(len(p.en.split()) for p in resources.gazetteer().find(message))
        if asks_something(message) or says_more_than_a_place(message, place_words):
            # "laid off at the plant in Hamilton, what do I do now?": the place and a question of its own.
            return utter_answer(dispatcher, tracker, region=region)
        previous = tracker.get_slot("last_question")
        if previous:  # "sorry, I live in Ottawa, not Toronto": the question again, for this place
            guess = resources.needs().classify(previous, language)
            status = tracker.get_slot("status")
            shown = (
                route_need(dispatcher, guess.need, region, language, status, previous)
                if guess is not None and guess.similarity >= resources.settings().min_need_similarity
                else None
            )
            if shown:
                return remember(previous, shown)  # the office or clinic for that place
            return utter_answer(dispatcher, tracker, question=previous, region=region)
        dispatcher.utter_message(text=text("place_noted", language, place=place))
        return []
