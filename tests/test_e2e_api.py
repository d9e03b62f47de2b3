"""Start the real API process (as the Procfile does) on the built index and use it over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from retrieval.build import current_manifest
from retrieval.settings import ROOT, RetrievalSettings

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def api_url(sample_settings):
    port = _free_port()
    env = {
        **os.environ,
        "NWD_CONTENT_DIR": str(sample_settings.content_dir),
        "NWD_FEEDS": "[]",
        "NWD_INDEX_DIR": str(sample_settings.index_dir),
        "NWD_API_BUILD_INDEX_IF_MISSING": "false",
        "NWD_API_REQUIRE_DIALOGUE": "false",  # search alone: no Rasa in this test
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the API exited: {process.stdout.read() if process.stdout else ''}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("the API did not become healthy within 60 s")
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_served_search_in_both_languages(api_url):
    en = httpx.get(f"{api_url}/api/search", params={"q": "library card Ottawa", "lang": "en"}).json()
    assert en["results"][0]["id"] == "ottawa-library.en"
    assert en["results"][0]["title"] == "Get a free Ottawa Public Library card"
    fr = httpx.get(f"{api_url}/api/search", params={"q": "carte de bibliothèque à Ottawa", "lang": "fr"}).json()
    assert fr["results"][0]["id"] == "ottawa-library.fr"
    assert fr["results"][0]["title"] == "Obtenir une carte gratuite de la Bibliothèque publique d'Ottawa"


def test_served_bad_input_is_422_not_500(api_url):
    for params in ({"q": ""}, {"q": "x" * 600}, {"q": "card", "k": 999}, {"q": "card", "region": "mars"}):
        assert httpx.get(f"{api_url}/api/search", params=params).status_code == 422


def test_served_docs_and_stats(api_url):
    assert httpx.get(f"{api_url}/docs").status_code == 200
    assert httpx.get(f"{api_url}/api/content/stats").json()["items"] > 0


def test_the_real_index_is_built_by_make():
    """`make test` builds the real index first; the API serves it under `make run`."""
    manifest = current_manifest(RetrievalSettings())
    if manifest is None:
        pytest.skip("run through `make test`, which builds the index first")
    assert manifest.items >= 100 and manifest.encoder == "e5-small"
