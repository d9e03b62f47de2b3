"""The real content and question set: valid, complete in both languages, well sourced."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from retrieval.corpus import Corpus, load_corpus
from retrieval.evaluation import load_questions
from retrieval.publishers import Publishers, default_publishers, load_publishers
from retrieval.settings import ROOT, RetrievalSettings
from retrieval.yamlio import load_yaml


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


def test_urls_send_people_to_official_pages(corpus):
    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))["official_domains"]
    outside = []
    for item in corpus.items:
        host = (urlparse(item.url).hostname or "").lower().rstrip(".")
        if not any(host == d or host.endswith(f".{d}") for d in policy):
            outside.append(f"{item.origin}: {item.url}")
    assert outside == [], "url must be an official page (data/url-policy.yml):\n" + "\n".join(outside)


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

_LANGUAGE_SEGMENTS = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "en-ca": "en",
    "anglais": "en",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "francais": "fr",
    "français": "fr",
    "fr-ca": "fr",
}
_LANGUAGE_PARAMETERS = {"lang", "language", "l", "locale", "langue"}
_LANGUAGE_FILE_SUFFIX = re.compile(r"[-_](eng|fra)\.[a-z]+$")


def _on_host(host: str, domains) -> str | None:
    """The listed domain `host` belongs to (a domain matches itself and its subdomains)."""
    return next((d for d in domains if host == d or host.endswith(f".{d}")), None)


def url_language(url: str, host_language: dict[str, str]) -> str | None:
    """The language a URL shows ('en', 'fr') from its host, path or query, or None when it shows none."""
    parts = urlparse(url)
    host = (parts.hostname or "").lower()
    domain = _on_host(host, host_language)
    if domain:
        return host_language[domain]
    for segment in unquote(parts.path).lower().split("/"):
        if segment in _LANGUAGE_SEGMENTS:
            return _LANGUAGE_SEGMENTS[segment]
    suffix = _LANGUAGE_FILE_SUFFIX.search(parts.path.lower())
    if suffix:
        return "en" if suffix.group(1) == "eng" else "fr"
    for name, values in parse_qs(parts.query).items():
        if name.lower() in _LANGUAGE_PARAMETERS:
            value = values[0].lower()
            if value in {"e", "f"} or value[:2] in {"en", "fr"}:
                return "en" if value.startswith("e") else "fr"
    return None


def url_policy_violations(items, policy: dict, publishers: Publishers | None = None) -> list[str]:
    """Every way an item's url or sources break the link policy, one line each: file, field, url, what to fix."""
    publishers = publishers or default_publishers()
    rules = policy["language"]
    french_marked = rules["french_marked_hosts"]
    host_language = rules["host_language"]
    english_only = rules["english_only_hosts"] or {}
    pending = rules["pending_french_url"] or {}
    other = {"en": "fr", "fr": "en"}
    twins: dict[str, dict[str, object]] = {}
    for item in items:
        twins.setdefault(item.translation, {})[item.language] = item

    found = []
    for item in items:
        where = item.origin.replace(str(ROOT) + "/", "")
        for field, url in [("url", item.url), *((f"sources[{n}].url", s.url) for n, s in enumerate(item.sources))]:
            netloc = urlparse(url).netloc
            if netloc != netloc.lower():
                found.append(f"{where}: {field} {url}: host in upper case; write it as {netloc.lower()}")

        host = (urlparse(item.url).hostname or "").lower()
        shown = url_language(item.url, host_language)
        excused = item.language == "fr" and (_on_host(host, english_only) or item.id in pending)
        if shown == other[item.language] and not excused:
            found.append(
                f"{where}: url {item.url}: a page in {shown.upper()} for an {item.language.upper()} item; "
                f"link the publisher's {item.language.upper()} page"
            )
        elif item.language == "fr" and shown is None and _on_host(host, french_marked) and item.id not in pending:
            found.append(
                f"{where}: url {item.url}: this publisher's French pages show French in the address "
                "(/fr/, /fra/, /francais/); link the French page"
            )
        twin = twins.get(item.translation, {}).get(other[item.language])
        if item.language == "fr" and twin is not None and twin.url == item.url and not excused:
            publisher = publishers.for_url(item.url)
            if publisher is not None and publisher.bilingual:
                fix = f"the publisher ({publisher.id}) is bilingual: link its French page"
            else:
                fix = (
                    "link the publisher's French page, or list the host in english_only_hosts "
                    "(data/url-policy.yml) with the reason if it has none"
                )
            found.append(f"{where}: url {item.url}: same page as {twin.id}; {fix}")
    return found


def announcement_violations(items, policy: dict) -> list[str]:
    """Items whose url is a news item, notice or committee page rather than the service page for their subject."""
    rules = policy["not_a_service_page"]
    segments = set(rules["path_segments"])
    pending = rules["pending"] or {}
    found = []
    for item in items:
        path = unquote(urlparse(item.url).path).lower().split("/")
        hit = segments.intersection(path)
        if hit and item.id not in pending:
            where = item.origin.replace(str(ROOT) + "/", "")
            found.append(
                f"{where}: url {item.url}: a {'/'.join(sorted(hit))} page, not the service page for "
                f"'{item.title}'; link the page about the subject"
            )
    return found


def test_urls_open_a_service_page_not_an_announcement(corpus):
    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))
    found = announcement_violations(corpus.items, policy)
    assert found == [], "url must open the page about the item (data/url-policy.yml):\n" + "\n".join(found)
    fr = next(i for i in corpus.items if i.url.startswith("https://www.canada.ca/fr/"))
    news = fr.model_copy(update={"url": "https://www.canada.ca/fr/nouvelles/2009/avis.html", "origin": "n.fr.md"})
    assert announcement_violations([news], policy), "a news item must be reported"
    pending = policy["not_a_service_page"]["pending"] or {}
    still = {
        i.id
        for i in corpus.items
        if set(policy["not_a_service_page"]["path_segments"]) & set(urlparse(i.url).path.lower().split("/"))
    }
    assert set(pending) <= still, f"stale not_a_service_page.pending entries: {sorted(set(pending) - still)}"


def test_url_policy_lists_are_consistent():
    rules = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))["language"]
    english_only = rules["english_only_hosts"] or {}
    publishers = default_publishers()
    bilingual = [h for h in english_only if (p := publishers.for_host(h)) is None or p.bilingual]
    assert bilingual == [], (
        f"English-only hosts whose publisher is bilingual (or unknown) in data/publishers.yml: {bilingual}"
    )
    french_marked = [
        h for h in rules["french_marked_hosts"] if (p := publishers.for_host(h)) is None or not p.bilingual
    ]
    assert french_marked == [], f"french_marked_hosts whose publisher is not bilingual: {french_marked}"
    assert all(str(reason).strip() for reason in english_only.values()), "each English-only host says why"
    assert all(str(reason).strip() for reason in (rules["pending_french_url"] or {}).values())


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


def test_url_policy_catches_each_kind_of_mistake(corpus):
    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))
    fr = next(i for i in corpus.items if i.language == "fr" and i.url.startswith("https://www.canada.ca/fr/"))
    en = next(i for i in corpus.items if i.translation == fr.translation and i.language == "en")
    on_fr = next(i for i in corpus.items if i.language == "fr" and i.url.startswith("https://www.ontario.ca/fr/"))
    cases = {
        "english.fr.md": fr.model_copy(update={"url": fr.url.replace("/fr/", "/en/")}),
        "upper.fr.md": fr.model_copy(update={"url": fr.url.replace("www.canada.ca", "www.Canada.ca")}),
        "french.en.md": en.model_copy(update={"url": fr.url}),
        "unmarked.fr.md": on_fr.model_copy(update={"url": on_fr.url.replace("ontario.ca/fr/", "ontario.ca/")}),
        "shared.fr.md": fr.model_copy(update={"url": en.url, "translation": en.translation}),
    }
    items = [item.model_copy(update={"origin": name}) for name, item in cases.items()]
    found = url_policy_violations([*items, en.model_copy(update={"origin": "twin.en.md"})], policy)
    expected = {
        "english.fr.md": "a page in EN for an FR item",
        "upper.fr.md": "upper case",
        "french.en.md": "a page in FR for an EN item",
        "unmarked.fr.md": "French pages show French in the address",
        "shared.fr.md": "same page as",
    }
    for name, message in expected.items():
        assert any(line.startswith(f"{name}: ") and message in line for line in found), (name, found)
    assert not any(line.startswith("twin.en.md") for line in found)


def test_urls_open_the_page_in_the_items_language_with_lower_case_hosts(corpus):
    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))
    found = url_policy_violations(corpus.items, policy)
    assert found == [], f"{len(found)} link policy violations (data/url-policy.yml):\n" + "\n".join(found)


def test_url_policy_exceptions_are_all_still_needed(corpus):
    """An exception that no longer hides a violation is stale: remove it, so the list says what remains."""
    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))
    rules = policy["language"]
    strict = {**policy, "language": {**rules, "english_only_hosts": {}, "pending_french_url": {}}}
    flagged = [line.split(": url ")[0] for line in url_policy_violations(corpus.items, strict)]
    where = {i.id: i.origin.replace(str(ROOT) + "/", "") for i in corpus.items}
    stale = [f"pending_french_url: {i} (no such item)" for i in rules["pending_french_url"] if i not in where]
    stale += [
        f"pending_french_url: {i} (its url is fine now)"
        for i in rules["pending_french_url"]
        if i in where and where[i] not in flagged
    ]
    used_hosts = {
        _on_host((urlparse(i.url).hostname or "").lower(), rules["english_only_hosts"])
        for i in corpus.items
        if i.language == "fr" and where[i.id] in flagged
    }
    stale += [
        f"english_only_hosts: {h} (no French item needs it)" for h in rules["english_only_hosts"] if h not in used_hosts
    ]
    assert stale == [], "stale exceptions in data/url-policy.yml:\n" + "\n".join(stale)


# --- Publishers (issue 14 points 1 and 3): who published each page, and how a reply names it ---

_GOVERNMENT_NAME = re.compile(r"^(Government of|City of|Region of|Town of|Gouvernement|Ville d|Région de)\b")
_DOUBLED = re.compile(r"\(([^()]+)\)\s*\(\1\)")


def test_every_publisher_has_a_kind_a_known_region_and_lower_case_hosts(corpus):
    publishers = load_publishers(regions=set(corpus.taxonomy.regions))
    assert len(publishers.by_id) >= 50
    for publisher in publishers.by_id.values():
        assert publisher.kind and publisher.name.en and publisher.name.fr, publisher.id
        named_as_government = bool(
            _GOVERNMENT_NAME.match(publisher.name.en) or _GOVERNMENT_NAME.match(publisher.name.fr)
        )
        assert named_as_government <= publisher.is_government, (
            f"{publisher.id}: named as a government, kind {publisher.kind}"
        )


def publisher_violations(items, services, publishers: Publishers) -> list[str]:
    """Every item, source and service page whose publisher is wrong or unknown, and every reply label that
    calls a third party a government or names an organization twice: file, field, what to fix."""
    from bot.actions.sources import responsibility_line

    found = []
    government_names = {
        p.name.in_language(lang) for p in publishers.by_id.values() if p.is_government for lang in ("en", "fr")
    }
    for item in items:
        where = item.origin.replace(str(ROOT) + "/", "")
        owner = publishers.for_url(item.url)
        if item.publisher not in publishers:
            found.append(f"{where}: publisher: '{item.publisher}' is not in data/publishers.yml")
            continue
        publisher = publishers[item.publisher]
        if owner is None or owner.id != publisher.id:
            found.append(
                f"{where}: url {item.url}: host not in {publisher.id}'s hosts ({', '.join(publisher.hosts)}); "
                "link the publisher's page or correct `publisher`"
            )
        if publisher.kind.value == "media":
            found.append(f"{where}: url {item.url}: a news page; link the service's own page")
        for n, source in enumerate(item.sources):
            cited = publishers.for_url(source.url)
            if cited is None or cited.kind.value == "media":
                found.append(
                    f"{where}: sources[{n}].url {source.url}: not a registered government, agency, regulator or "
                    "community publisher; cite an official page or remove the source"
                )
            if _DOUBLED.search(source.title):
                found.append(f"{where}: sources[{n}].title '{source.title}': organization named twice")
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
        "host.en.md": "host not in government-of-canada's hosts",
        "blog.en.md": "not a registered government, agency, regulator or community publisher",
        "twice.en.md": "organization named twice",
        "labelled.en.md": "host not in government-of-ontario's hosts",
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
