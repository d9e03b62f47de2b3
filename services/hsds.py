"""Export the directory as HSDS 3.0 (JSON and the tabular datapackage), validate, and import it back.

HSDS records are monolingual, so there is one export per official language,
with the same ids in both. What HSDS has no field for (needs, statuses served,
jurisdiction, access, the project's own ids and the source) travels as
`attributes` linked to taxonomy terms of this project's taxonomies
(`nwd-need`, `nwd-status`, ...), so an importer loses nothing.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
import zipfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from services.directory import Directory, Vocabulary, build_directory

SCHEMAS = Path(__file__).resolve().parent / "hsds_schema"
NAMESPACE = uuid.UUID("6f1c2b1e-3c1a-4f0e-9a55-6e6f2d77726f")  # fixed: the same record gets the same id
TABLES = (
    "organization",
    "service",
    "phone",
    "service_area",
    "language",
    "required_document",
    "attribute",
    "taxonomy_term",
)
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "zh": "Chinese", "pa": "Punjabi"}


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


@lru_cache(maxsize=4)
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def _attribute(link_id: str, link_entity: str, taxonomy: str, code: str, value: str | None = None) -> dict[str, Any]:
    term_id = uid("term", taxonomy, code)
    return {
        "id": uid("attribute", link_id, taxonomy, code, value or ""),
        "link_id": link_id,
        "link_type": taxonomy,
        "link_entity": link_entity,
        "taxonomy_term_id": term_id,
        "value": value if value is not None else code,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": code,
            "description": f"{taxonomy} {code}",
            "taxonomy": taxonomy,
        },
    }


def export_organizations(directory: Directory, language: str) -> list[dict[str, Any]]:
    """HSDS organization records (services nested) in one language."""
    by_org: dict[str, list] = defaultdict(list)
    for entry in directory.entries():
        by_org[entry.organization.id].append(entry.service)
    records = []
    for org_id, org in sorted(directory.organizations.items()):
        org_uuid = uid("organization", org_id)
        services = []
        for service in sorted(by_org[org_id], key=lambda s: s.id):
            sid = uid("service", service.id)
            attributes = [
                _attribute(sid, "service", "nwd-id", "id", service.id),
                _attribute(sid, "service", "nwd-source-title", "source-title", service.source.title),
                _attribute(sid, "service", "nwd-source-url", "source-url", service.source.url),
                *(_attribute(sid, "service", "nwd-need", n) for n in service.needs),
                *(_attribute(sid, "service", "nwd-status", s) for s in service.statuses),
                *(_attribute(sid, "service", "nwd-access", a) for a in service.access),
            ]
            record: dict[str, Any] = {
                "id": sid,
                "organization_id": org_uuid,
                "name": service.name.get(language),
                "description": service.description.get(language),
                "url": service.url.get(language),
                "status": "active",
                "assured_date": service.last_verified.isoformat(),
                "phones": [{"id": uid("phone", service.id), "service_id": sid, "number": service.phone}]
                if service.phone
                else [],
                "service_areas": [
                    {
                        "id": uid("area", service.id, r),
                        "service_id": sid,
                        "name": directory.vocabulary.taxonomy.regions[r].in_language(language),
                        "extent": r,
                        "extent_type": "other",
                    }
                    for r in service.regions
                ],
                "languages": [
                    {
                        "id": uid("language", service.id, c),
                        "service_id": sid,
                        "code": c,
                        "name": LANGUAGE_NAMES.get(c, c),
                    }
                    for c in service.languages
                ],
                "required_documents": [
                    {"id": uid("document", service.id, language, str(n)), "service_id": sid, "document": d}
                    for n, d in enumerate(
                        service.required_documents.get(language) if service.required_documents else []
                    )
                ],
                "attributes": attributes,
            }
            for field, value in (
                ("eligibility_description", service.eligibility),
                ("application_process", service.application_process),
                ("fees_description", service.fees),
            ):
                if value is not None:
                    record[field] = value.get(language)
            services.append(record)
        records.append(
            {
                "id": org_uuid,
                "name": org.name.get(language),
                "description": org.description.get(language),
                "website": org.website,
                "attributes": [
                    _attribute(org_uuid, "organization", "nwd-id", "id", org.id),
                    _attribute(org_uuid, "organization", "nwd-jurisdiction", str(org.jurisdiction)),
                ],
                "services": services,
            }
        )
    return records


def validate_organizations(records: list[dict[str, Any]]) -> list[str]:
    """Problems found by the official HSDS organization schema (empty when valid)."""
    validator = jsonschema.Draft202012Validator(schema("organization"), format_checker=jsonschema.FormatChecker())
    problems = []
    for record in records:
        for error in validator.iter_errors(record):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(f"organization {record.get('name')!r} {where}: {error.message}")
    return problems


def _attrs(record: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for attribute in record.get("attributes") or []:
        found[attribute["link_type"]].append(attribute["value"])
    return found


def import_organizations(
    english: list[dict[str, Any]], french: list[dict[str, Any]], vocabulary: Vocabulary
) -> Directory:
    """Rebuild the bilingual directory from the English and French HSDS exports."""
    fr_orgs = {o["id"]: o for o in french}
    fr_services = {s["id"]: s for o in french for s in o.get("services") or []}
    records = []
    for org in english:
        fr_org = fr_orgs[org["id"]]
        attrs = _attrs(org)
        services = []
        for service in org.get("services") or []:
            fr = fr_services[service["id"]]
            sattrs = _attrs(service)
            item: dict[str, Any] = {
                "id": sattrs["nwd-id"][0],
                "name": {"en": service["name"], "fr": fr["name"]},
                "description": {"en": service["description"], "fr": fr["description"]},
                "needs": sattrs["nwd-need"],
                "regions": [a["extent"] for a in service.get("service_areas") or []],
                "statuses": sattrs.get("nwd-status", []),
                "languages": [lang["code"] for lang in service.get("languages") or []],
                "access": sattrs.get("nwd-access", []),
                "url": {"en": service["url"], "fr": fr["url"]},
                "source": {"title": sattrs["nwd-source-title"][0], "url": sattrs["nwd-source-url"][0]},
                "last_verified": service["assured_date"],
            }
            if service.get("phones"):
                item["phone"] = service["phones"][0]["number"]
            for ours, theirs in (
                ("eligibility", "eligibility_description"),
                ("application_process", "application_process"),
                ("fees", "fees_description"),
            ):
                if service.get(theirs) is not None:
                    item[ours] = {"en": service[theirs], "fr": fr[theirs]}
            if service.get("required_documents") or fr.get("required_documents"):
                item["required_documents"] = {
                    "en": [d["document"] for d in service.get("required_documents") or []],
                    "fr": [d["document"] for d in fr.get("required_documents") or []],
                }
            services.append(item)
        records.append(
            (
                f"hsds:{org['id']}",
                {
                    "organization": {
                        "id": attrs["nwd-id"][0],
                        "name": {"en": org["name"], "fr": fr_org["name"]},
                        "description": {"en": org["description"], "fr": fr_org["description"]},
                        "website": org["website"],
                        "jurisdiction": attrs["nwd-jurisdiction"][0],
                    },
                    "services": services,
                },
            )
        )
    return build_directory(records, vocabulary)


# --- the tabular datapackage -------------------------------------------------


def to_tables(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Flatten nested organization records into HSDS tables (one list of rows per table)."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    terms: dict[str, dict[str, Any]] = {}

    def scalars(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if not isinstance(v, list | dict)}

    def attributes(items: list[dict[str, Any]]) -> None:
        for attribute in items:
            terms[attribute["taxonomy_term"]["id"]] = attribute["taxonomy_term"]
            tables["attribute"].append(scalars(attribute))

    for org in records:
        tables["organization"].append(scalars(org))
        attributes(org.get("attributes") or [])
        for service in org.get("services") or []:
            tables["service"].append(scalars(service))
            for table, key in (
                ("phone", "phones"),
                ("service_area", "service_areas"),
                ("language", "languages"),
                ("required_document", "required_documents"),
            ):
                tables[table].extend(scalars(row) for row in service.get(key) or [])
            attributes(service.get("attributes") or [])
    tables["taxonomy_term"] = list(terms.values())
    return tables


def validate_tables(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema("tabular"), format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(tables)]


def datapackage_zip(tables: dict[str, list[dict[str, Any]]], language: str) -> bytes:
    """The tables as CSV files plus a datapackage.json descriptor, zipped."""
    tabular = schema("tabular")["properties"]
    buffer = io.BytesIO()
    resources = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            spec = tabular[table]["items"]
            columns = [c for c, p in spec["properties"].items() if p.get("type") not in ("array", "object")]
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(tables[table])
            archive.writestr(spec["path"], out.getvalue())
            resources.append(
                {
                    "name": f"{table}s" if not table.endswith("s") else table,
                    "path": spec["path"],
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "schema": {
                        "fields": [{"name": c, "type": spec["properties"][c].get("type", "string")} for c in columns]
                    },
                }
            )
        descriptor = {
            "name": f"no-wrong-door-services-{language}",
            "title": "No Wrong Door service directory (HSDS 3.0)",
            "profile": "tabular-data-package",
            "language": language,
            "resources": resources,
        }
        archive.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def tables_from_zip(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """Read the CSV tables back (empty cells dropped, as an HSDS importer would)."""
    tabular = schema("tabular")["properties"]
    tables: dict[str, list[dict[str, Any]]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for table in TABLES:
            spec = tabular[table]["items"]
            reader = csv.DictReader(io.StringIO(archive.read(spec["path"]).decode("utf-8")))
            rows = []
            for row in reader:
                typed: dict[str, Any] = {}
                for key, value in row.items():
                    if value == "":
                        continue
                    kind = spec["properties"].get(key, {}).get("type")
                    typed[key] = int(value) if kind == "integer" else float(value) if kind == "number" else value
                rows.append(typed)
            tables[table] = rows
    return tables


def organizations_from_tables(tables: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Nest the tables back into organization records (the inverse of to_tables)."""
    terms = {t["id"]: t for t in tables["taxonomy_term"]}

    def attributes_of(link_id: str) -> list[dict[str, Any]]:
        return [
            {**a, "taxonomy_term": terms[a["taxonomy_term_id"]]} for a in tables["attribute"] if a["link_id"] == link_id
        ]

    def children(table: str, service_id: str) -> list[dict[str, Any]]:
        return [row for row in tables[table] if row.get("service_id") == service_id]

    organizations = []
    for org in tables["organization"]:
        services = []
        for service in tables["service"]:
            if service["organization_id"] != org["id"]:
                continue
            services.append(
                {
                    **service,
                    "phones": children("phone", service["id"]),
                    "service_areas": children("service_area", service["id"]),
                    "languages": children("language", service["id"]),
                    "required_documents": children("required_document", service["id"]),
                    "attributes": attributes_of(service["id"]),
                }
            )
        organizations.append({**org, "attributes": attributes_of(org["id"]), "services": services})
    return organizations
