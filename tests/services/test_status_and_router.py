"""Stated status, and the router's place, status and language rules on the real directory."""

from __future__ import annotations

import pytest

from services.router import RouteRequest, RoutingError, ServiceRouter
from services.settings import load_default_directory
from services.status import stated_status


@pytest.fixture(scope="module")
def router():
    return ServiceRouter(load_default_directory())


@pytest.mark.parametrize(
    ("message", "status"),
    [
        ("I'm a permanent resident in Ottawa", "permanent-resident"),
        ("je suis résidente permanente", "permanent-resident"),
        ("je suis demandeur d’asile", "refugee-claimant"),
        ("we are protected persons", "protected-person"),
        ("my COPR came, approved for permanent residence", "approved-pr"),
        ("Je suis citoyen canadien", "citizen"),
        ("I came on a work permit", "temporary-worker"),
        ("where do I renew my PR card", None),
        ("hello", None),
    ],
)
def test_stated_status(message, status):
    assert stated_status(message) == status


def test_most_local_service_wins(router):
    ottawa = router.route(RouteRequest("library-card", "ON-ottawa", None, "en"))
    assert ottawa.entry.service.regions == ["ON-ottawa"] and ottawa.entry.jurisdiction in ("municipal", "community")
    federal = router.route(RouteRequest("sin", "ON-ottawa", None, "en"))
    assert federal.entry.jurisdiction == "federal"
    assert federal.explanation.startswith("The SIN is federal")


def test_outside_ontario_core_needs_go_to_that_province(router):
    quebec = router.route(RouteRequest("health-card", "QC", None, "fr"))
    assert quebec.entry.service.regions == ["QC"] and quebec.entry.jurisdiction == "provincial"
    bc = router.route(RouteRequest("drivers-licence", "BC", None, "en"))
    assert bc.entry.service.regions == ["BC"]


def test_settlement_services_are_not_for_citizens(router):
    pr = router.route(RouteRequest("settlement-help", "ON-ottawa", "permanent-resident", "en"))
    assert pr is not None and "permanent-resident" in pr.entry.service.statuses
    citizen = router.route(RouteRequest("settlement-help", "ON-ottawa", "citizen", "en"))
    assert citizen is None or not citizen.entry.service.statuses or "citizen" in citizen.entry.service.statuses


def test_french_speakers_get_french_services_first(router):
    route = router.route(RouteRequest("settlement-help", "ON-ottawa", "permanent-resident", "fr"))
    assert "fr" in route.entry.service.languages


def test_a_municipal_need_without_a_local_service_says_it_widened(router):
    routed = router.route(RouteRequest("settlement-help", "ON", "permanent-resident", "en"))
    assert routed is not None


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (RouteRequest("unicorn"), "need: 'unicorn' is unknown; allowed: health-card"),
        (RouteRequest("sin", "ON-atlantis"), "place: 'ON-atlantis' is unknown"),
        (RouteRequest("sin", None, "tourist"), "status: 'tourist' is unknown; allowed: citizen"),
        (RouteRequest("sin", None, None, "es"), "lang: 'es' is unknown; allowed: en, fr"),
    ],
)
def test_unknown_inputs_say_what_is_allowed(router, request_, message):
    with pytest.raises(RoutingError, match=message):
        router.route(request_)


@pytest.mark.parametrize(
    "message",
    [
        "my parents need a visitor visa",
        "I am not a permanent resident yet",
        "I need a work permit for my husband",
        "je ne suis pas encore résident permanent",
        "my wife is an international student",
        "ma femme a un permis de travail",
    ],
)
def test_status_is_never_read_from_a_denial_or_from_someone_else(message):
    assert stated_status(message) is None


def test_a_provincial_service_for_a_city_says_there_is_no_local_office_in_the_directory(router):
    routed = router.route(RouteRequest("health-card", "ON-ottawa", None, "en"))
    assert routed.entry.service.id == "serviceontario-ohip-health-card"
    assert routed.widened is True
    assert "There is no local service for Ottawa in the directory" in routed.explanation
    french = router.route(RouteRequest("health-card", "ON-ottawa", None, "fr"))
    assert "Le répertoire n'a pas de service local pour Ottawa" in french.explanation


def test_a_federal_service_is_never_called_widened(router):
    routed = router.route(RouteRequest("sin", "ON-ottawa", None, "en"))
    assert routed.widened is False and "no local service" not in routed.explanation
