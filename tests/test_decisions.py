"""Held-out decisions (issue 7): every fixture under tests/decisions/ parsed and checked.

Each ``<name>.txt`` / ``<name>.html`` under ``tests/decisions/`` (any depth) has a
``<name>.expected.yaml`` next to it, written from the published format it reproduces,
never from what the parser does (schema: tests/decisions/README.md). One test per
fixture; a failure names its CLASS (refused, wrong entity, wrong kind, wrong parent,
label missed, wrong sign, wrong figure, inconsistency not reported, amendment not
applied, …) and the exact mismatch, so a failing run reads as a to-do list.

Fixtures listed in ``tests/decisions/known_failures.txt`` are ``xfail(strict=True)``:
the branch stays green while the parser is behind, and a fix that makes one pass
forces its removal from the list.

``python tests/test_decisions.py`` prints the score table kept in BASELINE.md.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parent / "decisions"
KNOWN_FAILURES = ROOT / "known_failures.txt"
DOC_SUFFIXES = (".txt", ".html", ".htm")

# Failure classes, in the order a report lists them.
CLASSES = (
    "refused",
    "refusal expected",
    "refusal unclear",
    "wrong document",
    "wrong entity",
    "wrong kind",
    "wrong parent",
    "label missed",
    "wrong sign",
    "wrong figure",
    "inconsistency not reported",
    "amendment not applied",
    "rows not accounted",
)


@dataclass
class Mismatch:
    klass: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.klass}] {self.detail}"


@dataclass
class Outcome:
    """What one fixture scored: figures right of total, and every mismatch."""

    name: str
    figures_total: int = 0
    figures_right: int = 0
    refused: str = ""  # the refusal message when the document was refused
    mismatches: list[Mismatch] = field(default_factory=list)

    def miss(self, klass: str, detail: str) -> None:
        assert klass in CLASSES, klass
        self.mismatches.append(Mismatch(klass, detail))


def fixture_paths() -> list[Path]:
    return sorted(
        p
        for p in ROOT.rglob("*")
        if p.suffix in DOC_SUFFIXES and p.with_name(p.stem + ".expected.yaml").exists()
    )


def fixture_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def load_expected(path: Path) -> dict[str, Any]:
    with path.with_name(path.stem + ".expected.yaml").open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.BaseLoader) or {}  # text stays text: "07"


def known_failures() -> set[str]:
    if not KNOWN_FAILURES.exists():
        return set()
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


# --- matching helpers --------------------------------------------------------------


def fold(text: str) -> str:
    """Case, ё/е and apostrophe variants folded; Kazakh letters kept."""
    text = unicodedata.normalize("NFC", str(text)).casefold().replace("ё", "е")
    return text.replace("’", "'").replace("ʼ", "'")


def amount(text: Any) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        return Decimal(str(text).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None


def names_of(key: str, entities: dict[str, dict[str, str]]) -> list[str]:
    info = entities.get(key) or {}
    return [key, *(info.get(f"name_{lang}", "") for lang in ("kk", "ru", "en"))]


def stem_matches(stem: str, names: list[str]) -> bool:
    """The stem begins a word of a name: "Турмыс" is Турмысский, not Жанатурмыс."""
    pattern = re.compile(r"(?<!\w)" + re.escape(fold(stem)))
    return any(pattern.search(fold(n)) for n in names if n)


def parent_names(parent: Any, entities: dict[str, dict[str, str]]) -> list[str]:
    if isinstance(parent, dict):  # tolerate {key, name_kk, …}
        return [str(v) for v in parent.values()]
    if not parent:
        return []
    return names_of(str(parent), entities)


# --- checking one fixture ----------------------------------------------------------


def check_document(exp: dict[str, Any], data: dict[str, Any], out: Outcome) -> None:
    docs = data.get("documents") or []
    want = exp.get("document") or {}
    if not docs:
        out.miss("wrong document", "no document metadata in the result")
        return
    doc = docs[0]
    for key in ("number", "date", "kind"):
        if key in want and str(doc.get(key) or "") != want[key]:
            out.miss("wrong document", f"{key}: expected {want[key]!r}, got {doc.get(key)!r}")
    amends = exp.get("amends")
    if amends:
        got = doc.get("amends")
        if isinstance(got, dict):
            ok = str(got.get("number")) == amends["number"] and str(got.get("date")) == amends.get(
                "date", str(got.get("date"))
            )
        else:
            got_text = str(got or "")
            ok = amends["number"] in got_text and amends.get("date", "") in got_text
        if not ok:
            out.miss(
                "amendment not applied",
                f"amended decision: expected No {amends['number']} of "
                f"{amends.get('date', '?')}, got {got!r}",
            )


def budgets_for(spec: dict[str, Any], data: dict[str, Any]) -> list[dict[str, Any]]:
    entities = data.get("entities") or {}
    return [
        b
        for b in data.get("budgets") or []
        if str(b.get("year")) == spec["year"]
        and stem_matches(
            spec["entity"], [b.get("entity", ""), *names_of(b.get("entity", ""), entities)]
        )
    ]


def check_no_stray_budget(exp: dict[str, Any], data: dict[str, Any], out: Outcome) -> None:
    """Every budget the parser gives must be one the document prints: a copy filed under
    the district, or a village total taken for the district, is a wrong entity."""
    specs = exp.get("budgets") or []
    if not specs:
        return
    entities = data.get("entities") or {}
    for b in data.get("budgets") or []:
        names = [b.get("entity", ""), *names_of(b.get("entity", ""), entities)]
        if not any(
            str(b.get("year")) == s["year"] and stem_matches(s["entity"], names) for s in specs
        ):
            out.miss(
                "wrong entity",
                f"a budget the document does not print: {b.get('entity')} {b.get('year')}",
            )


def check_figure(label: str, want_text: str, got: list[Decimal | None], out: Outcome) -> None:
    """One expected figure against every value the budgets give for its code."""
    out.figures_total += 1
    want = amount(want_text)
    values = [g for g in got if g is not None]
    if want is not None and values and all(v == want for v in values):
        out.figures_right += 1
        return
    if not values:
        out.miss("label missed", f"{label}: expected {want_text}, not read")
    elif want is not None and want != 0 and any(v == -want for v in values):
        out.miss("wrong sign", f"{label}: expected {want_text}, got {values_text(values)}")
    else:
        out.miss("wrong figure", f"{label}: expected {want_text}, got {values_text(values)}")


def values_text(values: list[Decimal]) -> str:
    return ", ".join(sorted({str(v) for v in values}))


def check_budget(spec: dict[str, Any], data: dict[str, Any], out: Outcome) -> None:
    entities = data.get("entities") or {}
    where = f"{spec['entity']} {spec['year']}"
    found = budgets_for(spec, data)
    summary = spec.get("summary") or {}
    lines = spec.get("lines") or {}
    n_figures = len(summary) + len(lines)
    if not found:
        same_year = sorted(
            {
                str(b.get("entity"))
                for b in data.get("budgets") or []
                if str(b.get("year")) == spec["year"]
            }
        )
        out.miss(
            "wrong entity", f"{where}: no budget for it; {spec['year']} budgets are {same_year}"
        )
        out.figures_total += n_figures
        return
    kinds = {b.get("entity_kind") for b in found}
    if "entity_kind" in spec and kinds != {spec["entity_kind"]}:
        out.miss(
            "wrong kind", f"{where}: expected {spec['entity_kind']}, got {sorted(map(str, kinds))}"
        )
    if "parent" in spec:
        parents = [b.get("parent") for b in found]
        if not all(stem_matches(spec["parent"], parent_names(p, entities)) for p in parents):
            out.miss("wrong parent", f"{where}: expected {spec['parent']!r}, got {parents!r}")
    for code, want in summary.items():
        got = [
            amount(ln.get("amount"))
            for b in found
            for ln in b.get("lines") or []
            if ln.get("code") == code and ln.get("section", "summary") == "summary"
        ]
        check_figure(f"{where} {code}", want, got, out)
    for code, want in lines.items():
        got = [
            amount(ln.get("amount"))
            for b in found
            for ln in b.get("lines") or []
            if ln.get("code") == code and ln.get("section") != "summary"
        ]
        if not got:  # a summary key listed under lines is still that summary row
            got = [
                amount(ln.get("amount"))
                for b in found
                for ln in b.get("lines") or []
                if ln.get("code") == code
            ]
        check_figure(f"{where} line {code}", want, got, out)


def code_named(code: str, problem: dict[str, Any]) -> bool:
    """A problem is about ``code`` when it carries that code or names it in its message
    (a sum that does not add up lists every figure it involves)."""
    return problem.get("code") == code or code in str(problem.get("message") or "")


def check_problems(exp: dict[str, Any], data: dict[str, Any], out: Outcome) -> None:
    problems = data.get("problems") or []
    for want in exp.get("problems") or []:
        codes = want.get("code", "").split("|")
        hit = any(
            (not want.get("year") or str(p.get("year")) == want["year"])
            and (not want.get("code") or any(code_named(c, p) for c in codes))
            for p in problems
        )
        if not hit:
            seen = [(p.get("year"), p.get("code"), p.get("message")) for p in problems]
            out.miss(
                "inconsistency not reported",
                f"expected a problem {want.get('year')} {want.get('code')}; reported {seen}",
            )


def check_rows(exp: dict[str, Any], data: dict[str, Any], out: Outcome) -> None:
    """Appendix fixtures: rows read against rows stored, as the validation report gives them."""
    want = exp.get("rows")
    if not want:
        return
    got = data.get("rows") or (data.get("validation") or {}).get("rows")
    if not isinstance(got, dict) or any(str(got.get(k)) != v for k, v in want.items()):
        out.miss("rows not accounted", f"rows: expected {dict(want)}, got {got!r}")


def check_store(path: Path, exp: dict[str, Any], out: Outcome, tmp_path: Path) -> None:
    """Ingest the ``before`` files and this one into a fresh store; check what is in force."""
    from bot.ingest.pipeline import ingest_paths
    from bot.store.schema import open_db

    store = exp.get("store") or {}
    if not store:
        return
    db_path = tmp_path / "store.db"
    before = [path.parent / name for name in store.get("before") or []]
    reports = ingest_paths([*before, path], db_path)
    for report in reports[:-1]:
        if not report.ok:
            out.miss("refused", f"base {Path(report.path).name} refused: {report.reason}")
    if not reports[-1].ok:
        out.miss("amendment not applied", f"not stored after its base: {reports[-1].reason}")
    db = open_db(db_path, readonly=True)
    try:
        entities = {r["entity"]: r for r in db.query("select * from entities")}
        for item in store.get("in_force") or []:
            label = f"in force {item['entity']} {item['year']} {item['code']}"
            keys = [k for k in entities if stem_matches(item["entity"], names_of(k, entities))]
            if item.get("parent"):  # two places of one name are told apart by their parent
                named = keys
                keys = [
                    k
                    for k in named
                    if stem_matches(
                        item["parent"], parent_names(entities[k].get("parent"), entities)
                    )
                ]
                if named and not keys:
                    out.figures_total += 1
                    parents = [entities[k].get("parent") for k in named]
                    out.miss("wrong parent", f"{label}: no {item['parent']!r} among {parents}")
                    continue
            rows = [
                r
                for r in db.query(
                    "select * from lines where current = 1 and year = ? and code = ?",
                    [int(item["year"]), item["code"]],
                )
                if r["entity"] in keys
            ]
            out.figures_total += 1
            want = amount(item["amount"])
            got = [Decimal(r["amount_tenge"]) / 1000 for r in rows]
            if want is not None and len(got) == 1 and got[0] == want:
                out.figures_right += 1
            elif len({r["entity"] for r in rows}) > 1:
                out.miss(
                    "wrong entity",
                    f"{label}: several places match ({sorted({r['entity'] for r in rows})}), "
                    f"in force {values_text(got)}",
                )
            elif not got:
                out.miss(
                    "amendment not applied", f"{label}: expected {item['amount']}, nothing in force"
                )
            else:
                out.miss(
                    "amendment not applied",
                    f"{label}: expected {item['amount']}, in force {values_text(got)}",
                )
    finally:
        db.close()


def evaluate(path: Path, tmp_path: Path) -> Outcome:
    from bot.ingest.pipeline import parse_file
    from bot.model import UnusableDocument

    exp = load_expected(path)
    out = Outcome(fixture_id(path))
    refusal = exp.get("refused")
    try:
        data = parse_file(path).to_json()
    except UnusableDocument as exc:
        out.refused = str(exc) or "refused"
        if refusal:
            if "\n" in str(exc).strip():
                out.miss("refusal unclear", f"a refusal is one line, got {str(exc)!r}")
            if fold(refusal) not in fold(str(exc)):
                out.miss("refusal unclear", f"refusal should say {refusal!r}, said {str(exc)!r}")
            return out
        if exp.get("refusal_ok"):  # e.g. a summary of all village budgets may be refused
            return out
        if exp.get("store") and not exp.get("budgets"):
            # 'цифры … заменить' alone has nothing to store; what counts is the store after it
            check_store(path, exp, out, tmp_path)
            return out
        out.miss("refused", f"refused although point 1 is printed: {exc}")
        out.figures_total = sum(
            len(b.get("summary") or {}) + len(b.get("lines") or {})
            for b in exp.get("budgets") or []
        ) + len((exp.get("store") or {}).get("in_force") or [])
        return out
    if refusal:
        out.miss("refusal expected", f"expected a refusal saying {refusal!r}, got budgets")
        return out
    check_document(exp, data, out)
    for spec in exp.get("budgets") or []:
        check_budget(spec, data, out)
    check_no_stray_budget(exp, data, out)
    check_problems(exp, data, out)
    check_rows(exp, data, out)
    check_store(path, exp, out, tmp_path)
    return out


# --- the tests -----------------------------------------------------------------------

_KNOWN = known_failures()


def _params() -> list[Any]:
    params = []
    for path in fixture_paths():
        marks = []
        if path.name in _KNOWN or fixture_id(path) in _KNOWN:
            marks.append(
                pytest.mark.xfail(strict=True, reason="known failure (known_failures.txt)")
            )
        params.append(pytest.param(path, id=fixture_id(path), marks=marks))
    return params


@pytest.mark.parametrize("path", _params())
def test_decision(path: Path, tmp_path: Path) -> None:
    out = evaluate(path, tmp_path)
    if out.mismatches:
        classes = sorted({m.klass for m in out.mismatches}, key=CLASSES.index)
        pytest.fail(
            f"{out.name}: {', '.join(classes)} — figures {out.figures_right}/{out.figures_total}\n"
            + "\n".join(f"  {m}" for m in out.mismatches),
            pytrace=False,
        )


def test_every_fixture_has_valid_expectations() -> None:
    """The expected files follow the schema (so a typo cannot pass as a lenient check)."""
    top = {
        "about",
        "lang",
        "document",
        "amends",
        "refused",
        "refusal_ok",
        "budgets",
        "problems",
        "store",
    }
    per_budget = {"entity", "entity_kind", "parent", "year", "summary", "lines", "rows"}
    kinds = {
        "region",
        "city",
        "district",
        "town",
        "settlement",
        "village",
        "rural_district",
        "villages_total",
    }
    for path in fixture_paths():
        exp = load_expected(path)
        assert set(exp) <= top | {"rows"}, (path.name, set(exp) - top)
        assert exp.get("lang") in ("kk", "ru"), path.name
        assert exp.get("about"), path.name
        for spec in exp.get("budgets") or []:
            assert set(spec) <= per_budget, (path.name, set(spec) - per_budget)
            assert spec.get("entity_kind", "region") in kinds, (path.name, spec.get("entity_kind"))
            for value in [
                *(spec.get("summary") or {}).values(),
                *(spec.get("lines") or {}).values(),
            ]:
                assert amount(value) is not None, (path.name, value)
        for name in (exp.get("store") or {}).get("before") or []:
            assert (path.parent / name).exists(), (path.name, name)


def test_known_failures_name_real_fixtures() -> None:
    ids = {fixture_id(p) for p in fixture_paths()} | {p.name for p in fixture_paths()}
    assert ids >= _KNOWN, sorted(_KNOWN - ids)


# --- score table (python tests/test_decisions.py) --------------------------------------


def main() -> None:
    import tempfile

    outcomes = []
    for path in fixture_paths():
        with tempfile.TemporaryDirectory() as tmp:
            outcomes.append(evaluate(path, Path(tmp)))
    for group in sorted({o.name.split("/")[0] for o in outcomes}):
        print(f"## {group}/")
        table([o for o in outcomes if o.name.startswith(group + "/")])
        print()
    print("## all")
    table(outcomes)
    print()
    for out in outcomes:
        classes = sorted({m.klass for m in out.mismatches}, key=CLASSES.index)
        print(f"- {out.name}: {out.figures_right}/{out.figures_total} {', '.join(classes) or 'ok'}")
    failing = [o for o in outcomes if o.mismatches]
    if "--failing" in sys.argv:
        print("\n".join(o.name for o in failing), file=sys.stderr)
    if "--verbose" in sys.argv:
        for out in failing:
            print(f"\n{out.name}")
            for m in out.mismatches:
                print(f"  {m}")


def table(outcomes: list[Outcome]) -> None:
    """Figures right, refusals and mismatches per class for a set of fixtures."""
    per_class: Counter[str] = Counter()
    docs_per_class: Counter[str] = Counter()
    for out in outcomes:
        per_class.update(m.klass for m in out.mismatches)
        docs_per_class.update({m.klass for m in out.mismatches})
    right = sum(o.figures_right for o in outcomes)
    total = sum(o.figures_total for o in outcomes)
    refused = sum(any(m.klass == "refused" for m in o.mismatches) for o in outcomes)
    passing = sum(not o.mismatches for o in outcomes)
    print(f"fixtures: {len(outcomes)}, passing: {passing}")
    print(f"figures right: {right} / {total}")
    print(f"documents refused although point 1 printed: {refused} / {len(outcomes)}")
    print()
    print("| class | mismatches | fixtures |")
    print("| --- | --- | --- |")
    for klass in CLASSES:
        print(f"| {klass} | {per_class[klass]} | {docs_per_class[klass]} |")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()


# --- the harness checks itself: a perfect result passes, each defect gets its class ------

_SELF = ROOT / "point1" / "kk_district_shyngyrlau_2026_base.txt"


def _perfect(exp: dict[str, Any]) -> dict[str, Any]:
    """The parse --json a correct parser would give for a fixture (store untouched)."""
    doc = {**exp["document"], "amends": ""}
    entities = {"parent-key": {"kind": "region", "name_kk": "", "name_ru": "", "name_en": ""}}
    budgets = []
    for i, spec in enumerate(exp["budgets"]):
        key = f"entity-{i}"
        entities[key] = {
            "kind": spec["entity_kind"],
            "name_kk": spec["entity"],
            "name_ru": "",
            "name_en": "",
        }
        entities["parent-key"]["name_kk"] = spec.get("parent", "")
        lines = [
            {"code": code, "amount": value, "section": "summary"}
            for code, value in spec["summary"].items()
        ]
        budgets.append(
            {
                "entity": key,
                "entity_kind": spec["entity_kind"],
                "parent": "parent-key",
                "year": int(spec["year"]),
                "lines": lines,
            }
        )
    return {"documents": [doc], "budgets": budgets, "problems": [], "entities": entities}


def _flip_lending(d: dict[str, Any]) -> None:
    for ln in d["budgets"][0]["lines"]:
        if ln["code"] == "net_lending":
            ln["amount"] = "-" + ln["amount"]


def _drop_tax(d: dict[str, Any]) -> None:
    d["budgets"][0]["lines"] = [ln for ln in d["budgets"][0]["lines"] if ln["code"] != "tax"]


def _other_place(d: dict[str, Any]) -> None:
    d["entities"]["entity-0"]["name_kk"] = "Жәнібек"


def _kind(d: dict[str, Any]) -> None:
    d["budgets"][0]["entity_kind"] = "rural_district"


def _no_parent(d: dict[str, Any]) -> None:
    d["budgets"][0].pop("parent")


def _figure(d: dict[str, Any]) -> None:
    d["budgets"][0]["lines"][0]["amount"] = "1"


@pytest.mark.parametrize(
    ("mutate", "klass"),
    [
        (None, None),
        (_flip_lending, "wrong sign"),
        (_drop_tax, "label missed"),
        (_other_place, "wrong entity"),
        (_kind, "wrong kind"),
        (_no_parent, "wrong parent"),
        (_figure, "wrong figure"),
    ],
)
def test_harness_names_the_class(
    mutate: Any, klass: str | None, monkeypatch, tmp_path: Path
) -> None:
    import bot.ingest.pipeline as pipeline

    data = _perfect(load_expected(_SELF))
    if mutate:
        mutate(data)

    class Parsed:
        def to_json(self) -> dict[str, Any]:
            return data

    monkeypatch.setattr(pipeline, "parse_file", lambda path: Parsed())
    out = evaluate(_SELF, tmp_path)
    assert {m.klass for m in out.mismatches} == ({klass} if klass else set()), out.mismatches
    assert (out.figures_right == out.figures_total) == (
        klass in (None, "wrong kind", "wrong parent")
    )
