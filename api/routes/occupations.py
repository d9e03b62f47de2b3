"""Occupations: regulated in Ontario or not (and the regulator), Job Bank outlooks by region."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from places.data import PlaceBook
from places.occupations import OccupationBook, occupation_summary
from replies.models import OccupationSummary

router = APIRouter(prefix="/api/occupations", tags=["places"])
Lang = Literal["en", "fr"]


def occupation_book(request: Request) -> OccupationBook:
    book: OccupationBook | None = request.app.state.nwd.occupations
    if book is None:
        raise HTTPException(503, f"the occupation data is not loaded: {request.app.state.nwd.occupations_problem}")
    return book


def place_triples(places: PlaceBook | None, ids: list[str], language: str) -> list[tuple[str, str, str]]:
    if places is None:
        return []
    unknown = [i for i in ids if places.get(i) is None]
    if unknown:
        raise HTTPException(404, f"unknown place id(s) {unknown}; list them at /api/places")
    return [(p.id, p.name.get(language), p.province) for p in (places.get(i) for i in ids) if p is not None]


@router.get("")
def list_occupations(request: Request, lang: Lang = "en") -> dict[str, Any]:
    """Every occupation known here, with its NOC 2021 code and whether Ontario regulates it."""
    book = occupation_book(request)
    return {
        "count": len(book.occupations),
        "occupations": [
            {
                "id": o.id,
                "name": o.name.get(lang),
                "noc_2021": o.noc_2021,
                "regulated_in_ontario": o.regulated_on,
                "regulator": o.regulator.name.get(lang) if o.regulator else None,
                "outlooks": len(o.outlooks),
            }
            for o in sorted(book.occupations.values(), key=lambda o: o.id)
        ],
    }


@router.get("/{occupation_id}")
def get_occupation(
    request: Request,
    occupation_id: str,
    lang: Lang = "en",
    places: Annotated[
        str | None, Query(description="Place ids for regional outlooks, comma-separated.", max_length=300)
    ] = None,
) -> OccupationSummary:
    """One occupation: the regulator to contact in Ontario, and the outlooks (for the given places)."""
    book = occupation_book(request)
    occupation = book.get(occupation_id) or book.find(occupation_id)
    if occupation is None:
        raise HTTPException(404, f"occupation '{occupation_id}' not found; list them at /api/occupations")
    ids = [i.strip() for i in places.split(",") if i.strip()] if places else []
    if len(ids) > 10:
        raise HTTPException(422, "places: at most 10 place ids")
    return occupation_summary(occupation, lang, place_triples(request.app.state.nwd.places, ids, lang) or None)
