"""Parse clean Kazakh or Russian budget decisions as published on adilet.zan.kz.

Input is either the saved HTML page (appendices as ``<table>``) or its plain-text
copy (cells separated by tabs, or standing on lines of their own). Output is a
``ParseResult`` with the document's metadata, one ``Budget`` per entity × year,
point-1 summary lines and every appendix line. Sums are NOT checked here: the
validator runs afterwards and needs the figures exactly as printed.

Both inputs go through the same path: the HTML is flattened to text lines with
its tables kept as ``Row`` objects, the text's lines are grouped into rows by
``bot.ingest.tables``; one interpreter then reads points and appendices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar

from rapidfuzz import fuzz

from bot import classifier as classifier_mod
from bot.classifier import Classifier, Entry
from bot.ingest.fold import skeleton_phrase
from bot.ingest.numbers import read_after_label, read_cell, to_decimal
from bot.ingest.tables import (
    CODE_TOKEN,
    Layout,
    Row,
    header_mode,
    html_table_grid,
    is_header_text,
    layout_from_header,
    rows_from_lines,
)
from bot.model import (
    NUMBERED_KEYS,
    Amendment,
    Budget,
    Document,
    Line,
    ParseResult,
    Problem,
    UnusableDocument,
)

Item = str | Row

# ---------------------------------------------------------------- dates, numbers

KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}  # fmt: skip
RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_KK_DATE = re.compile(r"(\d{4})\s*жылғы\s+(\d{1,2})\s+([а-яәғқңөұүһі]+)", re.IGNORECASE)
_RU_DATE = re.compile(r"(\d{1,2})\s+([а-яё]+)\s+(\d{4})\s*(?:года|г\.)", re.IGNORECASE)
_NUM_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_NUMBER_SIGN = re.compile(r"№\s*([0-9A-Za-zА-Яа-яЁёІі][\w\-/.]*?)(?=[\s,;:)\"»]|\.?$|\.\s)")


def _month(word: str, table: dict[str, int]) -> int | None:
    word = word.lower()
    if table is RU_MONTHS:
        if word.startswith("мар"):
            return 3
        if word.startswith("ма"):  # мая
            return 5
    for stem, month in table.items():
        if word.startswith(stem):
            return month
    return None


def find_date(text: str) -> tuple[date, int] | None:
    """The first date in ``text`` (kk words, ru words or dd.mm.yyyy) and where it starts."""
    found: list[tuple[int, date]] = []
    for m in _KK_DATE.finditer(text):
        month = _month(m.group(3), KK_MONTHS)
        if month:
            found.append((m.start(), _safe_date(int(m.group(1)), month, int(m.group(2)))))
            break
    for m in _RU_DATE.finditer(text):
        month = _month(m.group(2), RU_MONTHS)
        if month:
            found.append((m.start(), _safe_date(int(m.group(3)), month, int(m.group(1)))))
            break
    m2 = _NUM_DATE.search(text)
    if m2:
        found.append((m2.start(), _safe_date(int(m2.group(3)), int(m2.group(2)), int(m2.group(1)))))
    found = [(pos, d) for pos, d in found if d is not None]
    if not found:
        return None
    pos, d = min(found, key=lambda x: x[0])
    return d, pos


def _safe_date(year: int, month: int, day: int) -> date | None:  # type: ignore[return]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_number(text: str) -> str:
    m = _NUMBER_SIGN.search(text)
    return m.group(1).rstrip(".") if m else ""


def ref(number: str, when: date | None) -> str:
    """Language-neutral reference to a decision: ``No 28-7 of 2022-12-29``."""
    return f"No {number} of {when.isoformat()}" if when else f"No {number}"


# ---------------------------------------------------------------- language, names

_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def detect_lang(text: str) -> str:
    cyr = sum(1 for ch in text if "а" <= ch.lower() <= "я" or ch in _KK_LETTERS)
    kk = sum(1 for ch in text if ch in _KK_LETTERS)
    return "kk" if cyr and kk / cyr > 0.01 else "ru"


def ru_nominative(word: str) -> str:
    """Genitive/dative adjective → nominative: ``Таловского``/``Таловскому`` → ``Таловский``."""
    for old, new in (
        ("ского", "ский"), ("скому", "ский"), ("цкого", "цкий"), ("цкому", "цкий"),
        ("ного", "ный"), ("ному", "ный"), ("него", "ний"), ("нему", "ний"),
        ("кого", "кий"), ("кому", "кий"), ("ого", "ый"), ("ому", "ый"),
    ):  # fmt: skip
        if word.endswith(old):
            return word[: -len(old)] + new
    return word


_CAP = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-]*"
_CAPS = rf"((?:{_CAP}\s+){{1,3}})"


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str


_ENTITY_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    # (pattern, kind, template) — template uses {n} for the captured name
    (re.compile(rf"{_CAPS}ауылдық\s+округ", re.U), "rural_district", "{n} ауылдық округі"),
    (re.compile(rf"{_CAPS}қала(?:сы|сының|сына)\b", re.U), "town", "{n}"),
    (re.compile(rf"{_CAPS}кент(?:і|інің|іне)\b", re.U), "settlement", "{n}"),
    (re.compile(rf"{_CAPS}ауыл(?:ы|ының|ына)\b", re.U), "village", "{n}"),
    (
        re.compile(rf"({_CAP})\s+сельско(?:го|му)\s+округ", re.U),
        "rural_district",
        "{adj} сельский округ",
    ),
    (
        re.compile(rf"сельско(?:го|му)\s+округ[ау]?\s+({_CAP}(?:\s+{_CAP})?)", re.U),
        "rural_district",
        "сельский округ {n}",
    ),
    (re.compile(rf"\bгород[ау]\s+({_CAP}(?:-{_CAP})?)", re.U), "town", "{n}"),
    (re.compile(rf"\bпос[её]лк[ау]\s+({_CAP})", re.U), "settlement", "{n}"),
    (re.compile(rf"\bсел[ау]\s+({_CAP})", re.U), "village", "{n}"),
    (re.compile(rf"({_CAP}(?:ого|ому))\s+район[ау]\b", re.U), "district", "{adj} район"),
    (re.compile(rf"{_CAPS}ауданы(?:ның)?\s+бюджет", re.U), "district", "{n} ауданы"),
]


def find_entities(text: str) -> list[tuple[int, Entity]]:
    """Entities named in ``text`` with their positions, nominative, in the text's language."""
    found: list[tuple[int, Entity]] = []
    for pattern, kind, template in _ENTITY_PATTERNS:
        for m in pattern.finditer(text):
            raw = " ".join(m.group(1).split())
            if raw.lower() in {"по", "и"}:
                continue
            name = template.format(n=raw, adj=ru_nominative(raw))
            found.append((m.start(1), Entity(name=name, kind=kind)))
    found.sort(key=lambda x: x[0])
    return found


def main_entity(text: str) -> Entity | None:
    """The entity a budget phrase is about: the first named; a district only if nothing else is."""
    ents = [e for _, e in find_entities(text)]
    return next((e for e in ents if e.kind != "district"), ents[0] if ents else None)


def issuer_from(text: str) -> str:
    """The maslikhat's name in the nominative, from an operative or a genitive phrase."""
    m = re.search(rf"({_CAP}\s+(?:[а-яәғқңөұүһі]+\s+)?мәслихат(?:ы|тың|ының)?)\b", text)
    if m:
        name = " ".join(m.group(1).split())
        name = re.sub(r"мәслихат(?:ының|тың)$", "мәслихаты", name)
        return name
    m = re.search(rf"((?:{_CAP}\s+)(?:[а-яё]+\s+)?маслихат(?:а|у)?)\b", text)
    if m:
        words = m.group(1).split()
        words = [ru_nominative(w) for w in words[:-1]] + ["маслихат"]
        return " ".join(words)
    return ""


# ---------------------------------------------------------------- summary labels

_SUMMARY_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("income_total", re.compile(r"^(кірістер|доходы)\b")),
    ("non_tax", re.compile(r"^(салықтық емес түсімдер|неналогов\w* поступлени)")),
    ("tax", re.compile(r"^(салықтық түсімдер|налогов\w* поступлени)")),
    (
        "capital",
        re.compile(r"^(негізгі капиталды сатудан|поступлени\w* от продажи основного капитала)"),
    ),
    ("transfers", re.compile(r"^(трансферттер\w* түсім|поступлени\w* трансферт)")),
    ("expense_total", re.compile(r"^(шығындар|затраты|расходы)\b")),
    ("net_lending", re.compile(r"^(таза бюджеттік кредит|чистое бюджетное кредитование)")),
    (
        "fin_assets_saldo",
        re.compile(r"^(қаржы активтерімен операциялар бойынша сальдо|сальдо по операциям)"),
    ),
    ("financing", re.compile(r"^(бюджет тапшылығ\w* қаржыландыру|финансирование дефицита)")),
    ("deficit", re.compile(r"^(бюджет тапшылығы|дефицит)")),
]
# Codeless sub-rows of an appendix (and of point 1) that carry no EBK code of their own.
_STRUCTURAL = re.compile(
    r"^(бюджеттік кредиттер|бюджеттік кредиттерді өтеу|қаржы активтерін сатып алу|"
    r"мемлекеттің қаржы активтерін сатудан түсетін түсімдер|қарыздар түсімі|қарыздарды өтеу|"
    r"бюджет қаражатының пайдаланылатын қалдықтары|бюджетные кредиты|погашение бюджетных кредитов|"
    r"приобретение финансовых активов|поступления от продажи финансовых активов государства|"
    r"поступление займов|погашение займов|используемые остатки бюджетных средств)\b"
)
_TOP_KEYS = set(NUMBERED_KEYS)
_ITEM_PREFIX = re.compile(r"^[\s\"«“']*(?:(\d{1,2})\)|([IVXivx]{1,4})\.)?\s*")
_ZERO = re.compile(r"нөлге\s+тең|равн\w*\s+нулю", re.IGNORECASE)
KEY_SECTION = {
    "income_total": "income",
    "expense_total": "expense",
    "net_lending": "net_lending",
    "fin_assets_saldo": "fin_assets",
    "financing": "financing",
}


def summary_key(text: str) -> str | None:
    """Which summary key a point-1 item or an appendix row's label names, if any."""
    low = " ".join(text.lower().replace("ё", "е").split())
    low = _ITEM_PREFIX.sub("", low, count=1)
    for key, pattern in _SUMMARY_LABELS:
        if pattern.search(low):
            return key
    return None


# ---------------------------------------------------------------- the parse


@dataclass
class _State:
    """Where the appendix reader is: table mode, code stacks, current section."""

    mode: str = "income"
    layout: Layout | None = None
    header_rows: list[list[str]] = field(default_factory=list)
    income: list[str] = field(default_factory=list)
    expense: list[str] = field(default_factory=list)
    section: str | None = None


class _Parser:
    def __init__(self, items: list[Item], doc_id: str, path: str) -> None:
        self.items = items
        self.doc_id = doc_id
        self.path = path
        self.cls: Classifier = classifier_mod.default()
        self.problems: list[Problem] = []
        self.budgets: dict[tuple[str, int], Budget] = {}
        self.entity_kinds: dict[str, str] = {}
        self.appendix_entity: dict[int, Entity] = {}
        self.lines = [it for it in items if isinstance(it, str)]
        self.text = "\n".join(self.lines)
        self.lang = detect_lang(self.text)

    # ------------------------------------------------------------ entry point
    def run(self) -> ParseResult:
        body, appendices = self._split_appendices()
        doc = self._document(body)
        self._points(body, doc)
        for number, region in appendices:
            self._appendix(number, region)
        self._apply_editions(doc)
        budgets = [b for b in self.budgets.values() if b.lines]
        if not budgets and doc.kind == "amendment" and self.problems:
            raise UnusableDocument(
                f"this amending decision changes figures of {doc.amends or 'another decision'} "
                "that cannot be placed without that decision's text"
            )
        if not budgets:
            if not re.search(r"м[аә]слихат", self.text, re.IGNORECASE):
                raise UnusableDocument(
                    "this text is not a maslikhat decision: no budget figures found"
                )
            raise UnusableDocument(
                "no budget figures found in this decision (no point-1 volumes, no appendix tables)"
            )
        return ParseResult(documents=[doc], budgets=budgets, problems=self.problems)

    # ------------------------------------------------------------ structure
    _APPX_KK = re.compile(r"^\s*(?:(\d{1,2})\s*-?\s*)?қосымша\s*$", re.IGNORECASE)
    _APPX_RU = re.compile(r"^\s*Приложение(?:\s*№?\s*(\d{1,2}))?(?:\s+к\s+решению.*)?\s*$")

    def _appendix_number(self, item: Item) -> int | None:
        if not isinstance(item, str):
            return None
        m = self._APPX_KK.match(item) or self._APPX_RU.match(item)
        if not m or "изложить" in item:
            return None
        return int(m.group(1)) if m.group(1) else 1

    def _split_appendices(self) -> tuple[list[Item], list[tuple[int, list[Item]]]]:
        body: list[Item] = []
        regions: list[tuple[int, list[Item]]] = []
        for item in self.items:
            number = self._appendix_number(item)
            if number is not None:
                regions.append((number, []))
            elif regions:
                regions[-1][1].append(item)
            else:
                body.append(item)
        return body, regions

    # ------------------------------------------------------------ metadata
    def _document(self, body: list[Item]) -> Document:
        lines = [it for it in body if isinstance(it, str)]
        issuing = None
        for i, line in enumerate(lines[:25]):
            low = line.lower()
            ru_line = low.startswith("решение ") and "маслихат" in low
            if (ru_line or re.search(r"шешімі\.?\s*$", low)) and "№" in line:
                issuing = i
                break
        title = lines[issuing - 1] if issuing else (lines[0] if lines else "")
        own_line = lines[issuing] if issuing is not None else " ".join(lines[:3])
        found = find_date(own_line)
        number = find_number(own_line)
        operative = next((ln for ln in lines if re.search(r"ШЕШІМ ҚАБЫЛДАДЫ|ШЕШТІ|РЕШИЛ", ln)), "")
        issuer = ""
        if operative:
            head = re.split(r"ШЕШІМ ҚАБЫЛДАДЫ|ШЕШТІ|РЕШИЛ", operative)[0]
            m = re.search(rf"({_CAP}\s+(?:[\w]+\s+)?м[аә]слихат\w*)\s*$", head.strip() + " ")
            if m:
                issuer = " ".join(m.group(1).split())
        if not issuer:
            issuer = issuer_from(own_line)
        amending = bool(
            re.search(
                r"өзгеріс\w* енгізу|изменени\w*\s+(?:и\s+дополнени\w*\s+)?в\s+решение|"
                r"внести в решение|"
                r"шешіміне\s+(?:мынадай|келесі)?\s*өзгеріс",
                self.text[:4000],
                re.IGNORECASE,
            )
        )
        amends = ""
        if amending:
            amends = self._amended_ref(title) or self._amended_ref(
                self.text[:4000].split("\n", 3)[-1]
            )
        doc = Document(
            doc_id=self.doc_id,
            path=self.path,
            lang=self.lang,
            issuer=issuer,
            number=number,
            date=found[0] if found else None,
            title=title,
            kind="amendment" if amending else "base",
            amends=amends,
            amendments=self._footnotes(),
        )
        return doc

    def _amended_ref(self, text: str) -> str:
        """``No 35/2 of 2022-12-23`` for the decision an amending decision changes."""
        m = re.search(
            r"(?:в\s+решение|шешіміне|мәслихатының)(.{0,400}?)(?:следующ|мынадай|келесі|өзгеріс|$)",
            text,
            re.IGNORECASE | re.S,
        )
        chunk = m.group(0) if m else text
        found = find_date(chunk)
        number = find_number(chunk)
        if not number:
            return ""
        return ref(number, found[0] if found else None)

    def _footnotes(self) -> list[Amendment]:
        """Amending decisions named in ``Ескерту.`` / ``Сноска.`` notes, merged by decision."""
        merged: dict[tuple[str, date], Amendment] = {}
        for line in self.lines:
            if not re.match(r"^\s*(Ескерту|Сноска)\s*\.", line):
                continue
            found = _NUM_DATE.search(line)
            number = find_number(line)
            if not found or not number:
                continue
            when = _safe_date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            if when is None:
                continue
            scopes = [
                f"point {n}"
                for n in re.findall(r"(\d+)\s*-\s*тармақ|[Пп]ункт\s+(\d+)", line)
                for n in n
                if n
            ]
            scopes += [
                f"appendix {n}"
                for n in re.findall(r"(\d+)\s*-\s*қосымша|[Пп]риложение\s+(\d+)", line)
                for n in n
                if n
            ]
            head = line[: found.start()]
            issuer = issuer_from(head)
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

    # ------------------------------------------------------------ points
    _POINT = re.compile(r"^[\s\"«“]*(\d{1,2})\.\s+\S")

    def _points(self, body: list[Item], doc: Document) -> None:
        lines = [it for it in body if isinstance(it, str)]
        points: list[tuple[int, list[str]]] = []
        for line in lines:
            m = self._POINT.match(line)
            if m:
                points.append((int(m.group(1)), [line]))
            elif points:
                points[-1][1].append(line)
        last_entity: Entity | None = None
        for number, plines in points:
            text = "\n".join(plines)
            if re.search(r"цифр\w*\s*[\"«“]|деген\s+сандар", text):
                self._replacements(number, plines, doc)
                continue
            head = re.split(r"\n\s*1\)", text, maxsplit=1)[0]
            entity = main_entity(head)
            year = self._point_year(head)
            appx = self._appendix_numbers(head)
            if entity and appx:
                for n in appx:
                    self.appendix_entity[n] = entity
            if entity is None and self._has_items(text):
                entity = last_entity or self._fallback_entity(doc)
            if entity is not None:
                last_entity = entity
            self._summary_items(plines, entity, year, f"point {number}")

    def _fallback_entity(self, doc: Document) -> Entity | None:
        found = main_entity(doc.title)
        if found:
            return found
        if doc.issuer:
            district = re.sub(r"\s+(аудандық\s+мәслихаты|районный\s+маслихат)$", "", doc.issuer)
            if district != doc.issuer:
                return Entity(
                    f"{district} ауданы" if self.lang == "kk" else f"{district} район", "district"
                )
        return None

    @staticmethod
    def _has_items(text: str) -> bool:
        return any(
            summary_key(ln) in _TOP_KEYS for ln in text.splitlines() if re.match(r"^\s*\d\)", ln)
        )

    @staticmethod
    def _point_year(text: str) -> int | None:
        m = re.search(
            r"(?:оның ішінде|соның ішінде|в том числе)?\s*(?:на\s+)?(20\d\d)\s*(?:жылға|год\b)",
            text,
        )
        if m:
            return int(m.group(1))
        m = re.search(r"(20\d\d)\s*[-–]\s*20\d\d", text)
        return int(m.group(1)) if m else None

    @staticmethod
    def _appendix_numbers(text: str) -> list[int]:
        m = re.search(r"приложени\w*\s+((?:\d+\s*(?:,|и|-|–)?\s*)+)", text) or re.search(
            r"((?:\d+\s*(?:,|және|-|–)?\s*)+)\s*-?\s*қосымшалар", text
        )
        if not m:
            return []
        spec = m.group(1)
        rng = re.match(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$", spec)
        if rng:
            return list(range(int(rng.group(1)), int(rng.group(2)) + 1))
        return [int(n) for n in re.findall(r"\d+", spec)]

    def _segments(self, plines: list[str]) -> list[str]:
        out: list[str] = []
        for line in plines:
            for seg in re.split(r";|:(?=\s|$)", line):
                if seg.strip():
                    out.append(seg.strip())
        return out

    def _summary_items(
        self, plines: list[str], entity: Entity | None, year: int | None, source: str
    ) -> None:
        current = entity
        for seg in self._segments(plines):
            m = re.match(r"^(?:По|по)\s+(.+)$", seg) or re.match(r"^(.+?)\s+бойынша$", seg)
            if m and not re.match(r"^\s*\d\)", seg):
                found = main_entity(m.group(1))
                if found:
                    current = found
                    continue
            key = summary_key(seg)
            if key is None:
                continue
            body = _ITEM_PREFIX.sub("", seg, count=1)
            amount = read_after_label(body)
            if amount is None:
                if _ZERO.search(body):
                    value, printed = Decimal(0), "0"
                else:
                    continue
            else:
                value, printed = amount.value, amount.printed
            if current is None or year is None:
                self.problems.append(
                    Problem(
                        current.name if current else "",
                        year,
                        key,
                        f"{source}: figure {printed} found but entity or year unknown",
                    )
                )
                continue
            budget = self._budget(current, year)
            if budget.get(key) and any(
                ln.source == source and ln.code == key for ln in budget.lines
            ):
                continue  # "в том числе" repeats; the first figure wins
            budget.lines.append(self._line(key, value, "summary", source, printed, seg))

    # ------------------------------------------------------------ "цифры … заменить цифрами …"
    _ABZ: ClassVar[dict[str, int]] = {
        "втор": 2,
        "трет": 3,
        "четв": 4,
        "пят": 5,
        "шест": 6,
        "екінші": 2,
        "үшінші": 3,
        "төртінші": 4,
        "бесінші": 5,
    }
    _SUB_KEYS: ClassVar[dict[int, str]] = {
        1: "income_total",
        2: "expense_total",
        3: "net_lending",
        4: "fin_assets_saldo",
        5: "deficit",
        6: "financing",
    }
    _ABZ_KEYS: ClassVar[dict[int, str]] = {2: "tax", 3: "non_tax", 4: "capital", 5: "transfers"}

    def _replacements(self, number: int, plines: list[str], doc: Document) -> None:
        """Map ``цифры "A" заменить цифрами "B"`` to summary keys where the wording allows."""
        text = "\n".join(plines)
        base = re.search(r"[\"«“]([^\"»”]*(?:бюджет|бюджеті)[^\"»”]*)[\"»”]", text)
        base_text = base.group(1) if base else doc.title
        entity = main_entity(base_text)
        yr = re.search(r"(20\d\d)\s*[-–]\s*20\d\d", base_text)
        year = int(yr.group(1)) if yr else None
        point: int | None = None
        sub: int | None = None
        changed: list[str] = []
        q = r"[\"«“]([^\"»”]+)[\"»”]"
        for line in plines:
            low = line.lower()
            mp = re.search(r"в\s+пункте\s+(\d+)|(\d+)\s*-\s*тарма[қғ](?!ша)", low)
            if mp:
                point = int(mp.group(1) or mp.group(2))
                sub = None
            ms = re.search(r"подпункт\w*\s+(\d)\)|(\d)\)\s*тармақша", low)
            if ms:
                sub = int(ms.group(1) or ms.group(2))
            ma = re.search(
                r"абзац\w*\s+(втор|трет|четв|пят|шест)|(екінші|үшінші|төртінші|бесінші)\s+абзац",
                low,
            )
            abz = self._ABZ[ma.group(1) or ma.group(2)] if ma else 1
            for mr in re.finditer(
                rf"цифр\w*\s*{q}\s*заменить\s+цифрами\s*{q}|{q}\s*деген\s+сандар\s+{q}", line
            ):
                old = mr.group(1) or mr.group(3)
                new = mr.group(2) or mr.group(4)
                key = None
                if point == 1 and sub is not None:
                    key = (
                        self._SUB_KEYS.get(sub)
                        if abz == 1
                        else (self._ABZ_KEYS.get(abz) if sub == 1 else None)
                    )
                cell = read_cell(new)
                if key is None or entity is None or year is None or cell is None:
                    self.problems.append(
                        Problem(
                            entity.name if entity else "",
                            year,
                            key or "",
                            f'point {number}: figure "{old}" replaced by "{new}" cannot be '
                            "placed without the base text",
                        )
                    )
                    continue
                budget = self._budget(entity, year)
                budget.lines.append(
                    self._line(key, cell.value, "summary", f"point {point}", cell.printed, line)
                )
                changed.append(key)
        if entity is not None and year is not None and changed:
            self.problems.append(
                Problem(
                    entity.name,
                    year,
                    "",
                    f"partial amendment: only {', '.join(changed)} restated; the other "
                    f"figures stay as in {doc.amends or 'the amended decision'}",
                )
            )

    # ------------------------------------------------------------ appendices
    def _appendix(self, number: int, region: list[Item]) -> None:
        source = f"appendix {number}"
        texts = [it for it in region if isinstance(it, str)]
        title = next((t for t in texts if re.search(r"20\d\d", t) and "бюджет" in t.lower()), "")
        ym = re.search(r"(20\d\d)\s*жыл|на\s+(20\d\d)\s+год", title)
        year = int(ym.group(1) or ym.group(2)) if ym else None
        entity = self.appendix_entity.get(number)
        if entity is None:
            entity = main_entity(title)
        if entity is None and len({k[0] for k in self.budgets}) == 1:
            name = next(iter(self.budgets))[0]
            entity = Entity(name, self.entity_kinds[name])
        rows = self._rows(region)
        if not any(isinstance(r, Row) for r in rows):
            return
        if entity is None or year is None:
            self.problems.append(
                Problem(
                    entity.name if entity else "",
                    year,
                    "",
                    f"{source}: table found but its entity or year is unknown",
                )
            )
            return
        budget = self._budget(entity, year)
        budget.appendix = budget.appendix or source
        state = _State()
        for i, row in enumerate(rows):
            if isinstance(row, str):
                if is_header_text(row):
                    mode = header_mode([row])
                    if mode:
                        state.mode = mode
                        state.layout = None
                continue
            self._row(row, rows[i + 1 :], state, budget, source)

    def _rows(self, region: list[Item]) -> list[Item]:
        """Region items → rows; text lines are grouped, HTML rows pass through."""
        out: list[Item] = []
        pending: list[str] = []
        for item in region:
            if isinstance(item, str):
                pending.append(item)
                continue
            out.extend(rows_from_lines(pending))
            pending = []
            out.append(item)
        out.extend(rows_from_lines(pending))
        return out

    def _row(self, row: Row, after: list[Item], state: _State, budget: Budget, source: str) -> None:
        cells = row.cells
        has_amount = any(
            read_cell(c) is not None and not any(ch.isalpha() for ch in c) for c in cells
        )
        texts = [c for c in cells if c]
        if (texts and all(is_header_text(c) or not c for c in texts)) or (
            not has_amount
            and header_mode(cells) is not None
            and any(is_header_text(c) for c in cells)
        ):
            # header row: collect consecutive header rows into a layout
            state.header_rows.append(cells)
            layout = layout_from_header(state.header_rows)
            if layout:
                state.layout = layout
                state.mode = layout.mode
            return
        state.header_rows = []
        name_idx = next((i for i, c in enumerate(cells) if any(ch.isalpha() for ch in c)), None)
        if name_idx is None:
            return
        name = cells[name_idx]
        amount_cell = next(
            (c for c in reversed(cells[name_idx + 1 :]) if read_cell(c) is not None), ""
        )
        amount = read_cell(amount_cell) if amount_cell else None
        codes: list[tuple[int | None, str]] = []
        layout = state.layout
        if layout and len(cells) == layout.width and layout.roles.get("name") == name_idx:
            codes = [
                (lvl, cells[col])
                for col, lvl in layout.code_columns()
                if col < len(cells) and cells[col]
            ]
            mode: str | None = layout.mode
        else:
            codes = [(None, c) for c in cells[:name_idx] if c]
            mode = None
        if not codes:
            key = summary_key(name)
            if key in _TOP_KEYS and amount is not None:
                state.section = KEY_SECTION.get(key, state.section)
                state.income, state.expense = [], []
                if key == "expense_total":
                    state.mode = "expense"
                elif key == "income_total":
                    state.mode = "income"
                budget.lines.append(
                    self._line(key, amount.value, "summary", source, amount.printed, name)
                )
                return
            if amount is None or _STRUCTURAL.match(" ".join(name.lower().split())):
                return
            self._row_by_text(name, amount.value, amount.printed, state, budget, source)
            return
        if any(not CODE_TOKEN.match(tok) for _, tok in codes):
            self.problems.append(
                Problem(
                    budget.entity,
                    budget.year,
                    "",
                    f"{source}: garbled code cells {[t for _, t in codes]} in row '{name}'",
                )
            )
            if amount is not None:
                self._row_by_text(name, amount.value, amount.printed, state, budget, source)
            return
        code = self._place(codes, mode, name, after, state)
        if amount is None:
            self.problems.append(
                Problem(budget.entity, budget.year, code, f"{source}: row '{name}' has no amount")
            )
            return
        self._emit(code, amount.value, amount.printed, name, state, budget, source)

    def _emit(
        self,
        code: str,
        value: Decimal,
        printed: str,
        name: str,
        state: _State,
        budget: Budget,
        source: str,
    ) -> None:
        entry = self.cls.entry_for_line(code)
        section = entry.section if entry else ("income" if state.mode == "income" else "expense")
        if state.section in {"net_lending", "fin_assets", "financing"}:
            section = state.section
        if entry is None:
            self.problems.append(
                Problem(
                    budget.entity,
                    budget.year,
                    code,
                    f"{source}: code {code} ('{name}') is not in the classifier",
                )
            )
        elif max(self._score(name, entry), 0) < 60:
            self.problems.append(
                Problem(
                    budget.entity,
                    budget.year,
                    code,
                    f"{source}: row '{name}' does not read like classifier entry {code}",
                )
            )
        budget.lines.append(self._line(code, value, section, source, printed, name))

    # ------------------------------------------------------------ code placement
    def _score(self, name: str, entry: Entry | None) -> float:
        if entry is None:
            return -1.0
        a = skeleton_phrase(name)
        return max(
            fuzz.ratio(a, skeleton_phrase(entry.name_kk)),
            fuzz.ratio(a, skeleton_phrase(entry.name_ru)),
        )

    def _candidates(self, tok: str, state: _State) -> list[tuple[str, int, list[str]]]:
        """Readings of one code token: (mode, level, new stack)."""
        n = int(tok)
        inc, exp = state.income, state.expense
        out: list[tuple[str, int, list[str]]] = []
        if len(tok) == 1:
            out.append(("income", 0, [str(n)]))
            if len(inc) >= 2:
                out.append(("income", 2, [*inc[:2], str(n)]))
            if exp:
                out.append(("expense", 1, [exp[0], str(n)]))
            else:
                out.append(("expense", 0, [f"{n:02d}"]))
        elif len(tok) == 2:
            if inc:
                out.append(("income", 1, [inc[0], f"{n:02d}"]))
            out.append(("expense", 0, [f"{n:02d}"]))
        else:
            if len(exp) >= 2:
                out.append(("expense", 2, [*exp[:2], f"{n:03d}"]))
            if len(exp) >= 3:
                out.append(("expense", 3, [*exp[:3], f"{n:03d}"]))
        return out

    def _plausibility(
        self,
        cand: tuple[str, int, list[str]],
        tok: str,
        name: str,
        after: list[Item],
        state: _State,
    ) -> float:
        mode, level, stack = cand
        score = 0.0
        entry = self.cls.entry_for_line(".".join(stack))
        if entry is not None:
            score += 3 + max(0.0, self._score(name, entry) - 60) / 4
        if mode == state.mode:
            score += 2
        nxt = next((r for r in after if isinstance(r, Row)), None)
        nxt_tok = next((c for c in (nxt.cells if nxt else []) if c), "")
        head = stack[0]
        if mode == "income" and level == 0:
            if CODE_TOKEN.match(nxt_tok) and len(nxt_tok) == 2:
                score += 3
            sec = {
                "1": "income",
                "2": "income",
                "3": "income",
                "4": "income",
                "5": "net_lending",
                "6": "fin_assets",
                "7": "financing",
                "8": "financing",
            }.get(head)
            if state.section and sec == state.section:
                score += 2
        if mode == "income" and level == 2:
            score += 1
        if mode == "expense" and level == 0:
            if state.section in {"income"}:
                score -= 4
            if tok.startswith("0") or int(tok) >= 10:
                score += 1
            if state.section in {"net_lending", "fin_assets", "financing"} and int(tok) >= 10:
                score += 3
        if mode == "income" and level == 1 and not tok.startswith("0"):
            score -= 3
        if mode == "expense" and level in (2, 3):
            low = name.lower().strip()
            looks_admin = bool(
                re.search(r"(аппараты|бөлімі|басқармасы)$", low)
                or re.match(r"(аппарат|отдел|управлени)", low)
            )
            score += 2 if (level == 2) == looks_admin else 0
        return score

    def _place(
        self,
        codes: list[tuple[int | None, str]],
        mode: str | None,
        name: str,
        after: list[Item],
        state: _State,
    ) -> str:
        """Put the row's code tokens on the current stack; return the row's full code."""
        if mode is not None and all(lvl is not None for lvl, _ in codes):
            stack = list(state.income if mode == "income" else state.expense)
            for lvl, tok in codes:
                assert lvl is not None
                n = int(tok)
                if mode == "income":
                    part = f"{n:02d}" if lvl == 1 else str(n)
                else:
                    part = f"{n:02d}" if lvl == 0 else (str(n) if lvl == 1 else f"{n:03d}")
                stack = [*stack[:lvl], part]
            return self._set(state, mode, stack)
        first_tok = codes[0][1]
        cands = self._candidates(first_tok, state)
        if not cands:
            cands = [("expense", 0, [f"{int(first_tok):02d}"])]
        best = max(cands, key=lambda c: self._plausibility(c, first_tok, name, after, state))
        cmode, level, stack = best
        for _, tok in codes[1:]:
            level += 1
            n = int(tok)
            part = (
                (f"{n:02d}" if level == 1 else str(n))
                if cmode == "income"
                else (str(n) if level == 1 else f"{n:03d}")
            )
            stack = [*stack[:level], part]
        return self._set(state, cmode, stack)

    @staticmethod
    def _set(state: _State, mode: str, stack: list[str]) -> str:
        state.mode = mode
        if mode == "income":
            state.income = stack
        else:
            state.expense = stack
        return ".".join(stack)

    def _row_by_text(
        self, name: str, value: Decimal, printed: str, state: _State, budget: Budget, source: str
    ) -> None:
        """A row whose code cells are empty or garbled: find its code by its name and its place."""
        kinds = (
            ("category", "class", "subclass")
            if state.mode == "income"
            else ("group", "subfunction", "admin", "programme")
        )
        scored: list[tuple[float, str, Entry]] = []
        for entry in self.cls.of_kind(*kinds):
            path = self._path_for(entry, state)
            if path is None:
                continue
            scored.append((self._score(name, entry), path, entry))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < 75:
            self.problems.append(
                Problem(
                    budget.entity,
                    budget.year,
                    "",
                    f"{source}: row '{name}' ({printed}) has no code and matches no "
                    "classifier entry in its place; left out",
                )
            )
            return
        best_score, path, entry = scored[0]
        runner = next((s for s in scored[1:] if s[1] != path), None)
        if best_score < 90 or (runner and best_score - runner[0] < 5):
            self.problems.append(
                Problem(
                    budget.entity,
                    budget.year,
                    path,
                    f"{source}: code of row '{name}' inferred from its text "
                    f"({entry.code}, similarity {best_score:.0f}); please check",
                )
            )
        self._set(state, "income" if state.mode == "income" else "expense", path.split("."))
        self._emit(path, value, printed, name, state, budget, source)

    @staticmethod
    def _path_for(entry: Entry, state: _State) -> str | None:
        """The line code ``entry`` would have here, or None if the hierarchy forbids it."""
        inc, exp = state.income, state.expense
        parts = entry.code.split(".")
        if entry.kind == "category":
            return entry.code
        if entry.kind == "class":
            return entry.code if inc and parts[0] == inc[0] else None
        if entry.kind == "subclass":
            return entry.code if len(inc) >= 2 and parts[:2] == inc[:2] else None
        if entry.kind == "group":
            return entry.code
        if entry.kind == "subfunction":
            return entry.code if exp and parts[0] == exp[0] else None
        if entry.kind == "admin":
            return ".".join([*exp[:2], entry.code]) if len(exp) >= 2 else None
        if entry.kind == "programme":
            if len(exp) >= 3 and parts[0] == exp[2]:
                return ".".join([*exp[:3], parts[1]])
            return None
        return None

    # ------------------------------------------------------------ helpers
    def _budget(self, entity: Entity, year: int) -> Budget:
        key = (entity.name, year)
        if key not in self.budgets:
            self.budgets[key] = Budget(
                entity=entity.name, entity_kind=entity.kind, year=year, doc_id=self.doc_id
            )
            self.entity_kinds[entity.name] = entity.kind
        return self.budgets[key]

    def _line(
        self, code: str, value: Decimal, section: str, source: str, printed: str, name: str
    ) -> Line:
        names = self.cls.names(code)
        return Line(
            code=code,
            amount=value,
            section=section,
            source=source,
            printed=printed,
            name_printed=name,
            name_kk=names["kk"],
            name_ru=names["ru"],
            name_en=names["en"],
        )

    def _apply_editions(self, doc: Document) -> None:
        """Mark budgets whose point or appendix is given in an amending decision's edition."""
        for amendment in doc.amendments:
            for scope in amendment.scope.split(", "):
                for budget in self.budgets.values():
                    if any(ln.source == scope for ln in budget.lines) and not budget.edition:
                        budget.edition = ref(amendment.number, amendment.date)


# ---------------------------------------------------------------- public API


def parse_text(text: str, *, doc_id: str, path: str) -> ParseResult:
    """Parse the plain-text copy of a clean decision (tabs or one cell per line)."""
    if not text or not text.strip():
        raise UnusableDocument("the document is empty")
    lines = [
        " ".join(ln.split()) if "\t" not in ln else ln.strip("\r\n ") for ln in text.splitlines()
    ]
    items: list[Item] = [ln for ln in lines if ln.strip()]
    return _Parser(items, doc_id, path).run()


def parse_html(html: str, *, doc_id: str, path: str) -> ParseResult:
    """Parse a saved adilet HTML page; tables are read cell by cell with rowspan/colspan."""
    from bs4 import BeautifulSoup

    from bot.ingest.read import html_to_text

    if not html or not html.strip():
        raise UnusableDocument("the document is empty")
    soup = BeautifulSoup(html, "html.parser")
    tables: list[list[list[str]]] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is not None:
            continue
        tables.append(html_table_grid(table))
        table.replace_with(soup.new_string(f"\n@@TABLE{len(tables) - 1}@@\n"))
    items: list[Item] = []
    for line in html_to_text(str(soup)).splitlines():
        m = re.fullmatch(r"\s*@@TABLE(\d+)@@\s*", line)
        if m:
            items.extend(Row(cells=cells, positional=True) for cells in tables[int(m.group(1))])
        elif line.strip():
            items.append(" ".join(line.split()))
    return _Parser(items, doc_id, path).run()


__all__ = ["find_entities", "parse_html", "parse_text", "summary_key", "to_decimal"]
