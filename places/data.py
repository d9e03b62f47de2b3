"""Places to settle and their sourced figures (data/places/<province>/<id>.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from places.indicators import INDICATORS
from replies.models import CitedSource
from retrieval.publishers import PublisherKind, Publishers, default_publishers, host_of
from retrieval.yamlio import load_yaml

# Who may publish a place figure (issue 14.2): a government itself or a public agency (Statistics Canada's tables,
# CMHC, a transit commission). Never a community organization, a news site, an encyclopedia or a blog.
FIGURE_PUBLISHER_KINDS = frozenset(
    {PublisherKind.federal, PublisherKind.provincial, PublisherKind.municipal, PublisherKind.agency}
)


class FigureSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https://\S+$")


class Figure(BaseModel):
    """One value of one indicator: unit, reference year, official publisher, table and when it was read.

    `via` names the machine-readable copy of the official table the value was read from (a GitHub file); it is kept
    for the record and for `python -m places report`, never shown to users, who see the official source only.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float | bool | str
    unit: str | None = None
    year: int | str
    period: str | None = None
    note: str | None = None
    publisher: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    table: str | None = Field(default=None, min_length=2)
    retrieved: date
    via: str | None = Field(default=None, min_length=5)
    source: FigureSource

    def cited(self, language: str = "en", publishers: Publishers | None = None) -> CitedSource:
        """The source as a reply shows it: the official page and its publisher's name; never the copy (`via`)."""
        registry = publishers or default_publishers()
        publisher = registry.by_id.get(self.publisher)
        return CitedSource(
            title=self.source.title,
            url=self.source.url,
            publisher=self.publisher,
            publisher_name=publisher.name.in_language(language) if publisher else self.publisher,
            table=self.table,
            retrieved=self.retrieved.isoformat(),
        )


class Names(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(min_length=2)
    fr: str = Field(min_length=2)

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class Coordinates(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    lat: float = Field(ge=40, le=84)
    lon: float = Field(ge=-142, le=-52)


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Names
    province: str = Field(pattern=r"^[A-Z]{2}$")
    kind: str = Field(pattern=r"^(CMA|CA)$")
    statcan_name: str | None = None
    region: str | None = None
    coordinates: Coordinates | None = None
    indicators: dict[str, Figure] = Field(default_factory=dict)

    @field_validator("indicators")
    @classmethod
    def _known_indicators(cls, value: dict[str, Figure]) -> dict[str, Figure]:
        unknown = [k for k in value if k not in INDICATORS]
        if unknown:
            raise ValueError(f"unknown indicator(s) {unknown}; allowed: {', '.join(INDICATORS)}")
        return value


class PlacesError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} place data problem(s):\n" + "\n".join(problems))


@dataclass
class PlaceBook:
    """All places, by id."""

    places: dict[str, Place]

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)


def source_problems(place: Place, publishers: Publishers) -> list[str]:
    """Why a figure's source is not an official one: unknown publisher, wrong kind, or a host it does not own."""
    problems: list[str] = []
    for key, figure in place.indicators.items():
        field = f"indicators.{key}"
        publisher = publishers.by_id.get(figure.publisher)
        if publisher is None:
            problems.append(
                f"{field}.publisher: '{figure.publisher}' is not in data/publishers.yml; cite an official publisher "
                "listed there (or add it with its kind and official hosts)"
            )
            continue
        if publisher.kind not in FIGURE_PUBLISHER_KINDS:
            problems.append(
                f"{field}.publisher: '{publisher.id}' is a {publisher.kind.value} publisher; a figure must come from a "
                "federal, provincial or municipal government or a public agency (Statistics Canada, CMHC, ECCC, ...)"
            )
        if not publishers.owns(publisher.id, figure.source.url):
            owner = publishers.for_url(figure.source.url)
            problems.append(
                f"{field}.source.url: host '{host_of(figure.source.url)}' is not an official host of "
                f"'{publisher.id}' ({', '.join(publisher.hosts)})"
                + (f"; it belongs to '{owner.id}'" if owner else "; cite the official page, a copy goes in `via`")
            )
    return problems


def load_places(folder: Path, publishers: Publishers | None = None) -> PlaceBook:
    """Read every `<PROVINCE>/<id>.yml`; every problem is reported with its file and field.

    Each figure must cite an official publisher of data/publishers.yml on one of its hosts (issue 14.2).
    """
    registry = publishers or default_publishers()
    places: dict[str, Place] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("[A-Z][A-Z]/*.yml")):
        try:
            raw: Any = load_yaml(path.read_text(encoding="utf-8"))
            place = Place.model_validate(raw)
        except ValidationError as exc:
            problems.extend(f"{path}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
            continue
        except Exception as exc:  # unreadable YAML or bytes: say which file
            problems.append(f"{path}: cannot be read as UTF-8 YAML: {exc}")
            continue
        unofficial = source_problems(place, registry)
        if unofficial:
            problems.extend(f"{path}: {problem}" for problem in unofficial)
        elif place.id != path.stem:
            problems.append(f"{path}: id '{place.id}' must equal the file name '{path.stem}'")
        elif place.province != path.parent.name:
            problems.append(f"{path}: province '{place.province}' must equal the folder name '{path.parent.name}'")
        elif place.id in places:
            problems.append(f"{path}: id '{place.id}' is used twice")
        else:
            places[place.id] = place
    if problems:
        raise PlacesError(problems)
    return PlaceBook(places)
