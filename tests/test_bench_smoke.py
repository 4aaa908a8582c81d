"""The dispatcher benchmark runs (50 updates, in-process figures only). Not a timing test:
the figures themselves are never asserted, only that both bots answered and were measured."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_dispatch_bench_runs_on_50_updates(seed_db: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "dispatch.py"),
            "--db",
            str(seed_db),
            "--updates",
            "50",
            "--rounds",
            "1",
            "--bursts",
            "1",
            "--quick",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads(done.stdout)["in_process"]
    for name in ("budget-bot", "bare echo"):
        figures = res[name]
        assert figures["one_at_a_time_per_s"] > 0
        assert figures["p99_ms"] >= figures["p50_ms"] > 0
        assert figures["burst_last_ms"] >= figures["burst_first_ms"] > 0
