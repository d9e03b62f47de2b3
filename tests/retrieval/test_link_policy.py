"""The link checker fails on each kind of broken link, naming the file and the field, and accepts the rest."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nwd.settings import use_settings
from retrieval.cli import app
from retrieval.content import ContentItem
from retrieval.corpus import Corpus, load_corpus
from retrieval.link_policy import (
    LinkPolicy,
    ProblemKind,
    check_links,
    default_link_policy,
    stale_exceptions,
    subject_words,
)
from retrieval.settings import RetrievalSettings
from tests.conftest import copy_sample


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(RetrievalSettings())


@pytest.fixture(scope="module")
def policy() -> LinkPolicy:
    return default_link_policy()


def _item(corpus: Corpus, item_id: str, **changes: object) -> ContentItem:
    item = corpus.by_id()[item_id]
    return item.model_copy(update={"origin": f"made-up/{item_id}.md", **changes})


def _problems(items: list[ContentItem], policy: LinkPolicy, corpus: Corpus) -> list[tuple[str, str, str]]:
    return [(p.origin, p.field, p.kind.value) for p in check_links(items, policy, taxonomy=corpus.taxonomy)]


def test_the_real_items_used_below_pass(corpus, policy):
    items = [corpus.by_id()[i] for i in ("sin.en", "sin.fr", "study-permit.fr", "ottawa-311.fr", "211-ontario.en")]
    assert check_links(items, policy, taxonomy=corpus.taxonomy) == []


def test_a_host_outside_the_publishers_list_fails(corpus, policy):
    other_host = _item(corpus, "sin.en", url="https://www.ontario.ca/page/sin")
    upper = _item(corpus, "sin.fr", url=corpus.by_id()["sin.fr"].url.replace("www.canada.ca", "www.Canada.ca"))
    found = check_links([other_host, upper], policy, taxonomy=corpus.taxonomy)
    messages = {(p.origin, p.field, p.kind): p.message for p in found}
    assert "not in government-of-canada's hosts" in messages["made-up/sin.en.md", "url", ProblemKind.host]
    assert "upper case; write it as www.canada.ca" in messages["made-up/sin.fr.md", "url", ProblemKind.host]


def test_a_source_on_an_unregistered_host_fails(corpus, policy):
    sin = corpus.by_id()["sin.en"]
    blog = _item(corpus, "sin.en", sources=[sin.sources[0].model_copy(update={"url": "https://enwikipedia.net/SIN"})])
    assert ("made-up/sin.en.md", "sources[0].url", "host") in _problems([blog], policy, corpus)


def test_an_english_page_for_a_french_item_fails_unless_pending_with_a_reason(corpus, policy):
    sin_fr = corpus.by_id()["sin.fr"]
    english = _item(corpus, "sin.fr", url=corpus.by_id()["sin.en"].url)
    assert ("made-up/sin.fr.md", "url", "language") in _problems([english], policy, corpus)
    excused = replace(policy, pending_french_url={sin_fr.id: "the French page was not found"})
    assert _problems([english], excused, corpus) == []
    no_reason = replace(policy, pending_french_url={sin_fr.id: " "})
    assert ("made-up/sin.fr.md", "url", "language") in _problems([english], no_reason, corpus)


def test_an_organization_named_twice_fails(corpus, policy):
    sin = corpus.by_id()["sin.en"]
    twice = sin.sources[0].model_copy(update={"title": "Find a job (Employment Ontario) (Employment Ontario)"})
    repeated = sin.sources[0].model_copy(update={"title": "Call 311 to reach the City of Toronto (City of Toronto)"})
    named_and_kind = sin.sources[0].model_copy(update={"title": "Toronto Public Library (public library)"})
    item = _item(corpus, "sin.en", sources=[twice, repeated, named_and_kind])
    found = [p for p in check_links([item], policy, taxonomy=corpus.taxonomy) if p.kind == ProblemKind.doubled_name]
    assert [p.field for p in found] == ["sources[0].title", "sources[1].title"]
    assert "organization named twice" in found[0].message


def test_a_third_party_titled_as_a_government_fails(corpus, policy):
    ow = corpus.by_id()["ontario-works.fr"]
    community = ow.sources[0].model_copy(update={"url": "https://etablissement.org/ontario/emploi/ontario-au-travail/"})
    as_government = community.model_copy(update={"title": "Ontario au travail (gouvernement de l'Ontario)"})
    official = community.model_copy(
        update={"title": "Ontario au travail (gouvernement de l'Ontario)", "url": "https://www.ontario.ca/fr/page/x"}
    )
    partner = community.model_copy(update={"title": "A program funded by the Government of Canada"})
    item = _item(corpus, "ontario-works.fr", sources=[as_government, official, partner])
    found = [p for p in check_links([item], policy, taxonomy=corpus.taxonomy) if p.kind == ProblemKind.government_label]
    assert [p.field for p in found] == ["sources[0].title"]
    assert "(community)" in found[0].message


def test_an_announcement_instead_of_the_service_page_fails(corpus, policy):
    sin_fr = corpus.by_id()["sin.fr"]
    news_url = _item(
        corpus, "sin.fr", url="https://www.canada.ca/fr/emploi-developpement-social/nouvelles/2024/nas.html"
    )
    old = sin_fr.sources[0].model_copy(update={"url": "https://www.canada.ca/fr/nouvelles/2009/numero-assurance.html"})
    other = sin_fr.sources[0].model_copy(
        update={"url": "https://ottawa.ca/fr/salle-de-presse/changements-dhoraire-journee-verite-reconciliation"}
    )
    recent = sin_fr.sources[0].model_copy(update={"url": "https://www.canada.ca/fr/nouvelles/2025/numero-assurance"})
    sources = _item(corpus, "sin.fr", sources=[old, other, recent])
    found = _problems([news_url, sources], policy, corpus)
    assert ("made-up/sin.fr.md", "url", "announcement") in found
    flagged = sorted(f for o, f, k in found if k == "announcement" and f.startswith("sources"))
    assert flagged == ["sources[0].url", "sources[1].url"]


def test_a_page_about_another_subject_fails_unless_accepted_with_a_reason(corpus, policy):
    study = corpus.by_id()["study-permit.en"]
    letter = study.url.replace("study-permit.html", "study-permit/get-documents/provincial-attestation-letter.html")
    wrong = _item(corpus, "study-permit.en", url=letter)
    found = check_links([wrong], policy, taxonomy=corpus.taxonomy)
    subject = [p for p in found if p.kind == ProblemKind.subject]
    assert [(p.origin, p.field) for p in subject] == [("made-up/study-permit.en.md", "url")]
    assert "attestation, documents, letter, provincial" in subject[0].message
    accepted = replace(policy, url_subject_ok={study.id: "checked: the letter is part of the study permit"})
    assert [p for p in check_links([wrong], accepted, taxonomy=corpus.taxonomy) if p.kind == "subject"] == []
    trc = _item(
        corpus, "ottawa-311.fr", url="https://ottawa.ca/fr/hotel-de-ville/journee-nationale-verite-reconciliation"
    )
    assert ("made-up/ottawa-311.fr.md", "url", "subject") in _problems([trc], policy, corpus)


def test_subject_words_read_numbers_and_drop_function_words():
    assert subject_words("Composer le 3-1-1 pour joindre la Ville d'Ottawa") == {
        "composer",
        "311",
        "joindre",
        "ville",
        "ottawa",
    }
    assert subject_words("how-to-apply-for-a-card") == {"card"}


def test_an_exception_that_excuses_nothing_is_stale(corpus, policy):
    sin = corpus.by_id()["sin.fr"]
    stale = stale_exceptions(
        [sin], replace(policy, pending_french_url={sin.id: "reason"}, url_subject_ok={}, url_subject_pending={})
    )
    assert f"pending_french_url: {sin.id} (its url is fine now)" in stale


def test_validate_fails_naming_the_file_and_the_field(tmp_path: Path, test_settings):
    content = copy_sample(tmp_path / "content")
    page = content / "federal" / "sin.fr.md"
    text = page.read_text(encoding="utf-8")
    english = re.search(
        r"^url: (https://www\.canada\.ca/en/\S+)$", (content / "federal" / "sin.en.md").read_text(), re.M
    )
    assert english, "the sample's English SIN item links canada.ca/en"
    page.write_text(re.sub(r"^url: .*$", f"url: {english.group(1)}", text, count=1, flags=re.M), encoding="utf-8")
    retrieval = test_settings.retrieval.model_copy(update={"content_dir": content, "feeds": []})
    use_settings(test_settings.model_copy(update={"retrieval": retrieval}))
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 1
    # The console wraps long lines wherever it likes: compare without white space.
    output = "".join(result.output.split())
    assert "languagefederal/sin.fr.md:url:" in output.replace(f"{''.join(str(content).split())}/", ""), output
    assert "apageinENforanFRitem" in output
    assert "2linkpolicyproblem(s)" in output
