"""GET /api/places, /api/places/{id}, /api/places/compare and POST /api/places/recommend."""

from __future__ import annotations

import pytest


def test_list_places_with_not_available_shown(client):
    body = client.get("/api/places").json()
    assert body["count"] >= 45
    place = body["places"][0]
    assert len(place["indicators"]) == 12
    displays = [i["display"] for p in body["places"] for i in p["indicators"].values()]
    assert "not available" in displays
    for p in body["places"]:
        for indicator in p["indicators"].values():
            if indicator["value"] is not None:
                assert indicator["source"]["url"].startswith("https://") and indicator["year"]


def test_one_place_and_not_found(client):
    assert client.get("/api/places/ottawa", params={"lang": "fr"}).json()["name"] == "Ottawa"
    assert client.get("/api/places/atlantis").status_code == 404


def test_compare_two_places(client):
    body = client.get("/api/places/compare", params={"ids": "ottawa,kingston"}).json()
    assert [p["id"] for p in body["places"]] == ["ottawa", "kingston"]
    assert len(body["criteria"]) == 12 and "summary" in body


@pytest.mark.parametrize(
    ("ids", "status", "expected"),
    [
        ("ottawa", 422, "at least 2"),
        ("ottawa,ottawa", 422, "at least 2"),
        ("ottawa,kingston,toronto,hamilton,windsor", 422, "at most 4"),
        ("ottawa,atlantis", 404, "unknown place(s) atlantis"),
        (",".join(["ottawa"] * 20), 422, "at least 2"),
    ],
)
def test_compare_bad_input(client, ids, status, expected):
    response = client.get("/api/places/compare", params={"ids": ids})
    assert response.status_code == status and expected in response.json()["detail"]


def test_recommend_from_words_and_weights(client):
    body = client.post("/api/places/recommend", json={"text": "not too cold, cheap rent", "lang": "en"}).json()
    assert body["priorities"] and body["recommendations"]
    first = body["recommendations"][0]
    assert first["place"]["id"] and isinstance(first["reasons"], list) and isinstance(first["not_available"], list)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({}, "priorities: none given"),
        ({"text": "hello"}, "priorities: none given"),
        ({"priorities": {"sunshine": 1}}, "unknown"),
        ({"priorities": {"rent_2br": 99}}, "between 0 and 10"),
        ({"priorities": {"rent_2br": 1}, "top": 50}, "top: Input should be less than or equal to 10"),
    ],
)
def test_recommend_bad_input(client, payload, expected):
    response = client.post("/api/places/recommend", json=payload)
    assert response.status_code == 422 and expected in str(response.json()["detail"])
