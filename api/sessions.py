"""Server-issued, unguessable, signed session ids: a forged or altered id is refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from api.settings import ApiSettings

SESSION_PATTERN = re.compile(r"^[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{22}$")


class SessionError(ValueError):
    """A session id that this service did not issue, or a missing production secret."""


def load_secret(settings: ApiSettings, secret_file: Path | None = None) -> bytes:
    """The signing secret: from the settings, or (development and test only) a local file made once."""
    secret_file = secret_file or settings.session_secret_file
    if settings.session_secret:
        return settings.session_secret.encode()
    if settings.environment == "production":
        raise SessionError("NWD_API_SESSION_SECRET must be set (32+ characters) in production")
    if not secret_file.exists():
        secret_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return secret_file.read_text().strip().encode()


class SessionIds:
    def __init__(self, secret: bytes):
        self._secret = secret

    def _sign(self, token: str) -> str:
        digest = hmac.new(self._secret, token.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode()[:22]

    def issue(self) -> str:
        token = secrets.token_urlsafe(18)  # 24 characters, 144 random bits
        return f"{token}.{self._sign(token)}"

    def verify(self, session_id: str) -> str:
        """The session id if it is one this server issued; SessionError otherwise."""
        if not SESSION_PATTERN.match(session_id):
            raise SessionError(
                "session_id: not a session id issued by this service; omit it to start a new conversation"
            )
        token, signature = session_id.split(".")
        if not hmac.compare_digest(signature, self._sign(token)):
            raise SessionError("session_id: unknown session; omit it to start a new conversation")
        return session_id
