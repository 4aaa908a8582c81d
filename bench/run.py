"""Answer-engine benchmark: latency per question and questions per second, in one process.

Stores: (a) the seed store, built from ``data/sources/*.txt`` into a temporary file unless
``--seed-db`` names one; (b) the synthetic store of ``bench/make_store.py`` (about a million
lines), skipped with a note when it does not exist.

For each store: construct one :class:`bot.answer.Engine` (timed), ask every question of the
mix once to warm up, then ask ``--questions`` questions drawn from the mix in a fixed
shuffled order, timing each ``engine.ask`` with ``time.perf_counter_ns``:

- ``warm``: the engine as it runs in the bot, its per-(entity, year) line cache filled;
- ``cold``: the same questions with that cache emptied before each one, so every question
  reads its lines from SQLite (the worst case: many users asking about many budgets).

Prints Markdown tables (or JSON with ``--json``). Nothing here asserts a time.

    python bench/make_store.py && python bench/run.py
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.questions import ENTITY_TEMPLATES, GENERAL  # noqa: E402

TODAY = date(2025, 6, 1)  # relative years ("биыл", "last year") count from here
BENCH_DIR = Path(__file__).resolve().parent


def machine() -> dict[str, object]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu or platform.machine(),
        "cores": os.cpu_count(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def code_version() -> str:
    """The commit measured, with a note when bot/ has uncommitted changes."""
    import subprocess

    def git(*a: str) -> str:
        try:
            return subprocess.run(
                ["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" + uncommitted changes in bot/" if git("status", "--porcelain", "bot") else "")


def db_size(path: Path) -> int:
    return sum(
        p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists()
    )


def store_facts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "lines": one("SELECT count(*) FROM lines"),
            "current_lines": one("SELECT count(*) FROM lines WHERE current = 1"),
            "entities": one("SELECT count(*) FROM entities"),
            "budgets": one("SELECT count(*) FROM budgets"),
            "documents": one("SELECT count(*) FROM documents"),
            "bytes": db_size(path),
        }
    finally:
        conn.close()


def build_seed(path: Path) -> float:
    """Ingest ``data/sources/*.txt`` into ``path``; returns seconds."""
    from bot import SOURCES_DIR
    from bot.ingest.pipeline import ingest_paths

    t0 = time.perf_counter()
    reports = ingest_paths(sorted(SOURCES_DIR.glob("*.txt")), path)
    if not any(r.ok for r in reports if hasattr(r, "ok")) and not path.exists():
        raise SystemExit("could not build the seed store")
    return time.perf_counter() - t0


def entity_questions(
    path: Path, rng: random.Random, n_entities: int
) -> list[tuple[str, str, str, str]]:
    """ENTITY_TEMPLATES filled with ``n_entities`` entities of the store and their years."""
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT entity, name_kk, name_ru, name_en FROM entities").fetchall()
        years: dict[str, list[int]] = defaultdict(list)
        for entity, year in conn.execute("SELECT DISTINCT entity, year FROM budgets"):
            years[entity].append(year)
    finally:
        conn.close()
    rows = [r for r in rows if len(years[r[0]]) >= 2]
    if not rows:
        return []
    out = []
    for entity, kk, ru, en in rng.sample(sorted(rows), min(n_entities, len(rows))):
        ys = sorted(years[entity])
        for category, lang, template in ENTITY_TEMPLATES:
            y = rng.choice(ys[1:])
            y2 = ys[ys.index(y) - 1]
            text = template.format(kk=kk, ru=ru, en=en, y=y, y2=y2)
            out.append((category, lang, text, entity))
    return out


def percentile(sorted_ns: list[int], p: float) -> float:
    """Nearest-rank percentile in milliseconds."""
    if not sorted_ns:
        return float("nan")
    k = max(0, math.ceil(p / 100 * len(sorted_ns)) - 1)
    return sorted_ns[k] / 1e6


def summarize(times: list[int], wall_ns: int) -> dict[str, float]:
    s = sorted(times)
    return {
        "n": len(s),
        "p50_ms": round(percentile(s, 50), 3),
        "p90_ms": round(percentile(s, 90), 3),
        "p99_ms": round(percentile(s, 99), 3),
        "max_ms": round(s[-1] / 1e6, 3) if s else float("nan"),
        "mean_ms": round(sum(s) / len(s) / 1e6, 3) if s else float("nan"),
        "qps": round(len(s) / (wall_ns / 1e9), 1) if wall_ns else float("nan"),
    }


def run_store(
    name: str,
    path: Path,
    args: argparse.Namespace,
    rng: random.Random,
) -> dict[str, object]:
    from bot.answer import Engine

    mix: list[tuple[str, str, str, str | None]] = [(c, lang, q, None) for c, lang, q in GENERAL]
    if args.entities:
        mix += entity_questions(path, rng, args.entities)
    excluded = set(filter(None, (args.exclude or "").split(",")))
    mix = [m for m in mix if m[0] not in excluded]
    t0 = time.perf_counter_ns()
    engine = Engine(path)
    construct_ms = (time.perf_counter_ns() - t0) / 1e6
    default_entity = getattr(engine, "default_entity", None)

    # half the timed questions from the general mix, half naming an entity (when there are any)
    general = [m for m in mix if m[3] is None]
    named = [m for m in mix if m[3] is not None]
    n = max(args.questions, len(mix))
    n_named = n // 2 if named else 0
    order = [general[i % len(general)] for i in range(n - n_named)]
    order += [named[i % len(named)] for i in range(n_named)]
    rng.shuffle(order)

    errors: Counter[str] = Counter()

    def ask(q: str):
        try:
            return engine.ask(q, lang=None, today=TODAY)
        except Exception as exc:  # the engine promises never to raise; count it if it does
            errors[type(exc).__name__] += 1
            return None

    # warm-up: every question of the mix once (loads catalogs, babel data, the line cache)
    for _, _, q, _ in mix:
        ask(q)

    # the engine's own caches (``_cache`` and any ``_cache_*``, the readings of questions),
    # emptied in cold mode
    caches = [
        v
        for k, v in vars(engine).items()
        if k.startswith(("_cache", "_readings")) and hasattr(v, "clear")
    ]
    result: dict[str, object] = {
        "store": name,
        "path": str(path),
        **store_facts(path),
        "engine_construct_ms": round(construct_ms, 1),
        "mix_size": len(mix),
        "modes": {},
        "categories": {},
    }
    modes = ["warm", "cold"] if caches else ["warm"]
    profiler = cProfile.Profile() if args.profile else None
    for mode in modes:
        times: list[int] = []
        per_cat: dict[str, list[int]] = defaultdict(list)
        intents: Counter[str] = Counter()
        entity_ok = entity_total = stray = 0
        wall = 0
        for category, _lang, q, entity in order:
            if mode == "cold":
                for cache in caches:
                    cache.clear()
            if profiler and mode == args.profile:
                profiler.enable()
            t = time.perf_counter_ns()
            reply = ask(q)
            dt = time.perf_counter_ns() - t
            if profiler and mode == args.profile:
                profiler.disable()
            wall += dt
            times.append(dt)
            per_cat[category].append(dt)
            if reply is not None:
                intents[reply.intent] += 1
                got = getattr(reply, "entity", None)
                if entity is not None:
                    entity_total += 1
                    entity_ok += got == entity
                elif got not in (None, default_entity):
                    stray += 1
        # wall = time spent inside engine.ask (the loop's own overhead is not the engine's)
        result["modes"][mode] = {
            **summarize(times, wall),
            "intents": dict(intents),
            "entity_questions": entity_total,
            "entity_matched": entity_ok,
            "general_routed_elsewhere": stray,
        }
        for cat, ts in per_cat.items():
            result["categories"].setdefault(cat, {})[mode] = summarize(ts, sum(ts))
    result["errors"] = dict(errors)
    if profiler:
        buf = io.StringIO()
        pstats.Stats(profiler, stream=buf).sort_stats("cumulative").print_stats(30)
        result["profile"] = buf.getvalue()
    engine.db.close() if hasattr(engine, "db") else None
    return result


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def markdown(report: dict[str, object]) -> str:
    m = report["machine"]
    out = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['os']}; Python {m['python']}, "
        f"SQLite {m['sqlite']}. One process, one thread; `today` = {report['today']}; "
        f"load average {m['loadavg_start'][0]} at start, {report['loadavg_end'][0]} at end; "
        f"`import bot.answer` {report['import_ms']:.0f} ms; code {report['code']}. "
        "*cold* = the engine's line cache and its readings of questions emptied before "
        "every question.",
        "",
        "| store | lines (in force) | entities | size | engine start | cache | questions "
        "| p50 ms | p99 ms | max ms | questions/s |",
        "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for s in report["stores"]:
        for mode, r in s["modes"].items():
            out.append(
                f"| {s['store']} | {s['lines']:,} ({s['current_lines']:,}) | {s['entities']:,} "
                f"| {mb(s['bytes'])} | {s['engine_construct_ms']:.0f} ms | {mode} | {r['n']:,} "
                f"| {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.2f} | {r['qps']:,.0f} |"
            )
    for s in report["stores"]:
        modes = list(s["modes"])
        head = " | ".join(f"{m} p50 | {m} p99 | {m} max" for m in modes)
        out += ["", f"Per question kind, {s['store']} store (ms):", "", f"| kind | n | {head} |"]
        out.append("|---|---:|" + "---:|" * (3 * len(modes)))
        for cat, by_mode in s["categories"].items():
            cells = " | ".join(
                " | ".join(f"{by_mode[m][k]:.2f}" for k in ("p50_ms", "p99_ms", "max_ms"))
                for m in modes
                if m in by_mode
            )
            out.append(f"| {cat} | {by_mode[modes[0]]['n']} | {cells} |")
        warm = s["modes"][modes[0]]
        notes = [f"intents: {warm['intents']}"]
        if warm["entity_questions"]:
            notes.append(
                f"entity named and recognised: {warm['entity_matched']}/{warm['entity_questions']}"
            )
        notes.append(
            f"questions naming no entity answered for another than the default: "
            f"{warm['general_routed_elsewhere']}"
        )
        if s["errors"]:
            notes.append(f"EXCEPTIONS: {s['errors']}")
        out += ["", "; ".join(notes)]
    if report.get("generation"):
        out += ["", f"Synthetic store generation: {report['generation']}"]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed-db", help="seed store to use (default: built into a temp file)")
    ap.add_argument("--synthetic-db", default=str(BENCH_DIR / "synthetic.db"))
    ap.add_argument("--questions", type=int, default=2000, help="timed questions per store+mode")
    ap.add_argument(
        "--entities", type=int, default=60, help="entities named by questions (synthetic store)"
    )
    ap.add_argument("--seed", type=int, default=1, help="random seed for the question order")
    ap.add_argument("--only", choices=["seed", "synthetic"], help="benchmark one store only")
    ap.add_argument("--exclude", help="question kinds to leave out, comma-separated (e.g. catalog)")
    ap.add_argument("--json", action="store_true", help="print machine-readable results")
    ap.add_argument(
        "--profile", choices=["warm", "cold"], help="cProfile the timed loop of this mode"
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter_ns()
    import bot.answer  # noqa: F401  (import time is reported, not hidden in the first store)

    report: dict[str, object] = {
        "machine": machine(),
        "today": TODAY.isoformat(),
        "code": code_version(),
        "import_ms": round((time.perf_counter_ns() - t0) / 1e6, 1),
        "stores": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        stores: list[tuple[str, Path, int]] = []
        if args.only != "synthetic":
            if args.seed_db:
                seed_path = Path(args.seed_db)
            else:
                seed_path = Path(tmp) / "seed.db"
                report["seed_build_s"] = round(build_seed(seed_path), 2)
            stores.append(("seed", seed_path, 0))
        if args.only != "seed":
            syn = Path(args.synthetic_db)
            if syn.exists():
                stores.append(("synthetic", syn, args.entities))
            else:
                print(
                    f"note: {syn} not found; run `python bench/make_store.py` first",
                    file=sys.stderr,
                )
        for name, path, n_entities in stores:
            rng = random.Random(args.seed)
            ns = argparse.Namespace(**{**vars(args), "entities": n_entities})
            report["stores"].append(run_store(name, path, ns, rng))
    report["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(markdown(report))
        for s in report["stores"]:
            if "profile" in s:
                print(f"\ncProfile ({s['store']}, {args.profile}):\n{s['profile']}")


if __name__ == "__main__":
    main()
