"""Years a question asks about: "2024", "2024 жылы", "2023–2025", "биыл", "last year"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from bot.answer.lexicon import Lexicon

MIN_YEAR, MAX_YEAR = 1991, 2100
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# "2023–2025", "2023-2025", "2023 - 2025", "с 2023 по 2025", "from 2023 to 2025", "2023 по 2025"
_YEAR_RE = r"((?:19|20)\d{2})"
_RANGES = (
    # "2023–2025", "2023 - 2025", "с 2023 по 2025", "2023 до 2025", "from 2023 to 2025"
    re.compile(
        r"(?<!\d)"
        + _YEAR_RE
        + r"\s*(?:[-‐‑‒–—]|\.\.|по|до|to|till|until|through)\s*"
        + _YEAR_RE
        + r"(?!\d)"
    ),
    # "2023 жылдан 2025 жылға дейін", "2023-тен 2025-ке дейін" (folded text: ғ → г, і → и)
    re.compile(
        r"(?<!\d)"
        + _YEAR_RE
        + r"\s*(?:жылдан|-?[дтн][ае]н)\s+"
        + _YEAR_RE
        + r"(?:\s*(?:жылга|жылдарга|-?[гк][ае]))?\s+дейин"
    ),
)
OFFSETS = {"this": 0, "last": -1, "next": 1, "before_last": -2}
# A year written with two digits: "'24", "’23", "FY24" …
_SHORT_MARKED = re.compile(r"(?:(?<![\w'’‘`])['’‘`]|(?<!\w)fy\s?)(\d{2})(?![\d\w])")
# … or followed by a year word: "за 23 год", "в 24-м году", "23 жылы" (words from data/answer/).
_SHORT_ENDINGS = r"(?:-?(?:м|й|го|ом|ый|ой|ым|ші|шы|нші|ншы|ынші|інші|ыншы|th))?"


@cache
def _short_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    if not body:
        return None
    return re.compile(r"(?<![\d.,])(\d{2})" + _SHORT_ENDINGS + r"\s*(?:" + body + r")(?!\w)")


@dataclass(frozen=True)
class Years:
    years: tuple[int, ...]  # sorted, unique
    spans: tuple[tuple[int, int], ...]  # where they were written (so topic search skips them)
    is_range: bool = False


def find_years(folded: str, lexicons: list[Lexicon], today: date) -> Years:
    """Explicit and relative years in already folded text."""
    found: set[int] = set()
    spans: list[tuple[int, int]] = []
    is_range = False
    for m in (m for pattern in _RANGES for m in pattern.finditer(folded)):
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        if a >= MIN_YEAR and b <= MAX_YEAR and b - a <= 20:
            found.update(range(a, b + 1))
            spans.append(m.span())
            is_range = True
    for m in _YEAR.finditer(folded):
        if any(s <= m.start() < e for s, e in spans):
            continue
        year = int(m.group(1))
        if MIN_YEAR <= year <= MAX_YEAR:
            found.add(year)
            spans.append(m.span())
    short_words = tuple(w for lex in lexicons for w in lex.short_year_words)
    for pattern in (_SHORT_MARKED, _short_pattern(short_words)):
        if pattern is None:
            continue
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            year = 2000 + int(m.group(1))
            if year <= today.year + 10:  # "'24" is 2024; "99 год" is not a budget year
                found.add(year)
                spans.append(m.span())
    for lex in lexicons:  # "в двадцать четвёртом году", "twenty twenty four"
        if lex.spoken_years is None:
            continue
        for m in lex.spoken_years.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            groups = m.groupdict()
            if "prep" in groups and "yw" in groups and not (groups["prep"] or groups["yw"]):
                continue  # "двадцать пять" alone is a number, not a year
            year = 2000 + lex.spoken_values[m.group("tens")] + lex.spoken_values[m.group("unit")]
            found.add(year)
            spans.append(m.span())
    relative = _relative(
        tuple(
            (phrase, name)
            for lex in lexicons
            for name, ps in lex.relative_years.items()
            for phrase in ps
        )
    )
    if relative is not None:
        pattern, name_of = relative
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            found.add(today.year + OFFSETS.get(name_of[m.group(0)], 0))
            spans.append(m.span())
    return Years(tuple(sorted(found)), tuple(spans), is_range)


@cache
def _relative(
    phrases: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """One pattern for every relative-year phrase, longest first ("өткен жылдың алдында"
    before "өткен жыл"), and the offset name of each phrase."""
    name_of: dict[str, str] = {}
    for phrase, name in phrases:
        name_of.setdefault(phrase, name)
    if not name_of:
        return None
    body = "|".join(re.escape(p) for p in sorted(name_of, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + body + ")"), name_of
