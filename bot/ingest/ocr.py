"""Parse a decision OCR'd from Kazakh Cyrillic with a Latin-alphabet model.

The OCR keeps the figures but scrambles letters and table layout: a row's name
is split over several lines around its amount, code cells drift away from their
rows or are lost. So the parser works on the look-alike skeleton of each line
(:mod:`bot.ingest.fold`) and reads an appendix section as a stream of words,
codes and amounts:

1. every amount anchors one row; the words between two amounts are split between
   the row before and the row after (and, rarely, a row whose amount was lost) at
   the point that lets both rows match classifier names best (dynamic programming);
2. each row is then named by the best classifier entry its place in the hierarchy
   allows (a subclass only under its class, a programme only under an
   administrator), with codes still present in the row as a tie-breaker;
3. the validator (:mod:`bot.ingest.validate`) checks the sums and repairs a figure
   only where the document's own sums allow exactly one value.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

import yaml
from rapidfuzz import fuzz

from bot import DATA_DIR
from bot.classifier import Classifier, Entry
from bot.ingest import places, vocab
from bot.ingest.fold import skeleton, skeleton_phrase
from bot.ingest.numbers import NUMBER, read_after_label, to_decimal
from bot.model import (
    NUMBERED_KEYS,
    Amendment,
    Budget,
    Document,
    Edition,
    Line,
    ParseResult,
    Problem,
    UnusableDocument,
)

SECTION_OF_POINT = {
    "1": "income",
    "2": "expense",
    "3": "net_lending",
    "4": "fin_assets",
    "5": "deficit",
    "6": "financing",
}
SUMMARY_OF_POINT = {str(n): key for n, key in enumerate(NUMBERED_KEYS, start=1)}
MATCH_THRESHOLD = 55.0
MAX_OCR_CHARS = 1_000_000  # the seed is 13 kB; a district budget's OCR some 200 kB
CODE_BONUS = 8.0  # a code cell that survived next to the row
SIBLING_BONUS = 3.0
MAX_HEAD = 18
MAX_TAIL = 16
DROP_PENALTY = 3.0
LOST_ROW_SCORE = 78.0
LOST_ROW_PENALTY = 12.0
ROW_BASE = 60.0
EDGE_PENALTY = 2.0


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load((DATA_DIR / "ingest" / "aliases_kk.yaml").read_text(encoding="utf-8"))
    return {str(code): tuple(names) for code, names in (raw or {}).items()}


def looks_like_ocr(text: str) -> bool:
    """True for Cyrillic text that came out of a Latin OCR model."""
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    return latin > 200 and latin > 3 * cyrillic


# --------------------------------------------------------------------------- tokens


@dataclass
class Token:
    kind: str  # word | code | amount
    text: str  # skeleton word, code digits, or the printed figure
    line: int
    raw: str = ""  # the original line (for name_printed)
    value: Decimal | None = None  # amounts: None when unreadable


_COLUMN_NUMBERS = re.compile(r"^\s*(\d)(\s+\d)+\s*\w?\s*$")
_LEADING_CODE = re.compile(r"^\s*[\[(.,]*\s*(\d{1,3})\s+(?=[^\d\s])")
_AMOUNT = re.compile(rf"(?<![^\W\d_])(\(\s*)?(-\s*)?({NUMBER.pattern})(?![^\W\d_])")


def _is_column_numbers(line: str) -> bool:
    """``1 2 3 4 5 6`` and ``5 6``: the numbered column heads of a table."""
    if not _COLUMN_NUMBERS.match(line):
        return False
    nums = [int(n) for n in re.findall(r"\d+", line)]
    return all(b == a + 1 for a, b in itertools.pairwise(nums))


def _is_header(words: list[str]) -> bool:
    if not words:
        return False
    heads = [skeleton_phrase(w) for w in vocab.load("kk").header_words]
    if len(words) == 1:
        return max(fuzz.ratio(words[0], v) for v in heads) >= 85
    hits = [max(fuzz.ratio(w, v) for v in heads) >= 70 for w in words]
    if sum(hits) < 0.6 * len(hits):
        return False
    return not (len(words) == 1 and fuzz.ratio(words[0], skeleton_phrase("бюджеттік")) >= 75)


def tokenize(lines: Iterable[tuple[int, str]]) -> list[Token]:
    """Turn appendix lines into words, codes and amounts (skeleton form)."""
    tokens: list[Token] = []
    for number, raw in lines:
        line = skeleton(raw).replace("\u2014", " ").replace("\u2013", " ")
        if not line.strip() or _is_column_numbers(line) or line.lstrip().startswith("©"):
            continue  # blank, column numbers, the portal's footer
        letters = re.findall(r"[^\W\d_]+", line)
        if not re.search(r"\d", line) and _is_header([w for w in letters if len(w) > 1]):
            continue
        if letters and all(len(w) == 1 for w in letters) and re.fullmatch(r"\D*\d\D*", line):
            continue  # "A 6": splinters of a word broken across cells
        rest = line
        lead = _LEADING_CODE.match(rest)
        if lead and letters:
            tokens.append(Token("code", lead.group(1), number, raw))
            rest = rest[lead.end() :]
        if not letters:
            rest = re.sub(r"(?<=\d)\s*[.,]\s+(?=\d)", " ", rest)
            nums = re.findall(r"-?\d[\d ]*", rest)
            stripped = rest.strip(" .,(")
            if (
                re.fullmatch(r"\d{1,3}", stripped)
                and (len(stripped) < 3 or stripped.startswith("0") or stripped == "124")
                and stripped != "0"
            ):
                tokens.append(Token("code", stripped, number, raw))
                continue
            if re.fullmatch(r"\d{1,2}\s+-?\d[\d ,]*", stripped) and not NUMBER.fullmatch(stripped):
                code, _, rest = stripped.partition(" ")
                tokens.append(Token("code", code, number, raw))
            elif not nums:
                continue
        found = list(_AMOUNT.finditer(rest))
        cursor = 0
        pending: list[re.Match[str]] = []
        for match in found:
            for word in re.findall(r"[^\W\d_]{2,}", rest[cursor : match.start()]):
                tokens.append(Token("word", word, number, raw))
            pending.append(match)
            cursor = match.end()
        if pending:
            printed = rest[pending[0].start() : pending[-1].end()].strip(" (")
            value: Decimal | None
            if len(pending) == 1:
                figure = pending[0].group(3)
                value = to_decimal(figure)
                if pending[0].group(2):
                    value = -value
            else:
                value = None  # "0 55": digits lost, unreadable
            tokens.append(Token("amount", printed, number, raw, value))
        for word in re.findall(r"[^\W\d_]{2,}", rest[cursor:]):
            tokens.append(Token("word", word, number, raw))
    return tokens


# --------------------------------------------------------------------------- rows


@dataclass
class Row:
    words: list[Token]
    amount: Token | None
    codes: list[str] = field(default_factory=list)
    entry: Entry | None = None
    score: float = 0.0

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.words)

    def printed(self) -> str:
        seen: list[str] = []
        for t in [*self.words, *([self.amount] if self.amount else [])]:
            if t.raw.strip() and t.raw.strip() not in seen:
                seen.append(t.raw.strip())
        return " / ".join(seen)


class Matcher:
    """Scores a row's words against classifier names (skeleton, fuzzy)."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        aliases = _aliases()
        self.names = {
            e.code: [skeleton_phrase(n) for n in (e.name_kk, *aliases.get(e.code, ()))]
            for e in entries
        }
        self._cache: dict[tuple[str, str], float] = {}

    def score(self, text: str, entry: Entry) -> float:
        key = (text, entry.code)
        if key not in self._cache:
            self._cache[key] = (
                max(
                    (
                        max(fuzz.ratio(text, name), fuzz.token_sort_ratio(text, name))
                        for name in self.names[entry.code]
                    ),
                    default=0.0,
                )
                if text
                else 0.0
            )
        return self._cache[key]

    def best(self, text: str, entries: Iterable[Entry]) -> tuple[float, Entry | None]:
        best: tuple[float, Entry | None] = (0.0, None)
        for entry in entries:
            s = self.score(text, entry)
            if s > best[0]:
                best = (s, entry)
        return best


def segment(tokens: list[Token], matcher: Matcher, entries: list[Entry]) -> list[Row]:
    """Split the token stream into rows: one per amount, plus rows whose amount was lost.

    Gap ``k`` holds the words between amount ``k-1`` and amount ``k``. It is cut at
    line boundaries into three runs: the tail of row ``k-1``, an optional row of its
    own whose amount cell was lost (kept only when it matches a classifier name
    clearly), and the head of row ``k``. Dynamic programming picks the cuts that
    make all rows match classifier names best; words left to no row cost a penalty.
    """
    amounts = [i for i, t in enumerate(tokens) if t.kind == "amount"]
    if not amounts:
        return []
    m = len(amounts)
    bounds = [-1, *amounts, len(tokens)]
    gaps = [tokens[bounds[k] + 1 : bounds[k + 1]] for k in range(m + 1)]
    words = [[t for t in g if t.kind == "word"] for g in gaps]
    amount_lines = [tokens[i].line for i in amounts]

    def text(run: list[Token]) -> str:
        return " ".join(t.text for t in run)

    def score(run: list[Token]) -> float:
        """Match quality above a baseline, so that a weak or empty row costs."""
        return (matcher.best(text(run), entries)[0] if run else 0.0) - ROW_BASE

    def cuts(k: int) -> list[int]:
        """Line boundaries of gap ``k``; each amount's own line stays with its row."""
        ws = words[k]
        low = sum(1 for w in ws if k > 0 and w.line == amount_lines[k - 1])
        high = len(ws) - sum(1 for w in ws if k < m and w.line == amount_lines[k])
        high = max(low, high)
        return [c for c in range(low, high + 1) if c in (low, high) or ws[c - 1].line != ws[c].line]

    options = [cuts(k) for k in range(m + 1)]
    # dp[k][s]: best total for rows before amount k, with gap k's first s words
    # given to row k-1; back[k][s] = (cut of gap k-1, start of row k-1's head, whether the
    # words between are a row of their own rather than furniture)
    dp: list[dict[int, float]] = [{} for _ in range(m + 1)]
    back: list[dict[int, tuple[int, int, bool]]] = [{} for _ in range(m + 1)]
    for s in options[0]:
        dp[0][s] = -EDGE_PENALTY * s  # words before the first row: furniture
    for k in range(m):
        for s_next in options[k + 1]:
            tail = words[k + 1][:s_next]
            # words after the last amount: its tail, or page furniture
            penalty = EDGE_PENALTY * (len(words[m]) - s_next) if k + 1 == m else 0.0
            best, arg = -1e18, (0, 0, False)
            for s, total in dp[k].items():
                for t in (c for c in options[k] if c >= s):
                    head = words[k][t:]
                    lost = words[k][s:t]
                    extra, is_row = 0.0, False
                    if lost:
                        # either a row whose amount was lost, or page furniture to drop
                        extra = -DROP_PENALTY * len(lost)
                        lost_score = score(lost)
                        if lost_score + ROW_BASE >= LOST_ROW_SCORE:
                            as_row = lost_score - LOST_ROW_PENALTY
                            if as_row > extra:
                                extra, is_row = as_row, True
                    dropped = max(0, len(head) - MAX_HEAD)
                    value = total + extra + score(head[dropped:] + tail)
                    value -= DROP_PENALTY * dropped + penalty
                    if value > best:
                        best, arg = value, (s, t, is_row)
            dp[k + 1][s_next] = best
            back[k + 1][s_next] = arg
    cut = max(dp[m], key=lambda c: dp[m][c])
    rows: list[Row] = []
    for k in range(m, 0, -1):
        s, t, is_row = back[k][cut]
        head = words[k - 1][t:][-MAX_HEAD:]
        tail = words[k][:cut]
        codes = [x.text for x in gaps[k - 1] if x.kind == "code"][-1:]
        codes += [x.text for x in gaps[k] if x.kind == "code" and x.line == amount_lines[k - 1]]
        rows.append(Row(head + tail, tokens[amounts[k - 1]], codes))
        if is_row:
            rows.append(Row(words[k - 1][s:t], None))
        cut = s
    rows.reverse()
    return rows


# --------------------------------------------------------------------------- naming


def _depth(entry: Entry) -> int:
    return {
        "category": 0,
        "group": 0,
        "class": 1,
        "subfunction": 1,
        "subclass": 2,
        "admin": 2,
        "programme": 3,
    }.get(entry.kind, 0)


def name_rows(
    rows: list[Row], section: str, classifier: Classifier, matcher: Matcher
) -> tuple[list[Line], list[Row]]:
    """Give each row the best classifier entry its place in the hierarchy allows.

    Returns the named lines and the rows no entry fits (reported, never stored).
    """
    pool = _pool(classifier, section)
    stack: dict[int, str] = {}
    lines: list[Line] = []
    unnamed: list[Row] = []
    for row in rows:
        allowed = [
            e
            for e in pool
            if e.kind in {"category", "group"}
            or (e.kind in {"class", "subfunction"} and e.code.startswith(stack.get(0, "?") + "."))
            or (e.kind == "subclass" and e.code.startswith(stack.get(0, "?") + "."))
            or (e.kind == "admin" and 1 in stack)
            or (e.kind == "programme" and 2 in stack and e.code.startswith(stack[2] + "."))
        ]
        scored = []
        for e in allowed:
            s = matcher.score(row.text, e)
            if e.code.split(".")[-1] in row.codes:
                s += CODE_BONUS
            if e.kind == "subclass" and e.code.startswith(stack.get(1, "?") + "."):
                s += SIBLING_BONUS  # under the class just read
            scored.append((s, _depth(e), e))
        # on a tie the deeper entry wins: "Қарыздарды өтеу" under group 16 is 16.1
        scored.sort(key=lambda x: (round(x[0], 1), x[1]), reverse=True)
        if not scored or scored[0][0] < MATCH_THRESHOLD:
            unnamed.append(row)
            continue
        score, depth, entry = scored[0]
        stack = {k: v for k, v in stack.items() if k < depth}
        stack[depth] = entry.code
        row.entry, row.score = entry, score
        lines.append(
            Line(
                code=_line_code(entry, stack),
                amount=row.amount.value if row.amount else None,
                section=entry.section,
                source="",
                printed=row.amount.text if row.amount else "",
                name_printed=row.printed(),
            )
        )
    return lines, unnamed


def _line_code(entry: Entry, stack: dict[int, str]) -> str:
    """Admins and programmes take the sub-function the document puts them under."""
    if entry.kind in {"admin", "programme"}:
        return f"{stack[1]}.{entry.code}"
    return entry.code


# --------------------------------------------------------------------------- document


_APPENDIX = re.compile(r"(\d)\s*-\s*[кж][оа]с[ыеі]\S*\s*$")
_YEAR = re.compile(r"\b(20\d\d)\b")
_POINT_ROW = re.compile(r"^\s*([1-6])\)")
_NUMBER_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(20\d\d)\s*\S{0,4}\s*(\d+\s*-\s*\d+)")


def _month(word: str) -> int | None:
    months = vocab.load("kk").months
    best = max(months, key=lambda m: fuzz.ratio(word, skeleton_phrase(m)))
    return months[best] if fuzz.ratio(word, skeleton_phrase(best)) >= 60 else None


def _decision_ref(text: str) -> tuple[date | None, str]:
    """``2022 KbUIFBl 29 »KenTokcanaarsl Ne 28-7`` → (2022-12-29, "28-7")."""
    sk = skeleton(text)
    m = re.search(r"(20\d\d)\s+\S+\s+(\d{1,2})\s+(\S+)\s+\S{0,3}\s*(\d+\s*-\s*\d+)", sk)
    if not m:
        return None, ""
    month = _month(m.group(3))
    when = date(int(m.group(1)), month, int(m.group(2))) if month else None
    return when, m.group(4).replace(" ", "")


def _amendments(chunks: list[tuple[str, str]]) -> list[Amendment]:
    found: dict[tuple[str, date], Amendment] = {}
    for scope, text in chunks:
        for m in _NUMBER_DATE.finditer(skeleton(text)):
            when = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            number = m.group(4).replace(" ", "")
            key = (number, when)
            if key in found:
                found[key].scope = ", ".join(dict.fromkeys([*found[key].scope.split(", "), scope]))
            else:
                found[key] = Amendment("", number, when, scope)
    return list(found.values())


def _entity(title: str) -> tuple[str, str]:
    """Find the budget holder in a title such as "… Жәнібек ауданы Талов ауылдық округінің …"."""
    words = skeleton_phrase(title).split()
    kinds = vocab.load("kk").entity_kinds
    best: tuple[float, int, str] = (0.0, -1, "")
    for i in range(1, len(words)):
        for kind, phrases in kinds.items():
            for phrase in phrases:
                target = skeleton_phrase(phrase).split()
                window = " ".join(words[i : i + len(target)])
                score = fuzz.ratio(window, " ".join(target))
                if kind == "district":
                    score -= 5  # the district is usually the holder's parent
                if score > best[0]:
                    best = (score, i, kind)
    if best[0] < 70:
        return "", ""
    return words[best[1] - 1], best[2]


def parse_ocr(text: str, *, doc_id: str, path: str, classifier: Classifier) -> ParseResult:
    """Parse an OCR'd Kazakh decision into documents, budgets and problems (no validation)."""
    if len(text) > MAX_OCR_CHARS:  # row segmentation grows with the text: refuse, don't hang
        raise UnusableDocument(
            f"the OCR text is too long ({len(text) // 1000} kB; at most "
            f"{MAX_OCR_CHARS // 1000} kB); send one decision per file"
        )
    raw_lines = text.splitlines()
    marks = [
        (i, int(m.group(1)))
        for i, ln in enumerate(raw_lines)
        if (m := _APPENDIX.search(skeleton(ln)))
    ]
    preamble = raw_lines[: marks[0][0]] if marks else raw_lines
    if not any(_POINT_ROW.match(skeleton(ln)) for ln in raw_lines):
        raise UnusableDocument("no budget figures found in this text")

    head = " ".join(ln for ln in preamble[:12] if ln.strip())
    when, number = _decision_ref(head)
    title_line = next((ln for ln in raw_lines if ln.strip()), "")
    place_word, kind = _entity(title_line + " " + (raw_lines[1] if len(raw_lines) > 1 else ""))
    issuer_place = _issuer_place(head)
    result = ParseResult()
    problems: list[Problem] = []
    place = places.place_for(place_word) if place_word else None
    entity = places.names(place, kind or "rural_district")["kk"] if place else ""
    if not entity:
        problems.append(Problem("", None, "", "the budget holder's name could not be read"))

    # Footnotes: "Ескерту. 1-тармақ жаңа редакцияда — … 27.12.2023 № 15-4 шешімімен"
    notes: list[tuple[str, str]] = []
    for i, ln in enumerate(raw_lines):
        sk = skeleton(ln)
        if fuzz.partial_ratio("ескерту", sk[:12]) >= 80:
            chunk = " ".join(raw_lines[i : i + 2])
            sc = skeleton(chunk)
            m = re.search(r"(\d)\s*-\s*(\S+)", sc)
            scope = ""
            if m:
                is_point = fuzz.partial_ratio("тармак", m.group(2)) >= 70
                scope = f"{'point' if is_point else 'appendix'} {m.group(1)}"
            notes.append((scope, chunk))
    amendments = _amendments(notes)
    issuer_names = places.names(issuer_place, "maslikhat_district") if issuer_place else {}
    for a in amendments:
        a.issuer = issuer_names.get("kk", "")
    document = Document(
        doc_id=doc_id,
        path=path,
        lang="kk",
        issuer=issuer_names.get("kk", ""),
        number=number,
        date=when,
        title=" ".join(ln.strip() for ln in raw_lines[:2]),
        kind="base",
        amendments=amendments,
    )
    result.documents.append(document)

    # Point 1
    point_year = _point1_year(preamble)
    summary = _parse_point1(preamble)
    budgets: dict[int, Budget] = {}

    def edition_for(scope: str) -> Edition | None:
        """The amending decision whose text this part is given in ("point 1", "appendix 1")."""
        for a in amendments:
            if scope in a.scope.split(", "):
                return Edition(a.date, a.number)
        return None

    if summary and point_year:
        b = budgets.setdefault(point_year, Budget(entity, kind, point_year, doc_id))
        b.edition = edition_for("point 1")
        for key, amount in summary.items():
            b.lines.append(
                Line(
                    code=key,
                    amount=amount.value if amount else None,
                    section="summary",
                    source="point 1",
                    printed=amount.printed if amount else "",
                )
            )

    # Appendices
    for idx, (start, number_) in enumerate(marks):
        stop = (
            _heading_start(raw_lines, marks[idx + 1][0]) if idx + 1 < len(marks) else len(raw_lines)
        )
        block = list(enumerate(raw_lines[start + 1 : stop], start=start + 2))
        year = next((int(y) for _, ln in block[:6] for y in _YEAR.findall(skeleton(ln))), None)
        if year is None:
            problems.append(Problem(entity, None, "", f"appendix {number_}: its year is not given"))
            continue
        b = budgets.setdefault(year, Budget(entity, kind, year, doc_id))
        b.appendix = f"appendix {number_}"
        b.edition = b.edition or edition_for(f"appendix {number_}")
        found, unnamed = _parse_appendix(block, classifier)
        for line in found:
            line.source = f"appendix {number_}"
            b.lines.append(line)
        for row in unnamed:
            problems.append(
                Problem(
                    entity,
                    year,
                    "",
                    f"row not recognised, not stored: {row.printed()[:80]}",
                    f"appendix {number_}",
                )
            )
    # Display names come from the classifier by code, never from the OCR text.
    for b in budgets.values():
        for ln in b.lines:
            names = classifier.names(ln.code)
            ln.name_kk, ln.name_ru, ln.name_en = names["kk"], names["ru"], names["en"]
    # A district maslikhat adopts the budgets of its villages: the issuer's district is
    # the parent of the entity the OCR'd title names.
    district = places.names(issuer_place, "district")["kk"] if issuer_place else ""
    for b in budgets.values():
        if district and kind != "district":
            b.lineage = ((district, "district"),)
    result.budgets = [budgets[y] for y in sorted(budgets)]
    result.problems = problems
    return result


def _heading_start(lines: list[str], marker: int) -> int:
    """First line of the heading "… мәслихатының 2022 жылғы … шешіміне 2-қосымша"."""
    start = marker
    for j in range(marker - 1, max(marker - 7, -1), -1):
        sk = skeleton(lines[j])
        if _YEAR.search(sk) or fuzz.partial_ratio("мосліжат", sk) >= 80:
            start = j
    return start


def _issuer_place(head: str) -> places.Place | None:
    words = skeleton_phrase(head).split()
    for i, w in enumerate(words[1:], start=1):
        if fuzz.ratio(w, skeleton_phrase("аудандық")) >= 70:
            found = places.find_place(words[i - 1], threshold=70)
            if found:
                return found
    return None


def _point1_year(preamble: list[str]) -> int | None:
    text = skeleton(" ".join(preamble))
    m = re.search(r"(?:ішінде|ішінае|інае|ішіндe)\s+(20\d\d)", text)
    if m:
        return int(m.group(1))
    m = re.search(r"\b(20\d\d)\s+ж\S*\s+(?:келесі|мынадай)", text)
    if m:
        return int(m.group(1))
    years = re.findall(r"ішін\w*\s+(20\d\d)", text)
    return int(years[0]) if years else None


def _parse_point1(preamble: list[str]) -> dict[str, object]:
    """Point 1's summary rows: key → Amount (None where the figure is unreadable).

    Numbered rows ``1)`` … ``6)`` are known by their number; the rows under ``1)``
    (tax, non-tax, capital, transfers) by their label.
    """
    words = vocab.load("kk")
    income_parts = ("tax", "non_tax", "capital", "transfers")
    labels = [(key, skeleton_phrase(p)) for key in income_parts for p in words.summary[key]]
    found: dict[str, object] = {}
    point = ""
    for raw in preamble:
        sk = skeleton(raw)
        numbered = _POINT_ROW.match(sk)
        if numbered:
            point = numbered.group(1)
        if not point:
            continue
        if fuzz.partial_ratio("ескерту", sk[:12]) >= 80 or re.match(r"^\s*\d+\.\s", sk):
            break
        parts = re.split(r"\s[\u2014\u2013-]\s", raw, maxsplit=1)
        if len(parts) < 2:
            continue
        if numbered:
            key = SUMMARY_OF_POINT[point]
        elif point == "1":
            label = skeleton_phrase(parts[0])
            key, score = max(
                ((k, fuzz.token_sort_ratio(label, p)) for k, p in labels), key=lambda x: x[1]
            )
            if score < 55:
                continue
        else:
            continue
        if key not in found:
            found[key] = read_after_label(" - " + parts[1]) if NUMBER.search(parts[1]) else None
    return found


def _parse_appendix(
    block: list[tuple[int, str]], classifier: Classifier
) -> tuple[list[Line], list[Row]]:
    """Lines of one appendix, section by section (``1)`` income … ``6)`` financing)."""
    sections: list[tuple[str, list[tuple[int, str]]]] = []
    for number, raw in block:
        m = _POINT_ROW.match(skeleton(raw))
        if m:
            sections.append((m.group(1), []))
            raw = re.sub(r"^\s*[1-6]\)", "", raw)  # "1) Кірістер": the number is not a figure
        if sections:
            sections[-1][1].append((number, raw))
    lines: list[Line] = []
    unnamed: list[Row] = []
    for point, body in sections:
        section = SECTION_OF_POINT[point]
        key = SUMMARY_OF_POINT[point]
        tokens = tokenize(body)
        # the "N)" row's figure is the section's first amount; a lost one may be derived
        first = next((i for i, t in enumerate(tokens) if t.kind == "amount"), None)
        amount = tokens[first] if first is not None else None
        lines.append(
            Line(
                code=key,
                amount=amount.value if amount else None,
                section="summary",
                source="",
                printed=amount.text if amount else "",
                name_printed=(amount.raw if amount else body[0][1]).strip(),
            )
        )
        if amount is None or section == "deficit":
            continue
        pool = _pool(classifier, section)
        matcher = Matcher(pool)
        named, left = name_rows(
            segment(tokens[first + 1 :], matcher, pool), section, classifier, matcher
        )
        lines.extend(named)
        unnamed.extend(row for row in left if row.amount is not None)
    return lines, unnamed


def _pool(classifier: Classifier, section: str) -> list[Entry]:
    if section == "expense":
        return [
            e
            for e in classifier.of_kind("group", "subfunction", "admin", "programme")
            if e.section == "expense"
        ]
    # Every other section is the receipts (and loan repayments) the code itself places there.
    return [
        e
        for e in classifier.of_kind("category", "class", "subclass", "group", "subfunction")
        if e.section == section
    ]


__all__ = ["looks_like_ocr", "parse_ocr"]
