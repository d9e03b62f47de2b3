"""The real content and question set: valid, complete in both languages, well sourced."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from retrieval.corpus import Corpus, load_corpus
from retrieval.evaluation import load_questions
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


def url_policy_violations(items, policy: dict) -> list[str]:
    """Every way an item's url or sources break the link policy, one line each: file, field, url, what to fix."""
    rules = policy["language"]
    bilingual = rules["bilingual_hosts"]
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
            if _on_host(host, bilingual):
                fix = "the publisher is bilingual: link its French page"
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
    assert not [h for h in english_only if _on_host(h, rules["bilingual_hosts"])], (
        "a bilingual host is not English-only"
    )
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
