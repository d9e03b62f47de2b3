"""Every string the actions show, in English and French."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "responsible_federal": {
        "en": "Level of government responsible: federal — {owner}.",
        "fr": "Ordre de gouvernement responsable : fédéral — {owner}.",
    },
    "responsible_provincial": {
        "en": "Level of government responsible: provincial — {owner}.",
        "fr": "Ordre de gouvernement responsable : provincial — {owner}.",
    },
    "responsible_municipal": {
        "en": "Level of government responsible: municipal — {owner}.",
        "fr": "Ordre de gouvernement responsable : municipal — {owner}.",
    },
    "responsible_community": {
        "en": "Offered by a community organization: {owner}.",
        "fr": "Offert par un organisme communautaire : {owner}.",
    },
    # When the linked page is not published by the government of that level (data/publishers.yml).
    "responsible_federal_published": {
        "en": "Level of government responsible: federal. Published by: {publisher}.",
        "fr": "Ordre de gouvernement responsable : fédéral. Publié par : {publisher}.",
    },
    "responsible_provincial_published": {
        "en": "Level of government responsible: provincial. Published by: {publisher}.",
        "fr": "Ordre de gouvernement responsable : provincial. Publié par : {publisher}.",
    },
    "responsible_municipal_published": {
        "en": "Level of government responsible: municipal. Published by: {publisher}.",
        "fr": "Ordre de gouvernement responsable : municipal. Publié par : {publisher}.",
    },
    "responsible_community_published": {
        "en": "Offered by a community organization. Published by: {publisher}.",
        "fr": "Offert par un organisme communautaire. Publié par : {publisher}.",
    },
    "source": {"en": "Source: {title} — {url}", "fr": "Source : {title} — {url}"},
    "other_language": {
        "en": "This information is only available in French.",
        "fr": "Cette information n'existe qu'en anglais.",
    },
    "not_sure": {
        "en": "I'm not sure I have a good answer to that. Is it about one of these topics?",
        "fr": "Je ne suis pas certain d'avoir une bonne réponse. Est-ce que c'est l'un de ces sujets?",
    },
    "not_sure_contact": {
        "en": "You can also call or text 211 (free, confidential, in many languages) to be referred to the right service.",
        "fr": "Vous pouvez aussi composer le 211 (gratuit, confidentiel, en plusieurs langues) pour être orienté vers le bon service.",
    },
    "helpful": {"en": "Helpful", "fr": "Utile"},
    "not_helpful": {"en": "Not helpful", "fr": "Pas utile"},
    "place_noted": {
        "en": "Thanks, I'll use {place} for local information. What would you like to know?",
        "fr": "Merci, j'utiliserai {place} pour l'information locale. Que voulez-vous savoir?",
    },
    "place_unknown": {
        "en": "Which city or region do you live in, or plan to live in? For example: Toronto, Ottawa, Hamilton.",
        "fr": "Dans quelle ville ou région habitez-vous, ou comptez-vous habiter? Par exemple : Toronto, Ottawa, Hamilton.",
    },
    "ask_place_for_service": {
        "en": "{need}: where you go depends on where you live. Which city or region are you in?",
        "fr": "{need} : l'endroit où vous adresser dépend de l'endroit où vous habitez. Dans quelle ville ou région êtes-vous?",
    },
    "language_switched": {
        "en": "OK, let's continue in English. Here is my last answer again:",
        "fr": "D'accord, continuons en français. Voici ma dernière réponse :",
    },
    "language_switched_ask": {
        "en": "OK, let's continue in English. What would you like to know?",
        "fr": "D'accord, continuons en français. Que voulez-vous savoir?",
    },
    "out_of_scope": {
        "en": (
            "Sorry, I can't help with that. I answer questions about settling in Canada and Ontario: immigration, "
            "health care, work, housing, school, taxes, legal help, citizenship and local services."
        ),
        "fr": (
            "Désolé, je ne peux pas vous aider avec cela. Je réponds aux questions sur l'établissement au Canada et "
            "en Ontario : immigration, soins de santé, emploi, logement, école, impôts, aide juridique, citoyenneté "
            "et services locaux."
        ),
    },
    "add_local_office": {
        "en": "Tell me your city or town and I'll add the office or clinic near you.",
        "fr": "Dites-moi dans quelle ville vous êtes et j'ajouterai le bureau ou la clinique près de chez vous.",
    },
    "not_for_status": {
        "en": "The services below are not open to people with your status ({status}); check their eligibility, or call 211 to find help that is.",
        "fr": "Les services ci-dessous ne sont pas offerts aux personnes de votre statut ({status}); vérifiez leurs conditions ou composez le 211 pour trouver de l'aide qui l'est.",
    },
    "for_status": {
        "en": "I'm showing services open to people with your status ({status}); tell me if that's not right.",
        "fr": "Je vous montre les services offerts aux personnes de votre statut ({status}); dites-le-moi si ce n'est pas le cas.",
    },
    "place_did_you_mean": {
        "en": "I'm not sure which place you mean. Did you mean: {places}?",
        "fr": "Je ne suis pas certain de l'endroit. Vouliez-vous dire : {places}?",
    },
    "comparison_intro": {"en": "Comparing {places}:", "fr": "Comparaison de {places} :"},
    "comparison_sources": {
        "en": 'Each figure has its year and official source; "not available" means we could not confirm it.',
        "fr": "Chaque donnée a son année et sa source officielle; « non disponible » veut dire que nous n'avons pas pu la confirmer.",
    },
    "comparison_publishers": {
        "en": "Sources: {publishers}.",
        "fr": "Sources : {publishers}.",
    },
    "compare_one_place": {
        "en": "Which other place would you like to compare it with? You can name up to 4 places.",
        "fr": "Avec quel autre endroit voulez-vous le comparer? Vous pouvez nommer jusqu'à 4 endroits.",
    },
    "compare_too_many": {
        "en": "I can compare up to 4 places at a time, and you named {count}: {places}. Which of them (4 at most) would you like side by side?",
        "fr": "Je peux comparer jusqu'à 4 endroits à la fois, et vous en avez nommé {count} : {places}. Lesquels (4 au plus) voulez-vous voir côte à côte?",
    },
    "ask_priorities": {
        "en": "What matters most to you? Choose one or say it in your own words (for example: cheap rent, French, not too cold).",
        "fr": "Qu'est-ce qui compte le plus pour vous? Choisissez ou dites-le dans vos mots (par exemple : loyer abordable, français, pas trop froid).",
    },
    "priority_payload": {"en": "where to live for", "fr": "où vivre pour"},
    "recommend_intro": {
        "en": "Places that match your priorities best, from official figures:",
        "fr": "Les endroits qui répondent le mieux à vos priorités, selon des données officielles :",
    },
    "recommend_no_strength": {"en": "no clear strength", "fr": "aucune force nette"},
    "recommend_how": {
        "en": "Each place gets a score from 0 to 1 on each priority (best place = 1), averaged by your weights. Ask me to compare any of them.",
        "fr": "Chaque endroit reçoit une note de 0 à 1 pour chaque priorité (le meilleur = 1), puis une moyenne selon vos poids. Demandez-moi de les comparer.",
    },
    "handoff_intro": {
        "en": "I can't connect you to a person directly, but these people can help you:",
        "fr": "Je ne peux pas vous mettre en contact directement avec une personne, mais ces personnes peuvent vous aider :",
    },
    "handoff_local": {
        "en": "Settlement services near {place}: {title} — {url}",
        "fr": "Services d'établissement près de {place} : {title} — {url}",
    },
    "handoff_211": {
        "en": "211: free, confidential help finding community and social services, in many languages — {url}",
        "fr": "211 : aide gratuite et confidentielle pour trouver des services communautaires et sociaux, en plusieurs langues — {url}",
    },
    "handoff_ircc": {
        "en": "For your own immigration application: Immigration, Refugees and Citizenship Canada (IRCC) — {url}",
        "fr": "Pour votre propre demande d'immigration : Immigration, Réfugiés et Citoyenneté Canada (IRCC) — {url}",
    },
    "handoff_place": {
        "en": "Tell me your city and I can add the settlement services near you.",
        "fr": "Dites-moi dans quelle ville vous êtes et j'ajouterai les services d'établissement près de chez vous.",
    },
    "own_case": {
        "en": (
            "I can't tell you what will happen with your own application: only Immigration, Refugees and "
            "Citizenship Canada (IRCC) decides. You can check your application status online or contact IRCC "
            "through its official channels. If you pay someone for immigration advice, make sure they are an "
            "authorized representative: a lawyer or paralegal, a Quebec notary, or a licensed immigration consultant. "
            "Please don't share your UCI or application number here."
        ),
        "fr": (
            "Je ne peux pas vous dire ce qui arrivera à votre propre demande : seul Immigration, Réfugiés et "
            "Citoyenneté Canada (IRCC) décide. Vous pouvez vérifier l'état de votre demande en ligne ou joindre "
            "IRCC par ses canaux officiels. Si vous payez quelqu'un pour des conseils en immigration, assurez-vous "
            "que c'est un représentant autorisé : avocat ou parajuriste, notaire du Québec ou consultant en "
            "immigration titulaire d'un permis. Ne donnez pas votre IUC ni votre numéro de demande ici."
        ),
    },
}


def text(key: str, language: str, **values: str) -> str:
    """The string `key` in `language` (English when the language is unknown)."""
    variants = TEXTS[key]
    return variants.get(language, variants["en"]).format(**values)
