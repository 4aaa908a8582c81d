"""Check a budget against its own sums, and repair only what the sums force.

Every budget gives several linear identities between its figures:

- in an appendix, each parent equals the sum of its children (``07 = 07.2 + 07.3``,
  ``07.2.124 = 07.2.124.014``), income = categories 1–4, expenses = groups 01–15,
  financing = 7 − 16 + 8;
- income − expenses − net lending − saldo = deficit, and financing = −deficit,
  in point 1 and in the appendix;
- point 1 agrees with the appendix (``tax`` = category 1, …).

A figure that is unreadable or lost is *derived* when one identity has it as its
only unknown. A printed figure that breaks identities is *repaired* only if it is
the single figure that, changed to one value, satisfies every identity it enters
and every broken identity it fixes; each repair is recorded with the printed text,
the value used and the identities that forced it. Anything else is left as printed
and reported as a problem. Nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from bot import codes
from bot.model import NUMBERED_KEYS, Budget, Line, Problem, Repair

CATEGORIES = {"1": "tax", "2": "non_tax", "3": "capital", "4": "transfers"}
CROSS_KEYS = NUMBERED_KEYS

Var = tuple[str, str]  # (part, code): part is "point" or "appendix"


@dataclass(frozen=True)
class Constraint:
    """``Σ coef·var = 0``, with a readable name for reports."""

    name: str
    terms: tuple[tuple[int, Var], ...]

    @property
    def variables(self) -> set[Var]:
        return {v for _, v in self.terms}

    def residual(self, values: dict[Var, Decimal | None]) -> Decimal | None:
        total = Decimal(0)
        for coef, var in self.terms:
            value = values.get(var)
            if value is None:
                return None
            total += coef * value
        return total

    def solve_for(self, var: Var, values: dict[Var, Decimal | None]) -> Decimal | None:
        """The value of ``var`` that satisfies this constraint, others held fixed."""
        coef_var = sum(c for c, v in self.terms if v == var)
        if coef_var == 0:
            return None
        rest = Decimal(0)
        for coef, v in self.terms:
            if v == var:
                continue
            value = values.get(v)
            if value is None:
                return None
            rest += coef * value
        return -rest / coef_var + 0  # + 0 turns Decimal('-0') into 0


def constraints(budget: Budget, *, partial: bool = False) -> list[Constraint]:
    """The identities among ``budget``'s figures.

    ``partial``: the budget restates only some summary figures (an amending decision
    that replaces a few numbers); the others stay as in the base text, so summary
    identities cannot be checked here and only the appendix tree is.
    """
    point = {ln.code for ln in budget.lines if ln.source.startswith("point")}
    appendix = {ln.code for ln in budget.lines if ln.source.startswith("appendix")}
    # lending by functional group ("10 Сельское хозяйство" under Бюджетные кредиты) is not
    # spending: the expenses identity takes the groups the table printed as expenses
    section = {ln.code: ln.section for ln in budget.lines if ln.source.startswith("appendix")}
    out: list[Constraint] = []

    def add(name: str, terms: Iterable[tuple[int, Var]]) -> None:
        terms = tuple(terms)
        if len(terms) > 1:
            out.append(Constraint(name, terms))

    # appendix: parent = Σ children
    children: dict[str, list[str]] = {}
    for code in appendix:
        parent = codes.parent_of(code)
        while parent and parent not in appendix:  # a level the document skips
            parent = codes.parent_of(parent)
        if parent:
            children.setdefault(parent, []).append(code)
    for parent, kids in sorted(children.items()):
        kids = sorted(kids)
        add(
            f"{parent} = {' + '.join(kids)}",
            [(1, ("appendix", parent)), *((-1, ("appendix", k)) for k in kids)],
        )

    def summary(part: str, present: set[str]) -> None:
        if not present:
            return
        v = {k: (part, k) for k in present}

        def needs(*keys: str) -> bool:
            return all(k in v for k in keys)

        if part == "appendix":
            cats = sorted(c for c in present if c in CATEGORIES)
            if cats and needs("income_total"):
                add(
                    "income = " + " + ".join(cats),
                    [(1, v["income_total"]), *((-1, ("appendix", c)) for c in cats)],
                )
            groups = sorted(
                c
                for c in present
                if (code := codes.parse(c))
                and code.is_top
                and code.section == "expense"
                and section.get(c) == "expense"
            )
            if groups and needs("expense_total"):
                add(
                    "expenses = " + " + ".join(groups),
                    [(1, v["expense_total"]), *((-1, ("appendix", g)) for g in groups)],
                )
            fin = [(s, c) for s, c in ((1, "7"), (-1, "16"), (1, "8")) if c in present]
            if fin and needs("financing"):
                add(
                    "financing = " + " ".join(f"{'+' if s > 0 else '−'} {c}" for s, c in fin),
                    [(1, v["financing"]), *((-s, ("appendix", c)) for s, c in fin)],
                )
        else:
            parts = [k for k in CATEGORIES.values() if k in present]
            if parts and needs("income_total"):
                add(
                    "income = " + " + ".join(parts),
                    [(1, v["income_total"]), *((-1, v[k]) for k in parts)],
                )
        if needs("income_total", "expense_total", "net_lending", "fin_assets_saldo", "deficit"):
            add(
                "income − expenses − net lending − saldo = deficit",
                [
                    (1, v["income_total"]),
                    (-1, v["expense_total"]),
                    (-1, v["net_lending"]),
                    (-1, v["fin_assets_saldo"]),
                    (-1, v["deficit"]),
                ],
            )
        if needs("financing", "deficit"):
            add("financing = −deficit", [(1, v["financing"]), (1, v["deficit"])])

    if not partial:
        summary("point", point)
        summary("appendix", appendix)
    if point and appendix:
        for key in CROSS_KEYS:
            if key in point and key in appendix:
                add(
                    f"point 1 {key} = appendix {key}",
                    [(1, ("point", key)), (-1, ("appendix", key))],
                )
        for cat, key in CATEGORIES.items():
            if key in point and cat in appendix:
                add(
                    f"point 1 {key} = appendix category {cat}",
                    [(1, ("point", key)), (-1, ("appendix", cat))],
                )
    return out


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return "?"
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def validate(
    budget: Budget, *, partial: bool = False, repair: bool = True
) -> tuple[list[Repair], list[Problem]]:
    """Derive lost figures, repair forced ones, report the rest; mutates ``budget.lines``.

    ``repair=False`` for a clean published text: it is the law as adopted, so nothing is
    derived or changed and every identity that does not hold is reported.
    """
    repairs: list[Repair] = []
    problems: list[Problem] = []
    lines: dict[Var, Line] = {}
    for ln in budget.lines:
        part = "point" if ln.source.startswith("point") else "appendix"
        lines.setdefault((part, ln.code), ln)
    rules = constraints(budget, partial=partial)
    values: dict[Var, Decimal | None] = {var: ln.amount for var, ln in lines.items()}
    for rule in rules:
        for var in rule.variables:
            values.setdefault(var, None)

    def describe(rule: Constraint) -> str:
        shown = ", ".join(
            f"{code}={_fmt(values.get((part, code)))}" for _, (part, code) in rule.terms
        )
        return f"{rule.name} ({shown})"

    def record(var: Var, value: Decimal, why: list[Constraint]) -> None:
        _part, code = var
        line = lines[var]
        printed = line.printed
        line.amount = value
        line.repaired = True
        values[var] = value
        repairs.append(
            Repair(
                budget.entity,
                budget.year,
                code,
                printed,
                value,
                "; ".join(describe(r) for r in why),
                line.source,
            )
        )

    def derive() -> None:
        """Fill unknowns that an identity pins down (its only unknown)."""
        changed = True
        while changed:
            changed = False
            proposals: dict[Var, list[tuple[Decimal, Constraint]]] = {}
            for rule in rules:
                unknown = [v for v in rule.variables if values.get(v) is None]
                if len(unknown) == 1:
                    value = rule.solve_for(unknown[0], values)
                    if value is not None:
                        proposals.setdefault(unknown[0], []).append((value, rule))
            for var, found in proposals.items():
                if len({value for value, _ in found}) == 1:  # every identity agrees
                    record(var, found[0][0], [rule for _, rule in found])
                    changed = True

    if repair:
        derive()
    for _ in range(len(values) if repair else 0):
        broken = [r for r in rules if (res := r.residual(values)) is not None and res != 0]
        if not broken:
            break
        candidates: list[tuple[Var, Decimal, list[Constraint]]] = []
        for var in sorted({v for r in broken for v in r.variables}):
            involved = [r for r in rules if var in r.variables]
            proposals = {r.solve_for(var, values) for r in involved}
            if len(proposals) != 1 or None in proposals:
                continue  # the identities it enters disagree: changing it cannot fix them all
            value = proposals.pop()
            if value is None or value == values[var]:
                continue
            if value == 0 and values[var]:
                continue  # a repair never turns a printed non-zero figure into zero
            candidates.append((var, value, involved))
        # a repair must be the only reading: one candidate fixing a broken identity
        fixed = False
        for rule in broken:
            fixers = [c for c in candidates if rule in c[2]]
            if len(fixers) == 1:
                var, value, involved = fixers[0]
                if values[var] != value:
                    record(var, value, involved)
                    fixed = True
        if not fixed:
            break
        derive()
    for rule in rules:
        res = rule.residual(values)
        if res is not None and res != 0:
            problems.append(
                Problem(budget.entity, budget.year, "", f"does not add up: {describe(rule)}", "")
            )
    for ln in list(budget.lines):
        if ln.amount is None:
            budget.lines.remove(ln)
            problems.append(
                Problem(
                    budget.entity,
                    budget.year,
                    ln.code,
                    f"no readable amount and no sum to derive it from; "
                    f"row not stored ({ln.name_printed[:60]})",
                    ln.source,
                )
            )
    return repairs, problems
