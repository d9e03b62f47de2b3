"""Answer a settlement question from the shared index, or say honestly that it has no good answer."""

from __future__ import annotations

import re
from dataclasses import replace

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions import resources
from bot.actions.safety import safety_reply, unsafe_kind
from bot.actions.service_details import follow_up_on_service, show_service
from bot.actions.sources import publisher_label, responsibility_line
from replies.models import AnswerReply, Button, ChoicesReply, Source, TextReply, as_json
from replies.texts import text
from retrieval.answers import Answer, answer_from_index
from retrieval.colloquial import with_standard_words
from retrieval.folding import fold
from retrieval.language import requested_switch
from retrieval.search import Hit, SearchFilters, SearchIndex
from retrieval.taxonomy import Taxonomy
from retrieval.text import first_sentences
from retrieval.urgent import urgent_item


def excerpt(passage: str, max_words: int) -> str:
    """The first sentences of a passage, within max_words (the baseline answers are measured against)."""
    return first_sentences(passage, max_words, more="…")


def source_of(hit: Hit, taxonomy: Taxonomy, language: str) -> Source:
    """The source of a hit; `owner` names the page's publisher (data/publishers.yml), a government only
    when that government published it."""
    owner = taxonomy.owners.get(hit.owner)
    fallback = owner.in_language(language) if owner else hit.owner
    return Source(
        title=hit.title,
        url=hit.url,
        jurisdiction=hit.jurisdiction,  # type: ignore[arg-type]  # checked by the model
        owner=publisher_label(hit.url, language, fallback),
        language=hit.language,  # type: ignore[arg-type]
    )


def feedback_buttons(language: str) -> list[Button]:
    return [
        Button(title=text("helpful", language), payload='/feedback{"helpful": "yes"}'),
        Button(title=text("not_helpful", language), payload='/feedback{"helpful": "no"}'),
    ]


def answer_message(answer: Answer, others: list[Hit], language: str, fallback: bool, taxonomy: Taxonomy) -> AnswerReply:
    """The `answer` message: what answers the question, each part with its source and who is responsible,
    and the feedback buttons."""
    lines: list[str] = []
    sources = []
    for n, (part, hit) in enumerate(zip(answer.parts, answer.hits, strict=True)):
        source = source_of(hit, taxonomy, language)
        sources.append(source)
        if n:
            lines.append("")
        lines += [part, "", text("source", language, title=hit.title, url=hit.url)]
        lines.append(responsibility_line(hit.jurisdiction, hit.url, language, source.owner))
    if fallback:
        lines.append(text("other_language", language))
    used = {h.id for h in answer.hits}
    sources += [source_of(h, taxonomy, language) for h in others if h.id not in used][:1]
    return AnswerReply(text="\n".join(lines), sources=sources, buttons=feedback_buttons(language))


def compose_answer(index: SearchIndex, question: str, hits: list[Hit], language: str, said: str = "") -> Answer:
    """The sentences of the found items that answer the question (the first passage's opening if none),
    leaving out those the previous reply (`said`) gave."""
    answer = answer_from_index(index, question, hits, language, said)
    if answer is not None:
        return answer
    best = hits[0]
    opening = excerpt(best.text, 70)
    return Answer(text=opening, hits=[best], parts=[opening])


def not_sure_message(hits: list[Hit], language: str) -> ChoicesReply:
    """Not sure: the nearest topics as choices, and 211 for a person who can refer them."""
    lines = [text("not_sure", language), text("not_sure_contact", language)]
    return ChoicesReply(
        text="\n".join([lines[0], *(f"- {h.title}" for h in hits[:3]), lines[1]]),
        buttons=[Button(title=h.title, payload=h.title) for h in hits[:3]],
    )


def for_search(question: str, region: str | None) -> str:
    """The question without the name of the person's own city: the region filters and ranks instead."""
    return resources.gazetteer().without(question, region) if region else question


def confidence(index: SearchIndex, hit: Hit, question: str, searched: str) -> float:
    """How well the best hit matches the question as asked: the search (`searched`) left the person's
    city out of the text, but the "not sure" bar was set on whole questions ("buses in Thunder Bay")."""
    similarity = hit.similarity or 0.0
    if searched == question:
        return similarity
    return max([similarity, *index.section_similarities(question, hit.id).values()])


def found_hits(
    index: SearchIndex, question: str, language: str, region: str | None, said_now: str | None = None
) -> tuple[list[Hit], str, bool]:
    """(hits, their language, whether that is the other official language) for the question.

    An emergency or a crisis is answered from the item that says what to do
    (call 911, the crisis line) whatever else the words match. Whether there is one is read from what
    the person says now (`said_now`, the question by default): a follow-up read with an earlier
    question about a fever ("where do we apply?") is not an emergency again.
    """
    group = urgent_item(question if said_now is None else said_now)
    searched = with_standard_words(for_search(question, region), language)
    result = index.search(searched, language, SearchFilters(region=region), k=3)
    if group:
        hit = index.item(group, language)
        if hit is not None:
            # What to do now first; then what the search found for the rest of the message ("...and we
            # have no health card"), which the answer adds when it is confident.
            rest = [h for h in result.hits if h.translation != hit.translation and result.language == language]
            return [hit, *rest], language, False
    return result.hits, result.language, result.language_fallback


# A message that asks about the thing just discussed without naming it ("how much?", "phone number?",
# "et pour ma femme?"): it is read together with the previous question.
_FOLLOW_UP_WORDS = (
    r"(how much|cost|fees?|price|combien|prix|co[uû]ts?|frais|tarifs?|phone|number|num[eé]ro|t[eé]l[eé]phone|"
    r"call|where|office|address|nearest|o[uù]|bureau|adresse|hours|open|heures|ouvert|how long|d[eé]lai|"
    r"combien de temps|website|site|link|lien|who can|qui peut|for my|pour mon|pour ma|pour mes|is it free|"
    r"c'?est gratuit|in french|en fran[cç]ais|what about|et [aà]|and in)\b"
)
_FOLLOW_UP_START = re.compile(
    r"^\W*(and|also|so|ok|okay|et|pis|puis|alors|mais|but|what about|how about|et pour|et si)?\W*" + _FOLLOW_UP_WORDS,
    re.IGNORECASE,
)
_FOLLOW_UP_ANYWHERE = re.compile(r"\b" + _FOLLOW_UP_WORDS, re.IGNORECASE)


def is_follow_up(message: str) -> bool:
    """A short message that names no topic of its own and continues the previous one ("how much?",
    "where is the nearest office?", "c'est combien?")."""
    words = len(message.split())
    if words <= 3 and _FOLLOW_UP_ANYWHERE.search(message):
        return True
    return words <= 5 and _FOLLOW_UP_START.search(message) is not None


# Words that ask something ("I'm in Windsor, where is the clinic?"), beyond naming a place or a comparison.
_ASKS = re.compile(
    r"\?|\b(how|what|where|when|who|which|why|can|could|do|does|is|are|should|need|want|help|"
    r"comment|quoi|quel|quelle|quels|quelles|qui|quand|pourquoi|peux|peut|puis|dois|doit|faut|combien|"
    r"est-ce|ya|aide|besoin)\b",
    re.IGNORECASE,
)


def asks_something(message: str, min_words: int = 5) -> bool:
    """A message long enough to carry a question of its own, with a word that asks."""
    return len(message.split()) >= min_words and _ASKS.search(fold(message)) is not None


# Words of saying where one lives, which carry no question ("sorry, I said I live in Ottawa, not Toronto").
_PLACE_TALK = re.compile(
    r"\b(i|im|i'm|we|we're|were|our|my|live|living|lives|in|at|from|to|moved|moving|now|btw|actually|sorry|"
    r"said|not|here|there|just|the|city|of|area|near|je|j'habite|habite|habitons|on|suis|sommes|a|au|en|de|"
    r"du|la|le|les|moi|mais|pas|desolee?|dit|vis|vit|ici|maintenant|ok|okay|yes|oui|non|no|and|et|city|ville)\b",
    re.IGNORECASE,
)


def says_more_than_a_place(message: str, place_words: int) -> bool:
    """True when, besides a place and words of living there, the message says something of its own
    ("my landlord in London wants me out next month")."""
    rest = [w for w in _PLACE_TALK.sub(" ", fold(message)).split() if any(c.isalnum() for c in w)]
    return len(rest) - place_words >= 2


_POINTS_BACK = re.compile(r"\b(it|that|this|they|them|he|she|him|her|ca|cela|il|elle|ils|elles|lui|leur)\b")


# A message that opens by going on from what was said ("and if I have nowhere to sleep tonight?").
_GOES_ON = re.compile(r"^\W*(and|but|so|also|or|what if|then|et|mais|pis|puis|alors|sinon|ou|ok)\b")


def refers_back(message: str, max_words: int = 6) -> bool:
    """A short message with a word pointing back to what was said ("is that legal?", "il a le droit?")."""
    return len(message.split()) <= max_words and _POINTS_BACK.search(fold(message)) is not None


def best_similarity(hits: list[Hit]) -> float:
    return max((h.similarity or 0.0 for h in hits), default=0.0)


def in_context(previous: str, message: str) -> str:
    """The previous question read together with a follow-up. A previous question that was itself a
    follow-up holds the earlier ones before it: its last words are the topic now discussed."""
    words = previous.split()
    return " ".join([*words[-resources.settings().context_words :], message])


def continues_item(
    index: SearchIndex, message: str, item: Hit | None, best: float, margin: float | None = None
) -> float | None:
    """How close the item being discussed comes to answering the message: its best passage's
    similarity, when within `margin` (`continuation_margin` by default) of the best passage anywhere;
    None otherwise."""
    if item is None:
        return None
    near = max(index.section_similarities(message, item.id).values(), default=0.0)
    reach = resources.settings().continuation_margin if margin is None else margin
    return near if near >= best - reach else None


def read_in_context(
    index: SearchIndex,
    message: str,
    previous: str | None,
    language: str,
    region: str | None,
    previous_item: str | None = None,
) -> tuple[str, bool, tuple[list[Hit], str, bool] | None]:
    """(the question to answer, whether it continues the previous one, its hits if already searched).

    A short message continues the previous question when it says so ("how much?", "and for my wife?"),
    or when the item being discussed answers it about as well as any other ("is there a fee?",
    "does it count?"), or, with no item being discussed, when read alone it matches nothing well. A
    question with a topic of its own ("can I get OSAP?", "free dentist for them?") stands alone.
    """
    settings = resources.settings()
    if not previous or len(message.split()) > settings.follow_up_max_words or message.startswith("/"):
        return message, False, None
    asked = in_context(previous, message)
    if is_follow_up(message):
        return asked, True, None
    alone = found_hits(index, message, language, region)
    hits = alone[0]
    if hits and hits[0].similarity is None:  # an emergency
        return message, False, alone
    best = best_similarity(hits)
    if previous_item:
        item = index.item(previous_item, language) or index.item(previous_item, alone[1])
        if item is not None:
            if continues_item(index, for_search(message, region), item, best) is not None:
                return asked, True, None
            # Or read with the previous question, the message finds that item clearly better ("is there a fee?").
            together = found_hits(index, asked, language, region, said_now=message)
            # "is that legal?", "il a le droit?": a short message pointing back needs no gain, only the same item.
            # A longer one gains from the previous question's words whatever it says, so it must also come
            # near the item by itself ("I feel alone and sad" after a settlement agency stands alone).
            if (
                together[0]
                and together[0][0].translation == previous_item
                and (
                    refers_back(message)
                    or (
                        best_similarity(together[0]) >= best + settings.context_gain
                        and continues_item(index, for_search(message, region), item, best, settings.context_reach)
                        is not None
                    )
                )
            ):
                return asked, True, together
            return message, False, alone
    if best >= settings.standalone_similarity:
        return message, False, alone
    if (
        len(message.split()) >= settings.own_topic_words
        and not refers_back(message, max_words=settings.follow_up_max_words)
        and not _GOES_ON.match(fold(message))
    ):
        # "honestly I feel really alone and sad since I came": long enough to be about something of its own,
        # and nothing points back; a weak match is still its own topic (or an honest "not sure").
        return message, False, alone
    return asked, True, None


def with_item(index: SearchIndex, hits: list[Hit], question: str, translation: str, language: str) -> list[Hit]:
    """The found hits with the item being discussed first (added when the search did not rank it)."""
    if any(h.translation == translation for h in hits):
        return sorted(hits, key=lambda h: h.translation != translation)
    item = index.item(translation, language)
    if item is None:
        return hits
    near = continues_item(index, question, item, best_similarity(hits))
    return [replace(item, similarity=near), *hits] if near is not None else hits


def last_reply(tracker: Tracker) -> str:
    """The text of the assistant's last message in this conversation ("" if none)."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            data = event.get("data") or {}
            return str((data.get("custom") or {}).get("text") or event.get("text") or "")
    return ""


def utter_answer(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    question: str | None = None,
    region: str | None = None,
    stay_with: str | None = None,
) -> list[EventType]:
    """Answer a question (the latest message by default) from the shared index, or say honestly that
    there is no good answer. A follow-up is read with the previous question, and prefers its item."""
    language = tracker.get_slot("language") or "en"
    message = question if question is not None else (tracker.latest_message or {}).get("text") or ""
    kind = unsafe_kind(message)
    if kind:
        dispatcher.utter_message(json_message=as_json(TextReply(text=safety_reply(kind, language))))
        return []
    if question is None and not urgent_item(message):
        about_service = follow_up_on_service(dispatcher, tracker)  # "phone number?" after a service card
        if about_service is not None:
            return about_service
    previous, previous_item = tracker.get_slot("last_question"), tracker.get_slot("last_item")
    index = resources.index()
    region = region or tracker.get_slot("region")
    if question is None:
        asked, follow_up, found = read_in_context(index, message, previous, language, region, previous_item)
    else:
        asked, follow_up, found = question, False, None
    hits, found_in, fallback = found or found_hits(index, asked, language, region, said_now=message)
    if follow_up and previous_item:
        hits = with_item(index, hits, asked, previous_item, found_in)  # stay with the item being discussed
    staying = follow_up and bool(hits) and hits[0].translation == previous_item
    if stay_with:  # the same question again (in the other language): the same item
        hits = with_item(index, hits, asked, stay_with, found_in)
    searched = for_search(asked, region)
    urgent = bool(hits) and hits[0].similarity is None
    not_sure = resources.search_settings().min_similarity
    if not hits or (not urgent and confidence(index, hits[0], asked, searched) < not_sure):
        dispatcher.utter_message(json_message=as_json(not_sure_message(hits, language)))
        # The thread is this question now: "where do we apply?" next is about it, not the one before.
        return [SlotSet("last_question", asked), SlotSet("last_item", None), SlotSet("last_service", None)]
    if urgent:
        sure = [
            h for h in hits[1:] if confidence(index, h, asked, searched) >= resources.settings().standalone_similarity
        ]
        answer = urgent_answer(index, searched, [hits[0], *sure], found_in, last_reply(tracker))
        dispatcher.utter_message(json_message=as_json(answer_message(answer, [], language, fallback, index.taxonomy)))
        return [
            SlotSet("last_question", asked),
            SlotSet("last_item", answer.hits[-1].translation),
            SlotSet("last_service", None),
        ]
    said = last_reply(tracker)
    # Staying with the item, what to say from it is chosen by the follow-up's own words ("is it free?"):
    # the topic chose the item, and the item's opening was already said.
    # Only the answer's own sentences count as said, not its source lines.
    said_text = said.split("\nSource")[0]
    answer = compose_answer(index, for_search(message, region), hits[:1], found_in, said_text) if staying else None
    if answer is None or said.startswith(answer.parts[0]):
        answer = compose_answer(index, searched, hits[:1] if staying else hits, found_in)
    if said.startswith(answer.parts[0]) and len(hits) > 1:
        # Never the same answer twice in a row: the next item says something new, or nothing is repeated.
        answer = compose_answer(index, searched, [h for h in hits if h.id != answer.hits[0].id], found_in)
    dispatcher.utter_message(json_message=as_json(answer_message(answer, hits, language, fallback, index.taxonomy)))
    return [
        SlotSet("last_question", asked),
        SlotSet("last_item", answer.hits[0].translation),
        SlotSet("last_service", None),
    ]


def urgent_answer(index: SearchIndex, question: str, hits: list[Hit], language: str, said: str = "") -> Answer:
    """What to do now (911, Health811, the crisis line: the first hit) first; then the answer to the rest
    of the message from the other hits, which the search is sure of on its own ("my son has a fever and
    we have no health card" adds the health coverage of refugee claimants; "my baby has a fever at 2 a.m."
    adds nothing)."""
    opening = excerpt(hits[0].text, resources.settings().answer_words)
    if said.startswith(opening):  # "she's breathing very hard now", again: what else the item says
        answer = compose_answer(index, question, hits[:1], language, said)
    else:  # the item's opening says what to do now: call 911, dial 811, call or text 9-8-8
        answer = Answer(text=opening, hits=[hits[0]], parts=[opening])
    rest = hits[1:]
    if rest:
        more = compose_answer(index, question, rest[:1], language)
        answer.parts.append(more.parts[0])
        answer.hits.append(more.hits[0])
        answer.text = f"{answer.text}\n\n{more.parts[0]}"
    return answer


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # "Is Thunder Bay colder than Sudbury?" reads like a question but is a comparison on one criterion.
        from bot.actions.places import add_to_comparison, compare_on_criterion  # places builds on this module

        compared = add_to_comparison(dispatcher, tracker) or compare_on_criterion(dispatcher, tracker)
        if compared is not None:
            return compared
        return utter_answer(dispatcher, tracker)


class ActionSwitchLanguage(Action):
    """ "In French please": confirm, then give the last answer again in the new language."""

    def name(self) -> str:
        return "action_switch_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        if not requested_switch(message):
            # "do I need an English test?" names a language without asking to switch: it is a question.
            return utter_answer(dispatcher, tracker)
        previous = tracker.get_slot("last_question")
        dispatcher.utter_message(text=text("language_switched" if previous else "language_switched_ask", language))
        if not previous or show_service(dispatcher, tracker.get_slot("last_service"), language):
            return []
        return utter_answer(dispatcher, tracker, question=previous, stay_with=tracker.get_slot("last_item"))


class ActionOutOfScope(Action):
    """What the NLU calls out of scope is checked against the index first: "how many questions must I
    get right" after a citizenship question is a follow-up, not a joke request."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        language = tracker.get_slot("language") or "en"
        message = (tracker.latest_message or {}).get("text") or ""
        if unsafe_kind(message) or urgent_item(message):
            return utter_answer(dispatcher, tracker)
        index = resources.index()
        region = tracker.get_slot("region")
        asked, _, found = read_in_context(
            index, message, tracker.get_slot("last_question"), language, region, tracker.get_slot("last_item")
        )
        hits, _, _ = found or found_hits(index, asked, language, region)
        bar = resources.search_settings().min_similarity + resources.settings().out_of_scope_margin
        if hits and (hits[0].similarity or 0.0) >= bar:
            return utter_answer(dispatcher, tracker, question=asked)
        dispatcher.utter_message(json_message=as_json(TextReply(text=text("out_of_scope", language))))
        return []
