"""The link policy: every page an item links is official, in the item's language and about its subject.

`check_links` is the one checker behind `python -m retrieval validate` and the
content tests (`make test`). It reads the rules of `data/url-policy.yml` and
the publisher registry (`data/publishers.yml`) and returns one problem per
broken rule, naming the file, the field and what to fix:

- host: the url's host is not one of its publisher's hosts, is outside the
  official domains, is written in upper case, or a source is on no
  registered publisher's host;
- language: a French item links an English page (or an English item a French
  one) where the publisher publishes both, unless `pending_french_url` gives
  the reason;
- doubled-name: an organization named twice ("(Employment Ontario) (Employment Ontario)");
- government-label: a third party shown or titled as a government;
- announcement: the url opens a news item or notice rather than the service
  page, or a source is an announcement about another subject or years old;
- subject: the url's page (its last two path segments) shares no meaningful
  word with the item, unless `url_subject_ok` gives the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from retrieval.content import ContentItem
from retrieval.folding import fold
from retrieval.publishers import Publisher, Publishers, default_publishers, host_of
from retrieval.settings import ROOT
from retrieval.taxonomy import Taxonomy
from retrieval.yamlio import load_yaml


class ProblemKind(StrEnum):
    host = "host"
    language = "language"
    doubled_name = "doubled-name"
    government_label = "government-label"
    announcement = "announcement"
    subject = "subject"


@dataclass(frozen=True)
class LinkProblem:
    """One broken rule: where (file and field), which kind, and what to fix."""

    origin: str
    field: str
    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.field}: {self.message}"


@dataclass(frozen=True)
class LinkPolicy:
    """The rules of data/url-policy.yml, each exception with its reason."""

    official_domains: tuple[str, ...]
    french_marked_hosts: tuple[str, ...]
    host_language: dict[str, str]
    english_only_hosts: dict[str, str]
    pending_french_url: dict[str, str]
    announcement_segments: frozenset[str]
    announcement_pending: dict[str, str]
    url_subject_ok: dict[str, str]
    url_subject_pending: dict[str, str] = field(default_factory=dict)
    announcement_sources_ok: dict[str, str] = field(default_factory=dict)
    related_words: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> LinkPolicy:
        language = raw.get("language") or {}
        announcements = raw.get("not_a_service_page") or {}
        subject = raw.get("subject") or {}
        return cls(
            official_domains=tuple(raw.get("official_domains") or ()),
            french_marked_hosts=tuple(language.get("french_marked_hosts") or ()),
            host_language=dict(language.get("host_language") or {}),
            english_only_hosts=dict(language.get("english_only_hosts") or {}),
            pending_french_url=dict(language.get("pending_french_url") or {}),
            announcement_segments=frozenset(announcements.get("path_segments") or ()),
            announcement_pending=dict(announcements.get("pending") or {}),
            url_subject_ok=dict(subject.get("url_subject_ok") or {}),
            url_subject_pending=dict(subject.get("pending") or {}),
            announcement_sources_ok=dict(announcements.get("sources_ok") or {}),
            related_words={
                fold(str(word)): frozenset(fold(str(w)) for w in words)
                for word, words in (subject.get("related_words") or {}).items()
            },
        )


def load_link_policy(path: Path) -> LinkPolicy:
    """Read data/url-policy.yml."""
    return LinkPolicy.from_raw(load_yaml(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def default_link_policy() -> LinkPolicy:
    """The project's link policy (`url_policy_path` in the settings), read once."""
    from nwd.settings import get_settings

    return load_link_policy(get_settings().retrieval.url_policy_path)


# --- The language a URL shows -------------------------------------------------------------

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


def on_host(host: str, domains: Iterable[str]) -> str | None:
    """The listed domain `host` belongs to (a domain matches itself and its subdomains)."""
    return next((d for d in domains if host == d or host.endswith(f".{d}")), None)


def url_language(url: str, host_language: dict[str, str]) -> str | None:
    """The language a URL shows ('en', 'fr') from its host, path or query, or None when it shows none."""
    parts = urlparse(url)
    host = (parts.hostname or "").lower()
    domain = on_host(host, host_language)
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


# --- Words a path and an item are about ----------------------------------------------------

# Function words of both languages, and names every page shares: they say nothing about a subject.
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "or",
        "your",
        "you",
        "how",
        "what",
        "who",
        "when",
        "where",
        "with",
        "from",
        "about",
        "get",
        "find",
        "apply",
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "en",
        "au",
        "aux",
        "un",
        "une",
        "pour",
        "par",
        "sur",
        "dans",
        "votre",
        "vos",
        "avec",
        "sans",
        "comment",
        "quoi",
        "qui",
        "ou",
        "est",
        "sont",
        "nous",
        "ontario",
        "canada",
    ]
)
# Path words that name the site's structure, not the page's subject.
_STRUCTURE_WORDS = frozenset(
    [
        "en",
        "fr",
        "eng",
        "fra",
        "english",
        "francais",
        "html",
        "htm",
        "aspx",
        "asp",
        "php",
        "jsp",
        "xhtml",
        "cfm",
        "pdf",
        "do",
        "index",
        "default",
        "page",
        "pages",
        "content",
        "services",
        "service",
        "residents",
        "resident",
        "living",
        "live",
        "city",
        "hall",
        "ville",
        "hotel",
        "gov",
        "government",
        "gouvernement",
        "www",
        "node",
        "home",
        "accueil",
        "topic",
        "topics",
        "category",
        "info",
        "information",
        "print",
        "export",
        "book",
        "articles",
        "article",
        "portal",
    ]
)
_YEAR = re.compile(r"^(19|20)\d\d$")


def subject_words(text: str) -> set[str]:
    """Meaningful words of a title or a path: folded, function words and short tokens dropped, '3-1-1' -> '311'."""
    text = re.sub(r"(?<=\d)-(?=\d)", "", fold(text))
    found = set()
    for word in re.split(r"[^a-z0-9]+", text):
        if len(word) < 3 or word in _STOP_WORDS or _YEAR.match(word):
            continue
        found.add(word)
    return found


def _same_word(a: str, b: str) -> bool:
    """The same word or stem: 'tax'/'taxes', 'permit'/'permis' (a 5-letter common start), or a long word
    inside a compound slug ('emploi' in 'trouverunemploi', 'card' in 'getacard')."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True
    if len(short) >= 5 and a[:5] == b[:5]:
        return True
    return (len(short) >= 4 or (short.isdigit() and len(short) >= 3)) and short in long_


def path_segments(url: str) -> list[set[str]]:
    """The meaningful words of each path segment of `url`, site-structure words dropped, empty segments skipped."""
    segments = []
    for segment in unquote(urlparse(url).path).split("/"):
        words = subject_words(re.sub(r"\.[a-z]{2,5}$", "", segment.lower())) - _STRUCTURE_WORDS
        if words:
            segments.append(words)
    return segments


def _host_words(url: str, publisher: Publisher | None, path_says_nothing: bool) -> set[str]:
    """Words of the host that name the page's subject: the labels left of the publisher's registered host
    ('311' in 311.greatersudbury.ca), or the whole host when the path says nothing (211ontario.ca/)."""
    host = host_of(url)
    base = on_host(host, publisher.hosts) if publisher else None
    labels = host.split(".")[:-1] if path_says_nothing or not base else host[: -len(base) - 1].split(".")
    if base and host == base and not path_says_nothing:
        return set()
    # The publisher's own name says who published, not what the page is about ('mississauga' in mississauga.ca).
    own_name = subject_words(f"{publisher.name.en} {publisher.name.fr}") if publisher else set()
    words = {w for label in labels if label != "www" for w in subject_words(label)}
    return {w for w in words if not shared_words({w}, own_name)}


def item_words(
    item: ContentItem, twins: Iterable[ContentItem], taxonomy: Taxonomy | None, policy: LinkPolicy
) -> set[str]:
    """What an item is about: its and its translation's titles, its group id, its topics and their labels,
    widened with the policy's related words ('library' also means 'card', 'borrowing')."""
    words = subject_words(item.translation)
    for version in (item, *twins):
        words |= subject_words(version.title)
    for topic in item.topics:
        words |= subject_words(topic)
        if taxonomy is not None and topic in taxonomy.topics:
            label = taxonomy.topics[topic]
            words |= subject_words(label.en) | subject_words(label.fr)
    for word in list(words):
        for key, related in policy.related_words.items():
            if _same_word(word, key):
                words |= related
    return words


def shared_words(page: set[str], item: set[str]) -> set[str]:
    """The page's words that are also (the same stem as) one of the item's words."""
    return {w for w in page if any(_same_word(w, v) for v in item)}


# --- The checker -------------------------------------------------------------------------

# "(Employment Ontario) (Employment Ontario)", "the City of Toronto (City of Toronto)"; case counts, so
# "Toronto Public Library (public library)" (a name and what it is) is not a repeat.
_DOUBLED = re.compile(r"\(([^()]+)\)\s*\(\1\)|\b([A-Z][^()]{3,}?)\s*\(\2\)")
_AS_GOVERNMENT = re.compile(
    r"\b(Government of|Gouvernement (du|de l'|de la|des)|City of|Ville d|Region of|Région de)\b", re.IGNORECASE
)


def _where(item: ContentItem) -> str:
    return item.origin.replace(f"{ROOT}/", "")


def _links(item: ContentItem) -> list[tuple[str, str]]:
    return [("url", item.url), *((f"sources[{n}].url", s.url) for n, s in enumerate(item.sources))]


def _host_problems(item: ContentItem, policy: LinkPolicy, publishers: Publishers) -> list[LinkProblem]:
    where, found = _where(item), []
    for name, url in _links(item):
        netloc = urlparse(url).netloc
        if netloc != netloc.lower():
            found.append(
                LinkProblem(where, name, ProblemKind.host, f"{url}: host in upper case; write it as {netloc.lower()}")
            )
        if name != "url" and publishers.for_url(url) is None:
            found.append(
                LinkProblem(
                    where,
                    name,
                    ProblemKind.host,
                    f"{url}: host '{host_of(url)}' belongs to no publisher in data/publishers.yml; cite a "
                    "registered publisher's page (or add the publisher with its kind and hosts)",
                )
            )
    host = host_of(item.url)
    owner = publishers.for_url(item.url)
    if item.publisher not in publishers:
        found.append(
            LinkProblem(where, "publisher", ProblemKind.host, f"'{item.publisher}' is not in data/publishers.yml")
        )
    elif owner is None or owner.id != item.publisher:
        hosts = ", ".join(publishers[item.publisher].hosts)
        found.append(
            LinkProblem(
                where,
                "url",
                ProblemKind.host,
                f"{item.url}: host '{host}' not in {item.publisher}'s hosts ({hosts}); link the publisher's "
                "page or correct `publisher`",
            )
        )
    if policy.official_domains and not on_host(host, policy.official_domains):
        found.append(
            LinkProblem(
                where,
                "url",
                ProblemKind.host,
                f"{item.url}: '{host}' is not an official domain (data/url-policy.yml official_domains)",
            )
        )
    return found


def _language_problems(
    item: ContentItem, twin: ContentItem | None, policy: LinkPolicy, publishers: Publishers
) -> list[LinkProblem]:
    where, other = _where(item), {"en": "fr", "fr": "en"}[item.language]
    host = host_of(item.url)
    shown = url_language(item.url, policy.host_language)
    pending = item.id in policy.pending_french_url and bool(str(policy.pending_french_url[item.id]).strip())
    excused = item.language == "fr" and (bool(on_host(host, policy.english_only_hosts)) or pending)
    found = []
    if shown == other and not excused:
        found.append(
            LinkProblem(
                where,
                "url",
                ProblemKind.language,
                f"{item.url}: a page in {shown.upper()} for an {item.language.upper()} item; link the publisher's "
                f"{item.language.upper()} page (or, for a French item, list it in pending_french_url with the reason)",
            )
        )
    elif item.language == "fr" and shown is None and on_host(host, policy.french_marked_hosts) and not pending:
        found.append(
            LinkProblem(
                where,
                "url",
                ProblemKind.language,
                f"{item.url}: this publisher's French pages show French in the address (/fr/, /fra/, "
                "/francais/); link the French page",
            )
        )
    if item.language == "fr" and twin is not None and twin.url == item.url and not excused:
        publisher = publishers.for_url(item.url)
        if publisher is not None and publisher.bilingual:
            fix = f"the publisher ({publisher.id}) is bilingual: link its French page"
        else:
            fix = (
                "link the publisher's French page, or list the host in english_only_hosts "
                "(data/url-policy.yml) with the reason if it has none"
            )
        found.append(LinkProblem(where, "url", ProblemKind.language, f"{item.url}: same page as {twin.id}; {fix}"))
    return found


def _label_problems(item: ContentItem, publishers: Publishers) -> list[LinkProblem]:
    """Names shown twice, and third parties titled or shown as a government."""
    where, found = _where(item), []
    texts = [("title", item.title), *((f"sources[{n}].title", s.title) for n, s in enumerate(item.sources))]
    publisher = publishers.by_id.get(item.publisher)
    if publisher is not None:
        texts += [(f"publisher label ({lang})", publisher.label(lang)) for lang in ("en", "fr")]
    for name, text in texts:
        if _DOUBLED.search(text):
            found.append(
                LinkProblem(where, name, ProblemKind.doubled_name, f"'{text}': organization named twice; name it once")
            )
    cited = [(f"sources[{n}].title", s.title, publishers.for_url(s.url)) for n, s in enumerate(item.sources)]
    for name, text, source_publisher in [("title", item.title, publisher), *cited]:
        if source_publisher is None or source_publisher.is_government:
            continue
        said = _AS_GOVERNMENT.search(text)
        if said and not _names_a_partner(text, said.start()):
            found.append(
                LinkProblem(
                    where,
                    name,
                    ProblemKind.government_label,
                    f"'{text}' calls a page of {source_publisher.id} ({source_publisher.kind}) a government's; "
                    f"name the publisher as it is ({source_publisher.label(item.language)})",
                )
            )
    if publisher is not None and not publisher.is_government:
        for lang in ("en", "fr"):
            label = publisher.label(lang)
            if _AS_GOVERNMENT.match(label):
                found.append(
                    LinkProblem(
                        where,
                        f"publisher label ({lang})",
                        ProblemKind.government_label,
                        f"'{label}': {publisher.id} is a {publisher.kind} publisher shown as a government; fix its "
                        "name in data/publishers.yml",
                    )
                )
    return found


def _names_a_partner(text: str, at: int) -> bool:
    """'... funded by the Government of Canada' names a partner, not the publisher: only a label in
    parentheses or at the start claims who published."""
    before = text[:at]
    return not (before.strip() == "" or before.rstrip().endswith("("))


def _announcement_problems(item: ContentItem, words: set[str], policy: LinkPolicy) -> list[LinkProblem]:
    where, found = _where(item), []
    hit = policy.announcement_segments.intersection(unquote(urlparse(item.url).path).lower().split("/"))
    if hit and item.id not in policy.announcement_pending:
        found.append(
            LinkProblem(
                where,
                "url",
                ProblemKind.announcement,
                f"{item.url}: a {'/'.join(sorted(hit))} page, not the service page for '{item.title}'; link the "
                "page about the subject",
            )
        )
    for n, source in enumerate(item.sources):
        if str(policy.announcement_sources_ok.get(item.id, "")).strip():
            break
        path = unquote(urlparse(source.url).path).lower()
        if not policy.announcement_segments.intersection(path.split("/")):
            continue
        page = set().union(*path_segments(source.url)) if path_segments(source.url) else set()
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", path)]
        old = [y for y in years if y < item.last_reviewed.year - 5]
        if not shared_words(page, words):
            why = "an announcement about another subject"
        elif old:
            why = f"a {old[0]} announcement"
        else:
            continue
        found.append(
            LinkProblem(
                where,
                f"sources[{n}].url",
                ProblemKind.announcement,
                f"{source.url}: {why}; cite the current page about '{item.title}'",
            )
        )
    return found


def _subject_problem(
    item: ContentItem, words: set[str], policy: LinkPolicy, publishers: Publishers
) -> LinkProblem | None:
    for excused in (policy.url_subject_ok, policy.url_subject_pending):
        if str(excused.get(item.id, "")).strip():
            return None
    segments = path_segments(item.url)
    page = set().union(*segments[-2:]) if segments else set()
    page |= _host_words(item.url, publishers.for_url(item.url), path_says_nothing=not segments)
    if shared_words(page, words):
        return None
    says = ", ".join(sorted(page)) or "nothing"
    return LinkProblem(
        _where(item),
        "url",
        ProblemKind.subject,
        f"{item.url}: the page's address says '{says}', nothing of '{item.title}'; link the page about the "
        "subject, or list the item in url_subject_ok (data/url-policy.yml) with the reason",
    )


def subject_mismatches(
    items: list[ContentItem],
    policy: LinkPolicy | None = None,
    publishers: Publishers | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[LinkProblem]:
    """Every item whose url's page shares no meaningful word with the item, exempted or not: the report
    behind url_subject_ok and the subject pending list."""
    policy = policy or default_link_policy()
    publishers = publishers or default_publishers()
    strict = replace(policy, url_subject_ok={}, url_subject_pending={})
    twins = _twins(items)
    found = []
    for item in items:
        problem = _subject_problem(item, item_words(item, twins[item.id], taxonomy, policy), strict, publishers)
        if problem:
            found.append(problem)
    return found


def _twins(items: list[ContentItem]) -> dict[str, list[ContentItem]]:
    groups: dict[str, list[ContentItem]] = {}
    for item in items:
        groups.setdefault(item.translation, []).append(item)
    return {item.id: [t for t in groups[item.translation] if t.id != item.id] for item in items}


def check_links(
    items: list[ContentItem],
    policy: LinkPolicy | None = None,
    publishers: Publishers | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[LinkProblem]:
    """Every way the items' links break the policy, one problem each (empty when all is well)."""
    policy = policy or default_link_policy()
    publishers = publishers or default_publishers()
    twins = _twins(items)
    found: list[LinkProblem] = []
    for item in items:
        other = next((t for t in twins[item.id] if t.language != item.language), None)
        words = item_words(item, twins[item.id], taxonomy, policy)
        found += _host_problems(item, policy, publishers)
        found += _language_problems(item, other, policy, publishers)
        found += _label_problems(item, publishers)
        found += _announcement_problems(item, words, policy)
        subject = _subject_problem(item, words, policy, publishers)
        if subject:
            found.append(subject)
    return found


def stale_exceptions(
    items: list[ContentItem], policy: LinkPolicy | None = None, taxonomy: Taxonomy | None = None
) -> list[str]:
    """Exceptions in data/url-policy.yml that no longer excuse anything: each should be removed."""
    policy = policy or default_link_policy()
    ids = {item.id for item in items}
    stale = [f"pending_french_url: {i} (no such item)" for i in policy.pending_french_url if i not in ids]
    excused = {**policy.url_subject_ok, **policy.url_subject_pending}
    stale += [f"url_subject_ok/pending: {i} (no such item)" for i in excused if i not in ids]
    strict = replace(policy, english_only_hosts={}, pending_french_url={})
    flagged = {p.origin for p in check_links(items, strict) if p.kind == ProblemKind.language}
    by_id = {item.id: item for item in items}
    stale += [
        f"pending_french_url: {i} (its url is fine now)"
        for i in policy.pending_french_url
        if i in by_id and _where(by_id[i]) not in flagged
    ]
    flagged_subject = {p.origin for p in subject_mismatches(items, policy, taxonomy=taxonomy)}
    stale += [
        f"url_subject_ok/pending: {i} (its url matches the subject now)"
        for i in excused
        if i in by_id and _where(by_id[i]) not in flagged_subject
    ]
    return stale
