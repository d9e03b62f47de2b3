"""Template intents on paraphrases written apart from the NLU training data (tests/data/paraphrases.yml).

Parsed by the real trained model (models/dialogue, through .venv-rasa, read only), then the rule and the
action guard that decide whether the fixed template or the service route answers (tests/paraphrases_templates.py).
A look-alike must never reach the template; a paraphrase must reach its template or, failing that, the
answer from the content, never another template; and the ones that reach the content answer instead of
their template are listed below, measured (docs/dialogue.md), until the NLU is trained on more examples.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from retrieval.encoders import get_encoder
from retrieval.settings import ROOT
from services.needs import NeedClassifier
from services.settings import ServiceSettings, load_default_directory
from tests.paraphrases import Case, template_cases
from tests.paraphrases_templates import decide

pytestmark = pytest.mark.slow

RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
MODELS = ROOT / "models" / "dialogue"

# Paraphrases the trained NLU does not give their template's intent (the intent it gives in the comment), or,
# for one, gives find_service with a need below the routing threshold. Most are "how do I..." questions, which
# the training data labels ask_question (answered from the content); fixing them needs NLU training examples,
# and models/dialogue is not retrained here. Strict: one that starts passing must be removed from the list.
REACHES_CONTENT_INSTEAD = frozenset(
    {
        "en:how do I get Ontario Works",  # NLU: ask_question
        "en:I can't pay rent or buy food and have no job, is there financial help from the province",  # NLU: ask_question
        "en:where's the social assistance office in Hamilton",  # NLU: find_service
        "en:my EI ran out and I still have no work, what money can I get now",  # NLU: nlu_fallback
        "fr:j'ai tout perdu et j'ai aucun revenu, où demander le bien-être social",  # NLU: ask_own_case
        "fr:comment avoir Ontario au travail",  # NLU: ask_question
        "fr:je peux pas payer le loyer ni l'épicerie et j'ai pas d'emploi, la province peut-elle m'aider financièrement",  # NLU: ask_question
        "fr:mon chômage est fini et je travaille toujours pas, quelle aide je peux avoir",  # NLU: ask_question
        "en:daycare costs too much, can I get help paying for it",  # NLU: ask_question
        "en:how do I apply for a child care subsidy in Ottawa",  # NLU: ask_question
        "en:is there cheaper licensed child care for low income parents",  # NLU: ask_question
        "en:I need help with the fees for my son's nursery while I work",  # NLU: ask_question
        "en:who pays part of the daycare bill for families who can't afford it",  # NLU: ask_question
        "fr:la garderie coute trop cher, est-ce que je peux avoir de l'aide pour payer",  # NLU: ask_question
        "fr:comment demander une subvention pour la garde d'enfants a Ottawa",  # NLU: ask_question
        "fr:y a-tu de la garde d'enfants moins chère pour les parents à faible revenu",  # NLU: ask_question
        "fr:j'ai besoin d'aide pour les frais de garderie de mon fils pendant que je travaille",  # NLU: ask_question
        "fr:qui paie une partie de la garderie pour les familles qui ont pas les moyens",  # NLU: ask_question
        "en:how do I become a member of the public library",  # NLU: ask_question
        "en:can I get a library card if I'm not a citizen yet",  # NLU: ask_question
        "en:I want to borrow books and use the computers at the library, what do I need",  # NLU: ask_question
        "en:is a library membership free for newcomers",  # NLU: ask_question
        "fr:comment devenir membre de la bibliothèque publique",  # NLU: ask_question
        "fr:est-ce que je peux avoir une carte de bibliotheque si je suis pas encore citoyen",  # NLU: ask_question
        "fr:je veux emprunter des livres et utiliser les ordis à la bibliothèque, il me faut quoi",  # NLU: ask_question
        "fr:l'abonnement à la bibliothèque est-il gratuit pour les nouveaux arrivants",  # NLU: ask_question
        "en:the plant closed and I lost my job, how do I apply for EI",  # NLU: ask_question
        "en:can I get employment insurance after being let go",  # NLU: ask_question
        "en:I'm pregnant, how do I get maternity benefits from Service Canada",  # NLU: ask_question
        "en:my contract ended, where do I claim unemployment benefits",  # NLU: ask_own_case
        "en:how many weeks of EI can I receive after a layoff",  # NLU: ask_question
        "fr:l'usine a fermé et j'ai perdu ma job, comment demander l'assurance-emploi",  # NLU: ask_question
        "fr:est-ce que je peux avoir le chomage apres avoir été congédié",  # NLU: ask_question
        "fr:je suis enceinte, comment avoir les prestations de maternité de Service Canada",  # NLU: ask_question
        "fr:mon contrat est fini, où faire ma demande de prestations d'assurance-emploi",  # NLU: ask_own_case
        "fr:combien de semaines d'assurance emploi je peux recevoir après une mise à pied",  # NLU: ask_question
        "fr:cette information est fausse, le bureau a déménagé l'an passé",  # NLU: nlu_fallback
    }
)


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> dict[str, dict]:
    if not RASA_PYTHON.exists() or not list(MODELS.glob("*.tar.gz")):
        pytest.skip("no .venv-rasa or no trained model in models/dialogue")
    out = tmp_path_factory.mktemp("intents") / "intents.json"
    subprocess.run(
        [str(RASA_PYTHON), str(ROOT / "scripts" / "paraphrase_intents.py"), "--out", str(out)],
        check=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
        capture_output=True,
    )
    return json.loads(Path(out).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def classifier(tmp_path_factory) -> NeedClassifier:
    return NeedClassifier(
        load_default_directory().vocabulary,
        ServiceSettings().needs_path,
        get_encoder("e5-small"),
        cache_dir=tmp_path_factory.mktemp("needs-cache"),
    )


def _cases(reaches: bool) -> list[Case]:
    return [c for c in template_cases() if c.expected["reaches"] is reaches]


def _name(case: Case) -> str:
    return f"{case.group}-{case.id}"


@pytest.mark.parametrize("case", _cases(False), ids=_name)
def test_look_alike_never_reaches_the_template(case: Case, parsed, classifier) -> None:
    assert decide(case.text, case.language, parsed[case.text], classifier) != case.expected["decision"]


@pytest.mark.parametrize("case", _cases(True), ids=_name)
def test_paraphrase_never_reaches_another_template(case: Case, parsed, classifier) -> None:
    assert decide(case.text, case.language, parsed[case.text], classifier) in (case.expected["decision"], "answer")


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="NLU: needs training examples"))
        if c.id in REACHES_CONTENT_INSTEAD
        else c
        for c in _cases(True)
    ],
    ids=_name,
)
def test_paraphrase_reaches_its_template(case: Case, parsed, classifier) -> None:
    assert decide(case.text, case.language, parsed[case.text], classifier) == case.expected["decision"]
