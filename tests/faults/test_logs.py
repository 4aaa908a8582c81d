"""The redaction filter: no secret in any message, argument or traceback it handles."""

from __future__ import annotations

import io
import logging

from bot.config import Settings
from bot.telegram import redact

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_secrets_masked_in_messages_args_and_tracebacks() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=TOKEN,
        webhook_secret="hook-Secret_42",
        redis_url="redis://user:Pa55word@redis:6379/0",
    )
    logger = logging.getLogger("test.redact")
    logger.propagate = False
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    try:
        redact.install(redact.secrets_of(settings), logger)
        logger.error("GET https://api.telegram.org/file/bot%s/documents/x failed", TOKEN)
        logger.warning("secret %s, redis %s", "hook-Secret_42", "redis://user:Pa55word@redis")
        try:
            raise RuntimeError(f"ClientResponseError: 404, url='/bot{TOKEN}/getFile'")
        except RuntimeError:
            logger.exception("update 7 failed")
        logger.info("another bot's token 987654321:ZZZdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    for secret in (TOKEN, "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "hook-Secret_42", "Pa55word"):
        assert secret not in text
    assert "ZZZdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in text  # token-shaped text too
    assert "Traceback" in text and "update 7 failed" in text and "***" in text
