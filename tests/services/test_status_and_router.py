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
    # Every settlement service in the directory is for permanent residents, protected persons and approved PRs.
    assert router.route(RouteRequest("settlement-help", "ON-ottawa", "citizen", "en")) is None


def test_french_speakers_get_french_services_first(router):
    route = router.route(RouteRequest("settlement-help", "ON-ottawa", "permanent-resident", "fr"))
    assert "fr" in route.entry.service.languages


def test_a_community_need_without_a_local_service_says_it_widened(router):
    # Thunder Bay has no settlement agency in the directory: IRCC's finder of services near you is named, and
    # the reply says so.
    routed = router.route(RouteRequest("settlement-help", "ON-thunder-bay", None, "en"))
    assert routed.widened is True
    assert routed.entry.service.id == "ircc-settlement-services-finder" and routed.entry.service.regions == ["CA"]
    assert routed.explanation.endswith(
        "There is no local service for Thunder Bay in the directory; this one serves a wider area."
    )


def test_the_widened_note_is_said_in_french(router):
    routed = router.route(RouteRequest("settlement-help", "ON-thunder-bay", None, "fr"))
    assert routed.explanation.endswith(
        "Le répertoire n'a pas de service local pour Thunder Bay; celui-ci dessert une région plus vaste."
    )


def test_a_municipal_need_served_only_further_away_says_it_widened(router):
    routed = router.route(RouteRequest("income-support", "QC", None, "en"))
    assert routed.widened is True and routed.entry.service.regions == ["CA"]
    assert "There is no local service for Quebec in the directory" in routed.explanation


def test_a_place_with_its_own_service_is_not_widened(router):
    routed = router.route(RouteRequest("settlement-help", "ON-kingston", None, "en"))
    assert routed.entry.service.id == "iska-kingston-settlement"
    assert routed.widened is False
    assert "wider area" not in routed.explanation


def test_a_provincial_need_served_by_the_province_is_not_widened(router):
    # A health card is the province's business: Ontario's service for Ottawa is the right one, not a fallback.
    routed = router.route(RouteRequest("health-card", "ON-ottawa", None, "en"))
    assert routed.entry.jurisdiction == "provincial"
    assert routed.widened is False
    assert "wider area" not in routed.explanation


def test_the_explanation_names_the_service_and_its_organization_in_the_persons_language(router):
    routed = router.route(RouteRequest("library-card", "ON-kingston", None, "fr"))
    assert routed.need == "library-card"
    assert routed.explanation == (
        "Les bibliothèques publiques sont municipales : votre bibliothèque locale vous donne une carte gratuite. "
        "Adressez-vous à : Carte de la Bibliothèque publique de Kingston Frontenac "
        "(Bibliothèque publique de Kingston Frontenac)."
    )


def test_without_a_place_the_national_service_is_named(router):
    routed = router.route(RouteRequest("sin"))
    assert routed.entry.service.id == "service-canada-sin"
    assert routed.explanation.endswith("Go to: Apply for a Social Insurance Number (SIN) (Service Canada).")


def test_services_closed_to_the_status_are_left_out_and_the_reply_says_so(router):
    routed = router.route(RouteRequest("settlement-help", "ON-ottawa", "permanent-resident", "en"))
    # The pre-arrival service is for approved permanent residents only.
    assert [e.service.id for e in [routed.entry, *routed.alternatives]] == [
        "cci-ottawa-settlement",
        "rsifeo-francophone-settlement",
        "ircc-settlement-services-finder",
    ]
    assert routed.explanation.endswith("Services that are not open to your status were left out.")


def test_no_status_note_when_no_service_of_the_need_was_left_out(router):
    # Library cards are open to everyone; services of other needs closed to visitors do not count.
    routed = router.route(RouteRequest("library-card", "ON-ottawa", "visitor", "en"))
    assert "left out" not in routed.explanation
    sin = router.route(RouteRequest("sin", "ON-ottawa", "permanent-resident", "en"))
    assert "left out" not in sin.explanation


def test_the_next_services_are_offered_as_alternatives_in_order(router):
    routed = router.route(RouteRequest("settlement-help", "ON-kingston", None, "en"))
    # With no status known, the finder open to three statuses before the pre-arrival services (one status).
    assert [e.service.id for e in routed.alternatives] == [
        "ircc-settlement-services-finder",
        "ircc-pre-arrival-services",
    ]


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (RouteRequest("unicorn"), "need: 'unicorn' is unknown; allowed: health-card, drivers-licence, photo-id, "),
        (RouteRequest("sin", "ON-atlantis"), "place: 'ON-atlantis' is unknown; allowed: CA, ON, QC, "),
        (RouteRequest("sin", None, "tourist"), "status: 'tourist' is unknown; allowed: citizen, permanent-resident, "),
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


def test_a_federal_service_is_never_called_widened(router):
    routed = router.route(RouteRequest("sin", "ON-ottawa", None, "en"))
    assert routed.widened is False and "no local service" not in routed.explanation


def test_the_widened_note_follows_the_service_named_and_names_the_place_in_the_persons_language(router):
    routed = router.route(RouteRequest("settlement-help", "ON-thunder-bay", None, "en"))
    assert routed.explanation == (
        "Settlement services are funded by IRCC and offered by community organizations near you. "
        "Go to: Find free newcomer services near you (Immigration, Refugees and Citizenship Canada (IRCC)). "
        "There is no local service for Thunder Bay in the directory; this one serves a wider area."
    )
    quebec = router.route(RouteRequest("income-support", "QC", None, "fr"))
    assert quebec.explanation.endswith(
        "Le répertoire n'a pas de service local pour Québec; celui-ci dessert une région plus vaste."
    )


def test_a_service_closed_to_the_status_does_not_hide_the_ones_after_it(router):
    routed = router.route(RouteRequest("immigration-application", None, "citizen"))
    assert [e.service.id for e in [routed.entry, *routed.alternatives]] == [
        "ircc-application-status",
        "ircc-authorized-representatives",
        "ircc-express-entry",
        "ircc-family-sponsorship",
    ]


def test_at_most_three_alternatives_are_offered(router):
    request = RouteRequest("credential-recognition", "ON-toronto", None, "en")
    assert len(router.candidates(request)) == 8
    routed = router.route(request)
    assert len(routed.alternatives) == 3
    assert routed.entry.service.id not in {e.service.id for e in routed.alternatives}


def test_among_services_as_near_the_one_that_fits_the_persons_words_comes_first(router):
    request = RouteRequest("credential-recognition", "ON-toronto", None, "en")
    plain = router.route(request)
    assert plain.entry.service.id == "cno-international-nurse-registration"  # no words to go by: in id order
    engineers = router.route(request, lambda e: 1.0 if "engineer" in e.service.id else 0.0)
    assert engineers.entry.service.id == "peo-international-engineering-graduates"
    # Nearness still comes first: a federal program never goes before the province's regulators.
    federal = router.route(request, lambda e: 1.0 if e.service.id.startswith("esdc") else 0.0)
    assert federal.entry.service.id != "esdc-foreign-credential-recognition"
