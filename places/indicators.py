"""The indicators a place can have, what they mean, and which way is better."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.taxonomy import Label


@dataclass(frozen=True)
class Indicator:
    id: str
    label: Label
    # +1: more is better for someone who cares about it; -1: less is better; 0: a yes/no or a name.
    direction: int
    kind: str = "number"  # number | flag | name


INDICATORS: dict[str, Indicator] = {
    i.id: i
    for i in (
        Indicator("population", Label("Population", "Population"), +1),
        Indicator("population_growth", Label("Population growth", "Croissance de la population"), +1),
        Indicator("immigrant_share", Label("Share of immigrants", "Proportion d'immigrants"), +1),
        Indicator("french_speakers_share", Label("Share who speak French", "Proportion qui parle français"), +1),
        # Official bilingualism (English and French): where the census figure of French speakers is missing, still a
        # measure of French in daily life; never presented as the share who speak French.
        Indicator(
            "bilingual_share",
            Label("Share who speak English and French", "Proportion qui parle anglais et français"),
            +1,
        ),
        Indicator("rent_2br", Label("Average rent, 2 bedrooms", "Loyer moyen, 2 chambres"), -1),
        Indicator("unemployment_rate", Label("Unemployment rate", "Taux de chômage"), -1),
        Indicator("january_mean_temp", Label("January mean temperature", "Température moyenne en janvier"), +1),
        Indicator("annual_snowfall", Label("Annual snowfall", "Chutes de neige annuelles"), -1),
        Indicator(
            "fls_designated",
            Label(
                "Designated area under the French Language Services Act",
                "Région désignée en vertu de la Loi sur les services en français",
            ),
            +1,
            "flag",
        ),
        Indicator(
            "welcoming_francophone_community",
            Label("Welcoming Francophone Community", "Communauté francophone accueillante"),
            +1,
            "flag",
        ),
        Indicator("public_transit", Label("Public transit", "Transport en commun"), 0, "name"),
        Indicator("settlement_services", Label("Newcomer settlement services", "Services d'établissement"), +1, "flag"),
    )
}

# What people say they care about, in both languages, mapped to indicators.
PRIORITY_WORDS: dict[str, tuple[str, ...]] = {
    "rent_2br": (
        "rent",
        "rents",
        "cheap",
        "afford",
        "housing cost",
        "loyer",
        "loyers",
        "pas cher",
        "abordable",
        "coût du logement",
        "logement",
    ),
    "unemployment_rate": ("job", "jobs", "work", "employment", "emploi", "travail", "boulot", "job market"),
    "french_speakers_share": ("french", "français", "francais", "francophone"),
    "bilingual_share": ("bilingual", "bilingue", "english and french", "anglais et français", "anglais et francais"),
    "fls_designated": ("french services", "services en français", "services en francais"),
    "january_mean_temp": ("cold", "warm", "warmer", "mild", "milder", "winter", "froid", "chaud", "doux", "hiver"),
    "annual_snowfall": ("snow", "neige"),
    "immigrant_share": ("community", "diverse", "diversity", "immigrants", "communauté", "diversité", "diversifié"),
    "population": ("big city", "large city", "grande ville", "metropolis", "métropole"),
    "population_growth": ("growing", "growth", "croissance", "en croissance"),
    "settlement_services": ("settlement", "newcomer services", "établissement", "services aux nouveaux arrivants"),
}

# Words asking for the opposite of an indicator's usual direction: colder winters, more snow, a smaller place.
# A PRIORITY_WORDS word inside one of them is part of it: "lots of snow" is not also read as "snow" (less of it).
OPPOSITE_WORDS: dict[str, tuple[str, ...]] = {
    "january_mean_temp": (
        "colder",
        "cold winters",
        "cold winter",
        "like the cold",
        "like cold",
        "love the cold",
        "love cold",
        "like winter",
        "love winter",
        "enjoy winter",
        "real winter",
        "real winters",
        "plus froid",
        "plus froids",
        "hivers froids",
        "hiver froid",
        "vrai hiver",
        "vrais hivers",
        "aime le froid",
        "aime l'hiver",
        "adore l'hiver",
        "adore le froid",
    ),
    "annual_snowfall": (
        "more snow",
        "lots of snow",
        "a lot of snow",
        "plenty of snow",
        "like snow",
        "love snow",
        "like the snow",
        "love the snow",
        "skiing",
        "plus de neige",
        "beaucoup de neige",
        "aime la neige",
        "adore la neige",
        "faire du ski",
    ),
    "population": (
        "small town",
        "small city",
        "smaller place",
        "smaller city",
        "smaller town",
        "quiet town",
        "village",
        "petite ville",
        "ville plus petite",
        "endroit plus petit",
        "petit village",
        "endroit tranquille",
        "ville tranquille",
    ),
}

# Spoken phrases that may mean something else than in standard French: "du monde" is often "des gens" (people),
# but also "of the world" ("le tour du monde"). A clause holding one is read both ways, and the reading the
# encoder is surer of is kept (places/reading.py).
INFORMAL_FRENCH_PHRASES: dict[str, str] = {
    "du monde": "des gens",
}

# How each direction of those indicators is said, to ask which one someone means.
DIRECTION_WORDS: dict[str, dict[str, Label]] = {
    "january_mean_temp": {
        "usual": Label("milder winters", "des hivers plus doux"),
        "opposite": Label("colder winters", "des hivers plus froids"),
    },
    "annual_snowfall": {
        "usual": Label("less snow", "moins de neige"),
        "opposite": Label("more snow", "plus de neige"),
    },
    "population": {
        "usual": Label("a big city", "une grande ville"),
        "opposite": Label("a smaller place", "un endroit plus petit"),
    },
}
