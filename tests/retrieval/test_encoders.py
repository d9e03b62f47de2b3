"""Contract every encoder must meet: shape, normalisation, and meaning across the official languages."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.encoders import ENCODERS, get_encoder

MULTILINGUAL = {"e5-small", "use-multilingual"}


@pytest.fixture(params=sorted(ENCODERS), scope="module")
def encoder(request):
    return get_encoder(request.param, threads=1)


def test_vectors_are_normalised_float32_of_the_declared_size(encoder):
    for vectors in (encoder.encode_queries(["health card"]), encoder.encode_passages(["a", "b c", "d e f"])):
        assert vectors.dtype == np.float32 and vectors.shape[1] == encoder.dim
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert encoder.encode_passages(["one", "two", "three"]).shape[0] == 3


def test_related_texts_are_closer_than_unrelated_ones(encoder):
    query = encoder.encode_queries(["How do I apply for a health card?"])[0]
    passages = encoder.encode_passages(
        [
            "Apply for your provincial health insurance card at a service centre.",
            "Bus fares and monthly transit passes.",
        ]
    )
    assert passages[0] @ query > passages[1] @ query


def test_french_question_finds_french_answer(encoder):
    if encoder.name not in MULTILINGUAL:
        pytest.skip(f"{encoder.name} is English-only; measured in `make eval`")
    query = encoder.encode_queries(["Comment obtenir une carte Santé?"])[0]
    passages = encoder.encode_passages(
        [
            "Demandez votre carte Santé dans un centre ServiceOntario.",
            "Les tarifs d'autobus et les laissez-passer mensuels.",
        ]
    )
    assert passages[0] @ query > passages[1] @ query


def test_unknown_encoder_names_the_allowed_ones():
    with pytest.raises(ValueError, match=r"allowed: .*e5-small"):
        get_encoder("word2vec")


def test_an_encoder_is_loaded_once_per_process():
    assert get_encoder("e5-small", 1) is get_encoder("e5-small", 1)
