"""Comparison and recommendation on small made-up places (the logic, not the figures)."""

from __future__ import annotations

import pytest

from places.compare import (
    CompareError,
    compare,
    conflict_message,
    format_value,
    priorities_from_text,
    read_priorities,
    recommend,
)
from places.data import Figure, Place, PlaceBook
from places.indicators import INDICATORS

SRC = {"title": "Test source", "url": "https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=3410013301"}
# Who published a made-up figure and when it was read: every figure carries both (issue 14.2).
OFFICIAL = {"publisher": "statistics-canada", "retrieved": "2026-11-25"}


def place(pid: str, **figures) -> Place:
    indicators = {k: Figure(**OFFICIAL, value=v, unit=u, year=2021, source=SRC) for k, (v, u) in figures.items()}
    return Place(id=pid, name={"en": pid.title(), "fr": pid.title()}, province="ON", kind="CMA", indicators=indicators)


BOOK = PlaceBook(
    {
        "alpha": place(
            "alpha",
            rent_2br=(1800.0, "CAD per month"),
            unemployment_rate=(6.0, "percent"),
            january_mean_temp=(-6.0, "°C"),
            french_speakers_share=(10.0, "percent"),
        ),
        "beta": place(
            "beta",
            rent_2br=(1200.0, "CAD per month"),
            unemployment_rate=(8.0, "percent"),
            january_mean_temp=(-13.0, "°C"),
            french_speakers_share=(40.0, "percent"),
        ),
        "gamma": place("gamma", rent_2br=(1500.0, "CAD per month"), january_mean_temp=(-9.0, "°C")),
        "delta": place("delta"),
        "epsilon": place("epsilon"),
    }
)


def test_compare_shows_every_criterion_with_not_available_for_gaps():
    result = compare(BOOK, ["alpha", "gamma"], "en")
    rent = next(r for r in result.rows if r.criterion == "rent_2br")
    assert [c.display for c in rent.values] == ["$1,800 per month", "$1,500 per month"]
    assert rent.values[0].year == 2021 and rent.values[0].source.url == SRC["url"]
    jobs = next(r for r in result.rows if r.criterion == "unemployment_rate")
    assert [c.display for c in jobs.values] == ["6 %", "not available"]
    assert len(result.rows) == len(INDICATORS) == 13


def test_compare_summary_names_the_main_differences_in_french():
    result = compare(BOOK, ["alpha", "beta"], "fr")
    assert "Loyer moyen, 2 chambres : le plus bas à Beta (1\u202f200\u00a0$ par mois)" in result.summary
    assert "non disponible" not in result.summary


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (["alpha"], "at least 2"),
        (["alpha", "alpha"], "at least 2"),
        (["alpha", "beta", "gamma", "delta", "epsilon"], "at most 4"),
        (["alpha", "atlantis"], "unknown place(s) atlantis"),
    ],
)
def test_compare_bad_requests_say_what_to_fix(ids, message):
    with pytest.raises(CompareError, match=message.replace("(", r"\(").replace(")", r"\)")):
        compare(BOOK, ids)


def test_priorities_from_words_in_both_languages():
    assert priorities_from_text("cheap rent, French, work in health care, not too cold") == {
        "rent_2br": 1.0,
        "unemployment_rate": 1.0,
        "french_speakers_share": 1.0,
        "january_mean_temp": 1.0,
        "fls_designated": 0.5,
    }
    assert set(priorities_from_text("un loyer abordable et pas trop froid")) == {"rent_2br", "january_mean_temp"}
    assert priorities_from_text("hello there") == {}


def test_recommend_ranks_by_weighted_normalised_scores_and_explains():
    top = recommend(BOOK, {"rent_2br": 1.0, "french_speakers_share": 1.0}, "en", top=3)
    assert [r.place.id for r in top][:2] == ["beta", "gamma"]
    assert any("rent" in reason for reason in top[0].reasons)
    assert top[1].missing == ["share who speak French not available"]
    alpha = next(r for r in recommend(BOOK, {"rent_2br": 1.0}, "en", top=5) if r.place.id == "alpha")
    assert alpha.tradeoffs and "rent" in alpha.tradeoffs[0]


def test_places_without_any_figure_asked_for_are_not_recommended():
    ids = [r.place.id for r in recommend(BOOK, {"unemployment_rate": 1.0}, "en", top=10)]
    assert set(ids) == {"alpha", "beta"}


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({}, "none given"),
        ({"sunshine": 1.0}, "unknown"),
        ({"rent_2br": -1.0}, "between 0 and 10"),
        ({"rent_2br": 0.0}, "at least one"),
    ],
)
def test_recommend_bad_priorities(weights, message):
    with pytest.raises(CompareError, match=message):
        recommend(BOOK, weights)


def test_format_value():
    assert format_value(None, "fr") == "non disponible"
    assert format_value(Figure(**OFFICIAL, value=True, year=2024, source=SRC), "fr") == "oui"
    assert (
        format_value(Figure(**OFFICIAL, value=-10.3, unit="°C", year="1981-2010", source=SRC), "fr") == "-10,3\u00a0°C"
    )


def test_an_ontario_law_is_not_applicable_elsewhere_and_costs_no_score():
    on = place("ontarian", french_speakers_share=(30.0, "percent"), fls_designated=(True, None))
    qc = Place(
        id="quebecer",
        name={"en": "Quebecer", "fr": "Québécoise"},
        province="QC",
        kind="CMA",
        indicators={"french_speakers_share": Figure(**OFFICIAL, value=90.0, unit="percent", year=2021, source=SRC)},
    )
    book = PlaceBook({"ontarian": on, "quebecer": qc})
    row = next(r for r in compare(book, ["ontarian", "quebecer"]).rows if r.criterion == "fls_designated")
    assert [c.display for c in row.values] == ["yes", "not applicable (an Ontario law)"]
    french = next(r for r in compare(book, ["ontarian", "quebecer"], "fr").rows if r.criterion == "fls_designated")
    assert french.values[1].display == "sans objet (loi ontarienne)"
    best = recommend(book, {"french_speakers_share": 1.0, "fls_designated": 0.5})
    assert best[0].place.id == "quebecer" and best[0].missing == []  # not marked missing, not penalised


@pytest.mark.parametrize(
    ("words", "weights", "opposite"),
    [
        ("I love snow and a small town", {"annual_snowfall", "population"}, {"annual_snowfall", "population"}),
        ("I don't like snow", {"annual_snowfall"}, set()),
        ("a small town, not a big city", {"population"}, {"population"}),
        ("pas une grande ville, et pas trop froid", {"population", "january_mean_temp"}, {"population"}),
        ("not too cold, in a big city", {"january_mean_temp", "population"}, set()),
        (
            "j'adore l'hiver, beaucoup de neige",
            {"january_mean_temp", "annual_snowfall"},
            {"january_mean_temp", "annual_snowfall"},
        ),
        ("où vivre pour des hivers plus doux", {"january_mean_temp"}, set()),
        ("where to live for colder winters", {"january_mean_temp"}, {"january_mean_temp"}),
    ],
)
def test_priorities_know_which_way_someone_wants_them(words, weights, opposite):
    read = read_priorities(words)
    assert set(read.weights) == weights and set(read.opposite) == opposite and read.conflicts == ()


def test_contradictory_priorities_are_named_in_each_language():
    read = read_priorities("a warm place, but I love the cold; a big city or a small town")
    assert set(read.conflicts) == {"january_mean_temp", "population"}
    assert conflict_message(read.conflicts, "en") == (
        "You asked for both milder winters and colder winters; a big city and a smaller place. "
        "Which one matters to you? Tell me and I will look."
    )
    assert "des hivers plus doux et des hivers plus froids" in conflict_message(read.conflicts, "fr")


def test_opposite_turns_the_ranking_round_and_rejects_indicators_without_a_direction():
    warm = [r.place.id for r in recommend(BOOK, {"january_mean_temp": 1.0}, "en", top=3)]
    cold = [
        r.place.id for r in recommend(BOOK, {"january_mean_temp": 1.0}, "en", top=3, opposite={"january_mean_temp"})
    ]
    assert warm == ["alpha", "gamma", "beta"] and cold == ["beta", "gamma", "alpha"]
    with pytest.raises(CompareError, match="no direction"):
        recommend(BOOK, {"rent_2br": 1.0}, opposite={"public_transit"})


def test_compare_cites_the_official_publisher_never_the_copy_it_was_read_from():
    copy = "https://github.com/someone/mirror/blob/main/rents.json"
    figure = Figure(
        **OFFICIAL, value=1500.0, unit="CAD per month", year=2025, table="34-10-0133-01", via=copy, source=SRC
    )
    book = PlaceBook(
        {
            "alpha": BOOK.places["alpha"],
            "copied": place("copied").model_copy(update={"indicators": {"rent_2br": figure}}),
        }
    )
    for language, name in (("en", "Statistics Canada"), ("fr", "Statistique Canada")):
        rent = next(r for r in compare(book, ["alpha", "copied"], language).rows if r.criterion == "rent_2br")
        cited = rent.values[1].source.model_dump()
        assert cited["publisher_name"] == name and cited["url"] == SRC["url"] and cited["table"] == "34-10-0133-01"
        assert cited["retrieved"] == "2026-11-25"
        assert "via" not in cited and "github" not in repr(cited)


def test_the_summary_names_the_lowest_and_highest_place_of_each_main_criterion():
    assert compare(BOOK, ["alpha", "beta"], "en").summary == (
        "Share who speak French: lowest in Alpha (10 %); Share who speak French: highest in Beta (40 %); "
        "Average rent, 2 bedrooms: lowest in Beta ($1,200 per month); "
        "Average rent, 2 bedrooms: highest in Alpha ($1,800 per month); "
        "Unemployment rate: lowest in Alpha (6 %); Unemployment rate: highest in Beta (8 %)."
    )


def test_no_summary_when_no_figure_can_be_compared():
    assert compare(BOOK, ["delta", "epsilon"], "en").summary == ""
    # One place with a figure is no comparison either.
    assert "Unemployment" not in compare(BOOK, ["alpha", "gamma"], "en").summary


def test_only_the_criteria_asked_are_compared_and_unknown_ones_are_named():
    result = compare(BOOK, ["alpha", "beta"], "fr", ["rent_2br"])
    shown = result.as_comparison("fr").model_dump(exclude={"priorities", "opposite", "scores", "occupation"})
    for row in shown["criteria"]:
        for cell in row["values"]:
            cell["source"] = {k: cell["source"][k] for k in ("title", "url")}
    assert shown == {
        "places": [
            {"id": "alpha", "name": "Alpha", "province": "ON"},
            {"id": "beta", "name": "Beta", "province": "ON"},
        ],
        "criteria": [
            {
                "criterion": "rent_2br",
                "label": "Loyer moyen, 2 chambres",
                "values": [
                    {
                        "place": p,
                        "value": v,
                        "display": d,
                        "unit": "CAD per month",
                        "year": 2021,
                        "source": SRC,
                    }
                    for p, v, d in (
                        ("alpha", 1800.0, "1\u202f800\u00a0$ par mois"),
                        ("beta", 1200.0, "1\u202f200\u00a0$ par mois"),
                    )
                ],
            }
        ],
        "summary": "Loyer moyen, 2 chambres : le plus bas à Beta (1\u202f200\u00a0$ par mois); "
        "Loyer moyen, 2 chambres : le plus élevé à Alpha (1\u202f800\u00a0$ par mois).",
    }
    with pytest.raises(
        CompareError, match=r"^criteria: unknown \['sunshine'\]; allowed: population, population_growth"
    ):
        compare(BOOK, ["alpha", "beta"], "en", ["sunshine"])


def test_a_missing_cell_has_no_value_unit_year_or_source():
    jobs = next(r for r in compare(BOOK, ["alpha", "gamma"]).rows if r.criterion == "unemployment_rate")
    assert jobs.values[1].model_dump() == {
        "place": "gamma",
        "value": None,
        "display": "not available",
        "unit": None,
        "year": None,
        "source": None,
    }


def test_recommendations_give_scores_reasons_tradeoffs_and_missing_figures():
    ranked = recommend(BOOK, {"rent_2br": 1.0, "french_speakers_share": 1.0}, "en", top=5)
    assert [(r.place.id, r.score) for r in ranked] == [("beta", 1.0), ("gamma", 0.375), ("alpha", 0.0)]
    beta, gamma, alpha = ranked
    assert beta.reasons == ["share who speak French: 40 %", "average rent, 2 bedrooms: $1,200 per month"]
    assert beta.tradeoffs == [] and beta.missing == []
    # Gamma's rent is in the middle: neither a reason nor a trade-off; its French figure is missing, which halves
    # the weight of what is known (0.5 x 0.75).
    assert gamma.reasons == [] and gamma.tradeoffs == []
    assert gamma.missing == ["share who speak French not available"]
    assert alpha.tradeoffs == ["but average rent, 2 bedrooms: $1,800 per month", "but share who speak French: 10 %"]


def test_recommendations_are_explained_in_french():
    best = recommend(BOOK, {"rent_2br": 1.0, "french_speakers_share": 1.0}, "fr", top=1)
    assert [r.place.id for r in best] == ["beta"]
    assert best[0].reasons == [
        "proportion qui parle français : 40\u00a0%",
        "loyer moyen, 2 chambres : 1\u202f200\u00a0$ par mois",
    ]
    gamma = recommend(BOOK, {"french_speakers_share": 1.0, "rent_2br": 1.0}, "fr", top=2)[1]
    assert gamma.missing == ["proportion qui parle français non disponible"]


def test_equal_scores_are_ranked_by_place_id_and_one_place_scores_one_half():
    lone = PlaceBook(
        {
            "zulu": place("zulu", rent_2br=(900.0, "CAD per month")),
            "yank": place("yank", rent_2br=(900.0, "CAD per month")),
        }
    )
    assert [(r.place.id, r.score) for r in recommend(lone, {"rent_2br": 1.0})] == [("yank", 0.5), ("zulu", 0.5)]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"top": 0}, r"^top: must be between 1 and 10$"),
        ({"top": 11}, r"^top: must be between 1 and 10$"),
        ({"provinces": ["QC"]}, r"^provinces: no place in \['QC'\]$"),
        ({"opposite": {"sunshine"}}, r"^opposite: \['sunshine'\] have no direction to turn"),
    ],
)
def test_recommend_refuses_what_it_cannot_do(kwargs, message):
    with pytest.raises(CompareError, match=message):
        recommend(BOOK, {"rent_2br": 1.0}, **kwargs)


def test_recommend_keeps_to_the_provinces_asked_and_to_the_top_asked():
    assert [r.place.id for r in recommend(BOOK, {"rent_2br": 1.0}, provinces=["ON"], top=1)] == ["beta"]
    assert recommend(BOOK, {"rent_2br": 10.0}, top=10)[0].place.id == "beta"


@pytest.mark.parametrize(
    ("figure", "language", "shown"),
    [
        (Figure(**OFFICIAL, value=1135014, unit="people", year=2021, source=SRC), "en", "1,135,014"),
        (Figure(**OFFICIAL, value=1135014, unit="people", year=2021, source=SRC), "fr", "1\u202f135\u202f014"),
        (
            Figure(**OFFICIAL, value=1763.0, unit="CAD per month", year=2025, source=SRC),
            "fr",
            "1\u202f763\u00a0$ par mois",
        ),
        (Figure(**OFFICIAL, value=950.0, unit="CAD per month", year=2025, source=SRC), "en", "$950 per month"),
        (Figure(**OFFICIAL, value=5.5, unit="percent", year=2024, source=SRC), "fr", "5,5\u00a0%"),
        (Figure(**OFFICIAL, value=235.7, unit="cm", year="1971-2000", source=SRC), "en", "235.7 cm"),
        (Figure(**OFFICIAL, value=False, year=2024, source=SRC), "en", "no"),
        (Figure(**OFFICIAL, value="OC Transpo", year=2026, source=SRC), "fr", "OC Transpo"),
        (Figure(**OFFICIAL, value=-999.5, unit="°C", year=2021, source=SRC), "en", "-999.5 °C"),
    ],
)
def test_figures_are_written_as_each_language_writes_them(figure, language, shown):
    assert format_value(figure, language) == shown


def test_french_brings_the_french_language_services_designation_in_at_half_weight():
    assert read_priorities("French").weights == {"french_speakers_share": 1.0, "fls_designated": 0.5}
    assert "fls_designated" not in read_priorities("cheap rent").weights
