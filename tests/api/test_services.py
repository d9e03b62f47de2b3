"""GET /api/services, /api/services/{id}, /api/services/route and the HSDS export."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from services.hsds import validate_organizations


def test_list_and_filter(client):
    everything = client.get("/api/services").json()
    assert everything["count"] >= 50
    card = everything["services"][0]
    assert {"name", "organization", "jurisdiction", "url", "phone", "description", "access"} <= set(card)
    federal = client.get("/api/services", params={"jurisdiction": "federal"}).json()
    assert federal["count"] and {s["jurisdiction"] for s in federal["services"]} == {"federal"}
    sin = client.get("/api/services", params={"need": "sin", "lang": "fr"}).json()
    assert sin["count"] >= 1 and all("sin" in s["needs"] for s in sin["services"])


def test_place_filter_follows_the_region_tree(client):
    ottawa = client.get("/api/services", params={"place": "ON-ottawa"}).json()["services"]
    regions = {r for s in ottawa for r in s["regions"]}
    assert "ON-toronto" not in regions and "ON-ottawa" in regions


def test_one_service_and_not_found(client):
    first = client.get("/api/services").json()["services"][0]
    assert client.get(f"/api/services/{first['id']}", params={"lang": "fr"}).json()["id"] == first["id"]
    missing = client.get("/api/services/no-such-service")
    assert missing.status_code == 404 and "not found" in missing.json()["detail"]


def test_route_explains_itself(client):
    body = client.get("/api/services/route", params={"need": "sin", "place": "ON-ottawa", "lang": "en"}).json()
    assert body["service"]["jurisdiction"] == "federal"
    assert body["explanation"].startswith("The SIN is federal")
    fr = client.get("/api/services/route", params={"need": "sin", "place": "ON-ottawa", "lang": "fr"}).json()
    assert fr["explanation"].startswith("Le NAS est fédéral")


@pytest.mark.parametrize(
    ("params", "status", "expected"),
    [
        ({"need": "unicorn"}, 422, "need: 'unicorn' is unknown; allowed: health-card"),
        ({"need": "sin", "place": "Atlantis"}, 422, "place: 'Atlantis' is unknown; allowed: CA"),
        ({"need": "sin", "status": "tourist"}, 422, "status: 'tourist' is unknown; allowed: citizen"),
        ({"need": "sin", "lang": "de"}, 422, "lang: Input should be 'en' or 'fr'"),
        ({}, 422, "need: Field required"),
    ],
)
def test_route_bad_input(client, params, status, expected):
    response = client.get("/api/services/route", params=params)
    assert response.status_code == status
    assert expected in str(response.json()["detail"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_export_json_is_valid_hsds(client, lang):
    response = client.get("/api/services/export", params={"lang": lang})
    assert response.status_code == 200
    records = json.loads(response.content)
    assert records and validate_organizations(records) == []


def test_export_datapackage_is_a_zip_of_csv_tables(client):
    response = client.get("/api/services/export", params={"format": "datapackage"})
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = set(archive.namelist())
        descriptor = json.loads(archive.read("datapackage.json"))
    assert {"organizations.csv", "services.csv", "attributes.csv", "taxonomy_terms.csv", "datapackage.json"} <= names
    assert descriptor["profile"] == "tabular-data-package"


def test_export_bad_format(client):
    assert client.get("/api/services/export", params={"format": "xml"}).status_code == 422
