"""The service directory: organizations and their services, bilingual, validated on load."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from retrieval.content import Jurisdiction
from retrieval.taxonomy import Label, Taxonomy, load_taxonomy
from retrieval.yamlio import load_yaml

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
HTTPS = r"^https://\S+$"
Access = Literal["online", "in-person", "phone", "mail", "email"]


class Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class BilingualUrl(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(pattern=HTTPS)
    fr: str = Field(pattern=HTTPS)

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class BilingualList(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: list[str] = Field(default_factory=list)
    fr: list[str] = Field(default_factory=list)

    def get(self, language: str) -> list[str]:
        return self.fr if language == "fr" else self.en


class ServiceSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=3)
    url: str = Field(pattern=HTTPS)


class Service(BaseModel):
    """One service, as authored in data/services."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=ID_PATTERN, max_length=100)
    name: Bilingual
    description: Bilingual
    needs: list[str] = Field(min_length=1)
    regions: list[str] = Field(min_length=1)
    statuses: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    access: list[Access] = Field(default_factory=list)
    url: BilingualUrl
    phone: str | None = Field(default=None, pattern=r"^[0-9+()\- .]{3,40}$")
    eligibility: Bilingual | None = None
    application_process: Bilingual | None = None
    required_documents: BilingualList | None = None
    fees: Bilingual | None = None
    source: ServiceSource
    last_verified: dt.date

    @field_validator("needs", "statuses")
    @classmethod
    def _known(cls, value: list[str], info: ValidationInfo) -> list[str]:
        vocab: Vocabulary | None = (info.context or {}).get("vocabulary")
        if vocab is None:
            return value
        known = vocab.needs if info.field_name == "needs" else vocab.statuses
        unknown = [v for v in value if v not in known]
        if unknown:
            raise ValueError(f"{unknown} not in data/services/needs.yml; allowed: {', '.join(known)}")
        return value

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str], info: ValidationInfo) -> list[str]:
        vocab: Vocabulary | None = (info.context or {}).get("vocabulary")
        if vocab is not None:
            unknown = [v for v in value if v not in vocab.taxonomy.regions]
            if unknown:
                raise ValueError(
                    f"{unknown} not in data/taxonomy.yml regions; allowed: {', '.join(vocab.taxonomy.regions)}"
                )
        return value


class Organization(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=ID_PATTERN, max_length=100)
    name: Bilingual
    description: Bilingual
    website: str = Field(pattern=HTTPS)
    jurisdiction: Jurisdiction


@dataclass(frozen=True)
class Need:
    code: str
    topic: str
    label: Label
    level: str
    explain: Label


@dataclass
class Vocabulary:
    """Needs, statuses and the content taxonomy's regions."""

    needs: dict[str, Need]
    statuses: dict[str, Label]
    taxonomy: Taxonomy


@dataclass(frozen=True)
class DirectoryEntry:
    organization: Organization
    service: Service

    @property
    def jurisdiction(self) -> str:
        return str(self.organization.jurisdiction)


@dataclass
class Directory:
    organizations: dict[str, Organization]
    services: dict[str, DirectoryEntry]
    vocabulary: Vocabulary
    origins: dict[str, str] = field(default_factory=dict)

    def entries(self) -> list[DirectoryEntry]:
        return list(self.services.values())


class DirectoryError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} service directory problem(s):\n" + "\n".join(problems))


def load_vocabulary(needs_path: Path, taxonomy_path: Path) -> Vocabulary:
    raw = load_yaml(needs_path.read_text(encoding="utf-8"))
    taxonomy = load_taxonomy(taxonomy_path)
    needs = {}
    for code, spec in raw["needs"].items():
        if spec["topic"] not in taxonomy.topics:
            raise DirectoryError([f"{needs_path}: needs.{code}.topic '{spec['topic']}' is not a taxonomy topic"])
        needs[code] = Need(
            code,
            spec["topic"],
            Label(spec["en"], spec["fr"]),
            spec["level"],
            Label(spec["explain"]["en"], spec["explain"]["fr"]),
        )
    statuses = {code: Label(v["en"], v["fr"]) for code, v in raw["statuses"].items()}
    return Vocabulary(needs, statuses, taxonomy)


def _describe(err: dict[str, Any]) -> str:
    loc = ".".join(str(p) for p in err["loc"])
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "missing":
        return f"{loc}: required field is missing"
    if err["type"] == "string_pattern_mismatch" and "url" in loc:
        return f"{loc}: '{err.get('input')}' is not an https:// address"
    return f"{loc}: {message}"


def build_directory(records: list[tuple[str, Any]], vocabulary: Vocabulary) -> Directory:
    """Validate (origin, raw organization file) pairs into a Directory; every problem is reported."""
    problems: list[str] = []
    organizations: dict[str, Organization] = {}
    services: dict[str, DirectoryEntry] = {}
    origins: dict[str, str] = {}
    context = {"vocabulary": vocabulary}
    for origin, raw in records:
        if not isinstance(raw, dict) or "organization" not in raw:
            problems.append(f"{origin}: expected a mapping with 'organization' and 'services'")
            continue
        try:
            org = Organization.model_validate(raw["organization"], context=context)
        except ValidationError as exc:
            problems.extend(f"{origin}: organization.{_describe(e)}" for e in exc.errors())  # type: ignore[arg-type]
            continue
        if org.id in organizations:
            problems.append(f"{origin}: organization.id '{org.id}' is already used by {origins[org.id]}")
            continue
        organizations[org.id] = org
        origins[org.id] = origin
        for n, raw_service in enumerate(raw.get("services") or []):
            try:
                service = Service.model_validate(raw_service, context=context)
            except ValidationError as exc:
                problems.extend(f"{origin}: services[{n}].{_describe(e)}" for e in exc.errors())  # type: ignore[arg-type]
                continue
            if service.id in services:
                problems.append(f"{origin}: services[{n}].id '{service.id}' is already used by {origins[service.id]}")
                continue
            services[service.id] = DirectoryEntry(org, service)
            origins[service.id] = origin
    if problems:
        raise DirectoryError(problems)
    return Directory(organizations, services, vocabulary, origins)


def load_directory(folder: Path, needs_path: Path, taxonomy_path: Path) -> Directory:
    """Read every `<level>/<organization>.yml` under the folder."""
    vocabulary = load_vocabulary(needs_path, taxonomy_path)
    records: list[tuple[str, Any]] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*/*.yml")):
        try:
            records.append((str(path), load_yaml(path.read_text(encoding="utf-8"))))
        except (UnicodeDecodeError, yaml.YAMLError) as exc:
            problems.append(f"{path}: not valid UTF-8 YAML: {exc}")
    if problems:
        raise DirectoryError(problems)
    return build_directory(records, vocabulary)
