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

# Paraphrases the trained NLU does not give their template's intent (the intent it gives in the comment): three
# held-out "how do I get / can I get <program>" questions that stay closer to the general questions than to the
# service requests added to data/nlu (docs/dialogue.md). Strict: one that starts passing must be removed.
REACHES_CONTENT_INSTEAD = frozenset(
    {
        "en:how do I get Ontario Works",  # NLU: ask_question
        "fr:comment avoir Ontario au travail",  # NLU: ask_question
        "en:can I get employment insurance after being let go",  # NLU: ask_question
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
