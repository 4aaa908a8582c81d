"""Amending decisions: a point restated in full, or figures replaced in place.

"пункт 1 изложить в новой редакции: «1. …»" / "1-тармақ жаңа редакцияда жазылсын" carries
every figure of the restated point: the parser reads the quoted point like any other,
as a complete edition whose source is the amending decision. "цифры «5 240 404»
заменить цифрами «5 283 030»" / "«…» деген сандар «…» деген сандармен ауыстырылсын"
changes single figures of a base text: each one is placed on a summary key where the
wording says which (point 1, sub-point N, paragraph M), and the store applies it only
over a stored base (``bot.ingest.pipeline``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.ingest.numbers import Amount, read_cell
from bot.ingest.vocab import Vocabulary
from bot.model import NUMBERED_KEYS

# Sub-point N) of point 1 is the N-th numbered key; paragraphs 2–5 of sub-point 1)
# are the parts of income, in the order point 1 prints them.
SUB_KEYS = dict(enumerate(NUMBERED_KEYS, start=1))
INCOME_PARAGRAPHS = {2: "tax", 3: "non_tax", 4: "capital", 5: "transfers"}


def is_replacement(text: str, vocab: Vocabulary) -> bool:
    return any(p.search(text) for p in vocab.replace)


def restated_points(text: str, vocab: Vocabulary) -> list[int]:
    """Numbers of the points an amending decision restates in full."""
    return [int(m.group("point")) for p in vocab.restate for m in p.finditer(text)]


@dataclass
class Replacement:
    point: int | None
    key: str | None  # None: the wording does not say which figure
    old: str
    new: Amount | None
    new_text: str
    line: str


def _first(patterns: tuple[re.Pattern[str], ...], text: str, group: str) -> str | None:
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return m.group(group)
    return None


def _ordinal(word: str | None, vocab: Vocabulary) -> int:
    if not word:
        return 1
    word = word.lower()
    return next((n for stem, n in vocab.ordinals.items() if word.startswith(stem)), 1)


def replacements(lines: list[str], vocab: Vocabulary) -> Iterator[Replacement]:
    """Every replaced figure, with the summary key its place names (or None)."""
    point: int | None = None
    sub: int | None = None
    for line in lines:
        low = line.lower()
        if (p := _first(vocab.in_point, low, "point")) is not None:
            point, sub = int(p), None
        if (s := _first(vocab.subpoint, low, "sub")) is not None:
            sub = int(s)
        paragraph = _ordinal(_first(vocab.paragraph, low, "ord"), vocab)
        for pattern in vocab.replace:
            for m in pattern.finditer(line):
                key = None
                if point == 1 and sub is not None:
                    key = SUB_KEYS.get(sub) if paragraph == 1 else None
                    if sub == 1 and paragraph != 1:
                        key = INCOME_PARAGRAPHS.get(paragraph)
                new = read_cell(m.group("new"))
                yield Replacement(point, key, m.group("old"), new, m.group("new"), line)
