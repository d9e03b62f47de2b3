"""Places to settle: list, one place, compare 2-4 places, recommend from priorities."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from api.routes.occupations import occupation_book
from places.compare import CompareError, compare, conflict_message, display, read_priorities, recommend
from places.data import Place, PlaceBook
from places.indicators import INDICATORS
from places.occupations import Occupation, occupation_summary
from replies.models import Comparison

router = APIRouter(prefix="/api/places", tags=["places"])
Lang = Literal["en", "fr"]


def _book(request: Request) -> PlaceBook:
    book: PlaceBook | None = request.app.state.nwd.places
    if book is None:
        raise HTTPException(503, f"the place data is not loaded: {request.app.state.nwd.places_problem}")
    return book


def _occupation(request: Request, words: str | None) -> Occupation | None:
    """An occupation id or the words naming one; 422 when given but not recognised."""
    if not words:
        return None
    book = occupation_book(request)
    found = book.get(words.strip()) or book.find(words)
    if found is None:
        raise HTTPException(422, f"occupation: '{words[:60]}' is not one this assistant knows; see /api/occupations")
    return found


def place_card(place: Place, language: str) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name.get(language),
        "province": place.province,
        "kind": place.kind,
        "statcan_name": place.statcan_name,
        "coordinates": place.coordinates.model_dump() if place.coordinates else None,
        "indicators": {
            key: {
                "label": indicator.label.in_language(language),
                "value": None if key not in place.indicators else place.indicators[key].value,
                "display": display(place, key, language),
                "unit": None if key not in place.indicators else place.indicators[key].unit,
                "year": None if key not in place.indicators else place.indicators[key].year,
                "source": None if key not in place.indicators else place.indicators[key].cited(language),
            }
            for key, indicator in INDICATORS.items()
        },
    }


@router.get("")
def list_places(
    request: Request, province: Annotated[str | None, Query(pattern=r"^[A-Z]{2}$")] = None, lang: Lang = "en"
) -> dict[str, Any]:
    """Every place with its figures; `not available` where a figure could not be confirmed."""
    places = [p for p in _book(request).places.values() if province is None or p.province == province]
    return {"count": len(places), "places": [place_card(p, lang) for p in sorted(places, key=lambda p: p.id)]}


@router.get("/compare")
def compare_places(
    request: Request,
    ids: Annotated[str, Query(description="2 to 4 place ids, comma-separated, e.g. ottawa,kingston.", max_length=300)],
    lang: Lang = "en",
    criteria: Annotated[str | None, Query(description="Only these criteria, comma-separated.", max_length=300)] = None,
    occupation: Annotated[
        str | None, Query(description="An occupation id or name: regulation and outlooks.", max_length=100)
    ] = None,
) -> Comparison:
    """Side by side on every criterion: value, unit, year and source, and a plain summary."""
    job = _occupation(request, occupation)
    try:
        result = compare(
            _book(request),
            [i.strip() for i in ids.split(",") if i.strip()],
            lang,
            [c.strip() for c in criteria.split(",") if c.strip()] if criteria else None,
        )
    except CompareError as exc:
        status = 404 if "unknown place" in str(exc) else 422
        raise HTTPException(status, str(exc)) from None
    data = result.as_comparison(lang)
    if job is not None:
        data.occupation = occupation_summary(job, lang, [(p.id, p.name.get(lang), p.province) for p in result.places])
    return data


class RecommendRequest(BaseModel):
    priorities: dict[str, float] | None = Field(
        default=None, description='Indicator -> weight 0..10, e.g. {"rent_2br": 2, "french_speakers_share": 1}.'
    )
    text: str | None = Field(default=None, max_length=500, description="Or in words: 'cheap rent, French'.")
    opposite: list[str] | None = Field(
        default=None,
        max_length=12,
        description="Indicators wanted the other way round: january_mean_temp (colder), annual_snowfall (more snow), "
        "population (smaller).",
    )
    provinces: list[str] | None = Field(default=None, max_length=13)
    lang: Lang = "en"
    top: int = Field(default=3, ge=1, le=10)
    occupation: str | None = Field(
        default=None, max_length=100, description="An occupation id or name: regulation and Job Bank outlooks."
    )


@router.post("/recommend")
def recommend_places(request: Request, body: RecommendRequest) -> dict[str, Any]:
    """The best places for someone's priorities, with the reasons and the trade-offs of each."""
    weights = dict(body.priorities or {})
    opposite = set(body.opposite or [])
    if body.text:
        # Read by meaning too once the index (and its encoder) is loaded; by keywords alone before.
        index = request.app.state.nwd.index
        words = read_priorities(body.text, index.encoder if index is not None else None)
        if words.conflicts:
            raise HTTPException(422, "text: " + conflict_message(words.conflicts, body.lang))
        for key, weight in words.weights.items():
            weights.setdefault(key, weight)
        opposite |= words.opposite
    job = _occupation(request, body.occupation)
    if job is not None and not weights:
        weights = {"unemployment_rate": 1.0}  # work in their field: the job market is the priority
    try:
        found = recommend(_book(request), weights, body.lang, body.provinces, body.top, opposite)
    except CompareError as exc:
        raise HTTPException(422, str(exc)) from None
    extra: dict[str, Any] = {}
    if job is not None:
        extra["occupation"] = occupation_summary(
            job, body.lang, [(r.place.id, r.place.name.get(body.lang), r.place.province) for r in found]
        )
    return {
        **extra,
        "priorities": weights,
        "opposite": sorted(opposite),
        "recommendations": [
            {
                "place": {"id": r.place.id, "name": r.place.name.get(body.lang), "province": r.place.province},
                "score": r.score,
                "reasons": r.reasons,
                "tradeoffs": r.tradeoffs,
                "not_available": r.missing,
            }
            for r in found
        ],
    }


@router.get("/{place_id}")
def get_place(request: Request, place_id: str, lang: Lang = "en") -> dict[str, Any]:
    place = _book(request).get(place_id)
    if place is None:
        raise HTTPException(404, f"place '{place_id}' not found; list them at /api/places")
    return place_card(place, lang)
