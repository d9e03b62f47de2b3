"""The one bilingual text catalogue (data/texts.yml): both languages for every key, French that is French,
and no other table of user-facing strings in the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from nwd.settings import get_settings
from replies.texts import Catalogue, CatalogueError, catalogue, load_catalogue, parse_catalogue, placeholders, text
from retrieval.language import confident_official_language
from retrieval.settings import ROOT

CODE_DIRS = ("api", "bot", "places", "privacy", "retrieval", "services", "replies")
# French that is the same word for word in English (names, numbers, a bare template).
SAME_IN_BOTH: set[str] = set()


def test_the_catalogue_loads_with_both_languages_and_the_same_placeholders() -> None:
    book = load_catalogue(get_settings().retrieval.texts_path)
    assert len(book.keys()) >= 100
    for key in book:
        en, fr = book.raw(key, "en"), book.raw(key, "fr")
        assert en.strip() and fr.strip(), key
        assert placeholders(en) == placeholders(fr), key


def test_french_strings_are_french_not_copies_of_the_english() -> None:
    book = catalogue()
    copies = [k for k in book if book.raw(k, "fr") == book.raw(k, "en") and k not in SAME_IN_BOTH]
    assert copies == []
    # Sentences long enough to judge are detected as French (placeholders removed first).
    english = []
    for key in book:
        sample = re.sub(r"\{[^}]*\}", " ", book.raw(key, "fr"))
        if len(sample.split()) >= 6 and confident_official_language(sample, 0.6) == "en":
            english.append(key)
    assert english == []


def test_french_typography_and_terms() -> None:
    book = catalogue()
    for key in book:
        fr = book.raw(key, "fr")
        # A space before the colon in French ("Source : ..."), never "Source: ...".
        assert not re.search(r"\w:(\s|$)", fr), f"{key}: {fr!r}"
        assert "e-mail" not in fr.lower() and "SIN" not in fr.split(), key


def test_a_reply_in_french_fills_its_placeholders() -> None:
    assert text("place_noted", "fr", place="Sudbury").startswith("Merci, j'utiliserai Sudbury")
    assert text("place_noted", "en", place="Sudbury").startswith("Thanks, I'll use Sudbury")
    # Any language other than French gets the English string.
    assert text("compare.not_available", "es") == "not available"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"greeting": {"en": "Hello"}}, "greeting: needs exactly the languages en and fr"),
        ({"greeting": {"en": "Hello", "fr": "  "}}, "greeting: empty or not text in fr"),
        ({"greeting": {"en": "Hi {name}", "fr": "Bonjour {nom}"}}, "placeholders differ: en ['name'], fr ['nom']"),
        ({"greeting": {"en": "Hi {name", "fr": "Bonjour {name"}}, "greeting: a brace is not closed"),
        ({"Greeting!": {"en": "Hi", "fr": "Salut"}}, "keys are lower-case words joined by dots"),
        (["greeting"], "expected a mapping of keys"),
    ],
)
def test_a_broken_catalogue_names_the_key_to_fix(data: object, problem: str) -> None:
    with pytest.raises(CatalogueError, match=re.escape(problem)):
        parse_catalogue(data, "texts.yml")


def test_a_missing_or_malformed_file_says_which_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="cannot read the text catalogue"):
        load_catalogue(tmp_path / "absent.yml")
    broken = tmp_path / "texts.yml"
    broken.write_text("greeting: {en: 'Hi', fr: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(broken)
    good = tmp_path / "good.yml"
    good.write_text("greeting:\n  en: Hi {name}\n  fr: Bonjour {name}\n", encoding="utf-8")
    assert isinstance(load_catalogue(good), Catalogue)
    assert load_catalogue(good).text("greeting", "fr", name="Ana") == "Bonjour Ana"


def _python_files() -> list[Path]:
    return [p for d in CODE_DIRS for p in sorted((ROOT / d).rglob("*.py"))]


def _is_words(node: ast.expr) -> bool:
    """A string a person could read, not a code name ("english", "fr_core_news_sm")."""
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and not re.fullmatch(r"[a-z0-9_]*", node.value)
    )


def test_no_table_of_user_facing_strings_outside_the_catalogue() -> None:
    """A dict literal {"en": "...", "fr": "..."} of strings in the code is a second catalogue."""
    found = []
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                words = [v for v in node.values if isinstance(v, ast.JoinedStr) or _is_words(v)]
                if sorted(keys) == ["en", "fr"] and len(words) == 2:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == [], found


def test_every_literal_key_used_in_the_code_is_in_the_catalogue() -> None:
    book = catalogue()
    used: dict[str, str] = {}
    for path in _python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"text", "_t"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                key = node.args[0].value
                prefix = {"compare.py": "compare.", "occupations.py": "occupations."}.get(path.name, "")
                used[prefix + key if node.func.id == "_t" else key] = f"{path.relative_to(ROOT)}:{node.lineno}"
    assert len(used) > 40
    missing = {key: where for key, where in used.items() if key not in book}
    assert missing == {}
