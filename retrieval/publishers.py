"""The registry of publishers: who published a page, what kind of body it is, and its official hosts.

One registry (`data/publishers.yml`) for content items, their sources, the
service directory and place figures. A page's publisher is found from its
host: a listed host matches itself and its subdomains, the longest match wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from replies.texts import text
from retrieval.settings import ROOT
from retrieval.yamlio import load_yaml


class PublisherKind(StrEnum):
    federal = "federal"
    provincial = "provincial"
    municipal = "municipal"
    regulator = "regulator"
    agency = "agency"
    community = "community"
    media = "media"
    other = "other"


# Kinds that are a government itself: a reply names them plainly ("Government of Ontario").
GOVERNMENT_KINDS = frozenset({PublisherKind.federal, PublisherKind.provincial, PublisherKind.municipal})


class Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(min_length=2, max_length=160)
    fr: str = Field(min_length=2, max_length=160)

    def in_language(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class Publisher(BaseModel):
    """One publisher: its names, kind, the region it belongs to and its official hosts."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    name: Words
    kind: PublisherKind
    jurisdiction: str = Field(min_length=2, max_length=40)
    hosts: list[str] = Field(min_length=1)
    bilingual: bool
    role: Words | None = None
    # Why the French name is the English one (a proper name with no French form found); required when they match.
    name_fr_same: str | None = Field(default=None, min_length=10, max_length=200)

    @property
    def is_government(self) -> bool:
        return self.kind in GOVERNMENT_KINDS

    def label(self, language: str) -> str:
        """How a reply names it: a government plainly, any other body with what it is.

        "Government of Ontario"; "College of Nurses of Ontario (regulator)";
        "Settlement.Org (community information)".
        """
        name = self.name.in_language(language)
        if self.is_government:
            return name
        words = self.role.in_language(language) if self.role else text(f"publisher_kind.{self.kind.value}", language)
        return f"{name} ({words})"


class PublisherError(ValueError):
    """The registry is malformed, or a page names a publisher it does not hold."""


def host_of(url: str) -> str:
    """The host of a URL, lower case, without a trailing dot."""
    return (urlparse(url).hostname or "").lower().rstrip(".")


@dataclass(frozen=True)
class Publishers:
    """The registry, by id, with a host lookup."""

    by_id: dict[str, Publisher]
    by_host: dict[str, str]

    def __contains__(self, publisher_id: object) -> bool:
        return publisher_id in self.by_id

    def __getitem__(self, publisher_id: str) -> Publisher:
        return self.by_id[publisher_id]

    def for_host(self, host: str) -> Publisher | None:
        """The publisher whose listed host is the longest suffix of `host` (None when none is)."""
        host = host.lower().rstrip(".")
        parts = host.split(".")
        for start in range(len(parts) - 1):
            publisher_id = self.by_host.get(".".join(parts[start:]))
            if publisher_id:
                return self.by_id[publisher_id]
        return None

    def for_url(self, url: str) -> Publisher | None:
        """The publisher of the page at `url` (None when its host is in no publisher's list)."""
        return self.for_host(host_of(url))

    def owns(self, publisher_id: str, url: str) -> bool:
        """Whether the URL's host belongs to that publisher."""
        found = self.for_url(url)
        return found is not None and found.id == publisher_id


def parse_publishers(raw: object, regions: set[str] | None = None, origin: str = "data/publishers.yml") -> Publishers:
    """Validate the registry; every problem names the publisher, the field and what to fix."""
    if not isinstance(raw, dict) or not isinstance(raw.get("publishers"), dict):
        raise PublisherError(f"{origin}: expected a mapping 'publishers:' of id -> publisher")
    problems: list[str] = []
    by_id: dict[str, Publisher] = {}
    by_host: dict[str, str] = {}
    for publisher_id, fields in raw["publishers"].items():
        try:
            publisher = Publisher.model_validate({"id": publisher_id, **(fields or {})})
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"])
                problems.append(f"{origin}: {publisher_id}.{where}: {err['msg']}")
            continue
        if regions is not None and publisher.jurisdiction not in regions:
            problems.append(
                f"{origin}: {publisher_id}.jurisdiction: '{publisher.jurisdiction}' is not a region of "
                "data/taxonomy.yml (CA, ON, ON-toronto, QC, ...)"
            )
        for host in publisher.hosts:
            if host != host.lower() or "/" in host or host.startswith("www."):
                problems.append(
                    f"{origin}: {publisher_id}.hosts: '{host}': write the host in lower case, without www. or a path"
                )
            if host in by_host:
                problems.append(f"{origin}: {publisher_id}.hosts: '{host}' is already a host of {by_host[host]}")
            by_host[host] = publisher_id
        by_id[publisher_id] = publisher
    if problems:
        raise PublisherError("\n".join(problems))
    return Publishers(by_id, by_host)


def load_publishers(path: Path, regions: set[str] | None = None) -> Publishers:
    """Read and validate the registry file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PublisherError(f"{path}: cannot read the publisher registry ({exc.strerror})") from None
    return parse_publishers(
        load_yaml(text), regions, origin=str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    )


@lru_cache(maxsize=1)
def default_publishers() -> Publishers:
    """The project's registry (`publishers_path` in the settings), read once."""
    from nwd.settings import get_settings

    return load_publishers(get_settings().retrieval.publishers_path)
