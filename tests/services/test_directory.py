"""The service directory: valid HSDS, a lossless export/import, and clear errors for broken files."""

from __future__ import annotations

import pytest

from retrieval.settings import ROOT
from retrieval.yamlio import load_yaml
from services.directory import DirectoryError, build_directory, load_vocabulary
from services.hsds import (
    datapackage_zip,
    export_organizations,
    import_organizations,
    organizations_from_tables,
    tables_from_zip,
    to_tables,
    validate_organizations,
    validate_tables,
)
from services.settings import load_default_directory

VOCAB = load_vocabulary(ROOT / "data" / "services" / "needs.yml", ROOT / "data" / "taxonomy.yml")


@pytest.fixture(scope="module")
def directory():
    return load_default_directory()


def test_directory_loads_and_every_service_has_both_languages(directory):
    assert directory.services
    for entry in directory.entries():
        service = entry.service
        assert service.name.en and service.name.fr and service.description.en and service.description.fr
        assert service.url.en.startswith("https://") and service.source.url.startswith("https://")


def test_service_urls_are_official(directory):
    from urllib.parse import urlparse

    policy = load_yaml((ROOT / "data" / "url-policy.yml").read_text(encoding="utf-8"))["official_domains"]
    outside = [
        f"{directory.origins[e.service.id]}: {url}"
        for e in directory.entries()
        for url in (e.service.url.en, e.service.url.fr)
        if not any(
            (urlparse(url).hostname or "").lower() == d or (urlparse(url).hostname or "").lower().endswith(f".{d}")
            for d in policy
        )
    ]
    assert outside == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_export_is_valid_hsds(directory, language):
    records = export_organizations(directory, language)
    assert len(records) == len(directory.organizations)
    assert validate_organizations(records) == []
    assert validate_tables(to_tables(records)) == []


def test_json_export_then_import_gives_the_same_records(directory):
    english, french = export_organizations(directory, "en"), export_organizations(directory, "fr")
    again = import_organizations(english, french, directory.vocabulary)
    assert again.organizations == directory.organizations
    assert {k: v.service for k, v in again.services.items()} == {k: v.service for k, v in directory.services.items()}


def test_datapackage_export_then_import_gives_the_same_records(directory):
    packages = {lang: datapackage_zip(to_tables(export_organizations(directory, lang)), lang) for lang in ("en", "fr")}
    back = {lang: organizations_from_tables(tables_from_zip(data)) for lang, data in packages.items()}
    assert validate_organizations(back["en"]) == []
    again = import_organizations(back["en"], back["fr"], directory.vocabulary)
    assert {k: v.service for k, v in again.services.items()} == {k: v.service for k, v in directory.services.items()}


def test_a_broken_export_is_caught_by_the_official_schema(directory):
    records = export_organizations(directory, "en")
    records[0]["services"][0]["id"] = 12345
    assert validate_organizations(records)


GOOD_ORG = {
    "organization": {
        "id": "test-org",
        "name": {"en": "Test organization", "fr": "Organisme test"},
        "description": {"en": "For tests only.", "fr": "Pour les tests seulement."},
        "website": "https://example.org",
        "jurisdiction": "community",
    },
    "services": [
        {
            "id": "test-service",
            "name": {"en": "Test service", "fr": "Service test"},
            "description": {"en": "For tests only.", "fr": "Pour les tests seulement."},
            "needs": ["settlement-help"],
            "regions": ["ON-ottawa"],
            "url": {"en": "https://example.org/en", "fr": "https://example.org/fr"},
            "source": {"title": "Example", "url": "https://example.org"},
            "last_verified": "2026-11-24",
        }
    ],
}


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("services", 0, "needs"), ["healthcare"], "services[0].needs: ['healthcare'] not in data/services/needs.yml"),
        (("services", 0, "regions"), ["ON-mars"], "services[0].regions: ['ON-mars'] not in data/taxonomy.yml"),
        (("services", 0, "statuses"), ["tourist"], "services[0].statuses: ['tourist'] not in data/services/needs.yml"),
        (
            ("services", 0, "url"),
            {"en": "http://x.org", "fr": "https://x.org"},
            "services[0].url.en: 'http://x.org' is not an https:// address",
        ),
        (("services", 0, "phone"), "call us!", "services[0].phone"),
        (("organization", "jurisdiction"), "city", "organization.jurisdiction"),
        (("services", 0, "name"), {"en": "Only English"}, "services[0].name.fr: required field is missing"),
    ],
)
def test_broken_records_are_reported_with_file_and_field(path, value, expected):
    import copy

    raw = copy.deepcopy(GOOD_ORG)
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(DirectoryError) as err:
        build_directory([("data/services/community/test-org.yml", raw)], VOCAB)
    assert f"data/services/community/test-org.yml: {expected}" in str(err.value)


def test_duplicate_ids_are_reported():
    with pytest.raises(DirectoryError, match=r"already used by a\.yml"):
        build_directory([("a.yml", GOOD_ORG), ("b.yml", GOOD_ORG)], VOCAB)
