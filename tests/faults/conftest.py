"""The Telegram harness (real dispatcher, recording Bot API session) for the fault suite."""

from tests.telegram.conftest import harness, settings  # noqa: F401
