"""Settings of the Telegram bot, from the environment or a ``.env`` file.

Every field reads the environment variable of the same name (case-insensitive);
``BUDGET_DB`` names the store. ``ADMIN_IDS`` takes ``"1,2,3"`` or ``"[1, 2, 3]"``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot import DEFAULT_DB

SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    bot_token: SecretStr
    telegram_api_url: str | None = None  # self-hosted Bot API server, e.g. http://127.0.0.1:8081
    db_path: Path = Field(default=DEFAULT_DB, validation_alias="BUDGET_DB")
    users_db: Path | None = None  # language choices; default: users.db next to the store
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    redis_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080
    throttle_limit: int = 8  # updates per user ...
    throttle_window: float = 10.0  # ... per this many seconds
    log_level: str = "INFO"
    # The Mini App (budget explorer): its public HTTPS URL for the menu button and answer
    # buttons; served on the webhook server, or in polling mode on WEB_APP_HOST:WEB_APP_PORT.
    web_app_url: str | None = None
    web_app_host: str = "0.0.0.0"
    web_app_port: int | None = None
    web_app_max_age: int = 86400  # seconds an initData signature stays valid
    max_concurrent_updates: int = 16  # updates handled at once per process; the rest wait

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, int):
            return frozenset({value})
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return frozenset(json.loads(text))
            return frozenset(
                int(part) for part in text.replace(";", ",").split(",") if part.strip()
            )
        return value

    @field_validator("telegram_api_url", "redis_url", "webhook_url", "web_app_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _blank_secret_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def webhook_problem(self) -> str | None:
        """Why webhook mode must not start, or None.

        "webhook mode accepts forged updates when no secret is set": without a secret
        anyone who finds the URL can post updates "from" the admin, so no secret, no
        webhook. Telegram allows 1-256 characters of A-Z, a-z, 0-9, _ and -.
        """
        if not self.webhook_url:
            return None
        if self.webhook_secret is None:
            return (
                "WEBHOOK_URL is set but WEBHOOK_SECRET is not; make one with "
                "`budget-bot secret` and export WEBHOOK_SECRET=..."
            )
        if not SECRET_RE.fullmatch(self.webhook_secret.get_secret_value()):
            return "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
        return None

    @property
    def users_path(self) -> Path:
        return self.users_db or self.db_path.with_name("users.db")

    @property
    def webhook_path(self) -> str:
        """The path part of ``WEBHOOK_URL`` the local server listens on."""
        return urlsplit(self.webhook_url or "").path or "/webhook"
