"""A logging filter that keeps secrets out of every log line and traceback.

Why: "a failed file download wrote the full bot token to the log" — the token is
part of every Bot API and file URL, and aiohttp puts the URL in its exceptions.
The filter is installed on the root handlers, so it sees records of every logger
(aiogram, aiohttp, ours) after propagation; it renders the message and the
traceback once, replaces each secret, and hands the formatter plain text.
Besides the configured secrets it masks anything shaped like a bot token and the
password part of any ``scheme://user:password@host`` URL.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

MASK = "***"
_TOKEN_SHAPE = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{20,}")
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)([^@\s]+)(@)", re.IGNORECASE)


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: Iterable[str | None]) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is masked whole.
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        text = _TOKEN_SHAPE.sub(MASK, text)
        return _URL_PASSWORD.sub(lambda m: m.group(1) + MASK + m.group(3), text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the raw message, still redacted
            message = str(record.msg)
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def secrets_of(settings: object) -> list[str]:
    """The token, the webhook secret and the Redis password of these settings."""
    from urllib.parse import urlsplit

    found: list[str] = []
    for name in ("bot_token", "webhook_secret"):
        value = getattr(settings, name, None)
        if value is not None:
            found.append(value.get_secret_value())
    redis_url = getattr(settings, "redis_url", None)
    if redis_url:
        password = urlsplit(redis_url).password
        if password:
            found.append(password)
    return found


def install(secrets: Iterable[str | None], logger: logging.Logger | None = None) -> RedactSecrets:
    """Add the filter to every handler of ``logger`` (the root logger by default)."""
    logger = logger or logging.getLogger()
    redactor = RedactSecrets(secrets)
    for handler in logger.handlers:
        handler.addFilter(redactor)
    return redactor
