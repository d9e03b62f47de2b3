"""What the assistant tells a person after it removed something from their message (once per conversation).

It names the kind of information, never the value, in the conversation's language.
"""

from __future__ import annotations

from collections.abc import Iterable

from privacy.kinds import NUMBERS, Kind
from replies.texts import text


def _join(parts: list[str], word: str) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def privacy_notice(kinds: Iterable[Kind], language: str) -> str:
    """One short paragraph: what kind of thing was removed, and not to share such numbers in a chat."""
    lang = "fr" if language == "fr" else "en"
    ordered = sorted(set(kinds), key=lambda k: list(Kind).index(k))
    if not ordered:
        raise ValueError("privacy_notice: nothing was removed")
    things = _join([text(f"privacy.kind.{k.value}", lang) for k in ordered], text("privacy.and", lang))
    advice = text("privacy.numbers" if any(k in NUMBERS for k in ordered) else "privacy.details", lang)
    return f"{text('privacy.removed', lang, things=things)} {advice}"
