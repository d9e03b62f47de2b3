"""GET /api/search, /healthz, /api/content/stats and /docs, including every kind of bad input."""

from __future__ import annotations

import pytest


def test_search_returns_the_contract_fields(client):
    response = client.get("/api/search", params={"q": "how do I get a SIN", "lang": "en", "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "how do I get a SIN" and body["language"] == "en" and not body["language_fallback"]
    assert 1 <= len(body["results"]) <= 3
    first = body["results"][0]
    assert set(first) == {
        "id",
        "title",
        "text",
        "url",
        "language",
        "jurisdiction",
        "owner",
        "topic",
        "last_reviewed",
        "score",
    }
    assert first["id"] == "sin.en" and first["jurisdiction"] == "federal"


def test_language_is_detected_when_not_given(client):
    body = client.get("/api/search", params={"q": "où demander ma carte de bibliothèque à Ottawa"}).json()
    assert body["language"] == "fr"
    assert body["results"][0]["language"] == "fr"


def test_filters_pass_through(client):
    body = client.get("/api/search", params={"q": "library card", "lang": "en", "region": "ON-ottawa", "k": 10}).json()
    assert "toronto-library.en" not in [r["id"] for r in body["results"]]
    body = client.get("/api/search", params={"q": "card", "lang": "en", "jurisdiction": "municipal"}).json()
    assert body["results"] and {r["jurisdiction"] for r in body["results"]} == {"municipal"}


def test_language_fallback_is_flagged(client):
    body = client.get(
        "/api/search", params={"q": "autobus", "lang": "fr", "region": "ON-ottawa", "topic": "transportation"}
    ).json()
    assert body["language_fallback"] is True and body["language"] == "en"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": ""}, "q: the query is empty"),
        ({"q": "   "}, "q: the query is empty"),
        ({}, "q: the query is empty"),
        ({"q": "x" * 501}, "the limit is 500"),
        ({"q": "x" * 6000}, "q: String should have at most 5000 characters"),
        ({"q": "card", "k": 0}, "k: Input should be greater than or equal to 1"),
        ({"q": "card", "k": 21}, "k: Input should be less than or equal to 20"),
        ({"q": "card", "k": "ten"}, "k: Input should be a valid integer"),
        ({"q": "card", "lang": "es"}, "lang: Input should be 'en' or 'fr'"),
        (
            {"q": "card", "jurisdiction": "city"},
            "jurisdiction: Input should be 'federal', 'provincial', 'municipal' or 'community'",
        ),
        ({"q": "card", "audience": "all"}, "audience: Input should be 'prospective', 'landed' or 'both'"),
        ({"q": "card", "region": "ON-mars"}, "region: 'ON-mars' is unknown; allowed: CA, ON"),
        ({"q": "card", "topic": "healthcare"}, "topic: 'healthcare' is unknown; allowed: immigration-programs"),
        ({"q": "card\x00\x01"}, "control or binary characters"),
    ],
)
def test_bad_input_gets_422_naming_what_is_allowed(client, params, expected):
    response = client.get("/api/search", params=params)
    assert response.status_code == 422, response.text
    assert expected in str(response.json()["detail"])


def test_healthz_ready(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_not_ready_is_503_with_the_reason(unready_client):
    health = unready_client.get("/healthz")
    assert health.status_code == 503 and "build it with" in health.json()["parts"]["search_index"]
    search = unready_client.get("/api/search", params={"q": "card"})
    assert search.status_code == 503 and "not ready" in search.json()["detail"]
    assert unready_client.get("/api/content/stats").status_code == 503


def test_content_stats(client):
    stats = client.get("/api/content/stats").json()
    assert stats["items"] == sum(stats["by_language"].values())
    assert set(stats["by_language"]) == {"en", "fr"}
    for key in (
        "by_jurisdiction",
        "by_topic",
        "by_owner",
        "by_portal",
        "past_review_by",
        "coverage",
        "municipalities_covered",
    ):
        assert key in stats
    assert stats["municipalities_covered"].keys() == {"ON-hamilton", "ON-ottawa", "ON-toronto"}
    assert stats["index"]["encoder"] == "e5-small"
    assert stats["missing_translations"] == [
        "ottawa-transit: no 'fr' version (have " + stats["missing_translations"][0].split("(have ")[1]
    ]


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/content/stats", "/healthz"} <= set(spec["paths"])


def test_unknown_route_is_404(client):
    assert client.get("/api/nothing").status_code == 404
