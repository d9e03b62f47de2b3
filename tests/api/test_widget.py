"""The widget's files, demo pages, full-page mode at / and CORS, without a browser."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.deps import get_api_settings, get_privacy_settings
from api.main import create_app
from api.settings import ApiSettings
from api.state import AppState
from privacy.settings import PrivacySettings

# Not the defaults (180 days, 2,000 characters): what the widget is given must come from the settings.
PRIVACY = PrivacySettings(retention_days=45, retention_enabled=False)
API = ApiSettings(require_dialogue=False, environment="development", max_message_chars=1500)


def app_with(settings: ApiSettings, privacy: PrivacySettings = PRIVACY) -> TestClient:
    app = create_app(AppState(problem="not needed here"), settings)
    app.dependency_overrides[get_api_settings] = lambda: settings
    app.dependency_overrides[get_privacy_settings] = lambda: privacy
    return TestClient(app)


@pytest.fixture(scope="module")
def client() -> TestClient:
    with app_with(API) as c:
        yield c


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/widget/nwd.js", "text/javascript"),
        ("/widget/nwd.css", "text/css"),
        ("/widget/themes/canada.css", "text/css"),
        ("/widget/themes/ontario.css", "text/css"),
    ],
)
def test_widget_files_are_served_with_their_type_and_a_short_cache(client, path, kind):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(kind)
    assert response.headers["cache-control"] == "public, max-age=300" and response.headers["etag"]


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/widget/build/package.json", "widget: no file 'build/package.json'; the widget is /widget/nwd.js"),
        # The client resolves "/widget/../api/main.py" to "/api/main.py", which is no route at all.
        ("/widget/../api/main.py", "Not Found"),
        ("/widget/nope.js", "widget: no file 'nope.js'; the widget is /widget/nwd.js"),
    ],
)
def test_only_the_widget_files_are_served(client, path, detail):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["detail"] == detail


def test_the_script_carries_both_themes_inline_and_answers_304_when_unchanged(client):
    first = client.get("/widget/nwd.js")
    assert "/*nwd:inline-css*/ null" not in first.text
    assert "--gcds-bg-primary: #26374a" in first.text and "--ontario-colour-system-link: #0066CC" in first.text
    assert ".launcher {" in first.text  # the layout too
    again = client.get("/widget/nwd.js", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_the_script_carries_the_servers_retention_period_and_message_limit(client):
    script = client.get("/widget/nwd.js").text
    assert "/*nwd:config*/ null" not in script
    assert '{"retention_days":45,"max_message_chars":1500}' in script


def test_widget_config_is_the_servers_settings(client):
    response = client.get("/api/widget-config")
    assert response.status_code == 200
    assert response.json() == {"retention_days": 45, "max_message_chars": 1500}
    # A copy of the script on a portal's own server asks from the portal's page: CORS lets it.
    allowed = client.get("/api/widget-config", headers={"Origin": "https://www.ontario.ca"})
    assert allowed.headers["access-control-allow-origin"] == "https://www.ontario.ca"


def test_a_new_retention_period_changes_the_script_and_its_etag():
    with app_with(API) as before, app_with(API, PrivacySettings(retention_days=30, retention_enabled=False)) as after:
        old, new = before.get("/widget/nwd.js"), after.get("/widget/nwd.js")
    assert '"retention_days":30' in new.text and old.headers["etag"] != new.headers["etag"]


def test_themes_come_from_each_design_system(client):
    canada = client.get("/widget/themes/canada.css").text
    ontario = client.get("/widget/themes/ontario.css").text
    assert "--gcds-bg-primary: #26374a" in canada and "--nwd-header-bg: var(--gcds-bg-primary)" in canada
    assert (
        "--ontario-colour-system-link: #0066CC" in ontario
        and "--nwd-primary: var(--ontario-colour-system-link)" in ontario
    )


@pytest.mark.parametrize(
    ("portal", "lang", "heading"), [("canada", "en", "Settle in Canada"), ("ontario", "fr", "S'établir en Ontario")]
)
def test_demo_pages_embed_the_widget_with_one_script_tag(client, portal, lang, heading):
    page = client.get(f"/widget/demo/{portal}", params={"lang": lang})
    assert page.status_code == 200
    assert f'<html lang="{lang}">' in page.text and heading in page.text
    assert f'<script src="/widget/nwd.js" data-portal="{portal}" defer></script>' in page.text
    assert "{{" not in page.text


def test_unknown_demo_portal_and_language_are_refused(client):
    assert client.get("/widget/demo/quebec").status_code == 404
    assert client.get("/widget/demo/canada", params={"lang": "es"}).status_code == 422


def test_privacy_page_in_each_language(client):
    en = client.get("/widget/privacy").text
    fr = client.get("/widget/privacy", params={"lang": "fr"}).text
    assert "End and delete this conversation" in en and "UCI" in en
    assert "Terminer et supprimer cette conversation" in fr and "IUC" in fr and "carte Santé" in fr
    # How long, from the retention setting.
    assert "deleted from the service 45 days after its last message" in en
    assert "supprimée du service 45 jours après son dernier message" in fr
    assert "{{" not in en + fr


@pytest.mark.parametrize(
    ("days", "en", "fr"), [(1, "1 day after", "1 jour après"), (3650, "3,650 days after", "3\u00a0650 jours après")]
)
def test_privacy_page_writes_the_period_in_each_language(days, en, fr):
    with app_with(API, PrivacySettings(retention_days=days, retention_enabled=False)) as client:
        assert en in client.get("/widget/privacy").text
        assert fr in client.get("/widget/privacy", params={"lang": "fr"}).text


def test_home_page_is_the_widget_in_full_page_mode(client):
    page = client.get("/", params={"lang": "fr"})
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert '<script src="/widget/nwd.js" data-portal="canada" data-mode="page" defer></script>' in page.text
    # One code path: the page holds no chat UI of its own.
    assert "fetch(" not in page.text and "/api/chat" not in page.text
    assert 'data-portal="ontario"' in client.get("/", params={"portal": "ontario"}).text


def preflight(client: TestClient, origin: str):
    return client.options(
        "/api/chat",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


@pytest.mark.parametrize(
    "origin", ["https://www.canada.ca", "https://www.ontario.ca", "http://localhost:8000", "http://127.0.0.1:5173"]
)
def test_cors_allows_the_portals_and_localhost_in_development(client, origin):
    response = preflight(client, origin)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == origin
    assert "DELETE" in response.headers["access-control-allow-methods"]


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "https://www.canada.ca.evil.example", "http://localhost.evil.example"]
)
def test_cors_refuses_every_other_origin(client, origin):
    response = preflight(client, origin)
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


def test_production_cors_has_no_localhost_and_follows_the_setting():
    settings = ApiSettings(
        environment="production", session_secret="s" * 40, rasa_token="r" * 32, cors_origins=["https://portal.example"]
    )
    with app_with(settings) as client:
        assert "access-control-allow-origin" not in preflight(client, "http://localhost:8000").headers
        assert "access-control-allow-origin" not in preflight(client, "https://www.canada.ca").headers
        assert (
            preflight(client, "https://portal.example").headers["access-control-allow-origin"]
            == "https://portal.example"
        )
