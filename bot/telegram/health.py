"""Container health check: ``python -m bot.telegram.health`` exits 0 when the bot is alive.

The running bot touches a heartbeat file every few seconds (polling and webhook
modes alike); in webhook mode ``/healthz`` on the local server must answer too.
When Redis is unreachable the bot still answers (``bot.telegram.degrade``): the
check then prints "degraded: Redis unreachable" and still exits 0 — restarting the
bot would not bring Redis back, and answers keep coming.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.request

from bot.telegram.app import HEARTBEAT, HEARTBEAT_EVERY
from bot.telegram.degrade import STATUS_FILE


def degraded() -> str | None:
    """What is degraded, from the running bot's status file, or None (no Redis, no
    Redis status: a file left by an earlier run with Redis is not this bot's)."""
    if not os.environ.get("REDIS_URL"):
        return None
    try:
        status = json.loads(STATUS_FILE.read_text())
    except (OSError, ValueError):
        return None
    if status.get("status") == "degraded":
        return f"degraded: Redis {status.get('redis', 'unreachable')}"
    return None


def main() -> int:
    try:
        age = time.time() - HEARTBEAT.stat().st_mtime
    except OSError:
        print("no heartbeat yet", file=sys.stderr)
        return 1
    if age > 3 * HEARTBEAT_EVERY:
        print(f"heartbeat is {age:.0f} s old", file=sys.stderr)
        return 1
    if problem := degraded():
        print(problem)
    if os.environ.get("WEBHOOK_URL"):
        port = os.environ.get("WEBHOOK_PORT", "8080")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
                return 0 if resp.status == 200 else 1
        except OSError as exc:
            print(f"webhook server: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
