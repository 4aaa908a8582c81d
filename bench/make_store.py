"""Generate a synthetic budget store of about a million ``lines`` rows for the benchmark.

Many invented rural districts (each with its kk/ru/en ``entities`` row, grouped under
invented districts whose maslikhats issue the decisions) × years × the codes of
``data/classifier.csv``. Every budget is internally consistent, in integer tenge:

- income: categories 1–4 = sum of their classes = sum of their subclasses;
- expense: group = sum of sub-functions = administrator 124 = sum of its programmes;
- ``income_total`` = 1 + 2 + 3 + 4, ``expense_total`` = sum of groups;
- ``deficit`` = income − expense − net lending − financial-assets saldo, and
  ``financing`` = −deficit = borrowing (7) − repayment (16) + balances used (8).

Documents are modelled on the seed: one decision per rural district and year Y (adopted in
December of Y−1, sometimes restated by amendments during Y) gives point 1 and appendix 1
for Y and, for a fraction of decisions, a planned appendix 2 for Y+1 that the next year's
decision supersedes (stored with ``current = 0``). ``current`` follows exactly the rules of
:func:`bot.store.write.refresh_current`; ``--check N`` re-derives it for N random budgets
with that function and fails on any difference.

The schema, indexes and classifier (+ FTS5) come from the project (``open_db`` and
``load_classifier``); rows go in with ``executemany`` inside one transaction.

    python bench/make_store.py --lines 1000000 --out bench/synthetic.db --seed 42
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot import classifier as classifier_mod  # noqa: E402
from bot.store.schema import load_classifier, open_db  # noqa: E402

# ----------------------------------------------------------------------------- names
# (kk, ru, en) pieces of invented but plausible place names.
ROOTS = [
    ("Ақ", "Ак", "Ak"), ("Қара", "Кара", "Kara"), ("Көк", "Кок", "Kok"),
    ("Сары", "Сары", "Sary"), ("Бай", "Бай", "Bai"), ("Тал", "Тал", "Tal"),
    ("Қызыл", "Кызыл", "Kyzyl"), ("Бес", "Бес", "Bes"), ("Үш", "Уш", "Ush"),
    ("Ор", "Ор", "Or"), ("Ал", "Ал", "Al"), ("Шал", "Шал", "Shal"),
    ("Тас", "Тас", "Tas"), ("Құм", "Кум", "Kum"), ("Жел", "Жел", "Zhel"),
    ("Ел", "Ел", "El"), ("Қоңыр", "Коныр", "Konyr"), ("Шұбар", "Шубар", "Shubar"),
    ("Ұзын", "Узун", "Uzyn"), ("Жалпақ", "Жалпак", "Zhalpak"), ("Терең", "Терен", "Teren"),
    ("Кең", "Кен", "Ken"), ("Биік", "Биик", "Biik"), ("Жасыл", "Жасыл", "Zhasyl"),
    ("Алтын", "Алтын", "Altyn"), ("Күміс", "Кумис", "Kumis"), ("Темір", "Темир", "Temir"),
    ("Мың", "Мын", "Myn"), ("Қос", "Кос", "Kos"), ("Жаңа", "Жана", "Zhana"),
    ("Ескі", "Ески", "Eski"), ("Ой", "Ой", "Oi"), ("Бөрі", "Бори", "Bori"),
    ("Аю", "Аю", "Ayu"), ("Түлкі", "Тулки", "Tulki"), ("Қарға", "Карга", "Karga"),
]  # fmt: skip
SUFFIXES = [
    ("бұлақ", "булак", "bulak"), ("терек", "терек", "terek"), ("көл", "коль", "kol"),
    ("су", "су", "su"), ("тау", "тау", "tau"), ("құдық", "кудук", "kuduk"),
    ("тоғай", "тогай", "togai"), ("өзек", "озек", "ozek"), ("қайың", "кайын", "kaiyn"),
    ("адыр", "адыр", "adyr"), ("шоқы", "шокы", "shoky"), ("сай", "сай", "sai"),
    ("қамыс", "камыс", "kamys"), ("жар", "жар", "zhar"), ("бел", "бель", "bel"),
    ("дала", "дала", "dala"), ("тұма", "тума", "tuma"), ("ағаш", "агаш", "agash"),
    ("кемер", "кемер", "kemer"), ("қопа", "копа", "kopa"), ("арал", "арал", "aral"),
    ("төбе", "тобе", "tobe"), ("сор", "сор", "sor"), ("шілік", "шилик", "shilik"),
    ("үйрек", "уйрек", "uirek"), ("қоға", "кога", "koga"), ("бастау", "бастау", "bastau"),
    ("жиде", "жиде", "zhide"), ("жол", "жол", "zhol"), ("кент", "кент", "kent"),
    ("қорған", "курган", "kurgan"), ("өткел", "откель", "otkel"),
]  # fmt: skip
DISTRICT_SUFFIXES = [
    ("бек", "бек", "bek"), ("тай", "тай", "tai"), ("тал", "тал", "tal"), ("ата", "ата", "ata"),
]  # fmt: skip


def _ru_adjective(name: str) -> str:
    """Акбулак → Акбулакский, Акдала → Акдалинский, Акколь → Аккольский."""
    if name.endswith(("а", "ы", "е", "о")):
        return name[:-1] + "инский"
    return name + "ский"


def _join(a: tuple[str, str, str], b: tuple[str, str, str]) -> tuple[str, str, str]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def place_names(rng: random.Random) -> list[tuple[str, str, str]]:
    """Every root × suffix, shuffled; a second round with «Жаңа» / «Жана» / "Zhana" prefixed."""
    base = [_join(r, s) for r in ROOTS for s in SUFFIXES]
    rng.shuffle(base)
    more = [(f"Жаңа{kk.lower()}", f"Ново{ru.lower()}", f"Zhana{en.lower()}") for kk, ru, en in base]
    return base + more


# ----------------------------------------------------------------------------- codes
# Programmes of a rural akim's office (124) with the chance a district has them and a weight.
PROGRAMMES = [
    ("01.1.124.001", 1.00, 9.0),  # the akim's office itself
    ("01.1.124.022", 0.30, 0.8),
    ("04.1.124.004", 0.25, 3.0),
    ("04.2.124.005", 0.20, 0.6),
    ("06.2.124.003", 0.30, 0.7),
    ("07.1.124.007", 0.10, 0.8),
    ("07.2.124.014", 0.30, 1.5),
    ("07.3.124.008", 0.75, 1.0),
    ("07.3.124.009", 0.60, 0.8),
    ("07.3.124.010", 0.20, 0.3),
    ("07.3.124.011", 0.75, 2.0),
    ("08.1.124.006", 0.50, 2.0),
    ("08.2.124.028", 0.15, 0.4),
    ("12.1.124.013", 0.85, 1.5),
    ("12.1.124.045", 0.10, 3.0),
    ("13.9.124.040", 0.40, 1.5),
    ("15.1.124.048", 0.10, 0.05),
]
# Tax and non-tax income subclasses: chance and weight within their category.
TAXES = [
    ("1.01.2", 0.55, 2.0),
    ("1.04.1", 0.90, 0.5),
    ("1.04.3", 0.80, 0.3),
    ("1.04.4", 0.95, 3.0),
    ("1.05.3", 0.10, 0.5),
    ("1.05.4", 0.10, 0.2),
    ("1.08.1", 0.05, 0.1),
]
NON_TAX = [("2.01.5", 0.30, 1.0), ("2.06.1", 0.40, 0.5), ("2.04.1", 0.10, 0.2)]
CAPITAL = [("3.01.1", 0.05, 1.0), ("3.03.1", 0.05, 1.0)]


@dataclass
class Edition:
    """One decision's version of one year's budget: (code, section, source, tenge) rows."""

    year: int
    doc_id: str
    edition: str
    edition_date: str
    appendix: str
    lang: str = "kk"
    rows: list[tuple[str, str, str, int]] = field(default_factory=list)
    current: list[int] = field(default_factory=list)


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """``total`` tenge (a multiple of 100) in parts proportional to jittered weights."""
    if not weights:
        return []
    w = [x * rng.uniform(0.6, 1.4) for x in weights]
    s = sum(w)
    parts = [int(total * x / s) // 100 * 100 for x in w]
    parts[0] += total - sum(parts)
    return parts


def _tree(leaves: dict[str, int], levels) -> dict[str, int]:
    """Leaf amounts plus every ancestor code (given by ``levels(code)``) as sums."""
    out: dict[str, int] = {}
    for code, amount in leaves.items():
        for anc in levels(code):
            out[anc] = out.get(anc, 0) + amount
    return out


def _income_levels(code: str) -> list[str]:
    p = code.split(".")
    return [p[0], f"{p[0]}.{p[1]}", code]


def _expense_levels(code: str) -> list[str]:
    p = code.split(".")
    return [p[0], f"{p[0]}.{p[1]}", f"{p[0]}.{p[1]}.{p[2]}", code]


def _code_key(code: str) -> tuple:
    return tuple(int(x) for x in code.split("."))


def budget_rows(
    rng: random.Random, scale: int, programmes: list[tuple[str, float]], point1: bool
) -> list[tuple[str, str, str, int]]:
    """One consistent budget: point-1 keys (when ``point1``) then the appendix lines."""
    expense_total = scale // 100 * 100
    # a few programmes skip a year
    chosen = [(c, w) for c, w in programmes if c.endswith(".001") or rng.random() < 0.9]
    amounts = _split(rng, expense_total, [w for _, w in chosen])
    exp_leaves = {c: a for (c, _), a in zip(chosen, amounts, strict=True)}

    balances = 0
    if rng.random() < 0.35:
        balances = int(expense_total * rng.uniform(0.005, 0.05)) // 100 * 100
    revenue = expense_total - balances
    own = int(revenue * rng.uniform(0.02, 0.15)) // 100 * 100

    def pick(spec):
        got = [(c, w) for c, _p, w in spec if rng.random() < _p]
        return got

    taxes = pick(TAXES) or [("1.04.4", 1.0)]
    non_tax = pick(NON_TAX)
    capital = pick(CAPITAL)
    tax_total = int(own * 0.85) // 100 * 100 if (non_tax or capital) else own
    rest = own - tax_total
    inc_leaves: dict[str, int] = {}
    for (c, _), a in zip(taxes, _split(rng, tax_total, [w for _, w in taxes]), strict=True):
        inc_leaves[c] = a
    other = non_tax + capital
    for (c, _), a in zip(other, _split(rng, rest, [w for _, w in other]), strict=True):
        inc_leaves[c] = a
    transfers = revenue - own
    if rng.random() < 0.05:
        regional = int(transfers * rng.uniform(0.02, 0.2)) // 100 * 100
        inc_leaves["4.02.2"] = regional
        inc_leaves["4.02.3"] = transfers - regional
    else:
        inc_leaves["4.02.3"] = transfers

    income = _tree(inc_leaves, _income_levels)
    for cat in ("1", "2", "3", "4"):
        income.setdefault(cat, 0)
    expense = _tree(exp_leaves, _expense_levels)
    income_total = sum(income[c] for c in ("1", "2", "3", "4"))
    expense_sum = sum(v for c, v in expense.items() if "." not in c)
    assert income_total == revenue and expense_sum == expense_total
    net_lending = 0
    fin_saldo = 0
    deficit = income_total - expense_total - net_lending - fin_saldo
    financing = -deficit  # borrowing 0 − repayment 0 + balances used
    assert financing == balances

    rows: list[tuple[str, str, str, int]] = []
    if point1:
        for key, value in (
            ("income_total", income_total),
            ("tax", income["1"]),
            ("non_tax", income["2"]),
            ("capital", income["3"]),
            ("transfers", income["4"]),
            ("expense_total", expense_total),
            ("net_lending", net_lending),
            ("fin_assets_saldo", fin_saldo),
            ("deficit", deficit),
            ("financing", financing),
        ):
            rows.append((key, "summary", "point 1", value))
    app = "appendix"  # the caller fixes the number
    rows.append(("income_total", "summary", app, income_total))
    rows.extend((c, "income", app, income[c]) for c in sorted(income, key=_code_key))
    rows.append(("expense_total", "summary", app, expense_total))
    rows.extend((c, "expense", app, expense[c]) for c in sorted(expense, key=_code_key))
    rows.append(("net_lending", "summary", app, net_lending))
    rows.append(("5", "net_lending", app, 0))
    rows.append(("5.01.1", "net_lending", app, 0))
    rows.append(("fin_assets_saldo", "summary", app, fin_saldo))
    rows.append(("6", "fin_assets", app, 0))
    rows.append(("6.01", "fin_assets", app, 0))
    rows.append(("deficit", "summary", app, deficit))
    rows.append(("financing", "summary", app, financing))
    rows.append(("16", "financing", app, 0))
    rows.append(("16.1", "financing", app, 0))
    if balances or rng.random() < 0.5:
        rows.extend((c, "financing", app, balances) for c in ("8", "8.01", "8.01.1"))
    return rows


def printed(tenge: int, lang: str) -> str:
    """Thousand tenge as a decision prints it: «60 033», «1 200,5», «-847»."""
    sign = "-" if tenge < 0 else ""
    whole, frac = divmod(abs(tenge), 1000)
    text = f"{whole:,}".replace(",", " ")
    if frac:
        text += "," + f"{frac:03d}".rstrip("0")
    return sign + text


def mark_current(editions: list[Edition]) -> None:
    """``current`` flags with the rules of :func:`bot.store.write.refresh_current`."""

    def order(ed: Edition) -> tuple[str, str]:
        return (ed.edition_date, ed.doc_id)

    with_appendix = [ed for ed in editions if any(r[1] != "summary" for r in ed.rows)]
    newest = max(with_appendix, key=order) if with_appendix else None
    best: dict[str, tuple[tuple, Edition, int]] = {}
    for ed in editions:
        ed.current = [0] * len(ed.rows)
        for i, (code, section, source, _) in enumerate(ed.rows):
            if section != "summary":
                if ed is newest:
                    ed.current[i] = 1
                continue
            rank = (order(ed), source.startswith("appendix"))
            if code not in best or rank > best[code][0]:
                best[code] = (rank, ed, i)
    for _, ed, i in best.values():
        ed.current[i] = 1


# ----------------------------------------------------------------------------- writing
LINE_SQL = (
    "INSERT INTO lines (line_id, budget_id, doc_id, entity, year, code, section, source, ord, "
    "amount_tenge, printed, name_printed, repaired, current) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
DOC_SQL = (
    "INSERT INTO documents (doc_id, path, lang, issuer, issuer_kk, issuer_ru, issuer_en, number, "
    "date, title, kind, amends, amendments) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
BUDGET_SQL = (
    "INSERT INTO budgets (budget_id, entity, entity_kind, year, doc_id, edition, edition_date, "
    "appendix, parts) VALUES (?,?,?,?,?,?,?,?,?)"
)
ENTITY_SQL = "INSERT INTO entities (entity, kind, name_kk, name_ru, name_en) VALUES (?,?,?,?,?)"


def generate(args: argparse.Namespace) -> dict[str, object]:
    t0 = time.perf_counter()
    out = Path(args.out)
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(str(out) + suffix)
        if p.exists():
            p.unlink()
    rng = random.Random(args.seed)
    clf = classifier_mod.default()
    db = open_db(out)
    load_classifier(db, clf)
    conn = db.conn
    conn.execute("PRAGMA synchronous=OFF")

    def name_of(code: str, lang: str) -> str:
        entry = clf.entry_for_line(code)
        return entry.name(lang) if entry else code

    names = place_names(rng)
    years = list(range(args.first_year, args.last_year + 1))
    counts = {"entities": 0, "documents": 0, "budgets": 0, "lines": 0, "current": 0}
    pending: list[tuple] = []
    docs: list[tuple] = []
    budgets: list[tuple] = []
    entities: list[tuple] = []
    district = None
    district_left = 0
    n_district = 0

    conn.execute("BEGIN")
    while counts["lines"] < args.lines:
        if counts["entities"] >= len(names):
            raise SystemExit(f"ran out of invented names at {counts['lines']} lines")
        if district_left == 0:
            root = ROOTS[n_district % len(ROOTS)]
            suf = DISTRICT_SUFFIXES[(n_district // len(ROOTS)) % len(DISTRICT_SUFFIXES)]
            kk, ru, en = _join(root, suf)
            district = {
                "kk": f"{kk} аудандық мәслихаты",
                "ru": f"{_ru_adjective(ru)} районный маслихат",
                "en": f"{en} District Maslikhat",
            }
            district_left = rng.randint(6, 14)
            n_district += 1
        district_left -= 1
        kk, ru, en = names[counts["entities"]]
        entity = f"{en} rural district"
        entities.append(
            (entity, "rural_district", f"{kk} ауылдық округі",
             f"{_ru_adjective(ru)} сельский округ", entity)
        )  # fmt: skip
        counts["entities"] += 1

        programmes = [(c, w) for c, p, w in PROGRAMMES if c.endswith(".001") or rng.random() < p]
        size = rng.lognormvariate(11.2, 0.5)  # thousand tenge in the first year, ≈ 73 000
        by_year: dict[int, list[Edition]] = {y: [] for y in years}
        for y in years:
            lang = "kk" if rng.random() < 0.7 else "ru"
            doc_id = hashlib.sha256(f"{args.seed}|{entity}|{y}".encode()).hexdigest()[:16]
            session = rng.randint(20, 60)
            number = f"{session}-{rng.randint(1, 15)}"
            day = f"{y - 1}-12-{rng.randint(20, 29):02d}"
            amendments = []
            if rng.random() < args.amended:
                for k, month in enumerate(sorted(rng.sample(range(3, 13), rng.randint(1, 3)))):
                    amendments.append(
                        {
                            "issuer": district[lang],
                            "number": f"{session + k + 1}-{rng.randint(1, 9)}",
                            "date": f"{y}-{month:02d}-{rng.randint(1, 28):02d}",
                            "scope": "point 1, appendix 1",
                        }
                    )
            if lang == "kk":
                title = f"{y}-{y + 2} жылдарға арналған {kk} ауылдық округінің бюджеті туралы"
            else:
                title = (
                    f"О бюджете {_ru_adjective(ru)[:-2]}ого сельского округа на {y}-{y + 2} годы"
                )
            docs.append(
                (doc_id, f"synthetic/{doc_id}.txt", lang, district[lang], district["kk"],
                 district["ru"], district["en"], number, day, title, "base", "",
                 json.dumps(amendments, ensure_ascii=False))
            )  # fmt: skip
            scale = int(size * 1.07 ** (y - years[0]) * rng.uniform(0.9, 1.1) * 1000)
            last = amendments[-1] if amendments else None
            by_year[y].append(
                Edition(
                    y,
                    doc_id,
                    last["number"] if last else number,
                    last["date"] if last else day,
                    "appendix 1",
                    lang,
                    budget_rows(rng, scale, programmes, point1=True),
                )
            )
            if y + 1 <= years[-1] and rng.random() < args.planned:
                plan_scale = int(size * 1.07 ** (y + 1 - years[0]) * rng.uniform(0.85, 1.0) * 1000)
                by_year[y + 1].append(
                    Edition(
                        y + 1, doc_id, number, day, "appendix 2", lang,
                        budget_rows(rng, plan_scale, programmes, point1=False),
                    )
                )  # fmt: skip
            counts["documents"] += 1
        for y, editions in by_year.items():
            mark_current(editions)
            for ed in editions:
                budget_id = f"{entity}|{y}|{ed.doc_id}"
                doc_lang = ed.lang
                parts = (
                    "appendix,summary" if any(r[2] == "point 1" for r in ed.rows) else "appendix"
                )
                budgets.append(
                    (budget_id, entity, "rural_district", y, ed.doc_id, ed.edition,
                     ed.edition_date, ed.appendix, parts)
                )  # fmt: skip
                counts["budgets"] += 1
                for i, ((code, section, source, tenge), cur) in enumerate(
                    zip(ed.rows, ed.current, strict=True)
                ):
                    src = ed.appendix if source == "appendix" else source
                    pending.append(
                        (f"{budget_id}|{src}|{code}", budget_id, ed.doc_id, entity, y, code,
                         section, src, i, tenge, printed(tenge, doc_lang),
                         name_of(code, doc_lang), 0, cur)
                    )  # fmt: skip
                    counts["current"] += cur
                counts["lines"] += len(ed.rows)
        if len(pending) >= 50_000:
            conn.executemany(LINE_SQL, pending)
            pending.clear()
    conn.executemany(LINE_SQL, pending)
    conn.executemany(DOC_SQL, docs)
    conn.executemany(BUDGET_SQL, budgets)
    conn.executemany(ENTITY_SQL, entities)
    conn.execute("COMMIT")
    if args.analyze:
        conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts["districts"] = n_district
    result: dict[str, object] = dict(counts)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    if args.check:
        result["checked"] = check(db, rng, args.check)
    conn.close()
    result["bytes"] = out.stat().st_size
    return result


def check(db, rng: random.Random, n: int) -> int:
    """Recompute ``current`` of ``n`` random budgets with the project's writer: no change."""
    from bot.store.write import refresh_current

    pairs = [tuple(r) for r in db.execute("SELECT DISTINCT entity, year FROM budgets").fetchall()]
    sample = rng.sample(pairs, min(n, len(pairs)))
    q = "SELECT line_id, current FROM lines WHERE entity = ? AND year = ? ORDER BY line_id"
    for entity, year in sample:
        before = db.execute(q, [entity, year]).fetchall()
        db.conn.execute("BEGIN")
        try:
            refresh_current(db, entity, year)
            after = db.execute(q, [entity, year]).fetchall()
        finally:
            db.conn.execute("ROLLBACK")
        if before != after:
            raise SystemExit(f"current flags differ from refresh_current for {entity} {year}")
        consistent(db, entity, year)
    return len(sample)


def consistent(db, entity: str, year: int) -> None:
    """Parents = sum of children and the deficit identity, over the lines in force."""
    sql = (
        "SELECT code, section, amount_tenge FROM lines "
        "WHERE current = 1 AND entity = ? AND year = ?"
    )
    rows = db.execute(sql, [entity, year]).fetchall()
    amount = {code: a for code, section, a in rows if section != "summary"}
    summary = {code: a for code, section, a in rows if section == "summary"}
    problems = []
    for code, a in amount.items():
        kids = [
            v
            for c, v in amount.items()
            if c.startswith(code + ".") and c.count(".") == code.count(".") + 1
        ]
        if kids and sum(kids) != a:
            problems.append(code)
    cats = sum(amount.get(c, 0) for c in "1234")
    groups = sum(v for c, v in amount.items() if len(c) == 2 and c != "16")
    s = summary
    if s.get("income_total") != cats or s.get("expense_total") != groups:
        problems.append("totals")
    if (
        s["deficit"]
        != s["income_total"] - s["expense_total"] - s["net_lending"] - s["fin_assets_saldo"]
    ):
        problems.append("deficit")
    if s["financing"] != -s["deficit"] or s["financing"] != amount.get("8", 0) - amount.get(
        "16", 0
    ):
        problems.append("financing")
    if problems:
        raise SystemExit(f"inconsistent budget {entity} {year}: {problems}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=1_000_000, help="target number of lines rows")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "synthetic.db"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--first-year", type=int, default=2015)
    ap.add_argument("--last-year", type=int, default=2030)
    ap.add_argument(
        "--planned", type=float, default=0.25,
        help="share of decisions that also give next year's planned budget (superseded later)",
    )  # fmt: skip
    ap.add_argument("--amended", type=float, default=0.3, help="share of decisions amended")
    ap.add_argument("--analyze", action="store_true", help="run ANALYZE (the real store does not)")
    ap.add_argument(
        "--check", type=int, default=0, metavar="N",
        help="verify current flags (refresh_current) and sums on N random budgets",
    )  # fmt: skip
    args = ap.parse_args(argv)
    result = generate(args)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
