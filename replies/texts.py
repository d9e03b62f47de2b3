"""The one bilingual text catalogue (data/texts.yml): every fixed string a person reads, by key, in English and
in French. Loaded once and checked as a whole: a key without both languages, or whose two versions do not take
the same `{placeholders}`, stops the process at startup with the key named, never mid-conversation."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from retrieval.yamlio import load_yaml

LANGUAGES = ("en", "fr")
_KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)*$")


class CatalogueError(ValueError):
    """The catalogue file is unusable; the message lists each key to fix."""


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Catalogue:
    def __init__(self, entries: dict[str, dict[str, str]]):
        self._entries = entries

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def keys(self) -> list[str]:
        return list(self._entries)

    def raw(self, key: str, language: str) -> str:
        """The template of `key` in `language` (English for any language other than French)."""
        return self._entries[key]["fr" if language == "fr" else "en"]

    def text(self, key: str, language: str, **values: Any) -> str:
        return self.raw(key, language).format(**values)


def parse_catalogue(data: Any, where: str) -> Catalogue:
    if not isinstance(data, dict):
        raise CatalogueError(f"{where}: expected a mapping of keys to {{en, fr}}, got {type(data).__name__}")
    problems: list[str] = []
    entries: dict[str, dict[str, str]] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not _KEY.match(key):
            problems.append(f"{key!r}: keys are lower-case words joined by dots (e.g. compare.not_available)")
            continue
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            problems.append(f"{key}: needs exactly the languages en and fr, has {sorted(value or {})}")
            continue
        empty = [lang for lang in LANGUAGES if not isinstance(value[lang], str) or not value[lang].strip()]
        if empty:
            problems.append(f"{key}: empty or not text in {', '.join(empty)}")
            continue
        try:
            en, fr = placeholders(value["en"]), placeholders(value["fr"])
        except ValueError as error:
            problems.append(f"{key}: a brace is not closed ({error}); write {{{{ and }}}} for a literal brace")
            continue
        if en != fr:
            problems.append(f"{key}: placeholders differ: en {sorted(en)}, fr {sorted(fr)}")
            continue
        entries[key] = {"en": value["en"], "fr": value["fr"]}
    if problems:
        raise CatalogueError(f"{where}: {len(problems)} problem(s):\n" + "\n".join(problems))
    return Catalogue(entries)


def load_catalogue(path: Path) -> Catalogue:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogueError(f"{path}: cannot read the text catalogue ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path}: not valid YAML: {error}") from None
    return parse_catalogue(data, str(path))


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The process's catalogue (`texts_path` in the settings), read once."""
    from nwd.settings import get_settings

    return load_catalogue(get_settings().retrieval.texts_path)


def text(key: str, language: str, **values: Any) -> str:
    """The string `key` in `language` (English when the language is not French), with `values` filled in."""
    return catalogue().text(key, language, **values)
