"""Where a parsed message ends up: a fixed template, a service route, or an answer from the content.

The NLU's intent (with Rasa's fallback already applied) followed by the rule it triggers and the guard
of the action behind it, as the bot runs them on the first turn of a conversation.
"""

from __future__ import annotations

from typing import Any

from bot.actions.feedback import about_the_reply
from bot.actions.handoff import is_own_case
from bot.actions.services import asks_for_a_figure, routed_need
from services.needs import NeedClassifier
from services.router import PLACE_LEVELS
from services.settings import load_default_directory


def classifier_level(need: str) -> str:
    return load_default_directory().vocabulary.needs[need].level


def decide(text: str, language: str, parsed: dict[str, Any], classifier: NeedClassifier | None = None) -> str:
    """own_case | feedback | handoff | service:<need> | answer | the other intent's name."""
    intent = parsed["intent"]
    if intent == "ask_own_case":
        return "own_case" if is_own_case(text) else "answer"
    if intent == "find_service":
        guess = routed_need(text, language, classifier)
        if guess is None:
            return "answer"
        # A question after a figure is answered from the content first; the service follows it unless the
        # service needs a place, which a first turn does not have.
        level = classifier_level(guess.need)
        if asks_for_a_figure(text) and level in PLACE_LEVELS:
            return "answer"
        return f"service:{guess.need}"
    if intent == "feedback":
        return "feedback" if about_the_reply(text) else "answer"
    if intent == "human_handoff":
        return "handoff"  # no earlier question in a first turn: the handoff guard lets it through
    if intent in ("ask_question", "nlu_fallback"):
        return "answer"
    return intent
