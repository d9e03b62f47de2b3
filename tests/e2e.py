"""Start the real processes (rasa, the action server, the API) for end-to-end tests."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from retrieval.settings import ROOT

RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
PYTHON = ROOT / ".venv" / "bin" / "python"
MODEL_DIR = ROOT / "models" / "dialogue"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(url: str, process: subprocess.Popen, seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited; its log:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s; log:\n{log.read_text()[-3000:]}")


class Stack:
    """rasa + actions + api on free loopback ports, with their own tracker store."""

    def __init__(self, workdir: Path, extra_env: dict[str, str] | None = None):
        self.workdir = workdir
        self.ports = {"rasa": free_port(), "actions": free_port(), "api": free_port()}
        self.processes: dict[str, subprocess.Popen] = {}
        self.endpoints = workdir / "endpoints.yml"
        # The action server answers only calls with this secret; Rasa sends it (endpoints.yml).
        self.actions_token = secrets.token_urlsafe(24)
        self.endpoints.write_text(
            f"action_endpoint:\n  url: http://127.0.0.1:{self.ports['actions']}/webhook\n"
            f"  headers:\n    X-NWD-Actions-Token: {self.actions_token}\n"
            f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {workdir / 'tracker.db'}\n"
        )
        self.env = {
            **os.environ,
            "OMP_NUM_THREADS": "1",
            # One TensorFlow thread per op: on 2 cores, Rasa's NLU otherwise competes with
            # the action server's encoder (8 concurrent conversations: p95 346-369 ms vs 420-456 ms).
            "TF_INTRA_OP_PARALLELISM_THREADS": "1",
            "TF_INTER_OP_PARALLELISM_THREADS": "1",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "NWD_BOT_PORT": str(self.ports["actions"]),
            "NWD_BOT_ACTIONS_TOKEN": self.actions_token,
            "NWD_API_RASA_URL": f"http://127.0.0.1:{self.ports['rasa']}",
            "NWD_API_ACTIONS_URL": f"http://127.0.0.1:{self.ports['actions']}",
            "NWD_API_BUILD_INDEX_IF_MISSING": "false",
            # The API deletes conversations from the same tracker store as this Rasa.
            "NWD_PRIVACY_TRACKER_DB": str(workdir / "tracker.db"),
            "NWD_PRIVACY_RETENTION_ENABLED": "false",
            **(extra_env or {}),
        }

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.ports['api']}"

    def _start(self, name: str, command: list[str], health: str, seconds: float) -> None:
        log = self.workdir / f"{name}.log"
        handle = open(log, "w")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=handle, stderr=subprocess.STDOUT
        )
        wait_until(health, self.processes[name], seconds, log)

    def start_rasa(self) -> None:
        self._start(
            "rasa",
            [
                str(RASA),
                "run",
                "--model",
                str(MODEL_DIR),
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.ports["rasa"]),
                "--enable-api",
                "--auth-token",
                "nwd-local-rasa-token",
            ],
            f"http://127.0.0.1:{self.ports['rasa']}/",
            180,
        )

    def start_actions(self) -> None:
        self._start(
            "actions", [str(PYTHON), "-m", "bot.action_server"], f"http://127.0.0.1:{self.ports['actions']}/health", 120
        )

    def start_api(self) -> None:
        self._start(
            "api",
            [str(PYTHON), "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(self.ports["api"])],
            f"{self.api}/healthz",
            120,
        )

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)


@contextmanager
def running_stack(workdir: Path, extra_env: dict[str, str] | None = None) -> Iterator[Stack]:
    stack = Stack(workdir, extra_env)
    try:
        stack.start_actions()
        stack.start_rasa()
        stack.start_api()
        yield stack
    finally:
        stack.stop_all()
