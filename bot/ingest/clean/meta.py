"""A decision's citation and history: its number, date, issuer, what it amends, and the
amending decisions its notes name ("Ескерту. …", "Сноска. …").

Why typed: an edition is an ``Edition(date, number)`` from here on, so that nothing
downstream re-parses "No 15-4 of 2023-12-27" with a regex to sort or cite it.
"""

from __future__ import annotations

import re
from datetime import date

from bot.ingest.clean.entities import Entity, find_entities, issuer_territory, nominative
from bot.ingest.vocab import Vocabulary, all_languages, stem
from bot.model import Amendment, Document, Edition

_NUM_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_NUMBER_SIGN = re.compile(r"(?:№|\bN)\s*([0-9A-Za-zА-Яа-яЁёІі][\w\-/.]*?)(?=[\s,;:)\"»]|\.?$|\.\s)")
_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def detect_lang(text: str) -> str:
    """kk when Kazakh-only letters are more than 1% of the Cyrillic ones, else ru."""
    cyr = sum(1 for ch in text if "а" <= ch.lower() <= "я" or ch in _KK_LETTERS)
    kk = sum(1 for ch in text if ch in _KK_LETTERS)
    return "kk" if cyr and kk / cyr > 0.01 else "ru"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(word: str, vocab: Vocabulary) -> int | None:
    word = word.lower()
    for root in sorted(vocab.months, key=len, reverse=True):
        if word.startswith(root):
            return vocab.months[root]
    return None


def all_dates(text: str) -> list[tuple[int, date]]:
    """Every date in ``text`` (words in any language, or dd.mm.yyyy) with where it starts."""
    found: list[tuple[int, date]] = []
    for vocab in all_languages():
        for pattern in vocab.date:
            for m in pattern.finditer(text):
                month = _month(m.group("m"), vocab)
                when = _safe_date(int(m.group("y")), month, int(m.group("d"))) if month else None
                if when:
                    found.append((m.start(), when))
    for m2 in _NUM_DATE.finditer(text):
        when = _safe_date(int(m2.group(3)), int(m2.group(2)), int(m2.group(1)))
        if when:
            found.append((m2.start(), when))
    return sorted(found, key=lambda x: x[0])


def find_date(text: str) -> tuple[date, int] | None:
    """The first date in ``text`` and where it starts."""
    found = all_dates(text)
    return (found[0][1], found[0][0]) if found else None


def find_number(text: str) -> str:
    m = _NUMBER_SIGN.search(text)
    return m.group(1).rstrip(".") if m else ""


def edition_in(text: str) -> Edition | None:
    """The decision a chunk of text cites: its № and the date nearest to it — before it
    ("от 20 декабря 2013 года № 170", "2022 жылғы 22 желтоқсандағы "…" № 19/205") or
    just after it ("№ 43-5 от 15 декабря 2011 года")."""
    sign = _NUMBER_SIGN.search(text)
    if not sign:
        return None
    dates = all_dates(text)
    before = [(sign.start() - pos, d) for pos, d in dates if pos < sign.start()]
    after = [(pos - sign.end(), d) for pos, d in dates if pos >= sign.end()]
    near = [x for x in after if x[0] <= 40] or before or after
    when = min(near, key=lambda x: x[0])[1] if near else None
    return Edition(when, sign.group(1).rstrip("."))


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.search(text))), None)


def read_document(
    lines: list[str], text: str, vocab: Vocabulary, *, doc_id: str, path: str
) -> tuple[Document, Entity | None]:
    """The document's metadata and the issuing maslikhat's territory."""
    issuing = None
    for i, line in enumerate(lines[:25]):
        if _any(vocab.issuing, line) and "№" in line:
            issuing = i
            break
    title = lines[issuing - 1] if issuing else (lines[0] if lines else "")
    own_line = lines[issuing] if issuing is not None else " ".join(lines[:3])
    found = find_date(own_line)
    number = find_number(own_line)
    operative = next((ln for ln in lines if _any(vocab.operative, ln)), "")
    head = operative[: m.start()] if operative and (m := _any(vocab.operative, operative)) else ""
    issuer = _issuer_words(head, vocab) or _issuer_words(own_line, vocab)
    # The territory: the operative clause names the issuer; the issuing line adds the region.
    # the line naming the decision says who issued it and in which region; the
    # operative clause ("… районный маслихат РЕШИЛ") when that line does not
    territory = (
        (issuer_territory(own_line, vocab) if issuing is not None else None)
        or (issuer_territory(head, vocab, last=True) if head else None)
        or issuer_territory("\n".join(lines[:12]), vocab)
    )
    if territory is not None and territory.kind != "region" and territory.parent is None:
        region = next(
            (e for _, e in find_entities("\n".join(lines[:3]), vocab) if e.kind == "region"),
            None,
        )
        territory = territory.with_parent(region)
    amends = None
    if _any(vocab.amending, text[:4000]):
        amends = _amended(title, vocab) or _amended("\n".join(lines[(issuing or 0) + 1 :]), vocab)
    doc = Document(
        doc_id=doc_id,
        path=path,
        lang=vocab.lang,
        issuer=issuer,
        number=number,
        date=found[0] if found else None,
        title=title,
        kind="amendment" if _any(vocab.amending, text[:4000]) else "base",
        amends=amends,
        amendments=footnotes(text.splitlines(), vocab),
    )
    return doc, territory


def _issuer_words(text: str, vocab: Vocabulary) -> str:
    """The maslikhat's name as printed, up to and including the word "маслихат"/"мәслихат"."""
    m = re.search(
        r"((?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]*\s+){1,4}(?:[а-яёәғқңөұүһі]+\s+){0,2}м[аә]слихат\w*)",
        text,
    )
    if not m:
        return ""
    found = m.group(1).split()
    while len(found) > 2 and any(found[0].lower().startswith(stem(w)) for w in vocab.not_names):
        found = found[1:]
    return nominative(" ".join(found), "issuer", vocab)


def _amended(text: str, vocab: Vocabulary) -> Edition | None:
    """The decision an amending decision changes, from its title or first point: cited
    after the amending words in Russian ("внести в решение … от … № 35/2"), before them
    in Kazakh ("… № 30-4 … шешіміне өзгерістер енгізілсін")."""
    m = _any(vocab.amending, text)
    if m is None:
        return edition_in(text)
    after = edition_in(text[m.start() : m.start() + 400])
    if after is not None:
        return after
    before = text[max(0, m.start() - 500) : m.start()]
    cited = list(_NUMBER_SIGN.finditer(before))
    return edition_in(before[: cited[-1].end() + 40]) if cited else None


def footnotes(lines: list[str], vocab: Vocabulary) -> list[Amendment]:
    """Amending decisions named in notes, merged by decision, with the parts they restate."""
    merged: dict[tuple[str, date], Amendment] = {}
    notes = tuple(vocab.footnote)
    points = "|".join(re.escape(p) for p in vocab.point)
    for line in lines:
        low = line.lstrip().lower()
        if not any(low.startswith(n) for n in notes):
            continue
        found = _NUM_DATE.search(line)
        number = find_number(line[found.end() :] if found else line) or find_number(line)
        if not found or not number:
            continue
        when = _safe_date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
        if when is None:
            continue
        scopes = [
            f"point {n}"
            for pair in re.findall(rf"(\d+)\s*-\s*(?:{points})|(?:{points})\w*\s+(\d+)", low)
            for n in pair
            if n
        ]
        scopes += [
            f"appendix {n}"
            for pattern in vocab.appendix_ref
            for m in pattern.finditer(low)
            for n in re.findall(r"\d+", m.group("spec"))
        ]
        issuer = _issuer_words(line[: found.start()], vocab)
        key = (number, when)
        if key in merged:
            old = merged[key]
            extra = [s for s in scopes if s not in old.scope.split(", ")]
            old.scope = ", ".join([s for s in old.scope.split(", ") if s] + extra)
        else:
            merged[key] = Amendment(
                issuer=issuer, number=number, date=when, scope=", ".join(scopes)
            )
    return list(merged.values())
