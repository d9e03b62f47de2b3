"""Unit and API tests reach only what they start: loopback ports of their own, never a running stack."""

from __future__ import annotations

import socket

import httpx
import pytest
from pytest_socket import SocketConnectBlockedError

from tests.conftest import LIVE_PORTS, LivePortBlockedError


def test_the_live_stack_ports_are_rasa_the_actions_and_the_api():
    assert LIVE_PORTS == {5005: "Rasa", 5055: "the action server", 8000: "the API"}


@pytest.mark.parametrize("port", [5005, 5055, 8000])
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_test_cannot_reach_a_port_of_the_running_stack(host, port):
    # Whether or not `make run` is up, the call fails before any byte is sent, and says why.
    with pytest.raises(LivePortBlockedError, match=f":{port} .*make run"):
        httpx.get(f"http://{host}:{port}/", timeout=1)


def test_a_port_the_test_opened_itself_is_reachable():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2) as client:
            accepted, _ = server.accept()
            client.sendall(b"ping")
            assert accepted.recv(4) == b"ping"
            accepted.close()


@pytest.mark.filterwarnings("ignore:A test tried to use socket")  # pytest-socket warns as well as raising
def test_a_test_cannot_reach_another_host():
    with pytest.raises(SocketConnectBlockedError), socket.socket() as s:
        s.connect(("192.0.2.1", 80))  # TEST-NET-1: refused by the guard, never sent


@pytest.mark.e2e
def test_end_to_end_tests_may_use_sockets():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2) as client:
            assert client.getpeername() == server.getsockname()
