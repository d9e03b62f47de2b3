"""GET /api/places, /api/places/{id}, /api/places/compare and POST /api/places/recommend."""

from __future__ import annotations

import pytest


def test_list_places_with_not_available_shown(client):
    body = client.get("/api/places").json()
    assert body["count"] >= 45
    place = body["places"][0]
    assert len(place["indicators"]) == 13
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
    assert len(body["criteria"]) == 13 and "summary" in body


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


def test_occupations_list_and_one_with_regional_outlooks(client):
    body = client.get("/api/occupations").json()
    assert body["count"] >= 30
    assert {"id", "name", "noc_2021", "regulated_in_ontario", "regulator"} <= set(body["occupations"][0])
    one = client.get("/api/occupations/personal-support-worker", params={"places": "toronto,calgary"}).json()
    assert [o["outlook"] for o in one["outlooks"]] == ["very good", None]
    french = client.get("/api/occupations/infirmière", params={"lang": "fr"}).json()
    assert french["id"] == "registered-nurse" and "réglementée" in french["text"]


@pytest.mark.parametrize(
    ("path", "params", "status", "expected"),
    [
        ("/api/occupations/astronaut", {}, 404, "not found"),
        ("/api/occupations/registered-nurse", {"places": "atlantis"}, 404, "unknown place"),
        ("/api/occupations/registered-nurse", {"places": ",".join(["ottawa"] * 11)}, 422, "at most 10"),
        ("/api/places/compare", {"ids": "ottawa,toronto", "occupation": "astronaut"}, 422, "not one this assistant"),
    ],
)
def test_occupation_bad_input(client, path, params, status, expected):
    response = client.get(path, params=params)
    assert response.status_code == status
    assert expected in response.json()["detail"]


def test_compare_and_recommend_with_an_occupation(client):
    compared = client.get(
        "/api/places/compare", params={"ids": "toronto,ottawa", "occupation": "mechanical engineer"}
    ).json()
    assert compared["occupation"]["id"] == "mechanical-engineer"
    assert [o["region"] for o in compared["occupation"]["outlooks"]] == ["Toronto", "Ottawa"]
    recommended = client.post("/api/places/recommend", json={"occupation": "nurse", "lang": "fr"}).json()
    assert recommended["priorities"] == {"unemployment_rate": 1.0}  # the job market, when nothing else is said
    assert recommended["occupation"]["id"] == "registered-nurse"
    assert len(recommended["occupation"]["outlooks"]) == len(recommended["recommendations"])
    bad = client.post("/api/places/recommend", json={"occupation": "astronaut", "text": "cheap rent"})
    assert bad.status_code == 422 and "occupation" in bad.json()["detail"]


def test_recommend_contradictory_words_say_which_ones(client):
    response = client.post("/api/places/recommend", json={"text": "lots of snow but no snow", "lang": "fr"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("text: Vous demandez à la fois moins de neige et plus de neige")


def test_recommend_the_other_way_round(client):
    body = client.post("/api/places/recommend", json={"text": "I love the cold", "top": 10}).json()
    assert body["opposite"] == ["january_mean_temp"]
    temps = [
        client.get(f"/api/places/{r['place']['id']}").json()["indicators"]["january_mean_temp"]["value"]
        for r in body["recommendations"]
    ]
    assert temps == sorted(temps)  # coldest first
    bad = client.post("/api/places/recommend", json={"priorities": {"rent_2br": 1}, "opposite": ["public_transit"]})
    assert bad.status_code == 422 and "no direction" in bad.json()["detail"]


def test_french_figures_and_labels_through_the_api(client):
    """The API shows what the chat shows: "1 763 $ par mois", "5,5 %", translated capitalised labels, "oui"."""
    body = client.get("/api/places/compare", params={"ids": "ottawa,kingston", "lang": "fr"}).json()
    rows = {row["criterion"]: row for row in body["criteria"]}
    assert rows["fls_designated"]["label"] == "Région désignée en vertu de la Loi sur les services en français"
    assert rows["fls_designated"]["values"][0]["display"] == "oui"
    rent = [cell["display"] for cell in rows["rent_2br"]["values"]]
    assert all(d.endswith("\u00a0$ par mois") and "\u202f" in d for d in rent), rent
    jobs = [cell["display"] for cell in rows["unemployment_rate"]["values"] if cell["value"] is not None]
    assert jobs and all(d.endswith("\u00a0%") and "." not in d for d in jobs), jobs
    shown = [body["summary"], *(c["display"] for row in body["criteria"] for c in row["values"])]
    assert not [t for t in shown if "CAD" in t or "per month" in t]  # the raw "unit" field stays a code
    recommended = client.post("/api/places/recommend", json={"text": "services en français", "lang": "fr"}).json()
    reasons = [r for place in recommended["recommendations"] for r in place["reasons"]]
    assert "région désignée en vertu de la Loi sur les services en français : oui" in reasons, reasons
