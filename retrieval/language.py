"""Which official language a text is in, with lingua (models ship inside the package)."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()


def detect_official_language(text: str, default: str = "en") -> str:
    """'en' or 'fr'; `default` when the text gives no signal."""
    found = _detector().detect_language_of(text)
    if found == Language.FRENCH:
        return "fr"
    if found == Language.ENGLISH:
        return "en"
    return default
