"""The real rasa + actions + api, conversing in both languages, surviving a restart."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e import MODEL_DIR, running_stack

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not any(MODEL_DIR.glob("*.tar.gz")):
        pytest.fail("no trained dialogue model in models/dialogue: run `make test` (it trains one when stale)")
    with running_stack(tmp_path_factory.mktemp("stack")) as running:
        yield running


def say(stack, message: str, session_id: str | None = None, **extra) -> dict:
    response = httpx.post(
        f"{stack.api}/api/chat", json={"message": message, "session_id": session_id, **extra}, timeout=60
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_greeting_carries_the_privacy_notice_in_each_language(stack):
    en = say(stack, "hello", lang="en")
    assert en["language"] == "en" and "UCI" in en["messages"][0]["text"] and "SIN" in en["messages"][0]["text"]
    fr = say(stack, "bonjour", lang="fr")
    assert fr["language"] == "fr" and "IUC" in fr["messages"][0]["text"] and "NAS" in fr["messages"][0]["text"]
    assert en["session_id"] != fr["session_id"]


def test_question_answered_from_the_index_with_sources_and_feedback(stack):
    reply = say(stack, "what is a social insurance number and how do I get one?")
    answer = next(m for m in reply["messages"] if m["type"] == "answer")
    # The reply says how to get one, in English, before its source.
    assert "A Social Insurance Number (SIN) is a 9-digit number" in own_text(answer)
    assert "Online: upload copies of three documents" in own_text(answer)
    assert answer["sources"][0]["url"].startswith("https://")
    assert answer["sources"][0]["jurisdiction"] == "federal"
    assert "Level of government responsible: federal" in answer["text"]
    assert [b["payload"] for b in answer["buttons"]] == ['/feedback{"helpful": "yes"}', '/feedback{"helpful": "no"}']
    thanks = say(stack, answer["buttons"][0]["payload"], reply["session_id"])
    assert "feedback" in thanks["messages"][0]["text"].lower()


def test_french_question_gets_french_answer(stack):
    reply = say(stack, "c'est quoi le numéro d'assurance sociale et comment on l'obtient?")
    assert reply["language"] == "fr"
    answer = next(m for m in reply["messages"] if m["type"] == "answer")
    assert "Le numéro d'assurance sociale (NAS) est un numéro de 9 chiffres" in own_text(answer)
    assert answer["sources"][0]["language"] == "fr" and "Ordre de gouvernement responsable : fédéral" in answer["text"]


def test_place_is_remembered_for_later_questions(stack):
    first = say(stack, "I live in Ottawa")
    assert "Ottawa" in first["messages"][0]["text"]
    reply = say(stack, "where do I get a library card?", first["session_id"])
    message = reply["messages"][0]
    assert message["type"] in ("answer", "services")
    # Either way the reply itself names where to go: Ottawa's own library.
    assert "Ottawa Public Library" in own_text(message)
    urls = [s["url"] for s in message.get("sources", []) + message.get("services", [])]
    assert "ottawa" in urls[0].lower(), message


def test_switching_language(stack):
    first = say(stack, "hello")
    switched = say(stack, "en français svp", first["session_id"])
    assert switched["language"] == "fr"
    assert "français" in switched["messages"][0]["text"]


def test_other_language_gets_a_bilingual_pointer_to_211(stack):
    reply = say(stack, "¿Dónde puedo obtener una tarjeta de salud en Ontario?")
    text = reply["messages"][0]["text"]
    assert "211" in text and "English" in text and "français" in text


def test_own_file_is_never_guessed(stack):
    reply = say(stack, "will my PR application be approved?")
    text = reply["messages"][0]["text"]
    assert "only Immigration, Refugees and Citizenship Canada (IRCC) decides" in text
    assert "authorized representative" in text


def test_handoff_marks_the_conversation(stack):
    first = say(stack, "I live in Hamilton")
    reply = say(stack, "can I talk to a real person please", first["session_id"])
    handoff = reply["messages"][0]
    assert handoff["type"] == "handoff" and "211" in handoff["text"]
    tracker = httpx.get(
        f"http://127.0.0.1:{stack.ports['rasa']}/conversations/{first['session_id']}/tracker",
        params={"token": "nwd-local-rasa-token", "include_events": "NONE"},
    ).json()
    assert tracker["slots"]["handoff_requested"] is True


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"message": ""}, 422),
        ({"message": "x" * 10000}, 422),
        ({"message": "hi\x00\x07"}, 422),
        ({"message": "hi", "session_id": "forged.session"}, 404),
        ({"message": "hi", "session_id": "A" * 24 + "." + "B" * 22}, 404),
        ({"message": "hi", "lang": "es"}, 422),
        ({"text": "hi"}, 422),
    ],
)
def test_bad_input_gets_a_clear_4xx(stack, body, status):
    response = httpx.post(f"{stack.api}/api/chat", json=body, timeout=30)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_non_json_body_is_422(stack):
    response = httpx.post(
        f"{stack.api}/api/chat", content=b"\xff\xfenot json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422 and response.json()["detail"]


def test_conversation_survives_a_rasa_restart_and_outage_is_a_quick_503(stack):
    first = say(stack, "je veux parler français")
    session = first["session_id"]
    assert first["language"] == "fr"
    stack.stop("rasa")
    down = httpx.post(f"{stack.api}/api/chat", json={"message": "bonjour", "session_id": session}, timeout=30)
    assert down.status_code == 503 and "unavailable" in down.json()["detail"]
    assert down.elapsed.total_seconds() < 5
    stack.start_rasa()
    again = say(stack, "ok", session)
    assert again["language"] == "fr"  # the language slot came back from the SQLite tracker store


def test_action_server_down_is_a_quick_503(stack):
    stack.stop("actions")
    try:
        response = httpx.post(f"{stack.api}/api/chat", json={"message": "how do I get a health card"}, timeout=30)
        assert response.status_code == 503
        assert "action server" in response.json()["detail"]
        assert response.elapsed.total_seconds() < 5
    finally:
        stack.start_actions()


def test_find_service_names_the_provincial_service_first_then_keeps_it_for_the_place(stack):
    first = say(stack, "where do I apply for a health card?")
    services = first["messages"][0]
    # Health cards are the province's: the service is named at once, and the city is asked for a local office.
    assert services["type"] == "services"
    assert services["services"][0]["jurisdiction"] == "provincial"
    assert services["text"].startswith("Health cards are provincial")
    assert "city or town" in services["text"]
    reply = say(stack, "I live in Kingston", first["session_id"])
    again = reply["messages"][0]
    assert again["type"] == "services"
    assert again["services"][0]["name"] == services["services"][0]["name"]
    assert "city or town" not in again["text"]


def test_compare_places_in_french_then_follow_up(stack):
    first = say(stack, "compare Ottawa et Sudbury", lang="fr")
    comparison = first["messages"][0]
    assert comparison["type"] == "comparison"
    assert [p["id"] for p in comparison["comparison"]["places"]] == ["ottawa", "sudbury"]
    assert comparison["text"].startswith("Comparaison de Ottawa / Grand Sudbury :")
    assert (
        "- Loyer moyen, 2 chambres : Ottawa 1\u202f916\u00a0$ par mois (2025); Grand Sudbury 1\u202f555\u00a0$ par mois (2025)"
        in comparison["text"].splitlines()
    )
    follow = say(stack, "Kingston", first["session_id"])
    assert [p["id"] for p in follow["messages"][0]["comparison"]["places"]] == ["ottawa", "sudbury", "kingston"]


def test_recommend_from_an_occupation_in_each_language(stack):
    english = say(stack, "I'm a nurse, which city should I move to?", lang="en")["messages"][0]
    assert english["type"] == "comparison"
    assert english["comparison"]["occupation"]["id"] == "registered-nurse"
    assert len(english["comparison"]["places"]) == 3 and "College of Nurses of Ontario" in english["text"]
    french = say(stack, "je suis ingénieur mécanique, où devrais-je m'installer pour un loyer abordable?", lang="fr")
    message = french["messages"][0]
    assert french["language"] == "fr" and message["type"] == "comparison"
    assert "rent_2br" in message["comparison"]["priorities"]
    assert message["comparison"]["occupation"]["id"] == "mechanical-engineer"
    assert "Ordre des ingénieurs de l'Ontario" in message["text"]


def test_compare_in_english_and_recommend_from_priorities_in_each_language(stack):
    compared = say(stack, "compare Halifax and Moncton", lang="en")["messages"][0]
    assert compared["type"] == "comparison"
    assert [p["id"] for p in compared["comparison"]["places"]] == ["halifax", "moncton"]
    assert compared["text"].startswith("Comparing Halifax / Moncton:") and "Share of immigrants" in compared["text"]
    english = say(stack, "where should I live if I want cheap rent and French?", lang="en")["messages"][0]
    assert english["type"] == "comparison" and len(english["comparison"]["places"]) == 3
    assert set(english["comparison"]["priorities"]) >= {"rent_2br", "french_speakers_share"}
    assert english["text"].startswith("Places that match your priorities best")
    french = say(stack, "où devrais-je vivre? je veux un loyer abordable et pas trop froid", lang="fr")
    message = french["messages"][0]
    assert french["language"] == "fr" and message["type"] == "comparison"
    assert set(message["comparison"]["priorities"]) == {"rent_2br", "january_mean_temp"}
    assert message["text"].startswith("Les endroits qui répondent le mieux à vos priorités")


def test_contradictory_priorities_and_too_many_places_get_a_clear_question(stack):
    conflict = say(stack, "where should I live? somewhere warm, but I love the cold", lang="en")["messages"][0]
    assert conflict["type"] == "choices" and conflict["text"].startswith("You asked for both milder winters")
    answer = say(stack, conflict["buttons"][1]["payload"], lang="en")["messages"][0]
    assert answer["type"] == "comparison" and answer["comparison"]["opposite"] == ["january_mean_temp"]
    many = say(stack, "compare Ottawa, Toronto, Kingston, Hamilton, Windsor, London, Sudbury and Timmins", lang="fr")[
        "messages"
    ][0]
    assert many["text"].startswith("Je peux comparer jusqu'à 4 endroits à la fois, et vous en avez nommé 8")


def own_text(message: dict) -> str:
    """A reply's own words: without its source and level-of-government lines."""
    skip = ("Source", "Level of government", "Ordre de gouvernement", "Offered by", "Offert par")
    return "\n".join(line for line in message["text"].splitlines() if not line.startswith(skip))


def test_the_reply_states_the_fact_asked_not_the_opening_of_a_passage(stack):
    reply = say(stack, "how many days do I need to be physically present in Canada to apply for citizenship")
    answer = next(m for m in reply["messages"] if m["type"] == "answer")
    assert "1,095" in own_text(answer)
    assert not own_text(answer).rstrip().endswith(":")


def test_an_emergency_gets_911_not_a_service_about_numbers(stack):
    reply = say(stack, "what number do I call in an emergency")
    message = reply["messages"][0]
    assert message["type"] == "answer"
    assert "911" in own_text(message)
    assert "Social Insurance" not in message["text"]


def test_a_short_french_command_is_answered_in_french(stack):
    reply = say(stack, "comparer Kingston et London")
    assert reply["language"] == "fr"
    table = next(m for m in reply["messages"] if m["type"] == "comparison")
    assert table["text"].startswith("Comparaison de")


def test_a_comparison_on_one_criterion_answers_that_criterion_first(stack):
    reply = say(stack, "Is Thunder Bay colder than Sudbury?")
    table = next(m for m in reply["messages"] if m["type"] == "comparison")
    first = table["text"].splitlines()[0]
    assert first.startswith("January mean temperature") and "Thunder Bay" in first and "Sudbury" in first
    assert table["comparison"]["criteria"][0]["criterion"] == "january_mean_temp"


def test_a_province_wide_service_is_named_before_asking_the_city(stack):
    reply = say(stack, "my landlord wants to evict me")
    message = reply["messages"][0]
    # The tribunal serves all of Ontario: it is named in the first reply, before any question about the city.
    assert "Landlord and Tenant Board" in message["text"]
    assert "which city" not in message["text"].lower()
