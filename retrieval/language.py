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


def confident_official_language(text: str, min_confidence: float = 0.75) -> str | None:
    """'en' or 'fr' when the text clearly is one of them, else None (too short, mixed, or a name)."""
    if len(text.split()) < 2:
        return None
    values = _detector().compute_language_confidence_values(text)
    best = max(values, key=lambda v: v.value, default=None)
    if best is None or best.value < min_confidence:
        return None
    return "fr" if best.language == Language.FRENCH else "en"


@lru_cache(maxsize=1)
def _all_languages() -> LanguageDetector:
    return LanguageDetectorBuilder.from_all_spoken_languages().with_low_accuracy_mode().build()


def other_language(text: str, min_confidence: float = 0.6) -> str | None:
    """The ISO 639-1 code of the language the text is in, when it is clearly neither English nor French."""
    if len(text.split()) < 3 and len(text.strip()) < 8:  # too little to tell (CJK text has no spaces)
        return None
    values = _all_languages().compute_language_confidence_values(text)
    best = max(values, key=lambda v: v.value, default=None)
    if best is None or best.value < min_confidence or best.language in (Language.ENGLISH, Language.FRENCH):
        return None
    return str(best.language.iso_code_639_1.name).lower()
