"""The real content and question set: valid, complete in both languages, well sourced."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from urllib.parse import urlparse

import pytest

from nwd.settings import get_settings
from retrieval.corpus import Corpus, load_corpus
from retrieval.evaluation import load_questions
from retrieval.link_policy import (
    ProblemKind,
    check_links,
    default_link_policy,
    on_host,
    stale_exceptions,
    subject_mismatches,
    url_language,
)
from retrieval.publishers import Publishers, default_publishers, host_of, load_publishers
from retrieval.settings import ROOT, RetrievalSettings


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(RetrievalSettings())


def test_all_content_loads_without_problems(corpus):
    assert len(corpus.items) >= 100
    assert corpus.duplicates == []


def test_every_item_has_its_translation(corpus):
    assert corpus.missing_translations == []


def test_urls_are_well_formed_and_sources_present(corpus):
    for item in corpus.items:
        for url in [item.url, *(s.url for s in item.sources)]:
            parts = urlparse(url)
            assert parts.scheme == "https" and "." in parts.netloc and " " not in url, f"{item.origin}: {url}"
        assert item.sources, item.origin


def test_items_follow_the_region_rules(corpus):
    municipal = {code for code, parent in corpus.taxonomy.region_parents.items() if parent == "ON"}
    for item in corpus.items:
        if item.jurisdiction == "municipal":
            assert set(item.regions) <= municipal, f"{item.origin}: a municipality's item applies to that municipality"
        if item.jurisdiction == "provincial":
            assert "CA" not in item.regions, f"{item.origin}: provincial content is not Canada-wide"


def test_both_sources_feed_the_index(corpus):
    origins = Counter("feed" if "#items[" in i.origin else "markdown" for i in corpus.items)
    assert origins["feed"] >= 2 and origins["markdown"] >= 100


def test_question_set_is_big_enough_and_half_french(corpus):
    questions = load_questions(ROOT / "data" / "eval" / "questions", {i.translation for i in corpus.items})
    by_language = Counter(q.lang for q in questions)
    assert len(questions) >= 150
    assert by_language["fr"] >= len(questions) * 0.45


# --- Language and form of the pages items link (issue 12 point 7, issue 14 point 3) ---
# The rules live in retrieval/link_policy.py (also run by `python -m retrieval validate`);
# tests/retrieval/test_link_policy.py checks each kind of failure on made-up items.


def test_the_link_policy_holds_for_all_content(corpus):
    """0 problems over all content; the pending lists are printed so the number stays visible."""
    policy = default_link_policy()
    problems = check_links(corpus.items, policy, taxonomy=corpus.taxonomy)
    assert problems == [], f"{len(problems)} link policy problems (data/url-policy.yml):\n" + "\n".join(
        map(str, problems)
    )
    flagged = subject_mismatches(corpus.items, policy, taxonomy=corpus.taxonomy)
    print(
        f"\nlink policy: {len(policy.pending_french_url)} FR items still link an EN page (pending_french_url); "
        f"{len(flagged)} urls share no word with their item: {len(policy.url_subject_ok)} accepted, "
        f"{len(policy.url_subject_pending)} pending"
    )
    french_pending = [i for i in corpus.items if i.id in policy.pending_french_url]
    assert all(i.language == "fr" for i in french_pending)


def test_urls_send_people_to_official_pages(corpus):
    found = [p for p in check_links(corpus.items, taxonomy=corpus.taxonomy) if p.kind == ProblemKind.host]
    assert found == [], "\n".join(map(str, found))


def test_url_policy_lists_are_consistent():
    policy = default_link_policy()
    publishers = default_publishers()
    bilingual = [h for h in policy.english_only_hosts if (p := publishers.for_host(h)) is None or p.bilingual]
    assert bilingual == [], (
        f"English-only hosts whose publisher is bilingual (or unknown) in data/publishers.yml: {bilingual}"
    )
    french_marked = [h for h in policy.french_marked_hosts if (p := publishers.for_host(h)) is None or not p.bilingual]
    assert french_marked == [], f"french_marked_hosts whose publisher is not bilingual: {french_marked}"
    for name in ("english_only_hosts", "pending_french_url", "url_subject_ok", "url_subject_pending"):
        reasons = getattr(policy, name)
        assert all(str(reason).strip() for reason in reasons.values()), f"{name}: each entry says why"
    assert not set(policy.url_subject_ok) & set(policy.url_subject_pending)


def test_url_language_reads_host_path_and_query():
    hosts = {"etablissement.org": "fr"}
    assert url_language("https://www.canada.ca/fr/services.html", hosts) == "fr"
    assert url_language("https://www.justice.gc.ca/eng/cj-jp/index.html", hosts) == "en"
    assert url_language("https://ircc.canada.ca/francais/nouveaux/services/index.asp", hosts) == "fr"
    assert url_language("https://www.elections.ca/content.aspx?section=vot&lang=e", hosts) == "en"
    assert url_language("https://college-ic.ca/find?l=fr-CA", hosts) == "fr"
    assert (
        url_language("https://antifraudcentre-centreantifraude.ca/scams-fraudes/victim-victime-fra.htm", hosts) == "fr"
    )
    assert url_language("https://etablissement.org/ontario/emploi/", hosts) == "fr"
    assert url_language("https://www.ontario.ca/page/health811", hosts) is None


def test_url_policy_exceptions_are_all_still_needed(corpus):
    """An exception that no longer excuses anything is stale: remove it, so the list says what remains."""
    policy = default_link_policy()
    stale = stale_exceptions(corpus.items, policy, taxonomy=corpus.taxonomy)
    strict = replace(policy, english_only_hosts={}, pending_french_url={})
    flagged = {p.origin for p in check_links(corpus.items, strict) if p.kind == ProblemKind.language}
    used_hosts = {
        on_host(host_of(i.url), policy.english_only_hosts)
        for i in corpus.items
        if i.language == "fr" and i.origin.replace(f"{ROOT}/", "") in flagged
    }
    stale += [
        f"english_only_hosts: {h} (no French item needs it)" for h in policy.english_only_hosts if h not in used_hosts
    ]
    announced = {
        p.origin
        for p in check_links(corpus.items, replace(policy, announcement_pending={}, announcement_sources_ok={}))
        if p.kind == ProblemKind.announcement
    }
    by_id = {i.id: i.origin.replace(f"{ROOT}/", "") for i in corpus.items}
    for name in ("announcement_pending", "announcement_sources_ok"):
        stale += [f"{name}: {i} (nothing to excuse)" for i in getattr(policy, name) if by_id.get(i) not in announced]
    assert stale == [], "stale exceptions in data/url-policy.yml:\n" + "\n".join(stale)


# --- Publishers (issue 14 points 1 and 3): who published each page, and how a reply names it ---

_GOVERNMENT_NAME = re.compile(r"^(Government of|City of|Region of|Town of|Gouvernement|Ville d|Région de)\b")
_DOUBLED = re.compile(r"\(([^()]+)\)\s*\(\1\)")


def test_every_publisher_has_a_kind_a_known_region_and_lower_case_hosts(corpus):
    publishers = load_publishers(get_settings().retrieval.publishers_path, regions=set(corpus.taxonomy.regions))
    assert len(publishers.by_id) >= 50
    for publisher in publishers.by_id.values():
        assert publisher.kind and publisher.name.en and publisher.name.fr, publisher.id
        named_as_government = bool(
            _GOVERNMENT_NAME.match(publisher.name.en) or _GOVERNMENT_NAME.match(publisher.name.fr)
        )
        assert named_as_government <= publisher.is_government, (
            f"{publisher.id}: named as a government, kind {publisher.kind}"
        )


_ENGLISH_NAME = re.compile(r"\b(of|and|the|Board|Partnership|Library|Health Unit|Transit|Council)\b")


def test_every_publisher_has_a_french_name_or_says_why_not():
    """A French reply names the publisher in French; an English name kept in French is a proper name, with why."""
    unexplained, stale = [], []
    for publisher in default_publishers().by_id.values():
        english_only = publisher.name.fr == publisher.name.en or bool(_ENGLISH_NAME.search(publisher.name.fr))
        if english_only and not publisher.name_fr_same:
            unexplained.append(f"{publisher.id}: fr '{publisher.name.fr}'")
        if publisher.name_fr_same and not english_only:
            stale.append(publisher.id)
    assert unexplained == [], "publishers with an English-only French name and no name_fr_same reason:\n" + (
        "\n".join(unexplained)
    )
    assert stale == [], f"name_fr_same given but the French name is French: {stale}"


def publisher_violations(items, services, publishers: Publishers) -> list[str]:
    """Every item, source and service page whose publisher is wrong or unknown, and every reply label that
    calls a third party a government or names an organization twice: file, field, what to fix.

    Items go through the project's checker (retrieval/link_policy.py); the reply line each item gets and the
    service directory are checked here."""
    from bot.actions.sources import responsibility_line

    kinds = {ProblemKind.host, ProblemKind.doubled_name, ProblemKind.government_label}
    found = [str(p) for p in check_links(items, publishers=publishers) if p.kind in kinds]
    government_names = {
        p.name.in_language(lang) for p in publishers.by_id.values() if p.is_government for lang in ("en", "fr")
    }
    for item in items:
        where = item.origin.replace(str(ROOT) + "/", "")
        publisher = publishers.by_id.get(item.publisher)
        if publisher is None:
            continue
        if publisher.kind.value == "media":
            found.append(f"{where}: url {item.url}: a news page; link the service's own page")
        for n, source in enumerate(item.sources):
            cited = publishers.for_url(source.url)
            if cited is not None and cited.kind.value == "media":
                found.append(f"{where}: sources[{n}].url {source.url}: a news site; cite an official page")
        for language in ("en", "fr"):
            line = responsibility_line(str(item.jurisdiction), item.url, language, item.owner)
            if _DOUBLED.search(line):
                found.append(f"{where}: reply '{line}': organization named twice")
            if not publisher.is_government and any(name in line for name in government_names):
                found.append(f"{where}: reply '{line}': labels {publisher.id} ({publisher.kind}) as a government")
    for entry in services:
        service, org = entry.service, entry.organization
        where = f"data/services: {org.id}/{service.id}"
        pages = [("organization.website", org.website), ("url.en", service.url.en), ("url.fr", service.url.fr)]
        pages.append(("source.url", service.source.url))
        for field, url in pages:
            cited = publishers.for_url(url)
            if cited is None:
                found.append(f"{where}: {field} {url}: host in no publisher's list (data/publishers.yml)")
            elif cited.kind.value in {"media", "other"} and field == "source.url":
                found.append(f"{where}: {field} {url}: a {cited.kind} page; cite the service's own page")
        for language in ("en", "fr"):
            name, organization = service.name.get(language), org.name.get(language)
            if organization and f"({organization.lower()})" in name.lower():
                found.append(
                    f"{where}: name.{language} '{name}' repeats the organization '{organization}' "
                    "(replies show 'name (organization)'); drop it from the name"
                )
            if _DOUBLED.search(f"{name} ({organization})"):
                found.append(f"{where}: '{name} ({organization})': organization named twice")
    return found


@pytest.fixture(scope="module")
def directory_entries():
    from services.directory import load_directory
    from services.settings import ServiceSettings

    settings = ServiceSettings()
    directory = load_directory(settings.services_dir, settings.needs_path, settings.taxonomy_path)
    return list(directory.services.values())


def test_every_item_source_and_service_page_has_its_publisher(corpus, directory_entries):
    found = publisher_violations(corpus.items, directory_entries, default_publishers())
    assert found == [], f"{len(found)} publisher policy violations (data/publishers.yml):\n" + "\n".join(found)


def test_publisher_checker_catches_each_kind_of_mistake(corpus, directory_entries):
    publishers = default_publishers()
    cno = next(i for i in corpus.items if i.publisher == "college-of-nurses-of-ontario")
    fed = next(i for i in corpus.items if i.publisher == "government-of-canada" and i.jurisdiction == "federal")
    cases = {
        "host.en.md": fed.model_copy(update={"url": "https://www.ontario.ca/page/sin"}),
        "blog.en.md": fed.model_copy(
            update={"sources": [fed.sources[0].model_copy(update={"url": "https://enwikipedia.net/wiki/SIN"})]}
        ),
        "twice.en.md": fed.model_copy(
            update={
                "sources": [
                    fed.sources[0].model_copy(update={"title": "Find a job (Employment Ontario) (Employment Ontario)"})
                ]
            }
        ),
        "labelled.en.md": cno.model_copy(update={"publisher": "government-of-ontario"}),
    }
    items = [item.model_copy(update={"origin": name}) for name, item in cases.items()]
    found = publisher_violations(items, [], publishers)
    expected = {
        "host.en.md": "not in government-of-canada's hosts",
        "blog.en.md": "belongs to no publisher in data/publishers.yml",
        "twice.en.md": "organization named twice",
        "labelled.en.md": "not in government-of-ontario's hosts",
    }
    for name, message in expected.items():
        assert any(line.startswith(f"{name}: ") and message in line for line in found), (name, found)
    entry = next(e for e in directory_entries if e.organization.id == "employment-ontario")
    doubled = entry.service.model_copy(
        update={"name": entry.service.name.model_copy(update={"en": "Find a job (Employment Ontario)"})}
    )
    found = publisher_violations([], [type(entry)(service=doubled, organization=entry.organization)], publishers)
    assert any("repeats the organization 'Employment Ontario'" in line for line in found), found


def test_a_third_party_is_never_labelled_as_a_government():
    """The reply names the publisher: a government only when that government published the page."""
    from bot.actions.sources import responsibility_line

    cno = "https://www.cno.org/en/become-a-nurse/"
    assert responsibility_line("provincial", cno, "en", "Government of Ontario") == (
        "Level of government responsible: provincial. Published by: College of Nurses of Ontario (regulator)."
    )
    assert responsibility_line("provincial", cno, "fr", "Gouvernement de l'Ontario") == (
        "Ordre de gouvernement responsable : provincial. Publié par : "
        "Ordre des infirmières et infirmiers de l'Ontario (ordre professionnel)."
    )
    assert responsibility_line("community", "https://settlement.org/ontario/", "en", "x") == (
        "Offered by a community organization: Settlement.Org (community information)."
    )
    assert responsibility_line("community", "https://themcc.com/community-connections", "en", "City of Windsor") == (
        "Offered by a community organization: Multicultural Council of Windsor and Essex County (settlement agency)."
    )
    assert responsibility_line("federal", "https://www.canada.ca/en/services.html", "en", "x") == (
        "Level of government responsible: federal — Government of Canada."
    )
    assert responsibility_line("community", "https://www.canada.ca/en/services.html", "fr", "x") == (
        "Offert par un organisme communautaire. Publié par : Gouvernement du Canada."
    )
