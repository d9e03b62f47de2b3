"""Places to settle and their sourced figures (data/places/<province>/<id>.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from places.indicators import INDICATORS
from retrieval.yamlio import load_yaml


class FigureSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https://\S+$")


class Figure(BaseModel):
    """One value of one indicator, with its unit, reference year and source."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float | bool | str
    unit: str | None = None
    year: int | str
    period: str | None = None
    note: str | None = None
    source: FigureSource


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


def load_places(folder: Path) -> PlaceBook:
    """Read every `<PROVINCE>/<id>.yml`; every problem is reported with its file and field."""
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
        if place.id != path.stem:
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
