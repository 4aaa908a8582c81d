"""Point 1 and its kin: the volumes a decision approves, item by item.

"1) доходы – 366814,4 тысячи тенге, в том числе: налоговые поступления – 94107 тысяч
тенге; …" — each item is a label (a phrase of ``summary`` in the ingest vocabulary)
and an amount read exactly (``bot.ingest.numbers``). A point can carry several
entities ("По городу Жанатас:", one point per rural district) and several years
("на 2025 год:"); a point-1 item seen and not stored is reported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from bot.ingest.clean.entities import Entity, is_sub_heading
from bot.ingest.numbers import Amount, read_after_label
from bot.ingest.vocab import Vocabulary, best_key
from bot.model import NUMBERED_KEYS

# "3. …", "1-1. …" (inserted after point 1), "1.-Внести …"
_POINT = re.compile(r"^[\s\"«“]*(\d{1,3}(?:-\d{1,2})?)\.(?:\s+(?=\S)|[-–]\s*(?=[^\W\d]))")
_ITEM_PREFIX = re.compile(r"^[\s\"«“']*(?:(\d{1,2})\)|([IVXivx]{1,4})\.)?\s*")
_NUMBERED = re.compile(r"^[\s\"«“]*\d{1,2}\)")
# "…шешімімен.1. 2024-2026 жылдарға…": a point glued to the sentence before it.
_GLUED_POINT = re.compile(r"(?:(?<=[^\W\d]\.)|(?<=\)\.))\s*(?=\d{1,2}\.\s+[\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"«])")
# "…тысяч тенге 3) чистое бюджетное кредитование – 0": two items on one line.
_GLUED_ITEM = re.compile(r"(?<=\S)\s+(?=\d{1,2}\)\s*[^\W\d])")
TOP_KEYS = frozenset(NUMBERED_KEYS)


@dataclass
class Point:
    number: str  # "1", "1-1" (a point inserted after point 1)
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def head(self) -> str:
        """The text before the first numbered item: who and which years."""
        return re.split(r"\n\s*1\)|\s1\)\s", self.text, maxsplit=1)[0]

    def has_items(self, vocab: Vocabulary) -> bool:
        """Volumes: a numbered item "1) доходы – …", or at least two of the numbered
        labels with figures even where the numbers are not printed."""
        segs = segments(self.lines)
        if any(summary_key(seg, vocab) in TOP_KEYS for seg in segs if _NUMBERED.match(seg)):
            return True
        found = {
            key
            for seg in segs
            if (key := summary_key(seg, vocab)) in TOP_KEYS
            and read_after_label(_ITEM_PREFIX.sub("", seg, count=1)) is not None
        }
        return len(found) >= 2


def split_points(lines: list[str]) -> list[Point]:
    """Lines → numbered points (a point glued to the sentence before it is cut off)."""
    points: list[Point] = []
    for raw in lines:
        for line in _GLUED_POINT.split(raw):
            m = _POINT.match(line)
            if m:
                points.append(Point(m.group(1), [line]))
            elif points:
                points[-1].lines.append(line)
    return points


def segments(lines: list[str]) -> list[str]:
    """A point's items, one per segment: cut at ";", at ":" ending a label, and before
    an item number glued to the previous item."""
    out: list[str] = []
    for line in lines:
        for part in re.split(r";|:(?=\s|$)", line):
            for seg in _GLUED_ITEM.split(part):
                if seg.strip():
                    out.append(seg.strip())
    return out


def summary_key(text: str, vocab: Vocabulary) -> str | None:
    """Which summary key a point-1 item or an appendix row's label names, if any."""
    return best_key(_ITEM_PREFIX.sub("", text, count=1), vocab.summary)


def subitem_key(text: str, vocab: Vocabulary) -> str | None:
    """A codeless sub-row (бюджетные кредиты, погашение займов, …): checked, not stored."""
    return best_key(_ITEM_PREFIX.sub("", text, count=1), vocab.subitems)


def year_of(text: str, vocab: Vocabulary) -> int | None:
    """The year whose volumes a point approves ("в том числе на 2024 год", "2025 жылға")."""
    for pattern in vocab.point_year:
        m = pattern.search(text)
        if m:
            return int(m.group("year"))
    m = re.search(r"(20\d\d)\s*[-–]\s*20\d\d", text)
    return int(m.group(1)) if m else None


def appendix_numbers(text: str, vocab: Vocabulary) -> list[int]:
    """ "согласно приложениям 1, 2 и 3" → [1, 2, 3]; "4-6" → [4, 5, 6]."""
    for pattern in vocab.appendix_ref:
        m = pattern.search(text)
        if not m:
            continue
        spec = m.group("spec")
        rng = re.match(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$", spec)
        if rng:
            return list(range(int(rng.group(1)), int(rng.group(2)) + 1))
        return [int(n) for n in re.findall(r"\d+", spec)]
    return []


def _run_on(seg: str, vocab: Vocabulary) -> list[str]:
    """ "в том числе: налоговые поступления — 401 220 тысяч тенге, неналоговые поступления —
    5 120 тысяч тенге, …": items run on in one sentence are cut at the comma before a label."""
    parts = re.split(r",\s+", seg)
    if len(parts) == 1:
        return [seg]
    out = [parts[0]]
    for part in parts[1:]:
        if summary_key(part, vocab) or subitem_key(part, vocab):
            out.append(part)
        else:
            out[-1] = f"{out[-1]}, {part}"
    return out


@dataclass
class Item:
    """One point-1 figure: for whom (a sub-heading may switch), which year, what."""

    entity: Entity | None
    year: int | None
    key: str
    amount: Amount
    text: str


@dataclass
class Unread:
    """A segment that has a summary label and no readable figure: reported."""

    entity: Entity | None
    year: int | None
    key: str
    text: str


def items(
    point: Point, entity: Entity | None, year: int | None, vocab: Vocabulary
) -> Iterator[Item | Unread]:
    """The point's summary items in order; sub-headings switch entity or year."""
    current, current_year = entity, year
    for seg in (part for s in segments(point.lines) for part in _run_on(s, vocab)):
        if not _NUMBERED.match(seg):
            switched = is_sub_heading(seg, vocab)
            if switched is not None:
                current = switched.with_parent(entity.parent if entity else None)
                continue
        key = summary_key(seg, vocab)
        if key is None:
            # "на 2025 год:" alone switches the year of the items that follow
            if (
                len(seg) < 60
                and (y := year_of(seg, vocab))
                and not re.search(r"\d\s*[-–]\s*20", seg)
            ):
                current_year = y
            continue
        body = _ITEM_PREFIX.sub("", seg, count=1)
        amount = read_after_label(body)
        if amount is None and any(p.search(body) for p in vocab.zero):
            amount = Amount(Decimal(0), "0")
        if amount is None:
            yield Unread(current, current_year, key, seg)
            continue
        yield Item(current, current_year, key, amount, seg)
