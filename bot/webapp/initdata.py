"""Telegram Mini App ``initData``: signature (aiogram's HMAC check with the bot token)
and age, checked before anything user-specific is answered.

A signature alone is not enough: initData captured once would open the user's data
forever, so ``auth_date`` older than ``max_age`` seconds (or in the future) is refused.
"""

from __future__ import annotations

import time

from aiogram.utils.web_app import WebAppInitData, safe_parse_webapp_init_data

MAX_INIT_DATA = 4096  # Telegram's initData is well under this; anything longer is not it
CLOCK_SKEW = 60


class BadInitData(ValueError):
    """Forged, malformed or stale initData (the message says which, for logs only)."""


def verify(init_data: str, token: str, max_age: int, now: float | None = None) -> WebAppInitData:
    if not init_data or len(init_data) > MAX_INIT_DATA:
        raise BadInitData("missing or oversized")
    try:
        data = safe_parse_webapp_init_data(token, init_data)
    except (ValueError, TypeError) as exc:
        raise BadInitData("bad signature") from exc
    now = time.time() if now is None else now
    age = now - data.auth_date.timestamp()
    if age > max_age or age < -CLOCK_SKEW:
        raise BadInitData("stale")
    return data
