"""A service as the API and the chat show it."""

from __future__ import annotations

from replies.models import Link, ServiceCard, ServiceDetail
from services.directory import DirectoryEntry


def service_card(entry: DirectoryEntry, language: str) -> ServiceCard:
    """Name, organization, jurisdiction, url, phone, description and how to access it."""
    service, org = entry.service, entry.organization
    return ServiceCard(
        id=service.id,
        name=service.name.get(language),
        organization=org.name.get(language),
        jurisdiction=entry.jurisdiction,  # type: ignore[arg-type]  # checked by the model
        url=service.url.get(language),
        phone=service.phone,
        description=service.description.get(language),
        access=list(service.access),
    )


def service_detail(entry: DirectoryEntry, language: str) -> ServiceDetail:
    """The card, with languages, regions, needs, statuses, eligibility, how to apply, fees and the source."""
    service = entry.service
    return ServiceDetail(
        **service_card(entry, language).model_dump(),
        languages=list(service.languages),
        regions=list(service.regions),
        needs=list(service.needs),
        statuses=list(service.statuses),
        eligibility=service.eligibility.get(language) if service.eligibility else None,
        application_process=service.application_process.get(language) if service.application_process else None,
        required_documents=service.required_documents.get(language) if service.required_documents else [],
        fees=service.fees.get(language) if service.fees else None,
        source=Link(title=service.source.title, url=service.source.url),
        last_verified=service.last_verified.isoformat(),
    )
