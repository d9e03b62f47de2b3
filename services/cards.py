"""A service as the API and the chat show it."""

from __future__ import annotations

from typing import Any

from services.directory import DirectoryEntry


def service_card(entry: DirectoryEntry, language: str, detailed: bool = False) -> dict[str, Any]:
    """Name, organization, jurisdiction, url, phone, description and how to access; more when `detailed`."""
    service, org = entry.service, entry.organization
    card: dict[str, Any] = {
        "id": service.id,
        "name": service.name.get(language),
        "organization": org.name.get(language),
        "jurisdiction": str(org.jurisdiction),
        "url": service.url.get(language),
        "phone": service.phone,
        "description": service.description.get(language),
        "access": list(service.access),
    }
    if detailed:
        card |= {
            "languages": list(service.languages),
            "regions": list(service.regions),
            "needs": list(service.needs),
            "statuses": list(service.statuses),
            "eligibility": service.eligibility.get(language) if service.eligibility else None,
            "application_process": service.application_process.get(language) if service.application_process else None,
            "required_documents": service.required_documents.get(language) if service.required_documents else [],
            "fees": service.fees.get(language) if service.fees else None,
            "source": {"title": service.source.title, "url": service.source.url},
            "last_verified": service.last_verified.isoformat(),
        }
    return card
