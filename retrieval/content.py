"""The content model: one content item per language, with the common metadata.

`ContentItem.from_record` is the one gate every source adapter passes its
records through, so the Markdown folder and the JSON feed obey one schema.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from retrieval.publishers import Publishers, default_publishers, host_of
from retrieval.taxonomy import Taxonomy

Language = Literal["en", "fr"]
GROUP_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Jurisdiction(StrEnum):
    federal = "federal"
    provincial = "provincial"
    municipal = "municipal"
    community = "community"


class Audience(StrEnum):
    prospective = "prospective"
    landed = "landed"
    both = "both"


class Source(BaseModel):
    """A public page the item's facts come from."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=3, max_length=200)
    url: str = Field(pattern=r"^https://\S+$", max_length=500)


class QuestionAnswer(BaseModel):
    """A question editors know people ask, answered in one or two sentences of the item's own facts."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    q: str = Field(min_length=8, max_length=200)
    a: str = Field(min_length=20, max_length=400)


class ContentItem(BaseModel):
    """One content item in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$", max_length=120)
    title: str = Field(min_length=5, max_length=120)
    language: Language
    translation: str = Field(pattern=GROUP_PATTERN, max_length=100)
    topics: list[str] = Field(min_length=1)
    jurisdiction: Jurisdiction
    owner: str
    portal: str
    audience: Audience
    regions: list[str] = Field(min_length=1)
    url: str = Field(pattern=r"^https://\S+$", max_length=500)
    sources: list[Source] = Field(min_length=1)
    # Who published the page `url` opens (an id of data/publishers.yml); `owner` is who commissioned the item.
    publisher: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    last_reviewed: dt.date
    review_by: dt.date
    body: str = Field(min_length=40)
    # Questions people ask that this item answers, in the item's language.
    faq: list[QuestionAnswer] = Field(default_factory=list, max_length=12)
    # Where the record came from (a file path or feed#record), for error messages.
    origin: str = Field(default="", exclude=True)

    @field_validator("topics", "regions", "owner", "portal")
    @classmethod
    def _known_codes(cls, value: Any, info: ValidationInfo) -> Any:
        taxonomy: Taxonomy | None = (info.context or {}).get("taxonomy")
        if taxonomy is None:
            return value
        known = {
            "topics": taxonomy.topics,
            "regions": taxonomy.regions,
            "owner": taxonomy.owners,
            "portal": taxonomy.portals,
        }[info.field_name or ""]
        codes = value if isinstance(value, list) else [value]
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise ValueError(
                f"{', '.join(repr(c) for c in unknown)} not in data/taxonomy.yml; allowed: {', '.join(sorted(known))}"
            )
        return value

    @model_validator(mode="after")
    def _dates_in_order(self) -> ContentItem:
        if self.review_by <= self.last_reviewed:
            raise ValueError(f"review_by {self.review_by} must be after last_reviewed {self.last_reviewed}")
        return self

    @model_validator(mode="after")
    def _published_where_it_says(self, info: ValidationInfo) -> ContentItem:
        """The publisher is in the registry, `url` is on its hosts, each source on a registered publisher's."""
        publishers: Publishers | None = (info.context or {}).get("publishers")
        if publishers is None:
            return self
        problems = []
        found = publishers.for_url(self.url)
        if self.publisher not in publishers:
            hint = f"; the url's host is {found.id}'s" if found else ""
            problems.append(
                f"publisher: '{self.publisher}' is not in data/publishers.yml; add it there (name EN/FR, kind, "
                f"jurisdiction, hosts, bilingual) or use the id of the page's publisher{hint}"
            )
        elif found is None or found.id != self.publisher:
            hosts = ", ".join(publishers[self.publisher].hosts)
            other = f" (it is a host of {found.id})" if found else " (it is in no publisher's list)"
            problems.append(
                f"url: host '{host_of(self.url)}' is not one of {self.publisher}'s hosts ({hosts}){other}; "
                "link the publisher's own page, or set publisher to the page's publisher"
            )
        for n, source in enumerate(self.sources):
            if publishers.for_url(source.url) is None:
                problems.append(
                    f"sources.{n}.url: host '{host_of(source.url)}' belongs to no publisher in data/publishers.yml; "
                    "cite a page of a government, agency, regulator or community organization in the registry "
                    "(or add that publisher with its kind and hosts)"
                )
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @classmethod
    def from_record(
        cls, record: dict[str, Any], origin: str, taxonomy: Taxonomy, publishers: Publishers | None = None
    ) -> ContentItem:
        """Validate one record; raise ContentError naming the origin, the field and what is allowed."""
        context = {"taxonomy": taxonomy, "publishers": publishers or default_publishers()}
        try:
            return cls.model_validate({**record, "origin": origin}, context=context)
        except ValidationError as exc:
            problems = [line for err in exc.errors() for line in _describe(err).splitlines()]
            raise ContentError(origin, problems) from None

    @property
    def content_hash(self) -> str:
        """A hash of what the item says, used to spot the same content from two sources."""
        text = re.sub(r"\s+", " ", f"{self.title}\n{self.body}").strip().lower()
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


_ALLOWED = {
    "language": "en, fr",
    "jurisdiction": ", ".join(j.value for j in Jurisdiction),
    "audience": ", ".join(a.value for a in Audience),
    "url": "an https:// address",
    "last_reviewed": "a date YYYY-MM-DD",
    "review_by": "a date YYYY-MM-DD",
}


_MISSING_FIX = {
    "publisher": "add `publisher:` with the id (data/publishers.yml) of whoever published the page `url` opens",
    "last_reviewed": "add `last_reviewed: YYYY-MM-DD`, the date the item was last checked against its sources",
    "review_by": "add `review_by: YYYY-MM-DD`, the date by which it must be checked again",
}


def _describe(err: Any) -> str:
    loc = ".".join(str(part) for part in err["loc"]) or "front matter"
    field = str(err["loc"][0]) if err["loc"] else ""
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "missing":
        if field in _MISSING_FIX:
            return f"{loc}: required field is missing; {_MISSING_FIX[field]}"
        return f"{loc}: required field is missing"
    if not err["loc"] and re.match(r"^(publisher|url|sources\.\d+\.url): ", message):
        return message
    if err["type"] == "string_pattern_mismatch" and str(err["loc"][-1]) == "url":
        return f"{loc}: '{err.get('input')}' is not an https:// address; use the page's https:// address"
    if err["type"] == "extra_forbidden":
        return f"{loc}: unknown field (fields: {', '.join(ContentItem.model_fields)})"
    allowed = _ALLOWED.get(field)
    if allowed and "allowed" not in message:
        message = f"{message} (allowed: {allowed})"
    return f"{loc}: {message}"


class ContentError(ValueError):
    """A content record broke the schema. Names the file or record, each field and what is allowed."""

    def __init__(self, origin: str, problems: list[str]):
        self.origin = origin
        self.problems = problems
        super().__init__("\n".join(f"{origin}: {p}" for p in problems))


@dataclass(frozen=True)
class ContentReport:
    """What loading the corpus found besides the items themselves."""

    duplicates: list[str]
    twins_missing: list[str]
