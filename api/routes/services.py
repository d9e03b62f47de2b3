"""The service directory: list, one service, routing a need, and the HSDS export."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from replies.models import ServiceDetail
from services.cards import service_detail
from services.directory import Directory, DirectoryEntry
from services.hsds import datapackage_zip, export_organizations, to_tables
from services.router import RouteRequest, RoutingError, ServiceRouter

router = APIRouter(prefix="/api/services", tags=["services"])
Lang = Literal["en", "fr"]


def _directory(request: Request) -> Directory:
    directory: Directory | None = request.app.state.nwd.directory
    if directory is None:
        raise HTTPException(503, f"the service directory is not loaded: {request.app.state.nwd.directory_problem}")
    return directory


def card(entry: DirectoryEntry, language: str) -> ServiceDetail:
    return service_detail(entry, language)


def _check_codes(directory: Directory, need: str | None, region: str | None, status: str | None) -> None:
    vocab = directory.vocabulary
    if need is not None and need not in vocab.needs:
        raise HTTPException(422, f"need: '{need}' is unknown; allowed: {', '.join(vocab.needs)}")
    if region is not None and region not in vocab.taxonomy.regions:
        raise HTTPException(422, f"place: '{region}' is unknown; allowed: {', '.join(vocab.taxonomy.regions)}")
    if status is not None and status not in vocab.statuses:
        raise HTTPException(422, f"status: '{status}' is unknown; allowed: {', '.join(vocab.statuses)}")


@router.get("")
def list_services(
    request: Request,
    need: Annotated[str | None, Query(max_length=60, description="A need code, e.g. health-card.")] = None,
    place: Annotated[str | None, Query(max_length=40, description="A region code; services covering it.")] = None,
    jurisdiction: Literal["federal", "provincial", "municipal", "community"] | None = None,
    status: Annotated[str | None, Query(max_length=40)] = None,
    lang: Lang = "en",
) -> dict[str, Any]:
    """Services, filtered by need, place (region tree), jurisdiction and the status served."""
    directory = _directory(request)
    _check_codes(directory, need, place, status)
    chain = set(directory.vocabulary.taxonomy.region_ancestors(place)) if place else None
    results = [
        card(e, lang)
        for e in directory.entries()
        if (need is None or need in e.service.needs)
        and (jurisdiction is None or e.jurisdiction == jurisdiction)
        and (chain is None or chain.intersection(e.service.regions))
        and (status is None or not e.service.statuses or status in e.service.statuses)
    ]
    return {"count": len(results), "services": results}


@router.get("/route")
def route(
    request: Request,
    need: Annotated[str, Query(max_length=60, description="A need code, e.g. health-card.")],
    place: Annotated[str | None, Query(max_length=40, description="A region code, e.g. ON-ottawa.")] = None,
    lang: Lang = "en",
    status: Annotated[str | None, Query(max_length=40, description="An immigration status code.")] = None,
) -> dict[str, Any]:
    """The right service for a need, resolved by place, status and language, with the reason."""
    directory = _directory(request)
    try:
        found = ServiceRouter(directory).route(RouteRequest(need, place, status, lang))
    except RoutingError as exc:
        raise HTTPException(422, str(exc)) from None
    if found is None:
        raise HTTPException(404, f"no service in the directory meets '{need}' for this place and status")
    return {
        "need": need,
        "service": card(found.entry, lang),
        "explanation": found.explanation,
        "alternatives": [card(e, lang) for e in found.alternatives],
    }


@router.get("/export")
def export(request: Request, lang: Lang = "en", format: Literal["json", "datapackage"] = "json") -> Response:
    """The whole directory as HSDS 3.0: JSON organizations with nested services, or the tabular datapackage (zip)."""
    records = export_organizations(_directory(request), lang)
    if format == "datapackage":
        return Response(
            datapackage_zip(to_tables(records), lang),
            media_type="application/zip",
            headers={"Content-Disposition": f'attachment; filename="nwd-services-hsds-{lang}.zip"'},
        )
    return Response(json.dumps(records, ensure_ascii=False), media_type="application/json")


@router.get("/{service_id}")
def get_service(request: Request, service_id: str, lang: Lang = "en") -> ServiceDetail:
    directory = _directory(request)
    entry = directory.services.get(service_id)
    if entry is None:
        raise HTTPException(404, f"service '{service_id}' not found; list them at /api/services")
    return card(entry, lang)
