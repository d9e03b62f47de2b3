"""Text folded for matching: lowercase, accents dropped (newcomers often type 'sante' for 'santé')."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
