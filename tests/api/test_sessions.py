"""Session ids: issued by this server, signed, and refused when forged, altered or signed with another key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import stat

import pytest

from api.sessions import SESSION_PATTERN, SessionError, SessionIds, load_secret
from api.settings import ApiSettings

KEY = b"k" * 48


def test_an_issued_id_has_the_documented_shape_and_is_accepted_back():
    sessions = SessionIds(KEY)
    issued = sessions.issue()
    token, signature = issued.split(".")
    assert len(token) == 24 and len(signature) == 22
    assert SESSION_PATTERN.match(issued)
    assert sessions.verify(issued) == issued


def test_the_signature_is_the_tokens_hmac_sha256_with_the_secret():
    token, signature = SessionIds(KEY).issue().split(".")
    expected = base64.urlsafe_b64encode(hmac.new(KEY, token.encode(), hashlib.sha256).digest()).decode()[:22]
    assert signature == expected


def test_ids_are_not_repeated():
    sessions = SessionIds(KEY)
    assert len({sessions.issue() for _ in range(50)}) == 50


def test_an_altered_signature_is_refused_as_unknown():
    sessions = SessionIds(KEY)
    token, signature = sessions.issue().split(".")
    forged = f"{token}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    with pytest.raises(SessionError, match=r"^session_id: unknown session; omit it to start a new conversation$"):
        sessions.verify(forged)


def test_an_altered_token_is_refused():
    sessions = SessionIds(KEY)
    token, signature = sessions.issue().split(".")
    with pytest.raises(SessionError, match="unknown session"):
        sessions.verify(f"{'x' if token[0] != 'x' else 'y'}{token[1:]}.{signature}")


def test_an_id_signed_with_another_secret_is_refused():
    issued = SessionIds(b"another key entirely, 48 bytes long......").issue()
    with pytest.raises(SessionError, match="unknown session"):
        SessionIds(KEY).verify(issued)


@pytest.mark.parametrize("session_id", ["forged.session", "A" * 24, "A" * 24 + "." + "B" * 21, "A" * 24 + ".B" * 11])
def test_a_malformed_id_is_refused_with_a_clear_message(session_id):
    with pytest.raises(SessionError, match=r"^session_id: not a session id issued by this service; omit it"):
        SessionIds(KEY).verify(session_id)


def test_the_configured_secret_is_used_as_it_is(tmp_path):
    secret = "s" * 40
    assert load_secret(ApiSettings(session_secret=secret), tmp_path / "never-made") == secret.encode()
    assert not (tmp_path / "never-made").exists()


def test_production_refuses_to_start_without_a_secret(tmp_path):
    with pytest.raises(SessionError, match=r"^NWD_API_SESSION_SECRET must be set \(32\+ characters\) in production$"):
        load_secret(ApiSettings(environment="production"), tmp_path / "secret")
    assert not (tmp_path / "secret").exists()


def test_development_makes_a_private_secret_once_and_keeps_it(tmp_path):
    path = tmp_path / "var" / "deeper" / "session_secret"
    first = load_secret(ApiSettings(environment="development"), path)
    assert len(first) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A restart reads the same secret, so the ids issued before stay valid.
    assert load_secret(ApiSettings(environment="development"), path) == first
    assert SessionIds(load_secret(ApiSettings(), path)).verify(SessionIds(first).issue())


def test_a_secret_file_written_by_hand_is_read_without_its_newline(tmp_path):
    path = tmp_path / "session_secret"
    path.write_text("z" * 40 + "\n")
    assert load_secret(ApiSettings(environment="test"), path) == b"z" * 40


def test_the_secret_is_made_in_a_folder_that_already_exists(tmp_path):
    # var/ is in the repository: only the file is new on a fresh clone.
    assert len(load_secret(ApiSettings(), tmp_path / "session_secret")) >= 32
