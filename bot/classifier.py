"""The budget classification (EBK) with kk/ru/en names and citizens' words.

Data lives in ``data/classifier.csv`` (one row per code) and
``data/synonyms/{kk,ru,en}.yaml`` (code → words people use for it), so adding a
code or a word never touches Python.

Code forms:
- income and financing receipts: ``category[.class[.subclass]]`` — ``1``, ``1.04``,
  ``1.04.4``, ``8.01.1``;
- expenditure: ``group[.subfunction]`` — ``07``, ``07.3``; administrators: ``124``;
  programmes: ``admin.programme`` — ``124.008`` with their usual full path in ``path``
  (``07.3.124.008``); a budget line's code is the full path ``group.sub.admin.prog``;
- point-1 summary keys: ``income_total`` … ``financing`` (kind ``summary``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from bot import DATA_DIR, codes
from bot.langs import LANGS


@dataclass(frozen=True)
class Entry:
    code: str
    kind: str  # summary | category | class | subclass | group | subfunction | admin | programme
    path: str
    name_kk: str
    name_ru: str
    name_en: str
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_ru

    @property
    def section(self) -> str:
        """Which part of a budget this code belongs to."""
        if self.kind in {"admin", "programme"}:
            return "expense"  # named without their group path: 124, 124.008
        code = codes.parse(self.code)
        return code.section if code else "summary"


class Classifier:
    """Lookup by code and by kind; line codes resolve to their entry."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.by_code = {e.code: e for e in entries}

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]

    def entry_for_line(self, code: str) -> Entry | None:
        """The classifier entry naming a budget line code.

        ``07.3.124.008`` is named by programme ``124.008``; ``07.3.124`` by admin ``124``.
        """
        if code in self.by_code:
            return self.by_code[code]
        parsed = codes.parse(code)
        for key in parsed.entry_keys() if parsed else ():
            if key in self.by_code:
                return self.by_code[key]
        return None

    def names(self, code: str) -> dict[str, str]:
        entry = self.entry_for_line(code)
        if entry is None:
            return {lang: "" for lang in LANGS}
        return {lang: entry.name(lang) for lang in LANGS}


def _load_keywords(directory: Path) -> dict[str, dict[str, tuple[str, ...]]]:
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang in LANGS:
        path = directory / f"{lang}.yaml"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for code, words in data.items():
            result.setdefault(str(code), {})[lang] = tuple(str(w) for w in words or ())
    return result


def load(data_dir: Path = DATA_DIR) -> Classifier:
    keywords = _load_keywords(data_dir / "synonyms")
    entries = []
    with (data_dir / "classifier.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["code"].strip()
            entries.append(
                Entry(
                    code=code,
                    kind=row["kind"].strip(),
                    path=(row.get("path") or "").strip(),
                    name_kk=row["name_kk"].strip(),
                    name_ru=row["name_ru"].strip(),
                    name_en=row["name_en"].strip(),
                    keywords=keywords.get(code, {}),
                )
            )
    return Classifier(entries)


@cache
def default() -> Classifier:
    return load()
