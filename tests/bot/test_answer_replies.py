"""The reply a person reads after a question: the answer's own sentences first, then each source and who is
responsible, in the person's language; or, when the index has no good answer, the topics it does have."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.actions.answer import (
    answer_message,
    compose_answer,
    excerpt,
    feedback_buttons,
    not_sure_message,
    source_of,
)
from replies.models import as_json
from retrieval.answers import Answer
from retrieval.search import Hit
from retrieval.settings import ROOT
from retrieval.taxonomy import load_taxonomy


def dumped_answer(*args):
    """The reply as the JSON the action sends (replies/models.py)."""
    return as_json(answer_message(*args))


def dumped_not_sure(*args):
    return as_json(not_sure_message(*args))


def dumped_source(*args):
    return source_of(*args).model_dump()


def dumped_buttons(*args):
    return [b.model_dump() for b in feedback_buttons(*args)]


TAXONOMY = load_taxonomy(ROOT / "data" / "taxonomy.yml")
SIN_URL = "https://www.canada.ca/en/employment-social-development/services/sin/apply.html"
OHIP_URL = "https://www.ontario.ca/page/apply-ohip-and-get-health-card"


def hit(item: str, title: str, url: str, jurisdiction: str, owner: str, language: str = "en", text: str = "") -> Hit:
    return Hit(item, item, title, text, url, language, jurisdiction, owner, [], [], "2026-01-01", 1.0, item, "")


SIN = hit("sin-en", "Get a Social Insurance Number (SIN)", SIN_URL, "federal", "canada")
OHIP = hit("ohip-en", "Apply for OHIP", OHIP_URL, "provincial", "ontario")
LIBRARY = hit("lib-en", "Toronto library card", "https://example.org/library", "municipal", "toronto")


def test_the_reply_is_the_answer_then_its_source_and_who_is_responsible():
    answer = Answer(text="A SIN is a 9-digit number.", hits=[SIN], parts=["A SIN is a 9-digit number."])
    message = dumped_answer(answer, [SIN], "en", False, TAXONOMY)
    assert message["type"] == "answer"
    assert message["text"] == (
        "A SIN is a 9-digit number.\n\n"
        f"Source: Get a Social Insurance Number (SIN) — {SIN_URL}\n"
        "Level of government responsible: federal — Government of Canada."
    )


def test_a_second_level_of_government_follows_after_a_blank_line_with_its_own_source():
    answer = Answer(text="", hits=[SIN, OHIP], parts=["Federal part.", "Ontario part."])
    message = dumped_answer(answer, [SIN, OHIP], "en", False, TAXONOMY)
    assert message["text"].split("\n") == [
        "Federal part.",
        "",
        f"Source: Get a Social Insurance Number (SIN) — {SIN_URL}",
        "Level of government responsible: federal — Government of Canada.",
        "",
        "Ontario part.",
        "",
        f"Source: Apply for OHIP — {OHIP_URL}",
        "Level of government responsible: provincial — Government of Ontario.",
    ]
    assert [s["url"] for s in message["sources"]] == [SIN_URL, OHIP_URL]


def test_the_reply_is_in_french_with_french_labels():
    answer = Answer(text="Un NAS.", hits=[SIN], parts=["Un NAS."])
    message = dumped_answer(answer, [SIN], "fr", False, TAXONOMY)
    assert message["text"] == (
        f"Un NAS.\n\nSource : Get a Social Insurance Number (SIN) — {SIN_URL}\n"
        "Ordre de gouvernement responsable : fédéral — Gouvernement du Canada."
    )
    assert message["sources"][0]["owner"] == "Gouvernement du Canada"
    other = dumped_answer(answer, [SIN, OHIP], "fr", False, TAXONOMY)["sources"][1]
    assert other["owner"] == "Gouvernement de l'Ontario"


def test_an_answer_found_only_in_the_other_language_says_so_last():
    answer = Answer(text="A SIN.", hits=[SIN], parts=["A SIN."])
    assert dumped_answer(answer, [SIN], "fr", True, TAXONOMY)["text"].endswith(
        "\nCette information n'existe qu'en anglais."
    )
    assert "only available" not in dumped_answer(answer, [SIN], "en", False, TAXONOMY)["text"]


def test_one_more_found_item_is_offered_as_a_source_besides_the_answers_own():
    answer = Answer(text="A SIN.", hits=[SIN], parts=["A SIN."])
    message = dumped_answer(answer, [SIN, OHIP, LIBRARY], "en", False, TAXONOMY)
    assert [s["title"] for s in message["sources"]] == ["Get a Social Insurance Number (SIN)", "Apply for OHIP"]


def test_a_source_names_its_registered_publisher_or_else_the_owner_in_the_persons_language():
    assert dumped_source(SIN, TAXONOMY, "fr") == {
        "title": "Get a Social Insurance Number (SIN)",
        "url": SIN_URL,
        "jurisdiction": "federal",
        "owner": "Gouvernement du Canada",
        "language": "en",
    }
    # A page published by someone other than its government names that publisher (data/publishers.yml).
    library = hit("lib-ott", "Library", "https://biblioottawalibrary.ca/en/card", "municipal", "ottawa")
    assert dumped_source(library, TAXONOMY, "en")["owner"] == "Ottawa Public Library (public library)"
    # example.org is in no publisher list: the item's owner (data/taxonomy.yml) is named instead.
    assert dumped_source(LIBRARY, TAXONOMY, "fr")["owner"] == "Ville de Toronto"
    unknown = hit("x", "X", "https://example.org/x", "community", "nobody-we-know")
    assert dumped_source(unknown, TAXONOMY, "en")["owner"] == "nobody-we-know"


@pytest.mark.parametrize(("language", "titles"), [("en", ["Helpful", "Not helpful"]), ("fr", ["Utile", "Pas utile"])])
def test_feedback_buttons_are_labelled_in_the_persons_language(language, titles):
    assert dumped_buttons(language) == [
        {"title": titles[0], "payload": '/feedback{"helpful": "yes"}'},
        {"title": titles[1], "payload": '/feedback{"helpful": "no"}'},
    ]


def test_without_a_composed_answer_the_reply_is_the_best_passages_opening():
    passage = "First sentence here. " + "word " * 100
    best = hit("a", "A", "https://example.org/a", "community", "x", text=passage)
    answer = compose_answer(SimpleNamespace(answers=None), "q", [best, OHIP], "en")  # type: ignore[arg-type]
    assert answer.text == excerpt(passage, 70) == answer.parts[0]
    assert answer.text.startswith("First sentence here. word") and answer.text.endswith("…")
    assert len(answer.text.split()) == 70
    assert answer.hits == [best]


def test_a_composed_answer_is_said_rather_than_the_passage_opening(sample_index):
    hits = sample_index.search("how many questions are on the citizenship test", "en", k=3).hits
    answer = compose_answer(sample_index, "how many questions are on the citizenship test", hits, "en")
    assert "20" in answer.text
    assert answer.text != excerpt(hits[0].text, 70)


def test_not_sure_names_up_to_three_topics_and_the_211_line():
    hits = [hit(str(n), f"Topic {n}", f"https://example.org/{n}", "community", "x") for n in range(4)]
    message = dumped_not_sure(hits, "en")
    assert message == {
        "type": "choices",
        "text": "I'm not sure I have a good answer to that. Is it about one of these topics?\n"
        "- Topic 0\n- Topic 1\n- Topic 2\n"
        "You can also call or text 211 (free, confidential, in many languages) to be referred to the right service.",
        "buttons": [{"title": f"Topic {n}", "payload": f"Topic {n}"} for n in range(3)],
    }


def test_not_sure_in_french():
    message = dumped_not_sure([OHIP], "fr")
    assert message["text"].split("\n") == [
        "Je ne suis pas certain d'avoir une bonne réponse. Est-ce que c'est l'un de ces sujets?",
        "- Apply for OHIP",
        "Vous pouvez aussi composer le 211 (gratuit, confidentiel, en plusieurs langues) pour être orienté vers le bon service.",
    ]


def test_a_page_published_by_another_body_says_who_published_it_under_the_level_responsible():
    library = hit(
        "lib-ott",
        "Get a free Ottawa Public Library card",
        "https://biblioottawalibrary.ca/en/card",
        "municipal",
        "ottawa",
    )
    answer = Answer(text="Cards are free.", hits=[library], parts=["Cards are free."])
    assert dumped_answer(answer, [library], "en", False, TAXONOMY)["text"].splitlines()[-1] == (
        "Level of government responsible: municipal. Published by: Ottawa Public Library (public library)."
    )
