"""The faq pairs in the real content: every figure an answer gives is in the item's own body,
both languages of a topic carry pairs, and no answer ends on a colon."""

from __future__ import annotations

import re

import pytest

from retrieval.content import ContentItem
from retrieval.corpus import load_corpus
from retrieval.settings import RetrievalSettings

# A number as written in either language: 1,095 / 1 095 (also with a non-breaking or
# narrow no-break space) / 25. A separator counts only when exactly three digits follow,
# so "2025, 2026" stays two numbers and "25,50" (a French decimal) is 25 and 50.
NUMBER = re.compile(r"\d{1,3}(?:[ ,\u00a0\u202f]\d{3})+(?!\d)|\d+")
SEPARATORS = re.compile(r"[ ,\u00a0\u202f]")


def numbers(text: str) -> set[str]:
    """The digit groups in a text, with thousands separators removed."""
    return {SEPARATORS.sub("", match) for match in NUMBER.findall(text)}


def test_numbers_are_read_the_same_way_in_both_languages() -> None:
    assert numbers("at least 1,095 days") == {"1095"}
    assert numbers("au moins 1\u00a0095 jours et 1 095 jours") == {"1095"}
    assert numbers("25 $ or $25.50, in 2025, 2026") == {"25", "50", "2025", "2026"}
    assert numbers("call 1-800-959-8281") == {"1", "800", "959", "8281"}


@pytest.fixture(scope="module")
def items() -> list[ContentItem]:
    return load_corpus(RetrievalSettings()).items


@pytest.fixture(scope="module")
def with_faq(items: list[ContentItem]) -> list[ContentItem]:
    found = [item for item in items if item.faq]
    assert found, "no content item carries faq pairs"
    return found


def test_every_figure_in_an_answer_is_in_the_body(with_faq: list[ContentItem]) -> None:
    problems = []
    for item in with_faq:
        in_body = numbers(item.body)
        for pair in item.faq:
            missing = sorted(numbers(pair.a) - in_body)
            if missing:
                problems.append(f"{item.origin}: {pair.q!r}: {', '.join(missing)} not in the body")
    assert not problems, "\n".join(problems)


def test_both_languages_of_a_topic_have_pairs(items: list[ContentItem], with_faq: list[ContentItem]) -> None:
    by_group: dict[str, dict[str, ContentItem]] = {}
    for item in items:
        by_group.setdefault(item.translation, {})[item.language] = item
    problems = []
    for item in with_faq:
        twins = by_group[item.translation]
        for language in ("en", "fr"):
            twin = twins.get(language)
            if twin is None or not twin.faq:
                problems.append(f"{item.origin}: has faq pairs but its {language} version has none")
    assert not problems, "\n".join(sorted(set(problems)))


def test_answers_are_complete_sentences(with_faq: list[ContentItem]) -> None:
    problems = []
    for item in with_faq:
        for pair in item.faq:
            answer = pair.a.strip()
            if answer.endswith(":") or "\n" in answer or re.search(r"\*\*|^\s*[-*] ", answer):
                problems.append(f"{item.origin}: {pair.q!r}: the answer ends on a colon or carries Markdown")
            if not answer.endswith((".", "!", "?", "»")):
                problems.append(f"{item.origin}: {pair.q!r}: the answer does not end a sentence")
    assert not problems, "\n".join(problems)
