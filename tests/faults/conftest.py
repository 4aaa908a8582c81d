"""Fixtures for the fault suite, shared with the Telegram tests: the in-process
harness (real dispatcher, recording session) and the real bot process's pieces
(the Bot API stand-in, a store built by the real ingest, a private copy of it)."""

from tests.telegram.conftest import harness, settings  # noqa: F401
from tests.telegram.test_e2e import api, private_store, store  # noqa: F401
